import { sourceRoots } from '../units/modules';
import { SERVER_FRAMEWORKS } from '../units/known-packages';
import { isInfrastructureEdge } from '../units';
import { outsideImporter } from '../units/service-identity';
import type { SystemPart } from '../model';
import { baseName, childOf, isScript, isUnder } from '../units/paths';
import type { DetectContext } from './context';
import type { Detector } from './detector';
import { cycles, exampleEdge, groupGraph } from './folder-graph';
import { PARTIAL_THRESHOLD, ScoreCard } from './scoring';
import { presentedStyle } from './documented-style';
import type { Fact } from './scoring';
import { importFacts, importsNotRead } from './signals';
import { separateServers } from './separate-servers';

/**
 * Monolith: one deployable (one codebase, usually one database). Several deployables count
 * against it; shared data access used from everywhere and cycles between top folders (a big
 * ball of mud when most folders are caught in them) count for it.
 */
export const monolith: Detector = {
  id: 'monolith',
  detect(ctx: DetectContext) {
    const card = new ScoreCard('monolith');
    const { services, functions, webApps, backing } = ctx.units;
    if (services.length === 1) {
      const service = services[0];
      if (service) {
        card.add(
          0.6,
          service.deployables
            .slice(0, 3)
            .map((d) => ({ ...d.source, message: `One deployable: ${d.source.message}` })),
        );
        if (service.hasSource) card.against(0.3, separateServers(ctx, service.path));
      }
    } else if (services.length === 0) {
      const servers = importFacts(ctx, SERVER_FRAMEWORKS, 'a server').slice(0, 3);
      const lonePart = loneBackendProgram(ctx);
      if (functions.length > 0) {
        card.against(
          0.2,
          functions.slice(0, 3).map((f) => ({
            ...f.source,
            message: `Deployed as functions, not one server: ${f.source.message}`,
          })),
        );
      } else if (lonePart !== undefined) {
        card.add(0.6, [
          {
            file: lonePart.entryPoints[0] ?? lonePart.path,
            message: `One backend program: \`${lonePart.path}\` (${lonePart.basis[0] ?? lonePart.role}); no manifest here says how it is deployed`,
          },
        ]);
        card.against(0.3, separateServers(ctx, lonePart.path));
      } else if (servers.length > 0) {
        card.add(
          0.4,
          servers.map((f) => ({ ...f, message: `${f.message}, but no manifest says how it starts` })),
        );
      } else if (webApps.length > 0) {
        card.note({
          ...(webApps[0]?.source ?? { file: '.', message: '' }),
          message: `A front-end app, not a backend: ${webApps[0]?.source.message ?? ''}`,
        });
      } else {
        card.note({
          file: '.',
          message:
            'Nothing here starts on its own (no start script, Dockerfile, compose service or function): a library or tool',
        });
      }
    } else {
      card.against(
        Math.min(0.6, 0.3 + 0.1 * (services.length - 2)),
        services.map((s) => ({
          ...(s.deployables[0]?.source ?? { file: '.', message: '' }),
          message: `${services.length} deployables; \`${s.name}\` (\`${s.path}\`) starts separately`,
        })),
      );
    }
    if (services.length <= 1) {
      const databases = backing.filter((b) => b.category === 'database');
      if (databases.length === 1 && databases[0]) {
        const db = databases[0];
        card.add(0.1, [
          {
            file: db.file,
            ...(db.line !== undefined ? { line: db.line } : {}),
            message: `One database: \`${db.name}\` (\`${db.image}\`)`,
          },
        ]);
      }
      if (ctx.units.importsRead) {
        sharedDataAccess(ctx, card);
        coupling(ctx, card);
      }
    }
    // One deployable its authors present as another style (hexagonal, CQRS, a modular monolith,
    // Clean Architecture) is a monolith only in part: that style is what describes it.
    const presented = services.length <= 1 ? presentedStyle(ctx) : undefined;
    if (presented !== undefined && card.score >= PARTIAL_THRESHOLD)
      card.cap(0.5, {
        ...presented,
        message: `${presented.message}: one deployable presented as another style is a monolith only in part`,
      });
    const note = importsNotRead(ctx);
    if (note) card.note(note);
    return card.result();
  },
};

/**
 * The one long-running backend program of a workspace with no deployment manifest: a single
 * service or worker part once parts nested inside another are folded into it (Django's
 * `manage.py` and its project package's `__main__` are one program).
 */
function loneBackendProgram(ctx: DetectContext): SystemPart | undefined {
  // A part whose code other code imports is a library of that code, whatever it starts.
  const programs = ctx.system.parts.filter(
    (p) => (p.role === 'service' || p.role === 'worker') && outsideImporter(p.path, ctx.graph) === undefined,
  );
  const outer = programs.filter(
    (p) => !programs.some((q) => q !== p && q.path !== p.path && isUnder(p.path, q.path)),
  );
  const distinct = new Set(outer.map((p) => p.path));
  return distinct.size === 1 ? outer[0] : undefined;
}

/** A data-access file (it imports a driver or ORM) imported from three or more top folders. */
function sharedDataAccess(ctx: DetectContext, card: ScoreCard): void {
  const facts: Fact[] = [];
  for (const root of sourceRoots(ctx.graph, ctx.units.services)) {
    for (const file of ctx.graph.filesUnder(root)) {
      if (
        !isScript(file) ||
        !(ctx.graph.externals.get(file) ?? []).some(
          (e) => isInfrastructureEdge(e) && e.resolution === 'external',
        )
      )
        continue;
      if (!/db|data|database|prisma|knex|repo|store|connection|orm|sql|mongo/i.test(file)) continue;
      const own = childOf(file, root);
      const users = new Set<string>();
      for (const edge of ctx.graph.in.get(file) ?? []) {
        const top = childOf(edge.from, root);
        if (top !== undefined && top !== own && top !== edge.from) users.add(top);
      }
      if (users.size >= 3) {
        facts.push({
          file,
          message: `Shared data access: \`${file}\` is imported from ${users.size} top folders (${[...users].map((u) => `\`${baseName(u)}\``).join(', ')})`,
        });
      }
    }
  }
  card.add(0.15, facts.slice(0, 5));
}

/** Cycles between the top folders of the source root: the more folders they catch, the muddier. */
function coupling(ctx: DetectContext, card: ScoreCard): void {
  for (const root of sourceRoots(ctx.graph, ctx.units.services)) {
    const tops = ctx.graph.subfolders(root);
    if (tops.length < 3) continue;
    const graph = groupGraph(ctx.graph, tops);
    const found = cycles(graph);
    const largest = found[0];
    if (!largest) continue;
    const facts: Fact[] = [];
    for (let i = 0; i < largest.length && facts.length < 3; i++) {
      const a = largest[i] ?? '';
      const b = largest[(i + 1) % largest.length] ?? '';
      const edge = exampleEdge(graph, a, b) ?? exampleEdge(graph, b, a);
      if (edge)
        facts.push({
          file: edge.from,
          line: edge.line,
          message: `\`${edge.from}\` imports \`${edge.to ?? ''}\` (cycle between top folders)`,
        });
    }
    const mud = largest.length * 2 >= tops.length && largest.length >= 3;
    const head: Fact = {
      file: largest[0] ?? root,
      message: mud
        ? `Big ball of mud: ${largest.length} of ${tops.length} top folders of \`${root}\` import each other in a cycle`
        : `Cycle between top folders of \`${root}\`: ${largest.map((f) => `\`${baseName(f)}\``).join(' ↔ ')}`,
    };
    card.add(mud ? 0.15 : 0.05, [head, ...facts]);
    return;
  }
}
