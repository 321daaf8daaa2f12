// Checks the Java, Kotlin and C# import graph against the build graph: every internal import
// from one build module into another must follow a module dependency the build files declare
// (directly or transitively), since the compiler could not see the class otherwise.
// - C#: projects are `.csproj` files, dependencies their `ProjectReference`s (and those of the
//   `Directory.Build.props` above them);
// - Gradle: modules are the folders `settings.gradle(.kts)` includes, dependencies the
//   `project(":x")` references of each module's `build.gradle(.kts)`;
// - Maven: modules are the folders holding a `pom.xml`, dependencies the `<dependency>`
//   artifactIds that name another module.
// Usage: npm run verify:build-graph -- <dir> [--show N]
import { analyzeWorkspace, type ImportEdge } from '../src/core';
import { jvmBuildGraph, msbuildGraph, type BuildGraph } from '../src/core/resolve/languages/build-modules';
import { createLanguageContext } from '../src/core/resolve/languages/context';
import { NodeFileSystem } from '../src/node/node-file-system';
import { absolutePosixPath } from '../src/node/paths';
import { initTreeSitter } from '../src/node/tree-sitter-runtime';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (dir === undefined) throw new Error('usage: verify-build-graph <dir> [--show N]');
  const show = Number(args[args.indexOf('--show') + 1] ?? 10) || 10;
  await initTreeSitter(`${__dirname}/../..`);
  const fs = new NodeFileSystem();
  const root = absolutePosixPath(dir);
  const model = analyzeWorkspace(fs, root);
  const ctx = createLanguageContext(fs, root, allFiles(fs, root, model.files), new Map());
  const families: [string, RegExp, BuildGraph][] = [
    ['C# projects', /\.cs$/, msbuildGraph(ctx)],
    ['Gradle/Maven modules', /\.(?:java|kt)$/, jvmBuildGraph(ctx)],
  ];
  for (const [name, sources, graph] of families) {
    if (graph.modules.length === 0) continue;
    let within = 0;
    let following = 0;
    const crossing: ImportEdge[] = [];
    for (const edge of model.edges) {
      if (edge.resolution !== 'internal' || edge.to === null || !sources.test(edge.from)) continue;
      const from = graph.moduleOf(edge.from);
      const to = graph.moduleOf(edge.to);
      if (!from || !to) continue;
      if (from === to) within++;
      else if (graph.reachable(from).has(to.folder)) following++;
      else crossing.push(edge);
    }
    const total = within + following + crossing.length;
    console.log(
      `${name}: ${graph.modules.length}; internal imports ${total}: ${within} within a module, ${following} along a declared dependency, ${crossing.length} across modules the build does not connect`,
    );
    for (const edge of crossing.slice(0, show))
      console.log(`  ${edge.from}:${edge.line} ${edge.specifier} → ${edge.to}`);
  }
}

/** Build files are not sources: list every file the scan kept plus the build files beside them. */
function allFiles(fs: NodeFileSystem, root: string, sources: readonly string[]): string[] {
  const out = new Set(sources);
  const walk = (rel: string, depth: number): void => {
    if (depth > 8) return;
    for (const entry of fs.readDirectory(rel === '.' ? root : `${root}/${rel}`) ?? []) {
      const path = rel === '.' ? entry.name : `${rel}/${entry.name}`;
      if (entry.kind === 'directory') {
        if (!/^(?:\.git|node_modules|build|target|bin|obj|\.gradle)$/.test(entry.name)) walk(path, depth + 1);
      } else if (
        /(?:\.csproj|Directory\.Build\.props|pom\.xml|settings\.gradle(?:\.kts)?|build\.gradle(?:\.kts)?)$/.test(
          entry.name,
        )
      )
        out.add(path);
    }
  };
  walk('.', 0);
  return [...out];
}

void main();
