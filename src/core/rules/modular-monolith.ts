import { cycles, groupGraph } from '../detect/folder-graph';
import type { Evidence, ImportEdge, Verdict } from '../model';
import { compileGlob } from '../scan/glob';
import type { GraphIndex, ModuleDetail } from '../units';
import { baseName, isUnder, joinPath } from '../units/paths';
import type { RulesConfig } from '../config/rules-schema';
import { code, findingAt, unitFact, type PatternRules, type RuleFinding } from './rule-context';
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
    const modules = ruledModules(input.ctx.units.services, input.ctx.units.modules, verdict);
    if (modules.length < 2 || !input.ctx.units.importsRead) return undefined;
    const graph = input.ctx.graph;
    const byPath = new Map(modules.map((m) => [m.path, m]));
    const groups = groupGraph(
      graph,
      modules.map((m) => m.path),
    );
    const describe = (m: ModuleDetail): Evidence =>
      unitFact(
        m.declaredPublic[0] ?? m.path,
        `Module ${code(m.name)} (${code(m.path)}, ${m.files.length} files); public: ${publicDescription(m, input.config)}`,
      );
    const findings: RuleFinding[] = [];
    for (const [from, row] of groups.edges) {
      const source = byPath.get(from);
      if (!source) continue;
      for (const [to, edges] of row) {
        const target = byPath.get(to);
        if (!target) continue;
        for (const edge of edges) {
          if (isPublicEntry(edge, target, input.config)) continue;
          const fix = publicFaceFix(graph, edge, target, input.config);
          findings.push(
            findingAt(
              'modular-monolith/deep-import',
              edge,
              `${code(edge.from)} (module ${code(source.name)}) imports ${code(edge.to ?? '')}, inside module ${code(target.name)}: enter ${code(target.name)} through its public face (${publicDescription(target, input.config)}).`,
              [describe(source), describe(target)],
              fix,
            ),
          );
        }
      }
    }
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
              `${code(edge.from)} imports ${code(edge.to ?? '')}${more}, and modules ${names} import each other in a cycle: make the dependency point one way (an event, a port, or a named shared kernel).`,
              loop.flatMap((m) => {
                const unit = byPath.get(m);
                return unit ? [describe(unit)] : [];
              }),
            ),
          );
        }
      }
    }
    return { units: `${modules.length} modules`, findings };
  },
};

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

function isPublicEntry(edge: ImportEdge, module: ModuleDetail, config: RulesConfig): boolean {
  const file = edge.to ?? '';
  const configured = publicFilesOf(module, config);
  if (configured !== undefined) return configured.includes(file);
  // A workspace package is entered by its name (`@shop/billing`), resolved to its entry file.
  if (module.kind === 'package' && BARE_PACKAGE.test(edge.specifier)) return true;
  if (module.declaredPublic.length > 0) return module.declaredPublic.includes(file);
  // Nothing declared: the one file others use is its face; more than one is not a face.
  return module.publicFace.length <= 1;
}

function publicDescription(module: ModuleDetail, config: RulesConfig): string {
  const configured = publicFilesOf(module, config);
  const files = configured ?? module.declaredPublic;
  if (files.length === 0)
    return 'none declared (add an index.ts or name its public files in rules.publicFiles)';
  const shown = files.slice(0, 3).map((f) => code(f.slice(module.path.length + 1)));
  return `${shown.join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}${configured ? ' (rules.publicFiles)' : ''}`;
}

/** The public file an editor can import through instead, and whether it already re-exports the target. */
function publicFaceFix(
  graph: GraphIndex,
  edge: ImportEdge,
  module: ModuleDetail,
  config: RulesConfig,
): PublicFaceFix | undefined {
  const faces = (publicFilesOf(module, config) ?? module.declaredPublic).filter(
    (f) => !f.slice(module.path.length + 1).includes('/'),
  );
  if (faces.length === 0) return undefined;
  const ranked = [...faces].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const exporting = ranked.find((face) => reexports(graph, face, edge.to ?? ''));
  const publicFile = exporting ?? ranked[0];
  if (publicFile === undefined) return undefined;
  return { kind: 'public-face', publicFile, exported: exporting !== undefined };
}

function rank(file: string): number {
  const name = baseName(file);
  const at = FACE_ORDER.findIndex((pattern) => pattern.test(name));
  return at < 0 ? FACE_ORDER.length : at;
}

/** Whether `face` re-exports `target`, directly or through re-exporting files of the module. */
function reexports(graph: GraphIndex, face: string, target: string): boolean {
  const seen = new Set<string>();
  const queue = [face];
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    for (const edge of graph.out.get(file) ?? []) {
      if (edge.kind !== 'reexport' || edge.to === null) continue;
      if (edge.to === target) return true;
      queue.push(edge.to);
    }
  }
  return false;
}
