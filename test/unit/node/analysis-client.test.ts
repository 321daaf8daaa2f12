import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CancelledError } from '../../../src/core/ports';
import { AnalysisClient } from '../../../src/node/analysis-client';

describe('AnalysisClient', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archlens-client-'));
    // Stand-in workers: one that takes requests and never answers, one that dies on the first.
    writeFileSync(path.join(dir, 'silent.js'), 'setInterval(() => {}, 1000);\n');
    writeFileSync(
      path.join(dir, 'crashing.js'),
      "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n",
    );
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('ends a request still running when it is disposed as cancelled, not as a failure', async () => {
    const client = new AnalysisClient(path.join(dir, 'silent.js'), dir);
    const update = client.update([{ type: 'changed', path: 'src/a.ts' }]);
    client.dispose();
    await assert.rejects(update, CancelledError);
    await assert.rejects(client.update([]), CancelledError, 'a request after dispose is cancelled at once');
  });

  it('reports a worker that stops on its own as a failure with its exit code', async () => {
    const client = new AnalysisClient(path.join(dir, 'crashing.js'), dir);
    try {
      await assert.rejects(client.update([{ type: 'changed', path: 'src/a.ts' }]), (error: Error) => {
        assert.ok(!(error instanceof CancelledError));
        assert.match(error.message, /The analysis worker stopped \(exit code 3\)/);
        return true;
      });
    } finally {
      client.dispose();
    }
  });
});
