// Compares ArchLens's Go import resolution with `go list -deps -json` (the Go tool's own answer)
// on a real Go module. Every import of every non-test Go file that `go list` builds (its
// `GoFiles`) is classified by both: standard library (`builtin`), a package of the main module
// (`internal`, with its folder) or another module (`external`). Agreement is over those imports.
//
// `go list` reads files only (it runs no workspace code); it runs with GOPROXY=off, GOFLAGS=-mod=mod,
// CGO_ENABLED=0, GOWORK=off and its own GOPATH/GOCACHE under the temp folder, and on a copy of the
// module's `go.mod` and `.go` files in the temp folder (never in the workspace). The Go here may be
// older than the module's: the copy's `go.mod` keeps its `module` and `require` lines only, with
// `go` set to the toolchain's version; packages that a newer Go has in its standard library
// (`slices`, `maps`, `log/slog`…) are reported apart, not counted as disagreements.
// Usage: npm run verify:go-resolution -- <dir> [--show N]
import { execFileSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeWorkspace, type ImportEdge } from '../src/core';
import { NodeFileSystem } from '../src/node/node-file-system';
import { absolutePosixPath } from '../src/node/paths';
import { initTreeSitter } from '../src/node/tree-sitter-runtime';

interface GoPackage {
  readonly ImportPath: string;
  readonly Dir?: string;
  readonly Standard?: boolean;
  readonly Module?: { readonly Path: string; readonly Main?: boolean };
  readonly GoFiles?: readonly string[];
  readonly Imports?: readonly string[];
  readonly ImportMap?: Readonly<Record<string, string>>;
  readonly Error?: { readonly Err: string };
  readonly DepOnly?: boolean;
}

type Kind = 'builtin' | 'internal' | 'external';

/** Packages of the standard library of Go 1.20–1.23 that Go 1.19 does not have. */
const NEWER_STANDARD =
  /^(?:slices|maps|cmp|iter|unique|log\/slog|structs|weak|crypto\/ecdh|crypto\/mlkem|crypto\/hkdf|crypto\/pbkdf2|crypto\/sha3|testing\/slogtest|go\/version|math\/rand\/v2|encoding\/json\/v2)(?:\/|$)/;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (dir === undefined) throw new Error('usage: verify-go-resolution <dir> [--show N]');
  const show = Number(args[args.indexOf('--show') + 1] ?? 10) || 10;
  await initTreeSitter(`${__dirname}/../..`);
  const root = absolutePosixPath(dir);
  const model = analyzeWorkspace(new NodeFileSystem(), root);
  const edgesByFile = new Map<string, ImportEdge[]>();
  for (const edge of model.edges) {
    if (!edge.from.endsWith('.go')) continue;
    const list = edgesByFile.get(edge.from) ?? [];
    list.push(edge);
    edgesByFile.set(edge.from, list);
  }

  const copy = copyModule(root);
  const packages = goList(copy);
  const byPath = new Map(packages.map((p) => [p.ImportPath, p]));
  const relDir = (p: GoPackage): string =>
    path
      .relative(copy, p.Dir ?? '')
      .split(path.sep)
      .join('/') || '.';
  const truth = (importPath: string): { kind: Kind; folder?: string } | 'newer-standard' | undefined => {
    const p = byPath.get(importPath);
    if (p?.Standard) return { kind: 'builtin' };
    if (p?.Module?.Main && p.Dir) return { kind: 'internal', folder: relDir(p) };
    if (NEWER_STANDARD.test(importPath) && !importPath.includes('.')) return 'newer-standard';
    if (p?.Module !== undefined || importPath.split('/')[0]?.includes('.')) return { kind: 'external' };
    return undefined;
  };

  let compared = 0;
  let agree = 0;
  let newerStandard = 0;
  let unknown = 0;
  let filesCompared = 0;
  const disagreements: string[] = [];
  const byKind = new Map<string, number>();
  for (const pkg of packages) {
    if (!pkg.Module?.Main || pkg.Standard || pkg.Dir === undefined) continue;
    const folder = relDir(pkg);
    for (const name of pkg.GoFiles ?? []) {
      const file = folder === '.' ? name : `${folder}/${name}`;
      filesCompared++;
      for (const edge of edgesByFile.get(file) ?? []) {
        const mapped = pkg.ImportMap?.[edge.specifier] ?? edge.specifier;
        const expected = truth(mapped);
        if (expected === 'newer-standard') {
          newerStandard++;
          continue;
        }
        if (expected === undefined) {
          unknown++;
          continue;
        }
        compared++;
        const got: Kind | 'unresolved' = edge.resolution;
        const gotFolder = edge.to === null ? undefined : path.posix.dirname(edge.to);
        const same = got === expected.kind && (expected.kind !== 'internal' || gotFolder === expected.folder);
        byKind.set(expected.kind, (byKind.get(expected.kind) ?? 0) + 1);
        if (same) agree++;
        else
          disagreements.push(
            `${file}:${edge.line} ${edge.specifier}: go list ${expected.kind}${expected.folder ? ` ${expected.folder}` : ''}, ArchLens ${got}${gotFolder ? ` ${gotFolder}` : ''}`,
          );
      }
    }
  }
  const pct = compared === 0 ? 0 : (100 * agree) / compared;
  console.log(
    `${path.basename(root)}: ${filesCompared} Go files built by go list; ${compared} imports compared (${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')}): ${agree} agree (${pct.toFixed(2)} %), ${compared - agree} disagree; ${newerStandard} imports of standard packages newer than this Go left out; ${unknown} go list could not place`,
  );
  for (const line of disagreements.slice(0, show)) console.log(`  ${line}`);
  nodeFs.rmSync(copy, { recursive: true, force: true });
}

/** A copy of the module's go.mod (trimmed for this Go) and .go files, in the temp folder. */
function copyModule(root: string): string {
  const copy = nodeFs.mkdtempSync(path.join(os.tmpdir(), 'archlens-golist-'));
  const version = /go(\d+\.\d+)/.exec(execFileSync('go', ['version'], { encoding: 'utf8' }))?.[1] ?? '1.19';
  const goMod = nodeFs.readFileSync(path.join(root, 'go.mod'), 'utf8');
  nodeFs.writeFileSync(path.join(copy, 'go.mod'), trimGoMod(goMod, version));
  const goSum = path.join(root, 'go.sum');
  if (nodeFs.existsSync(goSum)) nodeFs.copyFileSync(goSum, path.join(copy, 'go.sum'));
  const walk = (rel: string): void => {
    for (const entry of nodeFs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name === '.git' || entry.name === 'node_modules') continue;
        // A nested module is not part of this one.
        if (nodeFs.existsSync(path.join(root, child, 'go.mod'))) continue;
        walk(child);
      } else if (entry.isFile() && entry.name.endsWith('.go')) {
        nodeFs.mkdirSync(path.join(copy, rel), { recursive: true });
        nodeFs.copyFileSync(path.join(root, child), path.join(copy, child));
      }
    }
  };
  walk('');
  return copy;
}

/** Keeps `module`, `require`, `replace` and `exclude`; drops what an older Go cannot parse. */
function trimGoMod(text: string, version: string): string {
  const out: string[] = [];
  let block: string | undefined;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (block !== undefined) {
      if (trimmed === ')') {
        if (block !== 'skip') out.push(line);
        block = undefined;
      } else if (block !== 'skip') out.push(line);
      continue;
    }
    const word = /^(\w+)/.exec(trimmed)?.[1];
    const keep = word === 'module' || word === 'require' || word === 'replace' || word === 'exclude';
    if (trimmed.endsWith('(')) block = keep ? word : 'skip';
    if (word === 'go') out.push(`go ${version}`);
    else if (keep) out.push(line);
  }
  return out.join('\n') + '\n';
}

function goList(dir: string): GoPackage[] {
  const scratch = path.join(os.tmpdir(), 'archlens-golist-env');
  const output = execFileSync('go', ['list', '-e', '-deps', '-json', './...'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: scratch,
      GOPATH: path.join(scratch, 'gopath'),
      GOCACHE: path.join(scratch, 'cache'),
      GOFLAGS: '-mod=mod',
      GOPROXY: 'off',
      GOWORK: 'off',
      GOTOOLCHAIN: 'local',
      CGO_ENABLED: '0',
      GONOSUMDB: '*',
    },
  });
  // `go list -json` prints one JSON object after another.
  const packages: GoPackage[] = [];
  let depth = 0;
  let start = 0;
  let inString = false;
  for (let i = 0; i < output.length; i++) {
    const c = output[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) packages.push(JSON.parse(output.slice(start, i + 1)) as GoPackage);
  }
  return packages;
}

void main();
