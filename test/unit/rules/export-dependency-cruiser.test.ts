import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { cruise as Cruise, ICruiseOptions, ICruiseResult } from 'dependency-cruiser';
import {
  analyzeWorkspace,
  checkArchitecture,
  dependencyCruiserText,
  ruleBoundaries,
  type RuleBoundaries,
} from '../../../src/core';
import type { RulesConfig } from '../../../src/core/config/rules-schema';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';

const ROOT = path.resolve('test/fixtures/rules');
const fixtures = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Rules the export cannot say (each with its reason in the exporter and the README). */
const NOT_EXPORTED = new Set(['modular-monolith/module-cycle']);

interface Edge {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

function sortEdges(edges: Edge[]): Edge[] {
  return edges.sort(
    (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.rule.localeCompare(b.rule),
  );
}

/** The violations `archlens check` reports, as rule and file → imported file. */
function archlensEdges(dir: string, rules?: RulesConfig): { edges: Edge[]; boundaries: RuleBoundaries } {
  const fs = new NodeFileSystem();
  const model = analyzeWorkspace(fs, toPosixPath(dir));
  const options = rules ? { rules } : {};
  const check = checkArchitecture(fs, model, options);
  const edges = check.rules.violations.map((v) => ({ rule: v.rule, from: v.file, to: v.target }));
  return { edges: sortEdges(edges), boundaries: ruleBoundaries(fs, model, options) };
}

// Loaded as ES modules (dependency-cruiser has no CommonJS entry); kept out of the bundle.
const load = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

let written = 0;

/** Writes the exported `.dependency-cruiser.cjs`, loads it as dependency-cruiser does, and cruises `dir`. */
async function cruiseWithExport(dir: string, boundaries: RuleBoundaries, work: string): Promise<Edge[]> {
  const { cruise } = (await load('dependency-cruiser')) as { cruise: typeof Cruise };
  const extractOptions = (
    (await load('dependency-cruiser/config-utl/extract-depcruise-options')) as {
      default: (file: string) => Promise<ICruiseOptions>;
    }
  ).default;
  const extractTsConfig = (
    (await load('dependency-cruiser/config-utl/extract-ts-config')) as {
      default: (file: string) => unknown;
    }
  ).default;
  const tsConfig = path.join(dir, 'tsconfig.json');
  const hasTsConfig = existsSync(tsConfig);
  // A new file each time: a loaded configuration module is cached by its name.
  const configFile = path.join(work, `${path.basename(dir)}-${++written}.dependency-cruiser.cjs`);
  writeFileSync(
    configFile,
    dependencyCruiserText(boundaries, {
      generator: 'ArchLens test',
      ...(hasTsConfig ? { tsConfig: 'tsconfig.json' } : {}),
    }),
  );
  const options = await extractOptions(configFile);
  const previous = process.cwd();
  // dependency-cruiser reads paths relative to the folder it runs in, as from the workspace root.
  process.chdir(dir);
  try {
    const result = await cruise(
      ['.'],
      { ...options, validate: true, exclude: { path: '(^|/)node_modules/' } },
      undefined,
      hasTsConfig ? ({ tsConfig: extractTsConfig(tsConfig) } as Parameters<typeof Cruise>[3]) : undefined,
    );
    const output = result.output as ICruiseResult;
    return sortEdges(output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to })));
  } finally {
    process.chdir(previous);
  }
}

describe('the exported dependency-cruiser config, run by dependency-cruiser', function () {
  this.timeout(60_000);
  let work = '';
  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'archlens-depcruise-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  for (const name of fixtures) {
    it(`${name}: dependency-cruiser finds the violations archlens check finds`, async () => {
      const dir = path.join(ROOT, name);
      const { edges, boundaries } = archlensEdges(dir);
      const expected = JSON.parse(readFileSync(path.join(dir, 'expected-violations.json'), 'utf8')) as {
        rule: string;
      }[];
      assert.equal(edges.length, expected.length, 'archlens check reports the planted violations');
      const exportable = edges.filter((e) => !NOT_EXPORTED.has(e.rule));
      assert.ok(exportable.length > 0, `${name} plants an exportable violation`);
      assert.deepEqual(await cruiseWithExport(dir, boundaries, work), exportable);
      const left = edges.filter((e) => NOT_EXPORTED.has(e.rule)).map((e) => e.rule);
      assert.deepEqual(
        boundaries.notExported.map((n) => n.rule),
        [...new Set(left)],
        'the rules left out are reported as not exported',
      );
      for (const boundary of boundaries.boundaries) assert.ok(!NOT_EXPORTED.has(boundary.rule));
    });
  }

  it('reports the module-cycle rule as not exported, with its reason, in the config text', () => {
    const { boundaries } = archlensEdges(path.join(ROOT, 'modular-monolith'));
    const left = boundaries.notExported.find((n) => n.rule === 'modular-monolith/module-cycle');
    assert.ok(left, 'module-cycle is not exported');
    assert.match(left.reason, /module graph/);
    const text = dependencyCruiserText(boundaries, { generator: 'ArchLens test' });
    assert.match(text, /^\/\/ Not exported: modular-monolith\/module-cycle: .*module graph/m);
    assert.ok(!/"name": "modular-monolith\/module-cycle"/.test(text));
  });

  it('leaves out rules at off, writes warn as warn, and keeps allowed edges as exceptions', async () => {
    const dir = path.join(ROOT, 'hexagonal');
    const rules: RulesConfig = {
      'hexagonal/core-imports-infrastructure': 'off',
      'hexagonal/adapter-imports-adapter': 'warn',
      allow: [{ from: 'src/domain/pricing.ts', to: 'src/infrastructure/**' }],
    };
    const { edges, boundaries } = archlensEdges(dir, rules);
    assert.deepEqual(edges, [
      {
        rule: 'hexagonal/adapter-imports-adapter',
        from: 'src/http/orders-router.ts',
        to: 'src/infrastructure/pg-order-repository.ts',
      },
    ]);
    assert.ok(!boundaries.boundaries.some((b) => b.rule === 'hexagonal/core-imports-infrastructure'));
    assert.ok(
      boundaries.boundaries
        .filter((b) => b.rule === 'hexagonal/adapter-imports-adapter')
        .every((b) => b.severity === 'warn'),
    );
    assert.deepEqual(await cruiseWithExport(dir, boundaries, work), edges);
  });

  it('leaves test files out as importers, as the import graph of the rules does', async () => {
    const dir = path.join(work, 'cqrs-with-tests');
    cpSync(path.join(ROOT, 'cqrs'), dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'src/queries/list-orders.handler.spec.ts'),
      "import { PlaceOrderHandler } from '../commands/place-order.handler';\nexport const used = PlaceOrderHandler;\n",
    );
    const { edges, boundaries } = archlensEdges(dir);
    assert.equal(edges.length, 2, 'only the planted violations');
    assert.deepEqual(await cruiseWithExport(dir, boundaries, work), edges);
  });

  it('keeps a pinned pattern only', async () => {
    const dir = path.join(ROOT, 'modular-monolith');
    const { boundaries } = archlensEdges(dir, { pattern: 'layered-monolith' });
    assert.deepEqual(boundaries.boundaries, []);
    assert.deepEqual(await cruiseWithExport(dir, boundaries, work), []);
  });
});
