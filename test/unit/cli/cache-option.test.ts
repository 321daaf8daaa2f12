import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCliCaptured } from '../support/captured-cli';

/** Every file under a folder with its size and mtime, to see that nothing was written there. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(`${path.relative(dir, full)} ${statSync(full).size} ${statSync(full).mtimeMs}`);
    }
  };
  walk(dir);
  return out.sort();
}

describe('archlens --cache <dir>', () => {
  let base: string;
  let workspace: string;
  let cache: string;
  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'archlens-cache-'));
    workspace = path.join(base, 'shop');
    cache = path.join(base, 'cache');
    cpSync(path.resolve('examples/shop'), workspace, { recursive: true });
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('gives the output of a run without cache, cold and warm, and writes only into the cache folder', async () => {
    const before = listing(workspace);
    const plain = await runCliCaptured(['graph', workspace, '--json'], base);
    const cold = await runCliCaptured(['graph', workspace, '--json', '--cache', 'cache'], base);
    const warm = await runCliCaptured(['graph', workspace, '--json', '--cache', 'cache'], base);
    assert.equal(plain.code, 0);
    assert.equal(cold.stdout, plain.stdout);
    assert.equal(warm.stdout, plain.stdout);
    assert.equal(warm.stderr, '');
    assert.deepEqual(listing(workspace), before);
    assert.deepEqual(
      readdirSync(cache).map((name) => /^archlens-[0-9a-f]{16}\.json$/.test(name)),
      [true],
    );
    const detect = await runCliCaptured(
      ['detect', workspace, '--json', '--no-git', '--cache', 'cache'],
      base,
    );
    const detectPlain = await runCliCaptured(['detect', workspace, '--json', '--no-git'], base);
    assert.equal(detect.stdout, detectPlain.stdout);
  });

  it('a corrupt cache file is named in one warning on stderr and the result is the same', async () => {
    const plain = await runCliCaptured(['graph', workspace, '--json'], base);
    await runCliCaptured(['graph', workspace, '--json', '--cache', cache], base);
    const [file] = readdirSync(cache);
    writeFileSync(
      path.join(cache, file ?? ''),
      '{"format":"archlens-analysis-cache","formatVersion":1,"files":7}',
    );
    const run = await runCliCaptured(['graph', workspace, '--json', '--cache', cache], base);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, plain.stdout);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(
      lines[0] ?? '',
      /the analysis cache .*archlens-[0-9a-f]{16}\.json was not used \(it is malformed/,
    );
    // The next run finds the snapshot the last one wrote.
    assert.equal((await runCliCaptured(['graph', workspace, '--json', '--cache', cache], base)).stderr, '');
  });

  it('is listed in the help of graph, detect and diagram', async () => {
    for (const command of ['graph', 'detect', 'diagram']) {
      const help = await runCliCaptured([command, '--help'], base);
      assert.match(help.stdout, /--cache <dir>/, command);
    }
  });
});
