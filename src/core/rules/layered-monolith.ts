import type { Evidence } from '../model';
import { sourceRoots } from '../units/modules';
import { baseName, childOf, isScript, isTestFile } from '../units/paths';
import { ruledHexagons } from './hexagonal';
import {
  code,
  findingAt,
  unitFact,
  type PatternRules,
  type RuleFinding,
  type RuleInput,
} from './rule-context';

export type Layer = 'presentation' | 'application' | 'data access' | 'model';

/** Layers top to bottom: presentation → application → data access → model. */
export const RANK: Readonly<Record<Layer, number>> = {
  presentation: 0,
  application: 1,
  'data access': 2,
  model: 3,
};

/** The folder names of a classic layered design (not those of a hexagon, messaging or CQRS). */
const LAYER_OF = new Map<string, Layer>([
  ...[
    'controllers',
    'controller',
    'routes',
    'router',
    'routers',
    'presentation',
    'views',
    'resolvers',
    'web',
    'http',
    'api',
  ].map((n) => [n, 'presentation'] as const),
  ...['services', 'service', 'business', 'logic', 'managers', 'use-cases', 'usecases'].map(
    (n) => [n, 'application'] as const,
  ),
  ...[
    'repositories',
    'repository',
    'dal',
    'dao',
    'daos',
    'persistence',
    'db',
    'database',
    'data',
    'data-access',
  ].map((n) => [n, 'data access'] as const),
  ...['models', 'model', 'entities', 'entity', 'schemas'].map((n) => [n, 'model'] as const),
]);

/**
 * Layered-monolith rules: in a source root whose sub-folders are named for two or more layers
 * (controllers, services, repositories, models, …) and that is not kept as a hexagon, imports
 * point down the layers only.
 */
export const layeredMonolithRules: PatternRules = {
  pattern: 'layered-monolith',
  verdictOf: 'monolith',
  check(input) {
    const { graph, units } = input.ctx;
    if (!units.importsRead) return undefined;
    const layeredRoots = layeredRootsOf(input);
    const findings: RuleFinding[] = [];
    for (const { root, layers } of layeredRoots) {
      const describe = (folder: string, layer: Layer): Evidence =>
        unitFact(folder, `${code(folder)} is the ${layer} layer (by its name, ${baseName(folder)}/)`);
      for (const [folder, role] of layers) {
        for (const file of graph.filesUnder(folder)) {
          if (!isScript(file) || isTestFile(file)) continue;
          for (const edge of graph.out.get(file) ?? []) {
            const targetFolder = childOf(edge.to ?? '', root);
            const targetRole = targetFolder === undefined ? undefined : layers.get(targetFolder);
            if (targetFolder === undefined || targetRole === undefined || targetFolder === folder) continue;
            if (RANK[targetRole] >= RANK[role]) continue;
            findings.push(
              findingAt(
                'layered-monolith/upward-import',
                edge,
                `${code(file)} in the ${role} layer (${code(folder)}) imports ${code(edge.to ?? '')} from the ${targetRole} layer above it (${code(targetFolder)}): dependencies point down the layers only.`,
                [describe(folder, role), describe(targetFolder, targetRole)],
              ),
            );
          }
        }
      }
    }
    const layered = layeredRoots.length;
    if (layered === 0) return undefined;
    return { units: `${layered} layered source root${layered === 1 ? '' : 's'}`, findings };
  },
};

/**
 * The source roots the layered rules keep: those whose sub-folders are named for two or more
 * layers and that are not kept as a hexagon, each with its layer folders.
 */
export function layeredRootsOf(
  input: RuleInput,
): { readonly root: string; readonly layers: ReadonlyMap<string, Layer> }[] {
  const { graph, units } = input.ctx;
  const hexagonal = input.detection.patterns.find((p) => p.id === 'hexagonal')?.verdict ?? 'no';
  const hexagonRoots = new Set(ruledHexagons(units.hexagons, hexagonal).map((h) => h.root));
  const roots = [...new Set([...sourceRoots(graph, units.services), ...units.modules.map((m) => m.path)])]
    .filter((root) => !hexagonRoots.has(root))
    .sort();
  const found: { root: string; layers: Map<string, Layer> }[] = [];
  for (const root of roots) {
    const layers = new Map<string, Layer>();
    for (const child of graph.subfolders(root)) {
      const layer = LAYER_OF.get(baseName(child).toLowerCase());
      if (layer !== undefined) layers.set(child, layer);
    }
    if (new Set(layers.values()).size >= 2) found.push({ root, layers });
  }
  return found;
}
