import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCliCaptured } from '../support/captured-cli';

const FIXTURES = path.resolve('test/fixtures/rules');

interface Expected {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly target: string;
}

function expectedOf(name: string): Expected[] {
  return JSON.parse(
    readFileSync(path.join(FIXTURES, name, 'expected-violations.json'), 'utf8'),
  ) as Expected[];
}

describe('archlens check', function () {
  this.timeout(60_000);
  let work = '';
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'archlens-check-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  const copy = (name: string): string => {
    const dir = path.join(work, name);
    cpSync(path.join(FIXTURES, name), dir, { recursive: true });
    return dir;
  };

  for (const name of [
    'cqrs',
    'event-driven',
    'hexagonal',
    'layered-monolith',
    'microservices',
    'modular-monolith',
    'serverless',
  ]) {
    it(`${name}: every format gives exactly the planted violations, exit 1`, async () => {
      const dir = path.join(FIXTURES, name);
      const expected = expectedOf(name);
      const json = await runCliCaptured(['check', dir, '--json', '--no-git'], FIXTURES);
      assert.equal(json.code, 1, json.stderr);
      const parsed = JSON.parse(json.stdout) as {
        passed: boolean;
        violations: Expected[];
        summary: { new: number };
      };
      assert.equal(parsed.passed, false);
      assert.deepEqual(
        parsed.violations.map((v) => ({ rule: v.rule, file: v.file, line: v.line, target: v.target })),
        expected,
      );
      const text = await runCliCaptured(['check', dir, '--no-git'], FIXTURES);
      assert.equal(text.code, 1);
      const textHits = [...text.stdout.matchAll(/^ {2}(\d+):\d+ {2}error {2}.*\[([\w/-]+)\]$/gm)].map(
        (m) => `${m[2]}:${m[1]}`,
      );
      assert.deepEqual(
        textHits,
        expected.map((e) => `${e.rule}:${e.line}`),
      );
      for (const e of expected)
        assert.ok(text.stdout.includes(`\n${e.file}\n`) || text.stdout.startsWith(`${e.file}\n`), e.file);
      const github = await runCliCaptured(['check', dir, '--format', 'github', '--no-git'], FIXTURES);
      assert.equal(github.code, 1);
      const annotations = github.stdout.split('\n').filter((l) => l.startsWith('::error '));
      assert.deepEqual(
        annotations.map((l) =>
          /^::error file=([^,]+),line=(\d+),col=\d+,endColumn=\d+,title=ArchLens ([^:]+?)::/
            .exec(l)
            ?.slice(1),
        ),
        expected.map((e) => [e.file, String(e.line), e.rule.replace(/:/g, '%3A')]),
      );
    });
  }

  it('exits 0 and says which rules it checked on a clean workspace', async () => {
    const run = await runCliCaptured(
      ['check', path.resolve('test/fixtures/workspaces/modmono-express-warehouse'), '--no-git'],
      FIXTURES,
    );
    assert.equal(run.code, 0, run.stdout);
    assert.match(
      run.stdout,
      /^No new violations\.\nRules checked:\n {2}modular-monolith: 4 modules and shared kernel `src\/shared`; modular-monolith verdict yes/m,
    );
  });

  it('exits 0 when the only violations are at warn, and 1 again at error', async () => {
    const dir = copy('serverless');
    writeFileSync(
      path.join(dir, 'archlens.config.json'),
      '{ "rules": { "serverless/handler-imports-handler": "warn" } }',
    );
    const warned = await runCliCaptured(['check', dir, '--no-git'], work);
    assert.equal(warned.code, 0, warned.stdout);
    assert.match(warned.stdout, /2:35 {2}warn {3}.*\[serverless\/handler-imports-handler\]/);
    writeFileSync(
      path.join(dir, 'archlens.config.json'),
      '{ "rules": { "serverless/handler-imports-handlr": "warn" } }',
    );
    const typo = await runCliCaptured(['check', dir, '--no-git'], work);
    assert.equal(typo.code, 1);
    assert.match(
      typo.stderr,
      /archlens check: archlens\.config\.json:1:14: unknown rule "serverless\/handler-imports-handlr" in "rules" \(did you mean "serverless\/handler-imports-handler"\?\); ignored/,
    );
  });

  it('writes a sorted, line-free baseline; later checks report only new violations and count the known', async () => {
    const dir = copy('hexagonal');
    const update = await runCliCaptured(['check', dir, '--update-baseline', '--no-git'], work);
    assert.equal(update.code, 0, update.stdout + update.stderr);
    assert.match(update.stderr, /wrote 3 entries \(3 violations\) to archlens\.baseline\.json/);
    const file = path.join(dir, 'archlens.baseline.json');
    const written = readFileSync(file, 'utf8');
    assert.deepEqual(JSON.parse(written), {
      version: 1,
      violations: [
        {
          rule: 'hexagonal/core-imports-infrastructure',
          file: 'src/application/place-order.ts',
          target: 'pg',
        },
        {
          rule: 'hexagonal/core-imports-adapter',
          file: 'src/domain/pricing.ts',
          target: 'src/infrastructure/tax-client.ts',
        },
        {
          rule: 'hexagonal/adapter-imports-adapter',
          file: 'src/http/orders-router.ts',
          target: 'src/infrastructure/pg-order-repository.ts',
        },
      ],
    });
    // Writing again gives the same bytes.
    await runCliCaptured(['check', dir, '--update-baseline', '--no-git'], work);
    assert.equal(readFileSync(file, 'utf8'), written);

    const clean = await runCliCaptured(['check', dir, '--no-git'], work);
    assert.equal(clean.code, 0, clean.stdout);
    assert.match(clean.stdout, /^No new violations\.\n3 known violations in archlens\.baseline\.json\./);

    // Moving the violating import down the file keeps it known; a new one is reported alone.
    const pricing = path.join(dir, 'src/domain/pricing.ts');
    writeFileSync(pricing, '// moved\n\n' + readFileSync(pricing, 'utf8'));
    const router = path.join(dir, 'src/http/orders-router.ts');
    writeFileSync(
      router,
      "import { taxRate } from '../infrastructure/tax-client';\n" + readFileSync(router, 'utf8'),
    );
    const next = await runCliCaptured(['check', dir, '--json', '--no-git'], work);
    assert.equal(next.code, 1);
    const report = JSON.parse(next.stdout) as {
      violations: Expected[];
      summary: { known: number; fixed: number };
    };
    assert.deepEqual(
      report.violations.map((v) => [v.rule, v.file, v.line, v.target]),
      [
        [
          'hexagonal/adapter-imports-adapter',
          'src/http/orders-router.ts',
          1,
          'src/infrastructure/tax-client.ts',
        ],
      ],
    );
    assert.equal(report.summary.known, 3);

    // A fixed violation is counted until the baseline is updated.
    writeFileSync(path.join(dir, 'src/application/place-order.ts'), 'export const fixed = true;\n');
    const fixed = await runCliCaptured(['check', dir, '--no-git'], work);
    assert.match(
      fixed.stdout,
      /2 known violations in archlens\.baseline\.json; 1 of its entries no longer occur/,
    );
  });

  it('reads a baseline named by --baseline, relative to the current folder', async () => {
    const dir = copy('serverless');
    const named = path.join(work, 'legacy.json');
    assert.equal(
      (
        await runCliCaptured(
          ['check', dir, '--baseline', 'legacy.json', '--update-baseline', '--no-git'],
          work,
        )
      ).code,
      0,
    );
    assert.ok(readFileSync(named, 'utf8').includes('serverless/handler-imports-handler'));
    const run = await runCliCaptured(['check', dir, '--baseline', 'legacy.json', '--no-git'], work);
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /1 known violation in .*legacy\.json\./);
  });

  it('exits 2 on usage and input errors: a missing folder or baseline, a broken baseline, a bad format', async () => {
    const dir = copy('serverless');
    const cases: [string[], RegExp][] = [
      [['check', path.join(work, 'nope')], /no such folder/],
      [['check', dir, '--baseline', 'missing.json'], /no such baseline file: .*missing\.json/],
      [
        ['check', dir, '--format', 'markdown'],
        /'check' has no markdown output; use one of text, json, sarif, github/,
      ],
      [['check', dir, '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCliCaptured([...argv, '--no-git'], work);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, message);
    }
    writeFileSync(
      path.join(dir, 'archlens.baseline.json'),
      '{ "version": 1, "violations": [{ "rule": "x/y", "file": "a", "target": "b" }] }',
    );
    const unknown = await runCliCaptured(['check', dir, '--no-git'], work);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /archlens\.baseline\.json is not usable: unknown rule "x\/y"/);
    writeFileSync(path.join(dir, 'archlens.baseline.json'), '{ "version": 1, "violations": [ ');
    const broken = await runCliCaptured(['check', dir, '--no-git'], work);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /is not usable: not valid JSON/);
    writeFileSync(path.join(dir, 'archlens.baseline.json'), '{ "version": 2, "violations": [] }');
    assert.match((await runCliCaptured(['check', dir, '--no-git'], work)).stderr, /"version" must be 1/);
  });

  it('escapes workflow-command data in github annotations', async () => {
    const dir = copy('serverless');
    const run = await runCliCaptured(['check', dir, '--format', 'github', '--no-git'], work);
    const line = run.stdout.split('\n')[0] ?? '';
    assert.match(
      line,
      /^::error file=src\/functions\/create-note\.ts,line=2,col=35,endColumn=45,title=ArchLens serverless\/handler-imports-handler::/,
    );
    assert.doesNotMatch(line.slice(line.indexOf('::', 2) + 2), /[\r\n]/);
    assert.match(run.stdout, /^ArchLens: 1 new violation\.$/m);
  });
});
