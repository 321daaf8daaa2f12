import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';

// `archlens graph --json | head`: the reader closes the pipe after its first bytes. The built
// executable (dist/cli.js, from `npm run build`) must then stop quietly, not print a stack trace
// and exit 1 (which means "a check found problems").
const cli = path.resolve('dist/cli.js');
// The project's own sources: a model of a few hundred KB, far more than a pipe buffers.
const bigWorkspace = path.resolve('src');

function runAndCloseEarly(args: string[]): Promise<{ code: number | null; stderr: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ARCHLENS_NO_COMPILE_CACHE: '1' },
    });
    let stderr = '';
    let bytes = 0;
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdout.once('data', (chunk: Buffer) => {
      bytes = chunk.length;
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, bytes }));
  });
}

describe('archlens executable: stdout closed early (| head)', function () {
  this.timeout(60_000);

  it('graph --json: exits 0 with nothing on stderr', async () => {
    const result = await runAndCloseEarly(['graph', bigWorkspace, '--json']);
    assert.ok(result.bytes > 0, 'some output arrived before the pipe closed');
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
  });
});
