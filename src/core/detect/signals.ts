import type { FileSymbols, PackageJsonManifest } from '../model';
import { matchesPackage } from '../units/known-packages';
import { baseName, dirOf, isScript, isUnder, stem } from '../units/paths';
import type { GraphIndex, ServiceUnit } from '../units';
import type { DetectContext } from './context';
import type { Fact } from './scoring';

/** Most candidate files a detector reads symbols of; keeps detection cheap on big repositories. */
export const MAX_SYMBOL_FILES = 40;

/** Dependencies (runtime and dev) of every package.json matching a list, as facts. */
export function dependencyFacts(ctx: DetectContext, list: readonly string[], what: string): Fact[] {
  const facts: Fact[] = [];
  for (const m of ctx.model.manifests) {
    if (m.kind !== 'package-json') continue;
    const names = dependencyNames(m).filter((d) => matchesPackage(d, list));
    if (names.length > 0)
      facts.push({
        file: m.file,
        message: `\`${m.file}\` depends on ${names.map((n) => `\`${n}\``).join(', ')} (${what})`,
      });
  }
  return facts;
}

function dependencyNames(m: PackageJsonManifest): string[] {
  return [...Object.keys(m.dependencies), ...Object.keys(m.devDependencies)];
}

/** Source imports of packages matching a list, one fact per importing file. */
export function importFacts(ctx: DetectContext, list: readonly string[], what: string): Fact[] {
  const facts: Fact[] = [];
  for (const [file, edges] of ctx.graph.externals) {
    const edge = edges.find(
      (e) => e.resolution === 'external' && e.to !== null && matchesPackage(e.to, list),
    );
    if (edge)
      facts.push({
        file,
        line: edge.line,
        message: `\`${file}\` imports \`${edge.to ?? edge.specifier}\` (${what})`,
      });
  }
  return facts.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** Files importing any package of a list. */
export function importers(ctx: DetectContext, list: readonly string[]): string[] {
  return importFacts(ctx, list, '').map((f) => f.file);
}

/** Non-test files (any language) whose path matches. */
export function filesMatching(ctx: DetectContext, pattern: RegExp): string[] {
  return ctx.graph.sources.filter((f) => pattern.test(f));
}

/** Non-test TypeScript/JavaScript files whose path matches. */
export function scriptsMatching(ctx: DetectContext, pattern: RegExp): string[] {
  return ctx.graph.scripts.filter((f) => pattern.test(f));
}

/** Folders (anywhere) with one of the given names. */
export function foldersNamed(ctx: DetectContext, names: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const [folder, name] of sourceFolders(ctx.graph)) if (names.has(name)) found.push(folder);
  return found;
}

/** Each folder holding a non-test file (at any depth), sorted, with its lower-cased name. */
const foldersOfGraph = new WeakMap<GraphIndex, readonly (readonly [string, string])[]>();

function sourceFolders(graph: GraphIndex): readonly (readonly [string, string])[] {
  let folders = foldersOfGraph.get(graph);
  if (folders === undefined) {
    const seen = new Set<string>();
    for (const file of graph.sources)
      for (let folder = dirOf(file); folder !== '.' && !seen.has(folder); folder = dirOf(folder))
        seen.add(folder);
    folders = [...seen].sort().map((folder) => [folder, baseName(folder).toLowerCase()] as const);
    foldersOfGraph.set(graph, folders);
  }
  return folders;
}

/** Symbols of at most {@link MAX_SYMBOL_FILES} files, skipping those that cannot be read. */
export function symbolsOf(ctx: DetectContext, files: readonly string[]): [string, FileSymbols][] {
  const out: [string, FileSymbols][] = [];
  if (files.length > MAX_SYMBOL_FILES) ctx.readBound?.passOver(files.length - MAX_SYMBOL_FILES);
  for (const file of files.slice(0, MAX_SYMBOL_FILES)) {
    if (!isScript(file)) continue;
    const symbols = ctx.symbols(file);
    if (symbols) out.push([file, symbols]);
  }
  return out;
}

/** The service owning a file: the deepest service folder holding it. */
export function serviceOf(file: string, services: readonly ServiceUnit[]): ServiceUnit | undefined {
  let best: ServiceUnit | undefined;
  for (const s of services) {
    if (!s.hasSource || s.path === '.' || !isUnder(file, s.path)) continue;
    if (best === undefined || s.path.length > best.path.length) best = s;
  }
  return best;
}

/** A fast {@link serviceOf} for many lookups: walks up the file's folders instead of scanning services. */
export function serviceLookup(services: readonly ServiceUnit[]): (file: string) => ServiceUnit | undefined {
  const byPath = new Map(services.filter((s) => s.hasSource && s.path !== '.').map((s) => [s.path, s]));
  const byFolder = new Map<string, ServiceUnit | undefined>();
  return (file) => {
    const start = dirOf(file);
    if (byFolder.has(start)) return byFolder.get(start);
    let found: ServiceUnit | undefined;
    for (let folder = start; folder !== '.' && found === undefined; folder = dirOf(folder))
      found = byPath.get(folder);
    byFolder.set(start, found);
    return found;
  };
}

/** The fact added to verdicts built without imports, when the sources are in other languages. */
export function importsNotRead(ctx: DetectContext): Fact | undefined {
  if (ctx.units.importsRead) return undefined;
  const languages = ctx.units.languages.filter((l) => l !== 'typescript' && l !== 'javascript');
  const what = languages.length > 0 ? languages.join(', ') : 'no TypeScript or JavaScript';
  return { file: '.', message: `Sources are ${what}: imports were not read, only folders and manifests` };
}

/** Text probes of dependency files of other languages (requirements.txt, go.mod, pom.xml, …) under the given folders. */
export function otherLanguageDependencies(ctx: DetectContext, pattern: RegExp, what: string): Fact[] {
  if (ctx.units.languages.every((l) => l === 'typescript' || l === 'javascript')) return [];
  const folders = new Set(['.', ...ctx.units.services.filter((s) => s.hasSource).map((s) => s.path)]);
  // The build files of other languages; package.json is read as a manifest, Cargo.toml has no probes.
  const names = BUILD_FILES.filter((n) => n !== 'package.json' && n !== 'Cargo.toml');
  const csproj = [
    ...ctx.graph.files.filter((f) => f.endsWith('.csproj')),
    // Project files are not sources: probe the conventional `<Folder>/<Folder>.csproj`.
    ...[...folders].filter((f) => f !== '.').map((f) => `${f}/${f.slice(f.lastIndexOf('/') + 1)}.csproj`),
  ];
  const facts: Fact[] = [];
  const candidates = [
    ...[...folders].flatMap((folder) => names.map((n) => (folder === '.' ? n : `${folder}/${n}`))),
    ...csproj,
  ];
  for (const file of new Set(candidates)) {
    const text = ctx.readText(file);
    if (text === undefined) continue;
    const lines = text.split('\n');
    const index = lines.findIndex((line) => pattern.test(line));
    if (index >= 0) {
      const match = pattern.exec(lines[index] ?? '')?.[0] ?? '';
      facts.push({ file, line: index + 1, message: `\`${file}\` uses \`${match}\` (${what})` });
    }
  }
  return facts;
}

/** `order-created.event.ts` → `order-created`; for names in messages. */
export function shortName(file: string): string {
  return stem(baseName(file)).replace(/\.(?:event|command|query|handler)$/, '');
}

/** Dependency manifests that give a folder a build of its own, in any language. */
export const BUILD_FILES = [
  'package.json',
  'requirements.txt',
  'pyproject.toml',
  'Pipfile',
  'go.mod',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'Gemfile',
  'composer.json',
  'Cargo.toml',
];

/** The dependency manifest of a folder (`services/a/package.json`, `a/A.csproj`), if it has its own. */
export function ownBuildFile(ctx: DetectContext, folder: string): string | undefined {
  const candidates = [...BUILD_FILES, `${folder.slice(folder.lastIndexOf('/') + 1)}.csproj`].map((n) =>
    folder === '.' ? n : `${folder}/${n}`,
  );
  return candidates.find(
    (file) => ctx.model.manifests.some((m) => m.file === file) || ctx.readText(file) !== undefined,
  );
}

/** The lists' items taken in turn (first of each, then second of each …), without repeats: a fair sample under a budget. */
export function interleave(lists: readonly (readonly string[])[]): string[] {
  const out = new Set<string>();
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.add(list[i] ?? '');
  return [...out];
}

/** Most files of other languages whose text one text signal reads. */
export const MAX_TEXT_FILES = 40;

/** Non-test source files in languages whose symbols are not extracted (C#, Java, Kotlin, Go, Python, …). */
export function otherLanguageSources(ctx: DetectContext, pattern?: RegExp): string[] {
  return ctx.graph.sources.filter((f) => !isScript(f) && (pattern === undefined || pattern.test(f)));
}

/**
 * Text probes of source files whose declarations are not extracted: the first line matching the
 * pattern in each of at most {@link MAX_TEXT_FILES} files, as facts (`describe` gets the match).
 * Only declarations that read the same in any language belong here (class names, attributes,
 * handler maps), so a match means what it says.
 */
export function sourceTextFacts(
  ctx: DetectContext,
  files: readonly string[],
  pattern: RegExp,
  describe: (file: string, match: string) => string,
): Fact[] {
  const facts: Fact[] = [];
  for (const file of files.slice(0, MAX_TEXT_FILES)) {
    const lines = (ctx.readText(file) ?? '').split('\n');
    const index = lines.findIndex((l) => pattern.test(l));
    if (index < 0) continue;
    const match = pattern.exec(lines[index] ?? '')?.[0] ?? '';
    facts.push({ file, line: index + 1, message: describe(file, match.trim()) });
  }
  return facts;
}
