import * as assert from 'node:assert/strict';
import { WorkspaceEngine } from '../../../src/core/graph';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';
import type { Warning, WorkspaceModel } from '../../../src/core/model';

const ROOT = '/ws';

const BILLION_LAUGHS = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'services: { api: { image: *g } }',
].join('\n');

function workspace(
  entries: Readonly<Record<string, string | Uint8Array | { link: string }>>,
): MemoryFileSystem {
  const fs = new MemoryFileSystem();
  fs.mkdir(ROOT);
  for (const [path, value] of Object.entries(entries)) {
    if (typeof value === 'object' && !(value instanceof Uint8Array)) fs.link(`${ROOT}/${path}`, value.link);
    else fs.write(`${ROOT}/${path}`, value);
  }
  return fs;
}

function warningsOf(model: WorkspaceModel, file: string): Warning[] {
  return model.warnings.filter((w) => w.file === file);
}

function edge(model: WorkspaceModel, from: string, specifier: string) {
  return model.edges.find((e) => e.from === from && e.specifier === specifier);
}

describe('WorkspaceEngine on hostile input', () => {
  it('reports a broken tsconfig with its position and still resolves relative imports', () => {
    const fs = workspace({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["src/*"] }, }\n  "include": [ }',
      'src/a.ts': "import { b } from './b';\nimport { c } from '@/c';\n",
      'src/b.ts': 'export const b = 1;',
      'src/c.ts': 'export const c = 1;',
    });
    const model = new WorkspaceEngine(fs, ROOT).analyze();
    assert.deepEqual(model.files, ['src/a.ts', 'src/b.ts', 'src/c.ts']);
    assert.equal(edge(model, 'src/a.ts', './b')?.to, 'src/b.ts');
    const warnings = warningsOf(model, 'tsconfig.json');
    assert.ok(warnings.length > 0, JSON.stringify(model.warnings));
    assert.ok(
      warnings.every((w) => typeof w.line === 'number' && w.line >= 1),
      JSON.stringify(warnings),
    );
  });

  it('reports a broken package.json, a broken archlens.config.json and an alias bomb, and goes on', () => {
    const fs = workspace({
      'package.json': '{ "name": "x", "dependencies": { ',
      'archlens.config.json': '{ "exclude": [ "vendor/**" ',
      'docker-compose.yml': BILLION_LAUGHS,
      'serverless.yml': 'service: x\nfunctions:\n  a: [\n',
      'src/a.ts': "import './b';\n",
      'src/b.ts': '',
    });
    const started = performance.now();
    const model = new WorkspaceEngine(fs, ROOT).analyze();
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 3000, `took ${elapsed.toFixed(0)} ms`);
    assert.equal(edge(model, 'src/a.ts', './b')?.to, 'src/b.ts');
    for (const file of ['package.json', 'archlens.config.json', 'docker-compose.yml', 'serverless.yml'])
      assert.ok(warningsOf(model, file).length > 0, `${file}: ${JSON.stringify(model.warnings)}`);
    assert.match(warningsOf(model, 'docker-compose.yml')[0]?.message ?? '', /alias/i);
    assert.deepEqual(
      model.manifests.map((m) => m.file),
      [],
    );
  });

  it('skips binary and oversized files with a warning and reads the rest', () => {
    const huge = 'export const x = 1;\n'.repeat(60_000); // 1.2 MB, over the 1 MiB default
    const binary = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 255, 254]);
    const fs = workspace({
      'src/huge.ts': huge,
      'src/binary.ts': binary,
      'src/a.ts': "import './huge';\nimport './binary';\n",
    });
    const model = new WorkspaceEngine(fs, ROOT).analyze();
    assert.equal(edge(model, 'src/a.ts', './huge')?.resolution, 'internal');
    assert.equal(model.edges.filter((e) => e.from !== 'src/a.ts').length, 0);
    assert.match(warningsOf(model, 'src/huge.ts')[0]?.message ?? '', /skipped/);
    assert.ok(warningsOf(model, 'src/binary.ts').length > 0, JSON.stringify(model.warnings));
  });

  it('keeps files with odd names and resolves imports of them', () => {
    const fs = workspace({
      'odd/my file.ts': "import './it\\'s #1';\nimport './ünïcödé 😀';\n",
      "odd/it's #1.ts": 'export {};',
      'odd/ünïcödé 😀.ts': "import '../[id]/page';\n",
      '[id]/page.ts': "import '../(group)/layout';\n",
      '(group)/layout.ts': '',
    });
    const model = new WorkspaceEngine(fs, ROOT).analyze();
    assert.deepEqual(model.files, [
      '(group)/layout.ts',
      '[id]/page.ts',
      "odd/it's #1.ts",
      'odd/my file.ts',
      'odd/ünïcödé 😀.ts',
    ]);
    assert.deepEqual(
      model.edges.map((e) => [e.from, e.to]),
      [
        ['[id]/page.ts', '(group)/layout.ts'],
        ['odd/my file.ts', "odd/it's #1.ts"],
        ['odd/my file.ts', 'odd/ünïcödé 😀.ts'],
        ['odd/ünïcödé 😀.ts', '[id]/page.ts'],
      ],
    );
  });

  it('skips symlink loops with a warning and still returns a model', () => {
    const fs = workspace({
      'src/a.ts': "import './lib/b';\n",
      'src/lib/b.ts': '',
      'src/lib/again': { link: `${ROOT}/src` },
      self: { link: `${ROOT}/self` },
    });
    const model = new WorkspaceEngine(fs, ROOT).analyze();
    assert.deepEqual(model.files, ['src/a.ts', 'src/lib/b.ts']);
    assert.equal(edge(model, 'src/a.ts', './lib/b')?.to, 'src/lib/b.ts');
    assert.ok(
      model.warnings.some((w) => w.file === 'src/lib/again' && /symlink/.test(w.message)),
      JSON.stringify(model.warnings),
    );
  });

  it('keeps a file that does not parse, with a positioned warning and the imports it could read', () => {
    const fs = workspace({
      'src/a.ts': "import './b';\nexport const = ;\nimport './c';\n",
      'src/b.ts': '',
      'src/c.ts': '',
    });
    const model = new WorkspaceEngine(fs, ROOT).analyze();
    assert.ok(model.files.includes('src/a.ts'));
    const warnings = warningsOf(model, 'src/a.ts');
    assert.ok(warnings.length > 0 && warnings.every((w) => w.line !== undefined), JSON.stringify(warnings));
    assert.equal(edge(model, 'src/a.ts', './b')?.to, 'src/b.ts');
  });

  it('applies the same hostile content through update() as through analyze()', () => {
    const fs = workspace({ 'src/a.ts': "import './b';\n", 'src/b.ts': '' });
    const engine = new WorkspaceEngine(fs, ROOT);
    engine.analyze();
    fs.write(`${ROOT}/tsconfig.json`, '{ "compilerOptions": ');
    fs.write(`${ROOT}/docker-compose.yml`, BILLION_LAUGHS);
    fs.write(`${ROOT}/src/b.ts`, new Uint8Array([0, 1, 2, 0, 255]));
    const { model } = engine.update([
      { type: 'created', path: 'tsconfig.json' },
      { type: 'created', path: 'docker-compose.yml' },
      { type: 'changed', path: 'src/b.ts' },
    ]);
    assert.deepEqual(model, new WorkspaceEngine(fs, ROOT).analyze());
    assert.ok(warningsOf(model, 'tsconfig.json').length > 0);
    assert.ok(warningsOf(model, 'docker-compose.yml').length > 0);
  });
});
