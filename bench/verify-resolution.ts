// Checks ArchLens's resolve stage against TypeScript itself: for every source file of a folder,
// builds the program of the config ArchLens chose for it (ts.createProgram with the config's
// own options, parsed independently through ts.sys) and compares, import by import, what the
// program resolved (program.getResolvedModule with ts.getModeForUsageLocation) with what
// ArchLens's resolver answers. The imports are the program's own (sourceFile.imports), so the
// resolution step is compared on exactly the set TypeScript resolves.
//
// Usage: npm run verify:resolution -- <dir> [--show N] [--json out.json]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { createModuleResolver } from '../src/core/resolve';
import { inferredProjectOptions } from '../src/core/resolve/inferred-options';
import type { ImportKind } from '../src/core/model/workspace-model';
import { NodeFileSystem } from '../src/node/node-file-system';
import { absolutePosixPath } from '../src/node/paths';

const sourceExtensions = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const skipDirs = new Set(['node_modules', '.git']);

interface Difference {
  readonly file: string;
  readonly specifier: string;
  readonly kind: ImportKind;
  readonly config: string;
  readonly typescript: string | undefined;
  readonly archlens: string | undefined;
  readonly modes: string;
}

function main(): void {
  const args = process.argv.slice(2);
  const dirArg = args.find((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
  if (!dirArg) {
    console.error('usage: verify-resolution <dir> [--show N] [--json file]');
    process.exit(2);
  }
  const show = Number(option(args, '--show') ?? 30);
  const jsonOut = option(args, '--json');
  const root = absolutePosixPath(dirArg);
  const files = walk(root);
  const sources = files.filter((f) => sourceExtensions.test(f));
  console.log(`${root}: ${files.length} files, ${sources.length} source files`);

  // Group the files by the config ArchLens picks (tsserver's default project).
  const resolver = createModuleResolver(new NodeFileSystem(), root, { files });
  const t0 = performance.now();
  const groups = new Map<string, string[]>();
  for (const rel of sources) {
    const config = resolver.configFor(rel) ?? '';
    let group = groups.get(config);
    if (!group) groups.set(config, (group = []));
    group.push(rel);
  }
  const tConfigs = performance.now() - t0;
  console.log(
    `configs: ${groups.size - (groups.has('') ? 1 : 0)} used, ${groups.get('')?.length ?? 0} files in the inferred project (${tConfigs.toFixed(0)} ms to pick them)`,
  );

  // Check the config choice against the same tsserver search run over TypeScript's own
  // fileNames (ts.sys, full directory walk), which ArchLens answers per file instead.
  const reference = new ReferenceLocator(root);
  let configMismatches = 0;
  for (const [config, rels] of groups) {
    for (const rel of rels) {
      const expected = reference.configFor(root + '/' + rel) ?? '';
      if (expected !== config) {
        if (configMismatches++ < 10)
          console.log(
            `  config differs for ${rel}: typescript ${expected || '(inferred)'}, archlens ${config || '(inferred)'}`,
          );
      }
    }
  }
  console.log(
    `config choice: ${sources.length - configMismatches}/${sources.length} identical to the search over TypeScript's fileNames`,
  );

  let total = 0;
  let identical = 0;
  const differences: Difference[] = [];
  const byClass = new Map<string, number>();
  const work: { rel: string; specifier: string; kind: ImportKind }[] = [];
  const tProgramsStart = performance.now();
  for (const [config, rels] of groups) {
    const { options, projectReferences } =
      config === ''
        ? { options: inferredProjectOptions, projectReferences: undefined }
        : parseConfig(path.join(root, config));
    const rootNames = rels.map((r) => root + '/' + r);
    const program = createShallowProgram(rootNames, options, projectReferences);
    for (const rel of rels) {
      const sourceFile = program.getSourceFile(root + '/' + rel);
      if (!sourceFile) continue;
      for (const literal of importsOf(sourceFile)) {
        const kind = kindOf(literal);
        if (kind === undefined) continue;
        const mode = ts.getModeForUsageLocation(sourceFile, literal, program.getCompilerOptions());
        const expected = (program as unknown as ProgramInternals).getResolvedModule(
          sourceFile,
          literal.text,
          mode,
        )?.resolvedModule?.resolvedFileName;
        const ours = resolver.resolveWithTypeScript(rel, literal.text, kind);
        total++;
        work.push({ rel, specifier: literal.text, kind });
        if (expected === ours.resolvedFileName && mode === ours.mode) identical++;
        else {
          differences.push({
            file: rel,
            specifier: literal.text,
            kind,
            config: config || '(inferred)',
            typescript: expected,
            archlens: ours.resolvedFileName,
            modes: `${String(mode)}/${String(ours.mode)}`,
          });
        }
      }
    }
  }
  const tPrograms = performance.now() - tProgramsStart;

  // Time a fresh resolver over every import, the way the pipeline calls it.
  const fresh = createModuleResolver(new NodeFileSystem(), root, { files });
  const t1 = performance.now();
  const answers = work.map((item) => fresh.resolve(item.rel, item.specifier, item.kind));
  const tResolve = performance.now() - t1;
  for (const resolved of answers) {
    const key = resolved.resolution + (resolved.via ? ' (workspace)' : '');
    byClass.set(key, (byClass.get(key) ?? 0) + 1);
  }

  // The fresh resolver shares one answer among imports with the same lookup (folder or lookup
  // scope, specifier, mode, project): check it against one TypeScript call per import.
  const unshared = createModuleResolver(new NodeFileSystem(), root, { files, shareLookups: false });
  let sharedDiffers = 0;
  work.forEach((item, i) => {
    const one = JSON.stringify(unshared.resolve(item.rel, item.specifier, item.kind));
    const shared = JSON.stringify(answers[i]);
    if (one !== shared && sharedDiffers++ < show)
      console.log(
        `  shared answer differs for ${item.rel} '${item.specifier}': ${shared}, per import ${one}`,
      );
  });

  const percent = total === 0 ? 100 : (100 * identical) / total;
  console.log(`imports compared: ${total}; identical to TypeScript: ${identical} (${percent.toFixed(3)} %)`);
  console.log(`classification: ${[...byClass].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(
    `time: TypeScript programs ${(tPrograms / 1000).toFixed(1)} s; ArchLens fresh resolver, all imports ${tResolve.toFixed(0)} ms (configs included)`,
  );
  console.log(
    `shared lookups: ${work.length - sharedDiffers}/${work.length} answers identical to one TypeScript call per import`,
  );
  console.log(`warnings: ${fresh.warnings.length}`);
  for (const w of fresh.warnings.slice(0, 10))
    console.log(`  ${w.file}${w.line ? `:${w.line}:${w.column}` : ''} ${w.message}`);
  if (differences.length > 0) {
    console.log(`differences (${differences.length}, first ${Math.min(show, differences.length)}):`);
    for (const d of differences.slice(0, show)) {
      console.log(
        `  ${d.file} '${d.specifier}' (${d.kind}, ${d.config}, modes ts/ours ${d.modes})\n    typescript: ${d.typescript ?? '-'}\n    archlens:   ${d.archlens ?? '-'}`,
      );
    }
  }
  if (jsonOut)
    fs.writeFileSync(jsonOut, JSON.stringify({ root, total, identical, percent, differences }, null, 2));
}

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, rel: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (skipDirs.has(entry.name)) continue;
      const childRel = rel === '' ? entry.name : rel + '/' + entry.name;
      if (entry.isDirectory()) visit(path.join(dir, entry.name), childRel);
      else if (entry.isFile()) out.push(childRel);
    }
  };
  visit(root, '');
  return out.sort();
}

function parseConfig(configPath: string): {
  options: ts.CompilerOptions;
  projectReferences: readonly ts.ProjectReference[] | undefined;
} {
  const host: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, host);
  return { options: parsed?.options ?? {}, projectReferences: parsed?.projectReferences };
}

/** `Program.getResolvedModule`, which the public typings do not declare. */
interface ProgramInternals {
  getResolvedModule(
    file: ts.SourceFile,
    name: string,
    mode: ts.ResolutionMode,
  ): ts.ResolvedModuleWithFailedLookupLocations | undefined;
}

/** A program whose non-root files are read as empty: the roots' imports are resolved, nothing deeper is parsed. */
function createShallowProgram(
  rootNames: readonly string[],
  options: ts.CompilerOptions,
  projectReferences: readonly ts.ProjectReference[] | undefined,
): ts.Program {
  const roots = new Set(rootNames);
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) =>
    roots.has(fileName)
      ? getSourceFile(fileName, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(fileName, '', languageVersion);
  return ts.createProgram({
    rootNames,
    options: { ...options, noLib: true, types: [], noEmit: true },
    projectReferences,
    host,
  });
}

/** The module specifiers TypeScript collected for a file (`SourceFile.imports`, internal). */
function importsOf(sourceFile: ts.SourceFile): readonly ts.StringLiteralLike[] {
  return (sourceFile as unknown as { imports?: readonly ts.StringLiteralLike[] }).imports ?? [];
}

function kindOf(literal: ts.StringLiteralLike): ImportKind | undefined {
  const parent = literal.parent;
  if (ts.isImportDeclaration(parent)) return parent.importClause?.isTypeOnly ? 'type' : 'static';
  if (ts.isExportDeclaration(parent)) return 'reexport';
  if (ts.isExternalModuleReference(parent)) return 'require';
  if (ts.isCallExpression(parent)) {
    if (parent.expression.kind === ts.SyntaxKind.ImportKeyword) return 'dynamic';
    return 'require';
  }
  if (ts.isLiteralTypeNode(parent) && ts.isImportTypeNode(parent.parent)) return 'type';
  if (ts.isJSDocImportTag(parent)) return 'type';
  if (ts.isModuleDeclaration(parent)) return undefined;
  return 'static';
}

/** tsserver's default-project search, over configs parsed by TypeScript through ts.sys. */
class ReferenceLocator {
  private readonly parsed = new Map<string, ts.ParsedCommandLine & { set: Set<string> }>();
  constructor(private readonly root: string) {}

  configFor(file: string): string | undefined {
    const visited = new Set<string>();
    let current = this.nearest(path.posix.dirname(file));
    while (current !== undefined && !visited.has(current)) {
      visited.add(current);
      const config = this.load(current);
      if (config.set.has(file)) return this.rel(current);
      if (!config.options.disableReferencedProjectLoad) {
        const seen = new Set([current]);
        let level = [config];
        while (level.length > 0) {
          const next: (typeof level)[number][] = [];
          for (const parent of level) {
            for (const ref of parent.projectReferences ?? []) {
              const child = ts.resolveProjectReferencePath(ref);
              if (seen.has(child)) continue;
              seen.add(child);
              if (!fs.existsSync(child)) continue;
              const loaded = this.load(child);
              if (loaded.set.has(file)) return this.rel(child);
              next.push(loaded);
            }
          }
          level = next;
        }
      }
      if (config.options.disableSolutionSearching) return undefined;
      const dir = path.posix.dirname(current);
      if (current.endsWith('/tsconfig.json') && fs.existsSync(dir + '/jsconfig.json'))
        current = dir + '/jsconfig.json';
      else
        current =
          dir === this.root || dir.endsWith('/node_modules')
            ? undefined
            : this.nearest(path.posix.dirname(dir));
    }
    return undefined;
  }

  private rel(p: string): string {
    return p.slice(this.root.length + 1);
  }

  private nearest(dir: string): string | undefined {
    for (;;) {
      for (const name of ['tsconfig.json', 'jsconfig.json'])
        if (fs.existsSync(dir + '/' + name)) return dir + '/' + name;
      if (dir === this.root || dir.endsWith('/node_modules') || !dir.startsWith(this.root)) return undefined;
      dir = path.posix.dirname(dir);
    }
  }

  private load(configPath: string): ts.ParsedCommandLine & { set: Set<string> } {
    let parsed = this.parsed.get(configPath);
    if (!parsed) {
      const host: ts.ParseConfigFileHost = {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => undefined,
      };
      const result =
        ts.getParsedCommandLineOfConfigFile(configPath, {}, host) ??
        ts.parseJsonConfigFileContent({}, ts.sys, path.posix.dirname(configPath));
      parsed = Object.assign(result, { set: new Set(result.fileNames) });
      this.parsed.set(configPath, parsed);
    }
    return parsed;
  }
}

main();
