import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCliCaptured } from '../support/captured-cli';

/** The edge indexes the Mermaid text draws red (`linkStyle … stroke:#f85149`). */
function redEdges(mermaid: string): string[] {
  return /^ {2}linkStyle ([\d,]+) stroke:#f85149/m.exec(mermaid)?.[1]?.split(',') ?? [];
}

describe('archlens diagram with boundary-rule violations', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archlens-diagram-rules-'));
    cpSync(path.resolve('test/fixtures/rules/hexagonal'), dir, { recursive: true });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('draws the edges of violating imports red, and leaves out those the baseline knows', async () => {
    const drawn = await runCliCaptured(['diagram', dir], dir);
    assert.equal(drawn.code, 0, drawn.stderr);
    // The overview's three violations: the core to postgres (pg), the core to an adapter, adapter to adapter.
    assert.equal(redEdges(drawn.stdout).length, 3, drawn.stdout);
    for (const index of redEdges(drawn.stdout)) assert.match(drawn.stdout, new RegExp(` e${index}@-\\.->`));

    const written = await runCliCaptured(['check', dir, '--update-baseline', '--no-git'], dir);
    assert.equal(written.code, 0, written.stderr);
    const known = await runCliCaptured(['diagram', dir], dir);
    assert.deepEqual(redEdges(known.stdout), [], 'every violation is known to the baseline');
  });
});
