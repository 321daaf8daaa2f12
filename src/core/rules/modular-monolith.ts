import { cycles, groupGraph } from '../detect/folder-graph';
import type { Evidence, ImportEdge, Verdict } from '../model';
import { compileGlob } from '../scan/glob';
import type { GraphIndex, ModuleDetail } from '../units';
import { baseName, isUnder, joinPath } from '../units/paths';
import type { RulesConfig } from '../config/rules-schema';
import { code, findingAt, unitFact, type PatternRules, type RuleFinding } from './rule-context';
import { kernelImportsOfModules, sharedKernelsOf, type SharedKernel } from './shared-kernels';
import type { PublicFaceFix } from './types';

/** Public files an editor prefers to import through, best first. */
const FACE_ORDER = [/^index\.[cm]?[jt]sx?$/, /^api\.[cm]?[jt]sx?$/, /^public(?:-api)?\.[cm]?[jt]sx?$/];

/** A package name with no subpath: `billing`, `@shop/billing`. */
const BARE_PACKAGE = /^(?:@[^/.][^/]*\/)?[^/.][^/]*$/;

/**
 * Modular-monolith rules over the modules found (the same ones the verdict weighs): another
 * module is entered only through its public face, and modules import each other in no cycle.
 */
export const modularMonolithRules: PatternRules = {
  pattern: 'modular-monolith',
  verdictOf: 'modular-monolith',
  check(input) {
    const verdict = input.detection.patterns.find((p) => p.id === 'modular-monolith')?.verdict ?? 'no';
    const found = ruledModules(input.ctx.units.services, input.ctx.units.modules, verdict);
    const graph = input.ctx.graph;
    const kernels = sharedKernelsOf(graph, found, input.config);
    const modules = found.filter((m) => !kernels.some((k) => k.path === m.path));
    if (modules.length < 2 || !input.ctx.units.importsRead) return undefined;
    const byPath = new Map(modules.map((m) => [m.path, m]));
    const groups = groupGraph(
      graph,
      modules.map((m) => m.path),
    );
    const described = new Map<ModuleDetail, Evidence>();
    const describe = (m: ModuleDetail): Evidence => {
      let fact = described.get(m);
      if (!fact)
        described.set(
          m,
          (fact = unitFact(
            m.declaredPublic[0] ?? m.path,
            `Module ${code(m.name)} (${code(m.path)}, ${m.files.length} files); public: ${publicDescription(m, input.config)}`,
          )),
        );
      return fact;
    };
    const faces = new FaceIndex(graph, input.config);
    const findings: RuleFinding[] = [];
    for (const [from, row] of groups.edges) {
      const source = byPath.get(from);
      if (!source) continue;
      for (const [to, edges] of row) {
        const target = byPath.get(to);
        if (!target) continue;
        for (const edge of edges) {
          if (faces.isPublicEntry(edge, target)) continue;
          const fix = faces.fixFor(edge, target);
          findings.push(
            findingAt(
              'modular-monolith/deep-import',
              edge,
              `${code(edge.from)} (module ${code(source.name)}) imports ${code(edge.to ?? '')}, inside module ${code(target.name)}: enter ${code(target.name)} through its public face (${faces.description(target)}).`,
              [describe(source), describe(target)],
              fix,
            ),
          );
        }
      }
    }
    for (const { kernel, module, edge } of kernelImportsOfModules(graph, kernels, modules)) {
      findings.push(
        findingAt(
          'modular-monolith/kernel-imports-module',
          edge,
          `${code(edge.from)} (shared kernel ${code(kernel.path)}) imports ${code(edge.to ?? '')}, of module ${code(module.name)}: every module may import the shared kernel, so the kernel depends on no module (move what it needs into the kernel, or the file into ${code(module.name)}).`,
          [kernelFact(kernel), describe(module)],
        ),
      );
    }
    const kernelHint =
      kernels.length > 0
        ? `the shared kernel ${kernels.map((k) => code(k.path)).join(', ')}`
        : 'a shared kernel named in rules.sharedKernels';
    for (const loop of cycles(groups)) {
      const members = new Set(loop);
      const names = loop.map((m) => code(baseName(m))).join(', ');
      for (const from of loop) {
        for (const [to, edges] of groups.edges.get(from) ?? []) {
          const edge = edges[0];
          if (!members.has(to) || !edge) continue;
          const more =
            edges.length > 1
              ? ` (one of ${edges.length} imports from ${code(baseName(from))} into ${code(baseName(to))})`
              : '';
          findings.push(
            findingAt(
              'modular-monolith/module-cycle',
              edge,
              `${code(edge.from)} imports ${code(edge.to ?? '')}${more}, and modules ${names} import each other in a cycle: make the dependency point one way (an event, a port, or the shared part moved into ${kernelHint}).`,
              loop.flatMap((m) => {
                const unit = byPath.get(m);
                return unit ? [describe(unit)] : [];
              }),
            ),
          );
        }
      }
    }
    // A folder rules.sharedKernels names that holds no source file is said so (a typo, or moved).
    const named = kernels
      .map(
        (k) =>
          `${code(k.path)}${k.files.length === 0 ? ' (named in rules.sharedKernels, holds no source file)' : ''}`,
      )
      .join(', ');
    return {
      units: `${modules.length} modules${kernels.length > 0 ? ` and shared kernel${kernels.length > 1 ? 's' : ''} ${named}` : ''}`,
      findings,
    };
  },
};

function kernelFact(kernel: SharedKernel): Evidence {
  return unitFact(
    kernel.files[0] ?? kernel.path,
    `Shared kernel ${code(kernel.path)} (${kernel.files.length} files, ${kernel.source === 'config' ? 'named in rules.sharedKernels' : 'by its folder name'}): every module may import it; it imports no module`,
  );
}

/**
 * The modules rules keep, as the verdict weighs them (those of the one service, or all; folders
 * before packages). Modules declared by a `modules/`-like folder, a NestJS `@Module` or a
 * package are kept whatever the verdict; sibling feature folders, found by layout alone, only
 * when the modular-monolith verdict is at least `partial`.
 */
export function ruledModules(
  services: readonly { readonly path: string }[],
  all: readonly ModuleDetail[],
  verdict: Verdict,
): ModuleDetail[] {
  const single = services.length === 1 ? services[0] : undefined;
  const inService = all.filter(
    (m) =>
      (single === undefined || isUnder(m.path, single.path)) && (m.kind !== 'layout' || verdict !== 'no'),
  );
  const folders = inService.filter((m) => m.kind !== 'package');
  return folders.length >= 2 ? folders : inService;
}

/** The module's public files: `rules.publicFiles` for its folder, else those it declares by convention. */
export function publicFilesOf(module: ModuleDetail, config: RulesConfig): readonly string[] | undefined {
  const globs = config.publicFiles?.[module.path];
  if (globs === undefined) return undefined;
  const matchers = globs.map((g) => {
    const rooted = isUnder(g.replace(/^\.\//, ''), module.path) ? g : joinPath(module.path, g);
    return compileGlob(rooted);
  });
  return module.files.filter((f) => matchers.some((m) => m.test(f)));
}

function publicDescription(module: ModuleDetail, config: RulesConfig): string {
  const configured = publicFilesOf(module, config);
  const files = configured ?? module.declaredPublic;
  if (files.length === 0)
    return 'none declared (add an index.ts or name its public files in rules.publicFiles)';
  const shown = files.slice(0, 3).map((f) => code(f.slice(module.path.length + 1)));
  return `${shown.join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}${configured ? ' (rules.publicFiles)' : ''}`;
}

function rank(file: string): number {
  const name = baseName(file);
  const at = FACE_ORDER.findIndex((pattern) => pattern.test(name));
  return at < 0 ? FACE_ORDER.length : at;
}

/**
 * The public faces of modules, computed once per module: which files are public, the faces an
 * editor can import through (best first), and what each face re-exports (through re-exporting
 * files of the module).
 */
class FaceIndex {
  private readonly publicFiles = new Map<ModuleDetail, ReadonlySet<string> | undefined>();
  private readonly ranked = new Map<ModuleDetail, readonly string[]>();
  private readonly reexported = new Map<string, ReadonlySet<string>>();
  private readonly descriptions = new Map<ModuleDetail, string>();

  constructor(
    private readonly graph: GraphIndex,
    private readonly config: RulesConfig,
  ) {}

  isPublicEntry(edge: ImportEdge, module: ModuleDetail): boolean {
    const file = edge.to ?? '';
    const configured = this.configured(module);
    if (configured !== undefined) return configured.has(file);
    // A workspace package is entered by its name (`@shop/billing`), resolved to its entry file.
    if (module.kind === 'package' && BARE_PACKAGE.test(edge.specifier)) return true;
    if (module.declaredPublic.length > 0) return module.declaredPublic.includes(file);
    // Nothing declared: the one file others use is its face; more than one is not a face.
    return module.publicFace.length <= 1;
  }

  description(module: ModuleDetail): string {
    let text = this.descriptions.get(module);
    if (text === undefined) this.descriptions.set(module, (text = publicDescription(module, this.config)));
    return text;
  }

  /** The public file to import through instead, and whether it already re-exports the target. */
  fixFor(edge: ImportEdge, module: ModuleDetail): PublicFaceFix | undefined {
    const ranked = this.facesOf(module);
    if (ranked.length === 0) return undefined;
    const target = edge.to ?? '';
    const exporting = ranked.find((face) => this.reexportsOf(face).has(target));
    const publicFile = exporting ?? ranked[0];
    if (publicFile === undefined) return undefined;
    return { kind: 'public-face', publicFile, exported: exporting !== undefined };
  }

  private configured(module: ModuleDetail): ReadonlySet<string> | undefined {
    if (!this.publicFiles.has(module)) {
      const files = publicFilesOf(module, this.config);
      this.publicFiles.set(module, files === undefined ? undefined : new Set(files));
    }
    return this.publicFiles.get(module);
  }

  /** Public files at the module's top, best first (`index`, `api`, `public`, then by name). */
  private facesOf(module: ModuleDetail): readonly string[] {
    let faces = this.ranked.get(module);
    if (!faces) {
      const configured = this.configured(module);
      faces = (configured ? [...configured] : module.declaredPublic)
        .filter((f) => !f.slice(module.path.length + 1).includes('/'))
        .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
      this.ranked.set(module, faces);
    }
    return faces;
  }

  /** Every file `face` re-exports, directly or through re-exporting files. */
  private reexportsOf(face: string): ReadonlySet<string> {
    let found = this.reexported.get(face);
    if (found) return found;
    const reached = new Set<string>();
    const queue = [face];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const file = queue.pop() ?? '';
      if (seen.has(file)) continue;
      seen.add(file);
      for (const edge of this.graph.out.get(file) ?? []) {
        if (edge.kind !== 'reexport' || edge.to === null) continue;
        reached.add(edge.to);
        queue.push(edge.to);
      }
    }
    found = reached;
    this.reexported.set(face, found);
    return found;
  }
}
