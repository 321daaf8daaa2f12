import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { z } from 'zod';
import { detectJson } from '../../../src/core/report/detection-schema';
import { PATTERN_IDS } from '../../../src/core/model';
import { runCliCaptured } from '../support/captured-cli';

const repoRoot = path.resolve(__dirname, '../../../..');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'workspaces');

const detectJsonOf = (dir: string) => runCliCaptured(['detect', dir, '--json', '--no-git'], repoRoot);

describe('archlens detect --json schema', () => {
  for (const name of ['cqrs-express-catalog', 'micro-compose-express-shop', 'negative-library']) {
    it(`${name}: matches the schema exactly and is deterministic`, async () => {
      const dir = path.join(fixtures, name);
      const first = await detectJsonOf(dir);
      assert.equal(first.code, 0, first.stderr);
      const parsed = detectJson.safeParse(JSON.parse(first.stdout));
      assert.ok(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error));
      const result = parsed.data;

      assert.equal(result.root, dir.split(path.sep).join('/'));
      assert.deepEqual(
        result.patterns.map((p) => p.id).sort(),
        [...PATTERN_IDS].sort(),
        'all nine ids, each once',
      );
      const yes = result.patterns.filter((p) => p.verdict === 'yes').map((p) => p.id);
      if (yes.length === 0) assert.equal(result.primary, null, 'primary is null when nothing is a yes');
      else assert.ok(result.primary !== null && yes.includes(result.primary), 'primary is one of the yes');
      for (let i = 1; i < result.patterns.length; i++)
        assert.ok(
          (result.patterns[i - 1]?.score ?? 0) >= (result.patterns[i]?.score ?? 0),
          'patterns sorted by score',
        );

      const second = await detectJsonOf(dir);
      assert.equal(second.stdout, first.stdout, 'two runs print byte-identical JSON');
    });
  }

  it('negative-library: no yes, so primary is null', async () => {
    const run = await detectJsonOf(path.join(fixtures, 'negative-library'));
    const result = detectJson.parse(JSON.parse(run.stdout));
    assert.equal(result.primary, null);
    assert.ok(result.patterns.every((p) => p.verdict !== 'yes'));
  });

  it('the schema rejects an extra key and a bad verdict (it can fail)', async () => {
    const run = await detectJsonOf(path.join(fixtures, 'cqrs-express-catalog'));
    const value = JSON.parse(run.stdout) as { patterns: Record<string, unknown>[]; extra?: number };
    assert.equal(detectJson.safeParse({ ...value, extra: 1 }).success, false);
    const first = value.patterns[0] ?? {};
    const badVerdict = { ...value, patterns: [{ ...first, verdict: 'maybe' }, ...value.patterns.slice(1)] };
    assert.equal(detectJson.safeParse(badVerdict).success, false);
  });
});
