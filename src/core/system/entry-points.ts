import type { Manifest, PackageJsonManifest, WorkspaceModel } from '../model';
import type { GraphIndex } from '../units';
import { matchesPackage } from '../units/known-packages';
import { baseName, dirOf, isScript, joinPath } from '../units/paths';
import { FRONTEND_ROOT_CONFIGS, SERVICE_PACKAGES, WORKER_PACKAGES } from './runtime-catalogue';
import { STARTING_SCRIPT, startedBy } from './script-commands';
import { sourceFileOf } from './source-file';
import type { EntryPoint } from './types';

/** Most files read for bootstrap calls; candidates are the importers of servers and consumers. */
export const BOOTSTRAP_READS = 300;

/** Calls that start serving or consuming: a file that makes one is where a process starts. */
const BOOTSTRAP_CALL =
  /\bNestFactory\.create(?:Microservice|ApplicationContext)?\s*[(<]|\.listen\s*\(|\bcreateServer\s*\(|\bserve\s*\(\s*\{|\bnew\s+Worker\s*[(<]|\.run\s*\(\s*\{\s*(?:eachMessage|eachBatch)|\.consume\s*\(|\bstartStandaloneServer\s*\(|\bBun\.serve\s*\(|\bDeno\.serve\s*\(/;

/** Entry files of other languages, by name and by a line they must hold. */
const LANGUAGE_MAINS: readonly { readonly file: RegExp; readonly line: RegExp; readonly what: string }[] = [
  { file: /\.go$/, line: /^package main\b/m, what: 'Go `package main`' },
  {
    file: /\.(?:java|kt)$/,
    line: /@SpringBootApplication\b|\bfun main\s*\(|public static void main\s*\(/,
    what: 'a JVM `main`',
  },
  { file: /(?:^|\/)Program\.cs$/, line: /\S/, what: 'a .NET `Program.cs`' },
  { file: /(?:^|\/)(?:manage|wsgi|asgi|__main__)\.py$/, line: /\S/, what: 'a Python entry module' },
  {
    file: /\.py$/,
    line: /\b(?:FastAPI|Flask|Celery|Starlette|Sanic|Quart)\s*\(|if __name__ == ['"]__main__['"]/,
    what: 'a Python app or `__main__`',
  },
];

/**
 * Where programs start: `package.json` `main`, `bin` and starting scripts, front-end framework
 * roots (their files are routed by convention), function handlers from deployment manifests,
 * bootstrap calls in code (`NestFactory.create`, `app.listen`, `new Worker`), and the mains of
 * other languages.
 */
export function findEntryPoints(
  model: WorkspaceModel,
  graph: GraphIndex,
  readText: (file: string) => string | undefined,
): EntryPoint[] {
  const found = new Map<string, EntryPoint>();
  const add = (entry: EntryPoint): void => {
    const key = `${entry.kind}\0${entry.file}`;
    if (!found.has(key)) found.set(key, entry);
  };
  for (const manifest of model.manifests) {
    if (manifest.kind === 'package-json') fromPackage(manifest, graph, add);
    else fromDeployment(manifest, add);
  }
  for (const file of graph.sources) {
    if (FRONTEND_ROOT_CONFIGS.test(baseName(file)))
      add({
        file: dirOf(file),
        kind: 'framework-root',
        source: file,
        message: `\`${file}\` roots a front-end app at \`${dirOf(file)}\``,
      });
  }
  fromBootstraps(graph, readText, add);
  fromLanguageMains(graph, readText, add);
  return [...found.values()].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.kind < b.kind ? -1 : 1,
  );
}

function fromPackage(pkg: PackageJsonManifest, graph: GraphIndex, add: (e: EntryPoint) => void): void {
  const folder = dirOf(pkg.file);
  const files = graph.fileSet;
  if (pkg.main !== undefined) {
    const file = sourceFileOf(folder, pkg.main, files);
    if (file !== undefined)
      add({
        file,
        kind: 'package-main',
        source: pkg.file,
        message: `\`${pkg.file}\` \`main\` starts \`${file}\``,
      });
  }
  for (const [name, target] of Object.entries(pkg.bin)) {
    const file = sourceFileOf(folder, target, files);
    if (file !== undefined)
      add({
        file,
        kind: 'package-bin',
        source: pkg.file,
        message: `\`${pkg.file}\` command \`${name}\` runs \`${file}\``,
      });
  }
  for (const [script, command] of Object.entries(pkg.scripts)) {
    if (!STARTING_SCRIPT.test(script)) continue;
    for (const started of startedBy(command)) {
      if (started.kind === 'framework' && started.framework === '@nestjs/cli') {
        // `nest start` runs the app's `main.ts` (one per app in a Nest monorepo's `apps/*`).
        for (const file of nestMains(folder, graph)) {
          add({
            file,
            kind: 'package-script',
            source: pkg.file,
            message: `\`${pkg.file}\` script \`${script}\` starts \`${file}\` (\`nest start\`)`,
          });
        }
        continue;
      }
      if (started.kind === 'framework') {
        add({
          file: folder,
          kind: 'framework-root',
          source: pkg.file,
          message: `\`${pkg.file}\` script \`${script}\` starts \`${started.framework}\` at \`${folder}\``,
        });
        continue;
      }
      const file = sourceFileOf(folder, started.path, files);
      if (file !== undefined)
        add({
          file,
          kind: 'package-script',
          source: pkg.file,
          message: `\`${pkg.file}\` script \`${script}\` starts \`${file}\``,
        });
    }
  }
}

/** The `main.ts` files `nest start` runs: `src/main.ts`, or each `apps/<app>/src/main.ts`. */
function nestMains(folder: string, graph: GraphIndex): string[] {
  const single = joinPath(folder, 'src/main.ts');
  if (graph.fileSet.has(single)) return [single];
  return graph
    .filesUnder(joinPath(folder, 'apps'))
    .filter((f) => /^apps\/[^/]+\/src\/main\.ts$/.test(folder === '.' ? f : f.slice(folder.length + 1)));
}

function fromDeployment(manifest: Manifest, add: (e: EntryPoint) => void): void {
  if (manifest.kind === 'wrangler' && manifest.mainFile !== undefined) {
    add({
      file: manifest.mainFile,
      kind: 'function-handler',
      source: manifest.file,
      message: `\`${manifest.file}\` deploys \`${manifest.mainFile}\` as a Worker`,
    });
    return;
  }
  if (!('functions' in manifest)) return;
  for (const fn of manifest.functions) {
    if (fn.handlerFile === undefined) continue;
    add({
      file: fn.handlerFile,
      ...(fn.line !== undefined ? { line: fn.line } : {}),
      kind: 'function-handler',
      source: manifest.file,
      message: `\`${manifest.file}\` deploys function \`${fn.name}\` from \`${fn.handlerFile}\``,
    });
  }
}

function fromBootstraps(
  graph: GraphIndex,
  readText: (file: string) => string | undefined,
  add: (e: EntryPoint) => void,
): void {
  const candidates: string[] = [];
  // Package names repeat across files: each is looked up in the lists once.
  const startsServer = new Map<string, boolean>();
  const isServerPackage = (name: string): boolean => {
    let found = startsServer.get(name);
    if (found === undefined) {
      found =
        matchesPackage(name, SERVICE_PACKAGES) || matchesPackage(name, WORKER_PACKAGES) || name === 'http';
      startsServer.set(name, found);
    }
    return found;
  };
  for (const [file, edges] of graph.externals) {
    if (!isScript(file)) continue;
    if (edges.some((e) => e.to !== null && isServerPackage(e.to))) candidates.push(file);
  }
  // Files nothing imports first: a bootstrap is where the graph starts.
  candidates.sort((a, b) => (graph.in.has(a) ? 1 : 0) - (graph.in.has(b) ? 1 : 0) || (a < b ? -1 : 1));
  for (const file of candidates.slice(0, BOOTSTRAP_READS)) {
    const text = readText(file);
    if (text === undefined) continue;
    const match = BOOTSTRAP_CALL.exec(text);
    if (match === null) continue;
    const line = text.slice(0, match.index).split('\n').length;
    add({
      file,
      line,
      kind: 'bootstrap',
      source: file,
      message: `\`${file}\` starts serving or consuming (\`${match[0].replace(/\s+/g, ' ').trim()}\`)`,
    });
  }
}

function fromLanguageMains(
  graph: GraphIndex,
  readText: (file: string) => string | undefined,
  add: (e: EntryPoint) => void,
): void {
  let reads = 0;
  for (const file of graph.sources) {
    const rule = LANGUAGE_MAINS.find((r) => r.file.test(file));
    if (rule === undefined) continue;
    // Only plausible entry files are read: Go files of a `cmd/`-like or root folder, named mains.
    if (!plausibleMain(file)) continue;
    if (reads++ >= BOOTSTRAP_READS) return;
    const text = readText(file);
    if (text === undefined) continue;
    const match = rule.line.exec(text);
    if (match === null) continue;
    add({
      file,
      line: text.slice(0, match.index).split('\n').length,
      kind: 'language-main',
      source: file,
      message: `\`${file}\` is ${rule.what}`,
    });
  }
}

const MAIN_NAMES =
  /^(?:main\.go|Program\.cs|manage\.py|wsgi\.py|asgi\.py|__main__\.py|main\.py|app\.py|server\.py|worker\.py|celery\.py|.*Application\.(?:java|kt)|Main\.(?:java|kt)|main\.kt)$/;

/** Go's layout for programs: `cmd/<name>/<any>.go` (the file name is free, `package main` decides). */
const GO_PROGRAM_FOLDER = /(?:^|\/)cmd\/[^/]+\/[^/]+\.go$/;

function plausibleMain(file: string): boolean {
  return (
    MAIN_NAMES.test(baseName(file)) ||
    dirOf(file) === '.' ||
    (GO_PROGRAM_FOLDER.test(file) && !file.endsWith('_test.go'))
  );
}
