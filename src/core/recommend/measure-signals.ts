import type { DetectContext } from '../detect';
import { EVENT_FILE, HANDLER_FILE } from '../detect/event-driven';
import { cycles, groupGraph, type GroupGraph } from '../detect/folder-graph';
import { foldersNamed, scriptsMatching } from '../detect/signals';
import type { DetectionResult, ImportEdge } from '../model';
import { ASYNC_MESSAGING_PACKAGES, matchesPackage } from '../units/known-packages';
import { sourceRoots } from '../units/modules';
import { stem } from '../units/paths';
import type { TeamSize } from './types';
import type { GroupLink, WorkspaceSignals } from './workspace-signals';

// The same path conventions as the CQRS detector (`commands/`, `*.command.ts`, `*Query.ts`).
const COMMAND_FILE = /(?:^|\/)commands?\/|[.-]command\.[cm]?[jt]s$|Command\.[cm]?[jt]s$/;
const QUERY_FILE = /(?:^|\/)quer(?:y|ies)\/|[.-]query\.[cm]?[jt]s$|Query\.[cm]?[jt]s$/;
const READ_MODEL =
  /(?:^|\/)(?:read-?models?|projections?|projectors?|read-side)\/|[.-](?:read-model|projection|projector|view-model)\.[cm]?[jt]s$|(?:ReadModel|Projection)\.[cm]?[jt]s$/i;
const CRUD_COMMAND = /^(?:create|update|delete|remove|add|edit|save|patch|upsert|set)[-_.]?/i;
const QUEUE_CONSUMER =
  /(?:^|\/)(?:consumers|workers|queues|processors|jobs)\/|[.-](?:consumer|worker|processor|job)\.[cm]?[jt]s$|(?:Consumer|Worker|Processor)\.(?:[cm]?[jt]s|cs|java|kt|go|py)$/i;
const QUEUE_TRIGGER = /^(?:sqs|kafka|msk|mq|rabbitmq|queue|servicebus|kinesis|stream|pubsub)/i;
const ENTITY_FILE =
  /(?:^|\/)(?:entities|aggregates|value-objects|models?)\/|[.-](?:entity|aggregate|value-object|vo)\.[cm]?[jt]s$|(?:Entity|Aggregate)\.[cm]?[jt]s$/i;
const DOMAIN_FOLDERS = new Set(['domain', 'core', 'model', 'entities']);

/**
 * Measures what the recommendations need from a detection context (model, units, graph) and
 * the detection result; `team` comes from git, outside the core. Path-based only: no symbols
 * are read, so this stays cheap on big workspaces.
 */
export function measureSignals(
  ctx: DetectContext,
  detection: DetectionResult,
  team: TeamSize,
): WorkspaceSignals {
  const services = ctx.units.services;
  const functions = ctx.units.functions;
  const deployableNames = [...services.map((s) => s.name), ...functions.map((f) => f.name)];
  const releaseFiles = new Set([
    ...services.flatMap((s) => s.deployables.map((d) => d.source.file)),
    ...functions.map((f) => f.source.file),
  ]);
  return {
    team,
    deployables: { count: deployableNames.length, names: deployableNames },
    releaseConfigs: releaseFiles.size,
    handlers: handlers(ctx),
    messaging: messaging(ctx),
    functions: {
      count: functions.length,
      manifests: [...new Set(functions.map((f) => f.source.file))].sort(),
    },
    domain: domain(ctx, detection),
    coupling: coupling(ctx),
    crossServiceImports: crossServiceImports(ctx),
    hexagonLeaks: ctx.units.hexagons.flatMap((h) => h.leaks),
  };
}

function handlers(ctx: DetectContext): WorkspaceSignals['handlers'] {
  const commands = scriptsMatching(ctx, COMMAND_FILE);
  const queries = scriptsMatching(ctx, QUERY_FILE);
  const commandHandlers = commands.filter((f) => /handler/i.test(f));
  const queryHandlers = queries.filter((f) => /handler/i.test(f));
  const writes = commandHandlers.length > 0 ? commandHandlers : commands;
  const reads = queryHandlers.length > 0 ? queryHandlers : queries;
  const names = commands.filter((f) => !/handler/i.test(f)).map((f) => stem(f).replace(/[.-]?command$/i, ''));
  const exampleCommand = writes[0];
  const exampleQuery = reads[0];
  return {
    commands: writes.length,
    queries: reads.length,
    readModels: scriptsMatching(ctx, READ_MODEL).length,
    crudOnly: names.length > 0 && names.every((n) => CRUD_COMMAND.test(n)),
    ...(exampleCommand === undefined ? {} : { exampleCommand }),
    ...(exampleQuery === undefined ? {} : { exampleQuery }),
  };
}

function messaging(ctx: DetectContext): WorkspaceSignals['messaging'] {
  const clients = new Set<string>();
  for (const m of ctx.model.manifests) {
    if (m.kind !== 'package-json') continue;
    for (const name of [...Object.keys(m.dependencies), ...Object.keys(m.devDependencies)])
      if (matchesPackage(name, ASYNC_MESSAGING_PACKAGES)) clients.add(name);
  }
  for (const edges of ctx.graph.externals.values())
    for (const e of edges)
      if (e.resolution === 'external' && e.to !== null && matchesPackage(e.to, ASYNC_MESSAGING_PACKAGES))
        clients.add(e.to);
  const handlerFiles = ctx.graph.sources.filter((f) => HANDLER_FILE.test(f));
  const consumerFiles = ctx.graph.sources.filter((f) => QUEUE_CONSUMER.test(f));
  const queueFunctions = ctx.units.functions.filter((f) =>
    (f.triggers ?? []).some((t) => QUEUE_TRIGGER.test(t)),
  );
  const exampleHandler = handlerFiles[0] ?? consumerFiles[0];
  return {
    brokerClients: [...clients].sort(),
    brokerServices: ctx.units.backing
      .filter((b) => b.category === 'broker' || b.category === 'event-store')
      .map((b) => b.name),
    eventHandlers: handlerFiles.length,
    queueConsumers: consumerFiles.length + queueFunctions.length,
    eventFiles: ctx.graph.sources.filter((f) => EVENT_FILE.test(f)).length,
    ...(exampleHandler === undefined ? {} : { exampleHandler }),
  };
}

function domain(ctx: DetectContext, detection: DetectionResult): WorkspaceSignals['domain'] {
  const named = detection.units.layers.filter((l) => l.name === 'domain').flatMap((l) => l.paths);
  const folders = named.length > 0 ? named : foldersNamed(ctx, DOMAIN_FOLDERS);
  // Nested domain folders (`domain/model`) count once.
  const outer = [...new Set(folders)].filter(
    (f, _, all) => !all.some((o) => o !== f && f.startsWith(`${o}/`)),
  );
  const sources = new Set(ctx.graph.sources);
  const files = new Set<string>();
  let entities = 0;
  for (const folder of outer) {
    for (const file of ctx.graph.filesUnder(folder)) {
      if (!sources.has(file) || files.has(file)) continue;
      files.add(file);
      if (ENTITY_FILE.test(file.slice(folder.length + 1))) entities++;
    }
  }
  return { folders: outer.sort(), files: files.size, entities };
}

function coupling(ctx: DetectContext): WorkspaceSignals['coupling'] {
  const modules = ctx.units.modules;
  const roots = sourceRoots(ctx.graph, ctx.units.services);
  const kind = modules.length >= 2 ? 'modules' : 'folders';
  // Across several services the boundaries that matter are the services (see crossServiceImports).
  const groups =
    kind === 'modules'
      ? modules.map((m) => m.path)
      : roots.length === 1
        ? ctx.graph.subfolders(roots[0] ?? '.')
        : [];
  const graph = withoutEventImports(groupGraph(ctx.graph, groups));
  const mutual: { a: GroupLink; b: GroupLink }[] = [];
  for (const [from, row] of graph.edges) {
    for (const to of row.keys()) {
      if (from >= to) continue;
      const a = link(graph, from, to);
      const b = link(graph, to, from);
      if (a && b) mutual.push({ a, b });
    }
  }
  mutual.sort((x, y) => y.a.count + y.b.count - (x.a.count + x.b.count) || (x.a.from < y.a.from ? -1 : 1));
  return {
    kind,
    groups,
    mutual,
    cycles: cycles(graph),
    eventOnly: kind === 'modules' ? eventOnly(ctx, graph) : [],
  };
}

/** Imports of another group's events are its published contract, not coupling to its inside. */
function withoutEventImports(graph: GroupGraph): GroupGraph {
  const edges = new Map<string, Map<string, ImportEdge[]>>();
  for (const [from, row] of graph.edges) {
    for (const [to, list] of row) {
      const kept = list.filter((e) => !EVENT_FILE.test(e.to ?? ''));
      if (kept.length === 0) continue;
      let out = edges.get(from);
      if (!out) edges.set(from, (out = new Map()));
      out.set(to, kept);
    }
  }
  return { groups: graph.groups, edges };
}

function eventOnly(ctx: DetectContext, graph: GroupGraph): string[] {
  if (graph.groups.length < 2) return [];
  return graph.groups.filter((group) => {
    const files = ctx.graph.filesUnder(group);
    const usesEvents = files.some(
      (f) =>
        EVENT_FILE.test(f) ||
        HANDLER_FILE.test(f) ||
        (ctx.graph.externals.get(f) ?? []).some(
          (e) => e.to !== null && matchesPackage(e.to, ASYNC_MESSAGING_PACKAGES),
        ),
    );
    if (!usesEvents) return false;
    return (graph.edges.get(group)?.size ?? 0) === 0;
  });
}

function crossServiceImports(ctx: DetectContext): GroupLink[] {
  const roots = ctx.units.services.filter((s) => s.hasSource && s.path !== '.').map((s) => s.path);
  if (roots.length < 2) return [];
  const graph = groupGraph(ctx.graph, roots);
  const links: GroupLink[] = [];
  for (const [from, row] of graph.edges)
    for (const to of row.keys()) {
      const l = link(graph, from, to);
      if (l) links.push(l);
    }
  return links.sort((a, b) => b.count - a.count || (a.from < b.from ? -1 : 1));
}

function link(graph: GroupGraph, from: string, to: string): GroupLink | undefined {
  const edges = graph.edges.get(from)?.get(to);
  const example = edges?.[0];
  return edges && example ? { from, to, count: edges.length, example } : undefined;
}
