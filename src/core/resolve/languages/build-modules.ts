import { fileName, folderOf, inFolder, type LanguageContext } from './context';

/** One module of a build: its folder and the folders of the modules it depends on. */
export interface BuildModule {
  readonly folder: string;
  readonly dependsOn: ReadonlySet<string>;
}

/** The modules of one build system, with the module of a file and what a module reaches. */
export class BuildGraph {
  private readonly byFolder: Map<string, BuildModule>;
  private readonly closures = new Map<string, ReadonlySet<string>>();

  constructor(readonly modules: readonly BuildModule[]) {
    this.byFolder = new Map(modules.map((m) => [m.folder, m]));
  }

  /** The module a file belongs to: the one of the nearest folder above it. */
  moduleOf(file: string): BuildModule | undefined {
    let best: BuildModule | undefined;
    for (const m of this.modules) {
      if (m.folder !== '.' && !file.startsWith(m.folder + '/')) continue;
      if (best === undefined || m.folder.length > best.folder.length) best = m;
    }
    return best;
  }

  /** The folders of the modules `module` depends on, directly or through others (itself included). */
  reachable(module: BuildModule): ReadonlySet<string> {
    const known = this.closures.get(module.folder);
    if (known) return known;
    const seen = new Set<string>();
    const stack = [module.folder];
    while (stack.length > 0) {
      const folder = stack.pop() as string;
      if (seen.has(folder)) continue;
      seen.add(folder);
      for (const dep of this.byFolder.get(folder)?.dependsOn ?? []) stack.push(dep);
    }
    this.closures.set(module.folder, seen);
    return seen;
  }

  /**
   * Of the files that could be meant, those the importer's module sees: its own first, then
   * those of the modules it depends on; all of them when the importer is in no module.
   */
  visible(fromRel: string, candidates: readonly string[]): { own: string[]; reached: string[] } | undefined {
    const from = this.moduleOf(fromRel);
    if (from === undefined) return undefined;
    const reach = this.reachable(from);
    const own: string[] = [];
    const reached: string[] = [];
    for (const file of candidates) {
      const module = this.moduleOf(file);
      if (module === from) own.push(file);
      else if (module !== undefined && reach.has(module.folder)) reached.push(file);
    }
    return { own, reached };
  }
}

/** `.csproj` projects; dependencies: `ProjectReference`s, with those of `Directory.Build.props` above. */
export function msbuildGraph(ctx: LanguageContext): BuildGraph {
  const props = ctx.files.filter((f) => fileName(f) === 'Directory.Build.props');
  const modules = ctx.files
    .filter((f) => /\.(?:cs|fs|vb)proj$/.test(f))
    .map((file) => {
      const folder = folderOf(file);
      const refs = new Set(projectReferences(ctx, file).map(folderOf));
      for (const prop of props) {
        const at = folderOf(prop);
        if (at === '.' || folder === at || folder.startsWith(at + '/'))
          for (const reference of projectReferences(ctx, prop)) refs.add(folderOf(reference));
      }
      refs.delete(folder);
      return { folder, dependsOn: refs };
    });
  return new BuildGraph(modules);
}

/** The `ProjectReference Include="…"` paths of an MSBuild file, relative to the root. */
export function projectReferences(ctx: LanguageContext, file: string): string[] {
  const text = ctx.readText(file) ?? '';
  const out: string[] = [];
  for (const match of text.matchAll(/<ProjectReference\b[^>]*\bInclude\s*=\s*"([^"]+)"/g)) {
    const include = (match[1] ?? '').replace(/\\/g, '/').replace(/\$\(MSBuildThisFileDirectory\)/g, '');
    out.push(normalize(inFolder(folderOf(file), include)));
  }
  return out;
}

/**
 * Gradle and Maven modules of Java/Kotlin builds. Gradle: the folders `settings.gradle(.kts)`
 * includes (`include(":a", ":b:c")`, `project(":x").projectDir` left aside), each depending on
 * the `project(":x")` its `build.gradle(.kts)` names. Maven: every folder with a `pom.xml`,
 * depending on the modules whose `artifactId` its `<dependency>` elements name.
 */
export function jvmBuildGraph(ctx: LanguageContext): BuildGraph {
  return new BuildGraph([...gradleModules(ctx), ...mavenModules(ctx)]);
}

function gradleModules(ctx: LanguageContext): BuildModule[] {
  const modules: BuildModule[] = [];
  for (const settings of ctx.files.filter((f) => /^settings\.gradle(?:\.kts)?$/.test(fileName(f)))) {
    const base = folderOf(settings);
    const text = stripComments(ctx.readText(settings) ?? '');
    const paths = new Set<string>(['']);
    for (const call of text.matchAll(/\binclude\s*(\([^)]*\)|[^\n]*)/g))
      for (const quoted of (call[1] ?? '').matchAll(/["']([^"']+)["']/g)) paths.add(quoted[1] ?? '');
    const folderOfPath = (path: string): string => {
      const rel = path.replace(/^:/, '').split(':').join('/');
      return rel === '' ? base : inFolder(base, rel);
    };
    // Type-safe accessors: `projects.ftgoCommon` is the project `ftgo-common`.
    const accessors = new Map<string, string>();
    for (const path of paths) {
      const name = path.split(':').pop() ?? '';
      if (name !== '')
        accessors.set(
          name.replace(/[-_](\w)/g, (_, c: string) => c.toUpperCase()),
          folderOfPath(path),
        );
    }
    for (const path of paths) {
      const folder = folderOfPath(path);
      const deps = new Set<string>();
      for (const build of ['build.gradle', 'build.gradle.kts']) {
        const buildText = stripComments(ctx.readText(inFolder(folder, build)) ?? '');
        for (const m of buildText.matchAll(/project\s*\(\s*(?:path\s*[:=]\s*)?["']([^"']+)["']/g))
          deps.add(folderOfPath(m[1] ?? ''));
        for (const m of buildText.matchAll(/\bprojects\.([\w.]+)/g)) {
          const target = accessors.get((m[1] ?? '').split('.').pop() ?? '');
          if (target !== undefined) deps.add(target);
        }
      }
      deps.delete(folder);
      modules.push({ folder, dependsOn: deps });
    }
  }
  return modules;
}

function mavenModules(ctx: LanguageContext): BuildModule[] {
  const poms = ctx.files.filter((f) => fileName(f) === 'pom.xml');
  const byArtifact = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const pom of poms) {
    const text = (ctx.readText(pom) ?? '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<parent>[\s\S]*?<\/parent>/, '');
    texts.set(pom, text);
    const artifact = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(text)?.[1];
    if (artifact !== undefined) byArtifact.set(artifact, folderOf(pom));
  }
  return poms.map((pom) => {
    const deps = new Set<string>();
    for (const m of (texts.get(pom) ?? '').matchAll(
      /<dependency>[\s\S]*?<artifactId>\s*([^<\s]+)\s*<\/artifactId>/g,
    )) {
      const folder = byArtifact.get(m[1] ?? '');
      if (folder !== undefined && folder !== folderOf(pom)) deps.add(folder);
    }
    return { folder: folderOf(pom), dependsOn: deps };
  });
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
