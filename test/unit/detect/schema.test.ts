import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { z } from 'zod';
import { PATTERN_IDS } from '../../../src/core/model';
import { runCliCaptured } from '../support/captured-cli';

const repoRoot = path.resolve(__dirname, '../../../..');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'workspaces');

/** A relative POSIX path: no drive, no leading slash, no backslash, no `..` segment. */
const relativePosixPath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p) && !p.includes('\\'), 'relative POSIX path')
  .refine((p) => !p.split('/').includes('..'), 'inside the workspace');

const evidence = z
  .object({
    file: relativePosixPath,
    line: z.number().int().positive().optional(),
    message: z.string().min(1),
    weight: z.number().min(0).max(1),
  })
  .strict();

const patternId = z.enum(PATTERN_IDS);

const partRole = z.enum([
  'service',
  'worker',
  'function',
  'web-frontend',
  'mobile',
  'desktop',
  'cli',
  'library',
  'tooling',
  'tests',
]);

/** The documented shape of `archlens detect --json`, with no room for extra keys. */
const detectJson = z
  .object({
    version: z.literal(1),
    root: z.string().refine((p) => p.startsWith('/') || /^[A-Za-z]:\//.test(p), 'absolute path'),
    primary: patternId.nullable(),
    patterns: z.array(
      z
        .object({
          id: patternId,
          score: z.number().min(0).max(1),
          verdict: z.enum(['yes', 'partial', 'no']),
          evidence: z.array(evidence),
          counterEvidence: z.array(evidence),
        })
        .strict(),
    ),
    units: z
      .object({
        deployables: z.array(
          z.object({ name: z.string().min(1), path: relativePosixPath, kind: z.string().min(1) }).strict(),
        ),
        modules: z.array(z.object({ name: z.string().min(1), path: relativePosixPath }).strict()),
        layers: z.array(z.object({ name: z.string().min(1), paths: z.array(relativePosixPath) }).strict()),
      })
      .strict(),
    system: z
      .object({
        entryPoints: z.array(
          z
            .object({
              file: relativePosixPath,
              line: z.number().int().positive().optional(),
              kind: z.enum([
                'package-main',
                'package-bin',
                'package-script',
                'framework-root',
                'bootstrap',
                'function-handler',
                'language-main',
              ]),
              source: relativePosixPath,
              message: z.string().min(1),
            })
            .strict(),
        ),
        parts: z.array(
          z
            .object({
              name: z.string().min(1),
              path: relativePosixPath,
              role: partRole,
              basis: z.array(z.string().min(1)).min(1),
              entryPoints: z.array(relativePosixPath).min(1),
              files: z.number().int().nonnegative(),
            })
            .strict(),
        ),
        deployables: z.array(
          z
            .object({
              name: z.string().min(1),
              path: relativePosixPath,
              role: z.enum(['service', 'function', 'web-app']),
              processes: z.array(
                z
                  .object({
                    name: z.string().min(1),
                    kind: z.string().min(1),
                    file: relativePosixPath,
                    line: z.number().int().positive().optional(),
                  })
                  .strict(),
              ),
            })
            .strict(),
        ),
        notServices: z.array(
          z
            .object({
              name: z.string().min(1),
              path: z.string().min(1),
              reason: z.enum([
                'not-backend',
                'no-backend-code',
                'all-in-one',
                'library',
                'image-not-built-here',
              ]),
              message: z.string().min(1),
            })
            .strict(),
        ),
        setAside: z.array(
          z
            .object({
              path: relativePosixPath,
              role: partRole,
              files: z.number().int().positive(),
              message: z.string().min(1),
            })
            .strict(),
        ),
      })
      .strict(),
  })
  .strict();

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
