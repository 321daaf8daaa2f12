import type { Evidence, ImportEdge, Verdict } from '../model';
import type { HexagonCandidate, RingDetail } from '../units';
import { isInfrastructureEdge } from '../units';
import { CORE_NAMES, HEXAGON_NAMES } from '../units/names';
import { isPortFile } from '../units/rings';
import { baseName, isScript, isTestFile, isUnder, joinPath } from '../units/paths';
import { code, findingAt, unitFact, type PatternRules, type RuleFinding } from './rule-context';
import type { MoveToAdaptersFix } from './types';

/** Adapter rings a driver's importer most likely belongs in, best first. */
const DRIVER_RINGS = [
  'infrastructure',
  'infra',
  'adapters',
  'persistence',
  'outbound',
  'driven',
  'secondary',
];

/** File stems of entry points that wire adapters together (the composition root of a program). */
export const COMPOSITION_STEM =
  /^(?:composition|composition-root|container|di|ioc|bootstrap|main|wiring|server|app|extension|cli|program|startup|activate)$/;

type RingKind = 'core' | 'adapter' | 'other';

/**
 * Hexagonal rules over every folder found as a hexagon (rings named like a hexagon, or a core
 * and adapters split by the direction of imports): the core imports no adapter and no driver or
 * framework; adapters do not import each other, except from the composition root.
 */
export const hexagonalRules: PatternRules = {
  pattern: 'hexagonal',
  verdictOf: 'hexagonal',
  check(input) {
    const verdict = input.detection.patterns.find((p) => p.id === 'hexagonal')?.verdict ?? 'no';
    const hexagons = ruledHexagons(input.ctx.units.hexagons, verdict);
    if (hexagons.length === 0) return undefined;
    const findings: RuleFinding[] = [];
    const entryFiles = new Set(input.ctx.system.entryPoints.map((e) => e.file));
    const seen = new Set<ImportEdge>();
    for (const hexagon of hexagons) {
      const kinds = new Map(hexagon.rings.map((r) => [r.folder, ringKind(r)]));
      const ringOf = (file: string): RingDetail | undefined =>
        hexagon.rings.find((r) => isUnder(file, r.folder));
      const describe = (ring: RingDetail): Evidence =>
        unitFact(ring.folder, ringSentence(ring, kinds.get(ring.folder)));
      const adapterRings = hexagon.rings
        .filter((r) => kinds.get(r.folder) === 'adapter')
        .sort(
          (a, b) =>
            rankOf(DRIVER_RINGS, baseName(a.folder)) - rankOf(DRIVER_RINGS, baseName(b.folder)) ||
            (a.folder < b.folder ? -1 : 1),
        );
      const files = new Set(input.ctx.graph.files);
      // A core file that imports an adapter or a driver may be an adapter itself: moved, not rewritten.
      const moveFix = (
        file: string,
        core: RingDetail,
        adapter: RingDetail | undefined,
      ): MoveToAdaptersFix | undefined => {
        if (!adapter) return undefined;
        const destination = joinPath(adapter.folder, file.slice(core.folder.length + 1));
        return files.has(destination)
          ? undefined
          : { kind: 'move-to-adapters', ring: adapter.folder, destination };
      };
      const isCompositionRoot = (file: string): boolean =>
        entryFiles.has(file) ||
        COMPOSITION_STEM.test(stemOf(file)) ||
        hexagon.compositionRoots.some((root) => isUnder(file, root));
      for (const ring of hexagon.rings) {
        const kind = kinds.get(ring.folder);
        if (kind === 'other') continue;
        for (const file of input.ctx.graph.filesUnder(ring.folder)) {
          if (!isScript(file) || isTestFile(file)) continue;
          if (kind === 'core') {
            for (const edge of input.ctx.graph.externals.get(file) ?? []) {
              if (!isInfrastructureEdge(edge) || seen.has(edge)) continue;
              seen.add(edge);
              findings.push(
                findingAt(
                  'hexagonal/core-imports-infrastructure',
                  edge,
                  `${code(file)} is in the core ring ${code(ring.folder)} and imports ${code(edge.to ?? edge.specifier)}, a driver or framework: keep it in an adapter behind a port of the core.`,
                  [describe(ring)],
                  moveFix(file, ring, adapterRings[0]),
                ),
              );
            }
          }
          for (const edge of input.ctx.graph.out.get(file) ?? []) {
            const target = edge.to ?? '';
            const targetRing = ringOf(target);
            if (!targetRing || targetRing === ring || kinds.get(targetRing.folder) !== 'adapter') continue;
            if (isPortFile(target) || seen.has(edge)) continue;
            if (kind === 'core') {
              seen.add(edge);
              findings.push(
                findingAt(
                  'hexagonal/core-imports-adapter',
                  edge,
                  `${code(file)} is in the core ring ${code(ring.folder)} and imports ${code(target)} from the adapter ring ${code(targetRing.folder)}: the core must not depend outward; declare a port in the core for the adapter to implement.`,
                  [describe(ring), describe(targetRing)],
                  moveFix(file, ring, targetRing),
                ),
              );
            } else if (!isCompositionRoot(file)) {
              seen.add(edge);
              findings.push(
                findingAt(
                  'hexagonal/adapter-imports-adapter',
                  edge,
                  `${code(file)} (adapter ring ${code(ring.folder)}) imports ${code(target)} from another adapter ring, ${code(targetRing.folder)}: adapters meet through the core's ports, and only the composition root knows both.`,
                  [describe(ring), describe(targetRing)],
                ),
              );
            }
          }
        }
      }
    }
    const rings = hexagons.reduce((n, h) => n + h.rings.filter((r) => ringKind(r) !== 'other').length, 0);
    return {
      units: `${rings} rings of ${hexagons.map((h) => code(h.root)).join(', ')}`,
      findings,
    };
  },
};

/**
 * The hexagons rules keep: rings named like a hexagon (two or more: `domain/`, `adapters/`, …)
 * whatever the verdict, since a leaky hexagon is where rules help most; an unnamed core/adapter
 * split wired by a composition root only when the hexagonal verdict is at least `partial` (the
 * import graph alone splits many layered designs that way).
 */
export function ruledHexagons(candidates: readonly HexagonCandidate[], verdict: Verdict): HexagonCandidate[] {
  return candidates.filter((hexagon) => {
    const named = hexagon.rings.filter((r) => HEXAGON_NAMES.has(baseName(r.folder).toLowerCase())).length;
    const shaped =
      hexagon.rings.some((r) => r.graphRole === 'core') &&
      hexagon.rings.some((r) => r.graphRole === 'adapter');
    return named >= 2 || (verdict !== 'no' && shaped && hexagon.compositionRoots.length > 0);
  });
}

/** A ring named for the core is core whatever it imports (a leaky core is still the core). */
export function ringKind(ring: RingDetail): RingKind {
  if (CORE_NAMES.has(baseName(ring.folder).toLowerCase())) return 'core';
  if (ring.graphRole === 'core') return 'core';
  if (ring.graphRole === 'adapter' || ring.namedRole === 'adapters' || ring.namedRole === 'interfaces')
    return 'adapter';
  return 'other';
}

function ringSentence(ring: RingDetail, kind: RingKind | undefined): string {
  const named = ring.namedRole !== undefined && HEXAGON_NAMES.has(baseName(ring.folder).toLowerCase());
  if (kind === 'core')
    return ring.graphRole === 'core'
      ? `${code(ring.folder)} is a core ring: it imports no framework, driver or adapter besides this`
      : `${code(ring.folder)} is a core ring by its name (${baseName(ring.folder)}/)`;
  return named && ring.graphRole !== 'adapter'
    ? `${code(ring.folder)} is an adapter ring by its name (${baseName(ring.folder)}/)`
    : `${code(ring.folder)} is an adapter ring: it ${ring.wiredByRoot ? 'is wired into the core by the composition root' : 'imports infrastructure and depends inward on the core'}`;
}

function rankOf(order: readonly string[], name: string): number {
  const at = order.indexOf(name.toLowerCase());
  return at < 0 ? order.length : at;
}

function stemOf(file: string): string {
  const name = baseName(file);
  const dot = name.indexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).toLowerCase();
}
