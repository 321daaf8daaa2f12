import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { ImportKind } from '../../../src/core/model/workspace-model';
import { createModuleResolver, type ModuleResolver, type ResolvedImport } from '../../../src/core/resolve';
import { inferredProjectOptions } from '../../../src/core/resolve/inferred-options';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { absolutePosixPath } from '../../../src/node/paths';

const fixtures = absolutePosixPath('test/fixtures/resolution');
const ESM = ts.ModuleKind.ESNext;
const CJS = ts.ModuleKind.CommonJS;

interface Fixture {
  readonly root: string;
  readonly resolver: ModuleResolver;
}

function open(name: string): Fixture {
  const root = `${fixtures}/${name}`;
  return { root, resolver: createModuleResolver(new NodeFileSystem(), root, { files: scan(root) }) };
}

/** The files a scan would list: everything but node_modules. */
function scan(root: string): string[] {
  const out: string[] = [];
  const visit = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) visit(child);
      else out.push(child);
    }
  };
  visit('');
  return out.sort();
}

/** The options TypeScript itself parses from a config (through ts.sys), or the inferred project's. */
function typeScriptOptions(root: string, configRel: string | undefined): ts.CompilerOptions {
  if (configRel === undefined) return inferredProjectOptions;
  const host: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };
  const parsed = ts.getParsedCommandLineOfConfigFile(`${root}/${configRel}`, {}, host);
  assert.ok(parsed, `TypeScript parses ${configRel}`);
  return parsed.options;
}

/**
 * Asserts that ArchLens asks TypeScript with the expected mode, gets what `ts.resolveModuleName`
 * answers with the config's own options, that this is `expectedFile` (`null`: unresolved), and
 * that the classified result is `expected`.
 */
function check(
  fixture: Fixture,
  from: string,
  specifier: string,
  kind: ImportKind,
  mode: ts.ResolutionMode,
  expectedFile: string | null,
  expected: ResolvedImport,
): void {
  const { root, resolver } = fixture;
  const ours = resolver.resolveWithTypeScript(from, specifier, kind);
  assert.equal(ours.mode, mode, `mode of '${specifier}' in ${from}`);
  const options = typeScriptOptions(root, resolver.configFor(from));
  const direct = ts.resolveModuleName(
    specifier,
    `${root}/${from}`,
    options,
    ts.sys,
    undefined,
    undefined,
    mode,
  );
  const tsFile = direct.resolvedModule?.resolvedFileName;
  assert.equal(ours.resolvedFileName, tsFile, `same file as ts.resolveModuleName for '${specifier}'`);
  assert.equal(tsFile, expectedFile === null ? undefined : `${root}/${expectedFile}`);
  assert.deepEqual(resolver.resolve(from, specifier, kind), expected);
}

const internal = (to: string): ResolvedImport => ({ to, resolution: 'internal' });
const external = (to: string): ResolvedImport => ({ to, resolution: 'external' });
const builtin = (to: string): ResolvedImport => ({ to, resolution: 'builtin' });

describe('resolve: createModuleResolver', () => {
  it('paths with baseUrl (node10): aliases, baseUrl-relative names, missing alias targets', () => {
    const f = open('paths-baseurl');
    assert.equal(f.resolver.configFor('src/main.ts'), 'tsconfig.json');
    check(f, 'src/main.ts', '@app/util', 'static', undefined, 'src/util.ts', internal('src/util.ts'));
    check(f, 'src/main.ts', 'src/util', 'static', undefined, 'src/util.ts', internal('src/util.ts'));
    check(f, 'src/main.ts', '@app/missing', 'static', undefined, null, {
      to: null,
      resolution: 'unresolved',
      reason: "paths alias '@app/*' target not found",
    });
    // An alias onto an uninstalled package in node_modules still names that package.
    check(f, 'src/main.ts', 'sharp', 'static', undefined, null, external('sharp'));
  });

  it('paths without baseUrl (bundler), relative to the config', () => {
    const f = open('paths-no-baseurl');
    check(f, 'src/a.ts', '~/b', 'static', ESM, 'src/b.ts', internal('src/b.ts'));
    check(f, 'src/a.ts', 'config', 'static', ESM, 'config/index.ts', internal('config/index.ts'));
    check(f, 'src/a.ts', './c', 'static', ESM, null, {
      to: null,
      resolution: 'unresolved',
      reason: 'file not found',
    });
    assert.equal(f.resolver.resolve('src/a.ts', '~/gone', 'static').resolution, 'unresolved');
  });

  it('extends chains: an array, relative files, a package in node_modules, ${configDir}', () => {
    const f = open('extends-chain');
    check(f, 'src/index.ts', '#shared/s', 'static', ESM, 'shared/s.ts', internal('shared/s.ts'));
    assert.deepEqual(f.resolver.warnings, []);
  });

  it('project references: the referenced project that includes a file is its project', () => {
    const f = open('references');
    assert.equal(f.resolver.configFor('packages/api/src/server.ts'), 'packages/api/tsconfig.json');
    assert.equal(f.resolver.configFor('packages/shared/src/shared.ts'), 'packages/shared/tsconfig.json');
    // Covered by no config: the solution's files are empty and no reference includes it.
    assert.equal(f.resolver.configFor('scripts/build.ts'), undefined);
    check(
      f,
      'packages/api/src/server.ts',
      '../../shared/src/shared.js',
      'static',
      ESM,
      'packages/shared/src/shared.ts',
      internal('packages/shared/src/shared.ts'),
    );
    // baseUrl of the shared project applies to its own files only.
    check(
      f,
      'packages/shared/src/shared.ts',
      'src/helper',
      'static',
      undefined,
      'packages/shared/src/helper.ts',
      internal('packages/shared/src/helper.ts'),
    );
    check(
      f,
      'scripts/build.ts',
      '../packages/api/src/server.js',
      'static',
      ESM,
      'packages/api/src/server.ts',
      internal('packages/api/src/server.ts'),
    );
  });

  it('nodenext: import in ESM, import = require and require in CJS, import() in ESM mode, .js → .ts/.tsx', () => {
    const f = open('nodenext-modes');
    check(f, 'src/esm.ts', 'dual', 'static', ESM, 'node_modules/dual/esm/index.d.ts', external('dual'));
    check(f, 'src/esm.ts', './util.js', 'static', ESM, 'src/util.ts', internal('src/util.ts'));
    check(f, 'src/esm.ts', './view.js', 'static', ESM, 'src/view.tsx', internal('src/view.tsx'));
    check(f, 'src/legacy.cts', 'dual', 'require', CJS, 'node_modules/dual/cjs/index.d.cts', external('dual'));
    check(f, 'src/legacy.cts', 'dual', 'dynamic', ESM, 'node_modules/dual/esm/index.d.ts', external('dual'));
    check(f, 'src/plain.js', 'dual', 'require', CJS, 'node_modules/dual/cjs/index.d.cts', external('dual'));
  });

  it('package.json imports (#subpath) with custom conditions under bundler', () => {
    const f = open('subpath-imports');
    check(f, 'src/app.ts', '#lib/log', 'static', ESM, 'src/lib/log.ts', internal('src/lib/log.ts'));
    check(f, 'src/app.ts', '#env', 'static', ESM, 'src/env.dev.ts', internal('src/env.dev.ts'));
    check(f, 'src/app.ts', '#nope', 'static', ESM, null, {
      to: null,
      resolution: 'unresolved',
      reason: 'no matching "imports" entry in package.json',
    });
  });

  it('allowJs, resolveJsonModule, main and types, built-ins, a missing relative file', () => {
    const f = open('allowjs-json');
    check(f, 'src/index.ts', './legacy', 'static', undefined, 'src/legacy.js', internal('src/legacy.js'));
    check(f, 'src/index.ts', './data.json', 'static', undefined, 'src/data.json', internal('src/data.json'));
    check(
      f,
      'src/legacy.js',
      './data.json',
      'require',
      undefined,
      'src/data.json',
      internal('src/data.json'),
    );
    check(
      f,
      'src/index.ts',
      'old-lib',
      'static',
      undefined,
      'node_modules/old-lib/lib/main.js',
      external('old-lib'),
    );
    check(
      f,
      'src/index.ts',
      'typed-lib',
      'static',
      undefined,
      'node_modules/typed-lib/types/index.d.ts',
      external('typed-lib'),
    );
    check(f, 'src/index.ts', 'node:fs', 'static', undefined, null, builtin('fs'));
    check(f, 'src/index.ts', 'path', 'static', undefined, null, builtin('path'));
    check(f, 'src/index.ts', './missing', 'static', undefined, null, {
      to: null,
      resolution: 'unresolved',
      reason: 'file not found',
    });
  });

  it('npm workspaces with nothing installed: packages resolve to their sources, others are external', () => {
    const f = open('workspaces');
    const from = 'packages/app/src/main.ts';
    const workspace = (to: string): ResolvedImport => ({ to, resolution: 'internal', via: 'workspace' });
    check(f, from, '@acme/core', 'static', ESM, null, workspace('packages/core/src/index.ts'));
    check(f, from, '@acme/core/utils', 'static', ESM, null, workspace('packages/core/src/utils.ts'));
    check(f, from, 'legacy', 'static', ESM, null, workspace('packages/legacy/src/index.ts'));
    check(f, from, 'react', 'static', ESM, null, external('react'));
    check(f, from, 'node:fs/promises', 'static', ESM, null, builtin('fs/promises'));
    assert.deepEqual(f.resolver.resolve(from, '@acme/core/gone', 'static'), {
      to: null,
      resolution: 'unresolved',
      reason: "workspace package @acme/core has no source file for './gone'",
    });
  });

  it('pnpm-workspace.yaml packages (with a negated glob), main/types mapped back to src', () => {
    const f = open('pnpm-workspace');
    assert.equal(f.resolver.configFor('apps/web/src/page.ts'), 'apps/web/tsconfig.json');
    check(f, 'apps/web/src/page.ts', '@org/models', 'type', ESM, null, {
      to: 'libs/models/src/index.ts',
      resolution: 'internal',
      via: 'workspace',
    });
    check(f, 'apps/web/src/page.ts', '@org/ignored', 'static', ESM, null, external('@org/ignored'));
  });

  it('broken configs give warnings with positions and never stop resolution', () => {
    const badJson = open('broken-configs/bad-json');
    check(badJson, 'src/a.ts', './b', 'static', ESM, 'src/b.ts', internal('src/b.ts'));
    const jsonWarning = badJson.resolver.warnings.find((w) => w.file === 'tsconfig.json');
    assert.ok(jsonWarning?.line !== undefined && jsonWarning.column !== undefined, 'bad JSON has a position');

    const missing = open('broken-configs/missing-extends');
    check(missing, 'src/a.ts', './b', 'static', ESM, 'src/b.ts', internal('src/b.ts'));
    const extendsWarning = missing.resolver.warnings.find((w) => w.message.includes('nowhere.json'));
    assert.equal(extendsWarning?.file, 'tsconfig.json');
    assert.equal(extendsWarning?.line, 2);

    const cycle = open('broken-configs/extends-cycle');
    check(cycle, 'src/a.ts', './b', 'static', ESM, 'src/b.ts', internal('src/b.ts'));
    assert.ok(
      cycle.resolver.warnings.some((w) => /ircularity/.test(w.message)),
      'extends cycle reported',
    );

    const references = open('broken-configs/references-cycle');
    assert.equal(references.resolver.configFor('one/a.ts'), 'one/tsconfig.json');
    assert.equal(references.resolver.configFor('elsewhere/c.ts'), undefined);
    check(references, 'one/a.ts', '../two/b', 'static', ESM, 'two/b.ts', internal('two/b.ts'));
    assert.ok(references.resolver.warnings.some((w) => w.message.startsWith('Circular project reference')));
  });

  it('files under no tsconfig use the inferred project; jsconfig.json is a config', () => {
    const f = open('inferred');
    assert.equal(f.resolver.configFor('src/a.ts'), undefined);
    check(f, 'src/a.ts', './b', 'static', ESM, 'src/b.tsx', internal('src/b.tsx'));
    check(f, 'src/a.ts', './c.ts', 'static', ESM, 'src/c.ts', internal('src/c.ts'));
    check(f, 'src/a.ts', './d.js', 'static', ESM, 'src/d.js', internal('src/d.js'));
    assert.equal(f.resolver.configFor('web/app.js'), 'web/jsconfig.json');
    // TypeScript 6 defaults: module ESNext, moduleResolution bundler, so imports resolve in ESM mode.
    check(f, 'web/app.js', '@/tool', 'static', ESM, 'web/lib/tool.js', internal('web/lib/tool.js'));
  });

  it('shared lookups: bare specifiers from many folders keep their own node_modules, #imports and self-name', () => {
    const cases: [from: string, specifier: string, file: string | null, expected: ResolvedImport][] = [
      ['src/b/two.ts', 'lib', 'node_modules/lib/index.d.ts', external('lib')],
      // A nearer node_modules, and a folder below it.
      ['src/a/deep/one.ts', 'lib', 'src/a/node_modules/lib/index.d.ts', external('lib')],
      ['src/a/one.ts', 'lib', 'src/a/node_modules/lib/index.d.ts', external('lib')],
      ['src/c/use.ts', 'lib', 'node_modules/lib/index.d.ts', external('lib')],
      // Inside the package "inner": its own name (exports) and #imports; outside it: neither.
      [
        'packages/inner/src/deep/use.ts',
        'inner/util',
        'packages/inner/util.ts',
        internal('packages/inner/util.ts'),
      ],
      ['src/c/use.ts', 'inner/util', null, external('inner')],
      ['packages/inner/src/deep/use.ts', '#x', 'packages/inner/x.ts', internal('packages/inner/x.ts')],
      [
        'src/c/use.ts',
        '#x',
        null,
        { to: null, resolution: 'unresolved', reason: 'no matching "imports" entry in package.json' },
      ],
      ['packages/inner/src/deep/use.ts', 'lib', 'node_modules/lib/index.d.ts', external('lib')],
    ];
    // In both orders, so that no answer can come from a lookup made elsewhere first.
    for (const order of [cases, [...cases].reverse()]) {
      const f = open('shared-lookups');
      for (const [from, specifier, file, expected] of order)
        check(f, from, specifier, 'static', ESM, file, expected);
    }
  });

  it('projects with the same resolution options share lookups, and answer each as TypeScript does for its own options', () => {
    const noAlias: ResolvedImport = {
      to: null,
      resolution: 'unresolved',
      reason: 'not a package name and no paths alias matches',
    };
    // a and b extend one base (the same options, `paths` from the same folder): one group; c
    // declares its own `paths`; d the very same `paths` as the base, but relative to its own
    // folder, so not the same lookups. b alone has `only-b` installed beside it.
    const cases: [string, string, string | null, ResolvedImport][] = [
      ['packages/b/src/main.ts', 'only-b', 'packages/b/node_modules/only-b/index.d.ts', external('only-b')],
      ['packages/a/src/main.ts', 'only-b', null, external('only-b')],
      ['packages/a/src/main.ts', '@shared/x', 'shared/x.ts', internal('shared/x.ts')],
      ['packages/b/src/main.ts', '@shared/x', 'shared/x.ts', internal('shared/x.ts')],
      ['packages/a/src/main.ts', 'common', 'node_modules/common/index.d.ts', external('common')],
      ['packages/b/src/main.ts', 'common', 'node_modules/common/index.d.ts', external('common')],
      ['packages/c/src/main.ts', 'common', 'node_modules/common/index.d.ts', external('common')],
      ['packages/c/src/main.ts', '@/util', 'packages/c/src/util.ts', internal('packages/c/src/util.ts')],
      ['packages/a/src/main.ts', '@/util', null, noAlias],
      ['packages/c/src/main.ts', 'only-b', null, external('only-b')],
      ['packages/d/src/main.ts', '@shared/x', 'packages/d/shared/x.ts', internal('packages/d/shared/x.ts')],
    ];
    for (const order of [cases, [...cases].reverse()]) {
      const f = open('twin-projects');
      assert.equal(f.resolver.configFor('packages/a/src/main.ts'), 'packages/a/tsconfig.json');
      assert.equal(f.resolver.configFor('packages/b/src/main.ts'), 'packages/b/tsconfig.json');
      for (const [from, specifier, file, expected] of order)
        check(f, from, specifier, 'static', ESM, file, expected);
    }
  });

  it('invalidate: a new file is found, a config change resets everything', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'archlens-resolve-'));
    try {
      const root = absolutePosixPath(dir);
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(
        path.join(dir, 'tsconfig.json'),
        '{"compilerOptions":{"module":"esnext","moduleResolution":"bundler"}}',
      );
      fs.writeFileSync(path.join(dir, 'src/a.ts'), "import './b';\n");
      const resolver = createModuleResolver(new NodeFileSystem(), root, {
        files: ['tsconfig.json', 'src/a.ts'],
      });
      assert.equal(resolver.resolve('src/a.ts', './b', 'static').resolution, 'unresolved');
      fs.writeFileSync(path.join(dir, 'src/b.ts'), 'export {};\n');
      assert.deepEqual(resolver.invalidate(['src/b.ts']), { everything: false });
      assert.deepEqual(resolver.resolve('src/a.ts', './b', 'static'), internal('src/b.ts'));
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), '{"compilerOptions":{"paths":{"@/*":["./src/*"]}}}');
      assert.deepEqual(resolver.invalidate(['tsconfig.json']), { everything: true });
      assert.deepEqual(resolver.resolve('src/a.ts', '@/b', 'static'), internal('src/b.ts'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
