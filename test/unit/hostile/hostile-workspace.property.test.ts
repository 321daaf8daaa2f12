import * as assert from 'node:assert/strict';
import * as childProcess from 'node:child_process';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeWorkspace, assessArchitecture, detectionToMarkdown, type Warning } from '../../../src/core';
import { buildDiagram, INITIAL_STATE, symbolsReader, toMermaid } from '../../../src/core/diagram';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';
import {
  encode,
  MANIFEST_FORMATS,
  ODD_NAMES,
  SECRET,
  snapshot,
  UNREADABLE,
  type Encoding,
} from './hostile-tree';
import { RecordingFileSystem } from './recording-file-system';

const LINKS_OUTSIDE = 'skipped: links outside the workspace';

/** One generated workspace: which hostile pieces it holds. */
interface Plan {
  readonly linkLoops: boolean;
  readonly linksOut: readonly ('folder' | 'file' | 'node_modules' | 'config' | 'gitignore' | 'ancestor')[];
  readonly depth: number;
  readonly manifests: readonly { readonly format: string; readonly encoding: Encoding }[];
  readonly oddNames: readonly string[];
  readonly extendsLoop: boolean;
  readonly aliases: number;
  readonly globstars: number;
}

const planArb: fc.Arbitrary<Plan> = fc.record({
  linkLoops: fc.boolean(),
  linksOut: fc.subarray(['folder', 'file', 'node_modules', 'config', 'gitignore', 'ancestor'] as const),
  depth: fc.constantFrom(0, 30, 120, 200),
  manifests: fc.array(
    fc.record({
      format: fc.constantFrom(...Object.keys(MANIFEST_FORMATS)),
      encoding: fc.constantFrom<Encoding>('utf16le', 'utf16be', 'latin1', 'binary', 'broken', 'utf8'),
    }),
    { maxLength: 6 },
  ),
  oddNames: fc.subarray(ODD_NAMES),
  extendsLoop: fc.boolean(),
  aliases: fc.constantFrom(0, 5, 200),
  globstars: fc.constantFrom(0, 4, 12),
});

/** What a plan expects to be skipped: file → the warning message it must get once. */
type Expected = Map<string, string | RegExp>;

function build(base: string, plan: Plan): { root: string; expected: Expected } {
  const root = path.join(base, 'ws');
  const elsewhere = path.join(base, 'elsewhere');
  const expected: Expected = new Map();
  const write = (rel: string, content: string | Uint8Array, dir = root): void => {
    const abs = path.join(dir, rel);
    nodeFs.mkdirSync(path.dirname(abs), { recursive: true });
    nodeFs.writeFileSync(abs, content);
  };
  const link = (target: string, rel: string): void => {
    nodeFs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    nodeFs.symlinkSync(target, path.join(root, rel));
  };
  write('secret.txt', SECRET, elsewhere);
  write('tree/leak.ts', `export const s = '${SECRET}';\n`, elsewhere);
  write('pkg/package.json', JSON.stringify({ name: SECRET, main: 'index.ts' }), elsewhere);
  write('pkg/index.ts', `export const s = '${SECRET}';\n`, elsewhere);
  write('config.json', JSON.stringify({ exclude: [SECRET] }), elsewhere);

  write('src/a.ts', "import './b';\nimport 'evil';\nimport 'a0/x';\nimport '../secret';\n");
  write('src/b.ts', 'export const b = 1;\n');

  if (plan.linkLoops) {
    link('.', 'loop');
    link('..', 'src/up');
  }
  for (const kind of plan.linksOut) {
    const at = {
      folder: 'tree',
      file: 'passwd.ts',
      node_modules: 'node_modules/evil',
      config: 'archlens.config.json',
      gitignore: '.gitignore',
      ancestor: 'src/top',
    }[kind];
    const target = {
      folder: path.join(elsewhere, 'tree'),
      file: path.join(elsewhere, 'secret.txt'),
      node_modules: path.join(elsewhere, 'pkg'),
      config: path.join(elsewhere, 'config.json'),
      gitignore: path.join(elsewhere, 'secret.txt'),
      ancestor: '../..',
    }[kind];
    link(target, at);
    // node_modules is not scanned: its link is left out silently, and not read by the resolver.
    if (kind !== 'node_modules') expected.set(at, LINKS_OUTSIDE);
  }
  if (plan.depth > 0) {
    const chain = Array.from({ length: plan.depth }, (_, i) => `d${i % 10}`).join('/');
    write(`${chain}/deep.ts`, "import './deep2';\n");
  }
  plan.manifests.forEach(({ format, encoding }, i) => {
    const { file, text } = MANIFEST_FORMATS[format] as { file: string; text: string };
    const rel = `m${i}/${file}`;
    write(rel, encode(text, encoding));
    if (UNREADABLE.has(encoding)) expected.set(rel, /^skipped: /);
  });
  plan.oddNames.forEach((name, i) => {
    write(`odd/${name}.ts`, `import './${name}${i}';\nexport const x = \`${name}\`;\n`);
  });
  if (plan.extendsLoop) {
    write(
      'tsconfig.json',
      JSON.stringify({ extends: './tsconfig.base.json', compilerOptions: aliases(plan) }),
    );
    write('tsconfig.base.json', JSON.stringify({ extends: './tsconfig.json' }));
  } else if (plan.aliases > 0) {
    write('tsconfig.json', JSON.stringify({ compilerOptions: aliases(plan) }));
  }
  if (plan.globstars > 0 && !plan.linksOut.includes('config')) {
    const glob = Array.from({ length: plan.globstars }, () => '**').join('/') + '/zz';
    write('archlens.config.json', JSON.stringify({ exclude: [glob, '**/*zz*zz*zz*zz*zz*q'] }));
  }
  return { root: toPosixPath(root), expected };
}

/** `paths` where every alias maps onto the next ones: a bomb for a naive resolver. */
function aliases(plan: Plan): Record<string, unknown> {
  const paths: Record<string, string[]> = {};
  for (let i = 0; i < plan.aliases; i++) {
    paths[`a${i}/*`] = [`a${i + 1}/*`, `a${(i + 2) % plan.aliases}/*`, '../*', '/etc/*'];
  }
  return { baseUrl: '.', paths };
}

const SPAWNERS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

/** Replaces child_process's functions with recorders for the duration of `run`. */
function withoutProcesses<T>(run: () => T): { value: T; calls: string[] } {
  const calls: string[] = [];
  const target = childProcess as unknown as Record<string, unknown>;
  const saved = SPAWNERS.map((name) => [name, target[name]] as const);
  for (const name of SPAWNERS) {
    target[name] = (...args: unknown[]): never => {
      calls.push(`${name} ${JSON.stringify(args[0])}`);
      throw new Error(`${name} called`);
    };
  }
  try {
    return { value: run(), calls };
  } finally {
    for (const [name, fn] of saved) target[name] = fn;
  }
}

describe('hostile workspaces (property)', function () {
  this.timeout(120_000);

  it('end in bounded time, read and write nothing outside, start no process, name each skip once', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const base = nodeFs.realpathSync(nodeFs.mkdtempSync(path.join(os.tmpdir(), 'archlens-hostile-')));
        try {
          const { root, expected } = build(base, plan);
          const before = snapshot(base);
          const fs = new RecordingFileSystem(new NodeFileSystem());
          const started = performance.now();
          // As `archlens detect --no-git` and `archlens diagram` run, with parsing on this thread
          // so that every read goes through the recorder.
          const { value: output, calls } = withoutProcesses(() => {
            const model = analyzeWorkspace(fs, root);
            const { detection } = assessArchitecture(fs, model, {
              team: { known: false, reason: 'git is off' },
            });
            const diagram = buildDiagram(
              'overview',
              { model, detection, symbols: symbolsReader(fs, root) },
              INITIAL_STATE,
            );
            const mermaid = diagram.kind === 'not-applicable' ? diagram.reason : toMermaid(diagram.model);
            return {
              model,
              text: JSON.stringify({ model, detection }) + detectionToMarkdown(detection) + mermaid,
            };
          });
          const elapsed = performance.now() - started;
          assert.ok(elapsed < 15_000, `took ${elapsed.toFixed(0)} ms`);
          assert.deepEqual(calls, [], 'no process is started');
          assert.deepEqual(fs.outside(root), [], 'nothing outside the root is read');
          assert.ok(!output.text.includes(SECRET), 'the secret reaches no output');
          assert.deepEqual(snapshot(base), before, 'nothing is written');
          assertSkipsNamedOnce(output.model.warnings, expected);
        } finally {
          nodeFs.rmSync(base, { recursive: true, force: true });
        }
      }),
      { numRuns: 30 },
    );
  });
});

function assertSkipsNamedOnce(warnings: readonly Warning[], expected: Expected): void {
  const keys = warnings.map((w) => JSON.stringify([w.file, w.line, w.column, w.message]));
  assert.deepEqual(keys, [...new Set(keys)], 'no warning twice');
  const skips = warnings.filter((w) => w.message.startsWith('skipped:')).map((w) => w.file);
  assert.deepEqual(skips, [...new Set(skips)], `one skip per input: ${JSON.stringify(warnings)}`);
  for (const [file, message] of expected) {
    const named = warnings.filter((w) => w.file === file && w.message.startsWith('skipped:'));
    assert.equal(named.length, 1, `${file} is named once: ${JSON.stringify(warnings)}`);
    if (typeof message === 'string') assert.equal(named[0]?.message, message);
    else assert.match(named[0]?.message ?? '', message);
  }
}
