import type { HexagonCandidate } from '../units';
import { CORE_NAMES, HEXAGON_NAMES, ringRoleOf } from '../units/names';
import { isPortFile } from '../units/rings';
import { allFolders } from '../units/modules';
import { baseName, dirOf, isScript, isTestFile } from '../units/paths';
import type { DetectContext } from './context';
import type { Detector } from './detector';
import { ScoreCard } from './scoring';
import { goPackages } from './go-imports';
import { firstInfrastructureImport } from './text-imports';
import type { Fact } from './scoring';
import { MAX_SYMBOL_FILES, importsNotRead, symbolsOf } from './signals';
import { DOCUMENTED_WEIGHT, documentedStyle } from './documented-style';

/** Sources whose resolved imports judge named rings (the TypeScript ring analysis is for scripts). */
const RESOLVED_OTHER_LANGUAGE = /\.(?:java|kts?|cs|go|py)$/;

/**
 * Hexagonal (ports and adapters, onion, clean): a core that imports no framework, driver or
 * adapter; ports declared in the core and implemented by adapters; adapters depending inward;
 * a composition root wiring them. Found from the direction of imports, so `kernel/` and
 * `plugs/` count as much as `domain/` and `adapters/`; textbook names whose core imports
 * infrastructure are a leaky hexagon.
 */
export const hexagonal: Detector = {
  id: 'hexagonal',
  detect(ctx: DetectContext) {
    const card = new ScoreCard('hexagonal');
    const documented = documentedStyle(ctx, 'hexagonal');
    card.add(DOCUMENTED_WEIGHT, documented);
    if (!ctx.units.importsRead) {
      namesOnly(ctx, card);
      return card.result();
    }
    const candidates = ctx.units.hexagons;
    const best =
      candidates.find((c) => hasShape(c) && c.leaks.length === 0) ??
      candidates.find(hasShape) ??
      candidates[0];
    if (!best && ctx.graph.sources.some((f) => RESOLVED_OTHER_LANGUAGE.test(f))) {
      // Java, Kotlin, C#, Go or Python (alone or beside a TypeScript front end): their named
      // rings are judged from their own resolved imports.
      namesOnly(ctx, card);
      return card.result();
    }
    if (!best) {
      card.note({
        file: '.',
        message: 'No folder splits into a core free of infrastructure and adapters around it',
      });
      return card.result();
    }
    const core = best.rings.filter((r) => r.graphRole === 'core');
    const adapters = best.rings.filter((r) => r.graphRole === 'adapter');
    if (core.length > 0 && adapters.length > 0) {
      const ports = implementedPorts(ctx, best);
      const coreFiles = core.reduce((n, r) => n + r.files, 0);
      card.add(ports.length > 0 ? 0.3 : 0.2, [
        ...core.map((r) => ({
          file: r.folder,
          message: `\`${r.folder}\` (${r.files} files) imports no framework, driver or adapter: only itself${core.length > 1 ? ' and the other core folders' : ''}`,
        })),
        ...adapters.map((r) => ({
          file: r.folder,
          message: r.wiredByRoot
            ? `\`${r.folder}\` depends inward on the core, which never imports it, and the composition root wires it in`
            : `\`${r.folder}\` imports infrastructure and depends inward on the core`,
        })),
      ]);
      if (ports.length > 0) card.add(ports.length >= 2 ? 0.3 : 0.25, ports);
      else
        card.cap(0.29, {
          file: core[0]?.folder ?? '.',
          message:
            'No interface of the core is implemented by an adapter: a layered design more than ports and adapters',
        });
      const agreeing = best.rings.filter(
        (r) =>
          r.namedRole !== undefined &&
          HEXAGON_NAMES.has(baseName(r.folder).toLowerCase()) &&
          agrees(r.namedRole, r.graphRole),
      );
      if (agreeing.length >= 2)
        card.add(
          0.1,
          agreeing.map((r) => ({
            file: r.folder,
            message: `\`${baseName(r.folder)}/\` is named for its ring (${r.namedRole ?? ''}) and its imports agree`,
          })),
        );
      const roots = best.compositionRoots;
      card.add(
        0.1,
        roots
          .slice(0, 3)
          .map((file) => ({ file, message: `\`${file}\` wires adapters into the core (composition root)` })),
      );
      // Several folders shaped the same way (a hexagon per bounded context) confirm the style.
      const shaped = candidates.filter((c) => c !== best && c.leaks.length === 0 && hasShape(c));
      if (shaped.length > 0)
        card.add(0.1, [
          {
            file: best.root,
            message: `${shaped.length + 1} folders are each a core with adapters around it: \`${best.root}\`, ${shaped
              .slice(0, 3)
              .map((c) => `\`${c.root}\``)
              .join(', ')}${shaped.length > 3 ? ', …' : ''}`,
          },
        ]);
      if (best.inwardEdges >= 3 && coreFiles >= 5)
        card.add(0.05, [
          {
            file: best.root,
            message: `${best.inwardEdges} imports point inward from adapters to a core of ${coreFiles} files`,
          },
        ]);
    }
    const named = best.rings.filter((r) => HEXAGON_NAMES.has(baseName(r.folder).toLowerCase()));
    if (!hasShape(best) && named.length >= 2) {
      card.add(
        0.1,
        named.map((r) => ({
          file: r.folder,
          message: `\`${baseName(r.folder)}/\` is named like a ring of a hexagon, but its imports do not confirm it`,
        })),
      );
    }
    const leaks = best.leaks.length > 0 ? best.leaks : candidates.flatMap((c) => c.leaks);
    if (leaks.length > 0) {
      // Weighed by the share of the core that leaks: one leaking file in a large, otherwise clean
      // core is a flaw to fix, not proof that there is no hexagon.
      const leaking = new Set(leaks.map((l) => l.from)).size;
      const coreNamed = new Set(
        (best.leaks.length > 0 ? [best] : candidates).flatMap((c) =>
          c.rings
            .filter((r) => CORE_NAMES.has(baseName(r.folder).toLowerCase()))
            .flatMap((r) => ctx.graph.filesUnder(r.folder).filter((f) => isScript(f) && !isTestFile(f))),
        ),
      ).size;
      const share = coreNamed === 0 ? 1 : Math.min(1, leaking / coreNamed);
      card.against(
        Math.min(0.5, 0.15 + 0.7 * share),
        leaks.map((l) => ({
          file: l.from,
          line: l.line,
          message: `Leaky hexagon: \`${l.from}\` in \`${baseName(l.ring)}/\` imports \`${l.to}\``,
        })),
      );
    }
    return card.result();
  },
};

function hasShape(c: HexagonCandidate): boolean {
  return c.rings.some((r) => r.graphRole === 'core') && c.rings.some((r) => r.graphRole === 'adapter');
}

function agrees(role: string, graphRole: string): boolean {
  if (role === 'domain' || role === 'application' || role === 'ports') return graphRole === 'core';
  return graphRole === 'adapter' || graphRole === 'other';
}

/** Interfaces and abstract classes declared in the core that classes in adapters implement or extend. */
function implementedPorts(ctx: DetectContext, candidate: HexagonCandidate): Fact[] {
  const list = (role: string): string[] =>
    candidate.rings
      .filter((r) => r.graphRole === role)
      .flatMap((r) => ctx.graph.filesUnder(r.folder).filter((f) => isScript(f) && !isTestFile(f)));
  // Ports are the core files adapters import: read those first, so a large core does not
  // push its port declarations out of the symbol budget.
  const adapterAll = list('adapter');
  const importedByAdapters = new Set<string>();
  for (const f of adapterAll)
    for (const e of ctx.graph.out.get(f) ?? []) if (e.to) importedByAdapters.add(e.to);
  const allCore = list('core');
  // Port files kept beside their adapters (`database/user.repository.port.ts`) declare ports too.
  const portFilesOutside = adapterAll.filter(isPortFile);
  const coreFiles = [
    ...portFilesOutside,
    ...allCore.filter((f) => importedByAdapters.has(f)),
    ...allCore.filter((f) => !importedByAdapters.has(f)),
  ].slice(0, MAX_SYMBOL_FILES / 2);
  const ports = new Map<string, string>();
  for (const [file, symbols] of symbolsOf(ctx, coreFiles)) {
    for (const i of symbols.interfaces) ports.set(i.name, file);
    for (const c of symbols.classes) if (c.abstract) ports.set(c.name, file);
  }
  if (ports.size === 0) return [];
  const facts: Fact[] = [];
  const portFiles = new Set(ports.values());
  const adapterFiles = adapterAll.filter((f) =>
    (ctx.graph.out.get(f) ?? []).some((e) => portFiles.has(e.to ?? '')),
  );
  for (const [file, symbols] of symbolsOf(ctx, adapterFiles.slice(0, MAX_SYMBOL_FILES / 2))) {
    for (const c of symbols.classes) {
      const port = [...c.implements, ...(c.extends !== undefined ? [c.extends] : [])].find((name) =>
        ports.has(name),
      );
      if (port !== undefined)
        facts.push({
          file,
          line: c.line,
          message: `\`${c.name}\` implements port \`${port}\` declared in \`${ports.get(port) ?? ''}\``,
        });
    }
  }
  return facts;
}

/** Without imports (other languages), only folder names are seen: at most a `partial`. */
function namesOnly(ctx: DetectContext, card: ScoreCard): void {
  const byRole = new Map<string, string[]>();
  for (const folder of allFolders(ctx.graph)) {
    const name = baseName(folder).toLowerCase();
    const role = ringRoleOf(name);
    if (role === undefined || !HEXAGON_NAMES.has(name)) continue;
    const list = byRole.get(role) ?? [];
    list.push(folder);
    byRole.set(role, list);
  }
  if (byRole.size >= 2) {
    card.add(
      0.3 + 0.05 * Math.min(byRole.size - 2, 2),
      [...byRole].map(([role, folders]) => ({
        file: folders[0] ?? '.',
        message: `\`${folders[0] ?? ''}/\` is named as the ${role} ring`,
      })),
    );
  }
  const go = goRings(ctx);
  if (go && go.confirmed.length > 0) {
    card.add(0.6, go.confirmed);
    return;
  }
  if (go && go.leaks.length > 0) card.against(0.15, go.leaks);
  const note = importsNotRead(ctx);
  const lines = byRole.size >= 2 ? readImportLines(ctx, byRole) : undefined;
  if (lines && lines.core > 0 && lines.leaks.length === 0 && lines.wired.length > 0) {
    card.add(0.3, [
      {
        file: byRole.get('domain')?.[0] ?? byRole.get('application')?.[0] ?? '.',
        message: `The ${lines.core} files of the core rings import no driver or web framework (their resolved imports)`,
      },
      ...lines.wired.slice(0, 3),
    ]);
    return;
  }
  if (lines && lines.leaks.length > 0)
    card.against(
      Math.min(0.5, 0.15 + (0.7 * new Set(lines.leaks.map((l) => l.file)).size) / Math.max(1, lines.core)),
      lines.leaks,
    );
  if (note) card.cap(0.5, note);
}

/**
 * Reads the resolved imports of the named rings (for languages whose rings the TypeScript graph
 * analysis does not find): a core (domain, application, ports) importing no driver or web framework while the
 * adapters do confirms the names, as the import graph does for TypeScript.
 */
function readImportLines(
  ctx: DetectContext,
  byRole: Map<string, string[]>,
): { core: number; leaks: Fact[]; wired: Fact[] } {
  const sources = new Set(ctx.graph.sources);
  const filesOf = (roles: readonly string[]): string[] => [
    ...new Set(
      [...byRole]
        .filter(([role]) => roles.includes(role))
        .flatMap(([, folders]) => folders)
        .flatMap((folder) => ctx.graph.filesUnder(folder))
        .filter((f) => sources.has(f) && !isTestFile(f)),
    ),
  ];
  const core = filesOf(['domain', 'application', 'ports']).slice(0, MAX_SYMBOL_FILES);
  const adapters = filesOf(['adapters', 'interfaces']).slice(0, MAX_SYMBOL_FILES);
  const leaks: Fact[] = [];
  const wired: Fact[] = [];
  if (adapters.length === 0) return { core: core.length, leaks, wired };
  for (const file of core) {
    const hit = firstInfrastructureImport(ctx.graph, file);
    if (hit)
      leaks.push({
        file: hit.file,
        line: hit.line,
        message:
          hit.file === file
            ? `Leaky hexagon: \`${file}\` imports \`${hit.module}\``
            : `Leaky hexagon: \`${file}\` sees \`${hit.module}\` through the \`global using\` in \`${hit.file}\``,
      });
  }
  for (const file of adapters) {
    const hit = firstInfrastructureImport(ctx.graph, file);
    if (hit)
      wired.push({ file, line: hit.line, message: `\`${file}\` (an adapter) imports \`${hit.module}\`` });
  }
  return { core: core.length, leaks, wired };
}

/**
 * Go rings from the Go import graph (see `go-imports.ts`): a core of
 * packages that import no infrastructure and nothing outside the core, holding a domain package
 * (`domain`, `entities`, `model`…) and a use-case package that depends on it, with at least two
 * packages that import infrastructure depending inward on the core. A layered design whose
 * services import the repositories has no such use-case package and is not confirmed.
 */
function goRings(ctx: DetectContext): { confirmed: Fact[]; leaks: Fact[] } | undefined {
  const packages = goPackages(ctx);
  if (packages.size < 3) return undefined;
  const core = new Set([...packages.values()].filter((p) => !p.infrastructure).map((p) => p.folder));
  for (let changed = true; changed;) {
    changed = false;
    for (const folder of [...core]) {
      const imports = packages.get(folder)?.imports ?? new Set<string>();
      if ([...imports].some((t) => packages.has(t) && !core.has(t))) {
        core.delete(folder);
        changed = true;
      }
    }
  }
  const segments = (folder: string): string[] => folder.toLowerCase().split('/');
  const isDomain = (folder: string): boolean => segments(folder).some((seg) => ringRoleOf(seg) === 'domain');
  const leaks: Fact[] = [...packages.values()]
    // `ports` is left out: some Go authors name their driving adapters (HTTP, gRPC handlers) so.
    .filter(
      (p) =>
        p.infrastructure && segments(p.folder).some((seg) => CORE_NAMES.has(seg) && !/^ports?$/.test(seg)),
    )
    .map((p) => ({
      file: p.infrastructure?.file ?? p.folder,
      ...(p.infrastructure ? { line: p.infrastructure.line } : {}),
      message: `Leaky hexagon: \`${p.folder}\` imports \`${p.infrastructure?.module ?? ''}\``,
    }));
  const domain = [...core].filter(isDomain);
  const useCases = [...core].filter(
    (f) => !isDomain(f) && [...(packages.get(f)?.imports ?? [])].some((t) => domain.includes(t)),
  );
  const adapters = [...packages.values()].filter(
    (p) => p.infrastructure !== undefined && [...p.imports].some((t) => core.has(t)),
  );
  // Without a use-case package, the core's contracts can sit in a package of their own: one the
  // domain and two or more adapters import, declaring the interfaces the adapters satisfy.
  const ports =
    useCases.length > 0
      ? []
      : [...core].filter(
          (f) =>
            !isDomain(f) &&
            domain.some((d) => packages.get(d)?.imports.has(f) === true) &&
            adapters.filter((a) => a.imports.has(f)).length >= 2 &&
            declaresInterface(ctx, f),
        );
  if (domain.length === 0 || useCases.length + ports.length === 0 || adapters.length < 2 || leaks.length > 0)
    return { confirmed: [], leaks };
  return {
    leaks,
    confirmed: [
      ...domain.slice(0, 2).map((f) => ({
        file: f,
        message: `\`${f}\` (domain) imports no driver, framework or adapter package`,
      })),
      ...useCases.slice(0, 2).map((f) => ({
        file: f,
        message: `\`${f}\` (use cases) depends only on the core: it imports the domain and no adapter`,
      })),
      ...ports.slice(0, 2).map((f) => ({
        file: f,
        message: `\`${f}\` (ports) declares the interfaces that the domain uses, and the adapters ${adapters
          .filter((a) => a.imports.has(f))
          .slice(0, 3)
          .map((a) => `\`${a.folder}\``)
          .join(', ')} import it`,
      })),
      ...adapters.slice(0, 4).map((p) => ({
        file: p.infrastructure?.file ?? p.folder,
        ...(p.infrastructure ? { line: p.infrastructure.line } : {}),
        message: `\`${p.folder}\` imports \`${p.infrastructure?.module ?? ''}\` and depends inward on the core`,
      })),
    ],
  };
}

/** Whether a Go package folder declares an exported interface. */
function declaresInterface(ctx: DetectContext, folder: string): boolean {
  const files = ctx.graph.sources.filter((f) => f.endsWith('.go') && dirOf(f) === folder).slice(0, 20);
  return files.some((file) => ctx.symbols(file)?.interfaces.some((i) => i.exported) === true);
}
