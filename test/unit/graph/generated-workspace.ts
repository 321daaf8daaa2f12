import fc from 'fast-check';
import type { FileChange } from '../../../src/core/model';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';

/** The root of every generated workspace. */
export const ROOT = '/ws';

/**
 * Source paths the generator writes to. They collide on purpose: `src/a/x.ts` next to
 * `src/a/x/index.ts`, `src/x.ts` next to the `src/x` folder, files under ignored and excluded
 * folders, a workspace package's sources.
 */
const SOURCE_PATHS = [
  'src/index.ts',
  'src/x.ts',
  'src/a/index.ts',
  'src/a/x.ts',
  'src/a/x/index.ts',
  'src/a/y.ts',
  'src/a/y.tsx',
  'src/a/y.d.ts',
  'src/b/index.ts',
  'src/b/z.ts',
  'src/b/z.mts',
  'src/c/index.js',
  'src/c/w.ts',
  'src/lib/index.ts',
  'src/lib/helpers.ts',
  'src/x/index.ts',
  'generated/g.ts',
  'src/a/skip.tmp.ts',
  'vendor/v.ts',
  'node_modules/lodash/index.d.ts',
  'packages/util/src/index.ts',
  'packages/util/src/extra.ts',
  'packages/util/lib/index.js',
] as const;

/** Specifiers the generated files import: relative, `.js` for `.ts`, aliases, packages, builtins. */
const SPECIFIERS = [
  './x',
  './x.js',
  './x/index.js',
  './y',
  './y.js',
  './z',
  './z.mjs',
  './w',
  '.',
  '..',
  '../a',
  '../a/index.js',
  '../a/x',
  '../b',
  '../b/z.js',
  '../c',
  '../x',
  '../x.js',
  '../lib',
  '../lib/helpers.js',
  '../../generated/g',
  '../../vendor/v',
  './missing',
  '@app/a',
  '@app/a/x',
  '@app/b/z',
  '@app/x',
  '@lib',
  '@ws/util',
  '@ws/util/src/extra',
  '@ws/util/extra',
  'lodash',
  'node:fs',
  'path',
] as const;

const importLine = fc
  .tuple(
    fc.constantFrom(...SPECIFIERS),
    fc.constantFrom('import', 'type', 'reexport', 'dynamic', 'require'),
    fc.nat({ max: 99 }),
  )
  .map(([spec, kind, i]) => {
    switch (kind) {
      case 'import':
        return `import * as m from '${spec}';`;
      case 'type':
        return `import type { T } from '${spec}';`;
      case 'reexport':
        return `export * from '${spec}';`;
      case 'dynamic':
        return `export const d${i} = () => import('${spec}');`;
      default:
        return `const r = require('${spec}');`;
    }
  });

/** The text of a source file: a few imports, an export, sometimes a syntax error. */
export const sourceText = fc
  .tuple(fc.array(importLine, { maxLength: 4 }), fc.boolean(), fc.nat({ max: 20 }))
  .map(([lines, broken, n]) =>
    [...lines, `export const v${n} = ${n};`, broken && n % 5 === 0 ? 'export const = ;' : ''].join('\n'),
  );

const TSCONFIGS = [
  JSON.stringify({
    compilerOptions: {
      module: 'esnext',
      moduleResolution: 'bundler',
      allowJs: true,
      paths: { '@app/*': ['./src/*'], '@lib': ['./src/lib/index.ts'] },
    },
  }),
  JSON.stringify({
    compilerOptions: {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      paths: { '@app/*': ['./src/*', './generated/*'] },
    },
  }),
  '{ "compilerOptions": { "paths": { "@lib": ["./src/lib/helpers.ts"] } }, }',
  '{ "compilerOptions": ',
  JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@app/*': ['src/*'] } }, include: ['src'] }),
];

const ROOT_PACKAGES = [
  JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
  JSON.stringify({ name: 'root', type: 'module', workspaces: ['packages/*'], dependencies: { lodash: '4' } }),
  JSON.stringify({ name: 'root', private: true }),
  '{ "name": "root", ',
];

const UTIL_PACKAGES = [
  JSON.stringify({ name: '@ws/util', main: 'src/index.ts' }),
  JSON.stringify({ name: '@ws/util', exports: { '.': './src/index.ts', './extra': './src/extra.ts' } }),
  JSON.stringify({ name: '@ws/util', main: 'lib/index.js', types: 'lib/index.d.ts' }),
];

const GITIGNORES = ['generated/\n*.tmp.ts\n', '*.tmp.ts\n', 'src/b/\n', ''];
const ARCHLENS_CONFIGS = [
  JSON.stringify({ exclude: ['vendor/**'] }),
  JSON.stringify({ exclude: ['vendor/**', 'src/c/**'] }),
  JSON.stringify({ exclude: 'not a list' }),
  '{',
];

/** Configuration files the generator rewrites, with their variants. */
const CONFIG_FILES: Readonly<Record<string, readonly string[]>> = {
  'tsconfig.json': TSCONFIGS,
  'package.json': ROOT_PACKAGES,
  'packages/util/package.json': UTIL_PACKAGES,
  'node_modules/lodash/package.json': [JSON.stringify({ name: 'lodash', types: 'index.d.ts' })],
  '.gitignore': GITIGNORES,
  'archlens.config.json': ARCHLENS_CONFIGS,
  'docker-compose.yml': ['services:\n  api:\n    build: .\n', 'services: [\n'],
};

/** A generated workspace: relative path → content. */
export type WorkspaceFiles = ReadonlyMap<string, string>;

/** A starting workspace: every config file at its first variant, some sources. */
export const initialWorkspace: fc.Arbitrary<WorkspaceFiles> = fc
  .array(fc.tuple(fc.constantFrom(...SOURCE_PATHS), sourceText), { minLength: 3, maxLength: 14 })
  .map((sources) => {
    const files = new Map<string, string>();
    for (const [path, variants] of Object.entries(CONFIG_FILES)) files.set(path, variants[0] ?? '');
    for (const [path, text] of sources) files.set(path, text);
    return files;
  });

/** One edit of the workspace, before it is applied (a rename or delete of a missing path is skipped). */
export type Edit =
  | { readonly kind: 'write'; readonly path: string; readonly text: string }
  | { readonly kind: 'delete'; readonly path: string }
  | { readonly kind: 'rename'; readonly from: string; readonly to: string };

const FOLDERS = ['src/a', 'src/b', 'src/x', 'src/lib', 'generated', 'packages/util', 'packages/util/src'];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      path: fc.constantFrom(...SOURCE_PATHS),
      text: sourceText,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...Object.entries(CONFIG_FILES)).chain(([path, variants]) =>
      fc.record({
        kind: fc.constant('write' as const),
        path: fc.constant(path),
        text: fc.constantFrom(...variants),
      }),
    ),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      path: fc.constantFrom(
        ...SOURCE_PATHS,
        ...FOLDERS,
        'tsconfig.json',
        'packages/util/package.json',
        '.gitignore',
        'archlens.config.json',
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rename' as const),
      from: fc.constantFrom(...SOURCE_PATHS, ...FOLDERS),
      to: fc.constantFrom(...SOURCE_PATHS, ...FOLDERS, 'src/d', 'src/a/moved.ts'),
    }),
  },
);

/** Steps of edits; each step is one `update` call (a watcher batch). */
export const editSteps: fc.Arbitrary<readonly (readonly Edit[])[]> = fc.array(
  fc.array(edit, { minLength: 1, maxLength: 3 }),
  { minLength: 1, maxLength: 6 },
);

/** Writes a workspace into a new memory file system. */
export function memoryWorkspace(files: WorkspaceFiles): MemoryFileSystem {
  const fs = new MemoryFileSystem();
  fs.mkdir(ROOT);
  for (const [path, text] of files) fs.write(`${ROOT}/${path}`, text);
  return fs;
}

/**
 * Applies an edit to the file system and returns the changes a watcher would report, or none
 * when the edit does not apply (deleting a missing path, renaming onto an existing one).
 */
export function applyEdit(fs: MemoryFileSystem, edit: Edit): FileChange[] {
  const abs = (path: string): string => `${ROOT}/${path}`;
  switch (edit.kind) {
    case 'write': {
      if (fs.stat(abs(edit.path))?.kind === 'directory' || underFile(fs, edit.path)) return [];
      const existed = fs.stat(abs(edit.path)) !== undefined;
      fs.write(abs(edit.path), edit.text);
      return [{ type: existed ? 'changed' : 'created', path: edit.path }];
    }
    case 'delete':
      if (fs.stat(abs(edit.path)) === undefined) return [];
      fs.delete(abs(edit.path));
      return [{ type: 'deleted', path: edit.path }];
    case 'rename': {
      const from = fs.stat(abs(edit.from));
      if (from === undefined || fs.stat(abs(edit.to)) !== undefined || underFile(fs, edit.to)) return [];
      if (edit.to.startsWith(edit.from + '/') || edit.from.startsWith(edit.to + '/')) return [];
      const moves: [string, Uint8Array][] = [];
      if (from.kind === 'file') moves.push([abs(edit.to), fs.readFile(abs(edit.from)) ?? new Uint8Array()]);
      else
        for (const [path, bytes] of filesUnder(fs, abs(edit.from)))
          moves.push([abs(edit.to) + path.slice(abs(edit.from).length), bytes]);
      fs.delete(abs(edit.from));
      if (from.kind === 'directory') fs.mkdir(abs(edit.to));
      for (const [path, bytes] of moves) fs.write(path, bytes);
      return [{ type: 'renamed', from: edit.from, path: edit.to }];
    }
  }
}

/** Whether a folder above this path is a file (a real file system allows no file there). */
function underFile(fs: MemoryFileSystem, path: string): boolean {
  for (let slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1))
    if (fs.stat(`${ROOT}/${path.slice(0, slash)}`)?.kind === 'file') return true;
  return false;
}

function filesUnder(fs: MemoryFileSystem, dir: string): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = [];
  for (const entry of fs.readDirectory(dir) ?? []) {
    const path = `${dir}/${entry.name}`;
    if (entry.kind === 'directory') out.push(...filesUnder(fs, path));
    else {
      const bytes = fs.readFile(path);
      if (bytes) out.push([path, bytes]);
    }
  }
  return out;
}
