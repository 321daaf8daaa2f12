import type { ImportEdge } from '../model';
import type { GraphIndex } from './graph-index';
import { INFRASTRUCTURE_BUILTINS, INFRASTRUCTURE_PACKAGES, matchesPackage } from './known-packages';
import { CORE_NAMES, HEXAGON_NAMES, ringRoleOf } from './names';
import { baseName, childOf, isScript, isTestFile } from './paths';
import type { HexagonCandidate, RingDetail, RingLeak } from './types';

const COMPOSITION =
  /^(?:composition|composition-root|container|di|ioc|bootstrap|main|wiring|server|app|index)$/;
const MAX_ROOTS = 80;
/** File stems of entry points that may wire adapters into the core. */
const COMPOSITION_FILE =
  /^(?:composition|composition-root|container|di|ioc|bootstrap|main|wiring|server|app|index|extension|bin|cli|program|startup)$/;

function stemOf(file: string): string {
  const name = baseName(file);
  const dot = name.indexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).toLowerCase();
}

/** Whether an external or built-in edge reaches infrastructure (a driver, a framework, the network or disk). */
export function isInfrastructureEdge(edge: ImportEdge): boolean {
  if (edge.to === null) return false;
  if (edge.resolution === 'builtin') return INFRASTRUCTURE_BUILTINS.includes(edge.to);
  if (edge.resolution !== 'external') return false;
  let known = infrastructurePackages.get(edge.to);
  if (known === undefined) {
    known = matchesPackage(edge.to, INFRASTRUCTURE_PACKAGES);
    // A pure memo of a constant list: the answer for a package name never changes.
    if (infrastructurePackages.size < 10_000) infrastructurePackages.set(edge.to, known);
  }
  return known;
}

const infrastructurePackages = new Map<string, boolean>();

/**
 * Looks at each candidate folder as a possible hexagon: its sub-folders split into a core (no
 * infrastructure imports, no imports of impure siblings) and adapters (infrastructure imports
 * plus imports of the core), found from the direction of edges rather than from names; named
 * core rings that import infrastructure or adapters are reported as leaks.
 */
export function findHexagons(
  graph: GraphIndex,
  roots: readonly string[],
  folders: readonly string[],
): HexagonCandidate[] {
  const wanted = new Set(roots);
  for (const folder of folders) {
    const named = graph.subfolders(folder).filter((c) => HEXAGON_NAMES.has(baseName(c).toLowerCase()));
    if (named.length >= 2) wanted.add(folder);
    if (named.length === 1 && baseName(named[0] ?? '') === 'core') wanted.add(folder);
  }
  const found: HexagonCandidate[] = [];
  for (const root of [...wanted].slice(0, MAX_ROOTS)) {
    const candidate = analyze(graph, root);
    if (candidate) found.push(candidate);
  }
  return found.sort((a, b) => rank(b) - rank(a) || (a.root < b.root ? -1 : 1));
}

function rank(c: HexagonCandidate): number {
  const core = c.rings.filter((r) => r.graphRole === 'core').reduce((n, r) => n + r.files, 0);
  // Rings whose names agree with their imports (a `domain/` that is pure, an `infrastructure/`
  // that is an adapter) make a hexagon far likelier than an unnamed split of, say, database helpers.
  const named = c.rings.filter(
    (r) =>
      r.namedRole !== undefined &&
      HEXAGON_NAMES.has(baseName(r.folder).toLowerCase()) &&
      (r.namedRole === 'domain' || r.namedRole === 'application' || r.namedRole === 'ports'
        ? r.graphRole === 'core'
        : r.graphRole === 'adapter'),
  ).length;
  return (
    (c.leaks.length === 0 ? 1000 : 0) +
    Math.min(named, 4) * 50 +
    Math.min(c.inwardEdges, 100) * 5 +
    Math.min(core, 200)
  );
}

function analyze(graph: GraphIndex, root: string): HexagonCandidate | undefined {
  const children = graph
    .subfolders(root)
    .filter((c) => !isTestFile(c + '/x.ts') && source(graph, c).length > 0);
  if (children.length < 2) return undefined;
  const childSet = new Set(children);
  const infra = new Map<string, ImportEdge[]>();
  const deps = new Map<string, Map<string, ImportEdge[]>>();
  for (const child of children) {
    const edges: ImportEdge[] = [];
    const siblings = new Map<string, ImportEdge[]>();
    for (const file of source(graph, child)) {
      for (const edge of graph.externals.get(file) ?? []) if (isInfrastructureEdge(edge)) edges.push(edge);
      for (const edge of graph.out.get(file) ?? []) {
        const target = edge.to ?? '';
        const sibling = childOf(target, root);
        if (sibling !== undefined && sibling !== child && childSet.has(sibling)) {
          const list = siblings.get(sibling);
          if (list) list.push(edge);
          else siblings.set(sibling, [edge]);
        } else if (sibling === undefined && (graph.externals.get(target) ?? []).some(isInfrastructureEdge)) {
          edges.push(edge);
        }
      }
    }
    infra.set(child, edges);
    deps.set(child, siblings);
  }
  const pure = new Set(children.filter((c) => (infra.get(c) ?? []).length === 0));
  for (let changed = true; changed;) {
    changed = false;
    for (const c of [...pure]) {
      if ([...(deps.get(c)?.keys() ?? [])].some((d) => !pure.has(d))) {
        pure.delete(c);
        changed = true;
      }
    }
  }
  const importedByImpure = (c: string): boolean => children.some((o) => !pure.has(o) && deps.get(o)?.has(c));
  // An adapter need not import a driver: an in-memory repository or a fake gateway is a pure ring
  // that depends inward on the core, that the core never imports, and that a composition root
  // (a file of the candidate folder itself, importing, not re-exporting) wires into the core.
  const rootFiles = graph.filesIn(root).filter((f) => isScript(f) && !isTestFile(f));
  const wiredBy = rootFiles.map(
    (file) =>
      new Set(
        (graph.out.get(file) ?? [])
          .filter((e) => e.kind !== 'reexport')
          .map((e) => childOf(e.to ?? '', root)),
      ),
  );
  const wiredTogether = (a: string, b: string): boolean => wiredBy.some((set) => set.has(a) && set.has(b));
  const inward = (from: string, to: string): boolean =>
    (deps.get(from)?.has(to) ?? false) && !(deps.get(to)?.has(from) ?? false);
  const namedCore = (c: string): boolean => CORE_NAMES.has(baseName(c).toLowerCase());
  const coreLike = (c: string): boolean =>
    pure.has(c) &&
    (importedByImpure(c) ||
      namedCore(c) ||
      children.some((o) => o !== c && pure.has(o) && !namedCore(o) && inward(o, c) && wiredTogether(o, c)));
  const wiredAdapter = (c: string): boolean => {
    if (!pure.has(c) || namedCore(c)) return false;
    const targets = [...(deps.get(c)?.keys() ?? [])];
    return (
      targets.length > 0 &&
      targets.every((d) => coreLike(d) && inward(c, d)) &&
      targets.some((d) => wiredTogether(c, d))
    );
  };
  const rings: RingDetail[] = children.map((c) => {
    const namedRole = ringRoleOf(baseName(c));
    const isCore = coreLike(c) && !wiredAdapter(c);
    const isAdapter =
      (!pure.has(c) && [...(deps.get(c)?.keys() ?? [])].some((d) => pure.has(d))) || wiredAdapter(c);
    return {
      folder: c,
      ...(namedRole !== undefined ? { namedRole } : {}),
      graphRole: isCore ? 'core' : isAdapter ? 'adapter' : 'other',
      ...(isAdapter && pure.has(c) ? { wiredByRoot: true as const } : {}),
      files: source(graph, c).length,
    };
  });
  const core = new Set(rings.filter((r) => r.graphRole === 'core').map((r) => r.folder));
  const adapters = new Set(rings.filter((r) => r.graphRole === 'adapter').map((r) => r.folder));
  let inwardEdges = 0;
  for (const a of adapters)
    for (const [d, edges] of deps.get(a) ?? []) if (core.has(d)) inwardEdges += edges.length;

  const leaks: RingLeak[] = [];
  for (const c of children) {
    if (!CORE_NAMES.has(baseName(c).toLowerCase())) continue;
    for (const edge of infra.get(c) ?? [])
      leaks.push({ from: edge.from, line: edge.line, to: edge.to ?? edge.specifier, ring: c });
    for (const [d, edges] of deps.get(c) ?? []) {
      const role = ringRoleOf(baseName(d));
      if (!pure.has(d) && (role === 'adapters' || role === 'interfaces' || adapters.has(d))) {
        // A port declared next to its adapter (`database/user.repository.port.ts`) is still a port.
        for (const edge of edges)
          if (!isPortFile(edge.to ?? ''))
            leaks.push({ from: edge.from, line: edge.line, to: edge.to ?? edge.specifier, ring: c });
      }
    }
  }

  const compositionRoots: string[] = [];
  /** Whether the files import the core and an adapter other than `own` (their own ring). */
  const touchesBoth = (files: readonly string[], own?: string): boolean => {
    let toCore = false;
    let toAdapter = false;
    for (const file of files) {
      for (const edge of graph.out.get(file) ?? []) {
        const sibling = childOf(edge.to ?? '', root);
        if (sibling !== undefined && core.has(sibling)) toCore = true;
        if (sibling !== undefined && sibling !== own && adapters.has(sibling)) toAdapter = true;
      }
    }
    return toCore && toAdapter;
  };
  for (const file of graph.filesIn(root))
    if (isScript(file) && !isTestFile(file) && touchesBoth([file])) compositionRoots.push(file);
  for (const c of children) {
    if (COMPOSITION.test(baseName(c)) && !core.has(c) && touchesBoth(source(graph, c)))
      compositionRoots.push(c);
  }
  // Often the entry point lives in a driving adapter (`cli/main.ts`, `cmd/server/main.go`) and
  // wires the other adapters into the core from there.
  // Entry-point names first, then any adapter file that imports the core and another adapter.
  if (compositionRoots.length === 0) {
    const wiring: string[] = [];
    for (const a of adapters)
      for (const file of source(graph, a)) if (touchesBoth([file], a)) wiring.push(file);
    wiring.sort(
      (x, y) =>
        Number(COMPOSITION_FILE.test(stemOf(y))) - Number(COMPOSITION_FILE.test(stemOf(x))) ||
        (x < y ? -1 : 1),
    );
    compositionRoots.push(...wiring.slice(0, 3));
  }

  const namedHexagon = children.filter((c) => HEXAGON_NAMES.has(baseName(c).toLowerCase())).length;
  if ((core.size === 0 || adapters.size === 0) && leaks.length === 0 && namedHexagon < 2) return undefined;
  return { root, rings, compositionRoots, inwardEdges, leaks };
}

/** A file named as a port: `*.port.ts`, `user-repository-port.ts`, `ports/…`. */
export function isPortFile(file: string): boolean {
  return /(?:^|[/.\-_])ports?(?:[/.\-_]|$)/i.test(file);
}

function source(graph: GraphIndex, folder: string): string[] {
  return graph.filesUnder(folder).filter((f) => isScript(f) && !isTestFile(f));
}
