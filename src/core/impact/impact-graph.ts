import type { DetectionResult, FileSymbols, Units, WorkspaceModel } from '../model';
import {
  backendFileTest,
  backingForDriver,
  composeBackingServices,
  type BackingNode,
} from '../diagram/backing-services';
import { findMessageFacts } from '../diagram/message-facts';
import { serviceOwner } from '../diagram/service-owner';
import { isTestFile } from '../units/paths';
import type { ImpactRelation, ImpactVia } from './types';

/** One dependency: `from` (a file) needs `to` (a file or a backing service id). */
export interface DependencyLink {
  readonly from: string;
  readonly to: string;
  readonly relation: Exclude<ImpactRelation, 'shared-database'>;
  readonly via: ImpactVia;
}

/** The runtime dependency graph impact walks: files, backing services, and the links between them. */
export interface DependencyGraph {
  readonly files: readonly string[];
  readonly backing: ReadonlyMap<string, BackingNode>;
  /** By dependency: who needs this file or backing service. */
  readonly dependentsOf: ReadonlyMap<string, readonly DependencyLink[]>;
  /** By dependent: the backing services a file talks to directly. */
  readonly backingOf: ReadonlyMap<string, readonly string[]>;
  /** The unit a file belongs to: its deepest deployable or module, else its top folder. */
  readonly unitOf: (file: string) => { readonly label: string; readonly path: string };
}

export interface DependencyGraphInput {
  readonly model: WorkspaceModel;
  readonly units: Units;
  /** Its set-aside parts: their calls to external APIs do not count (only backend code's do). */
  readonly detection?: DetectionResult;
  /** Declarations and calls of a file, read on demand (publish/subscribe calls, function calls). */
  readonly symbols?: (relPath: string) => FileSymbols | undefined;
}

/**
 * The dependency graph of a workspace's source (tests left out: they do not run in
 * production): imports between files (`type` imports as build-time links), driver imports to
 * the databases, caches, brokers and external APIs they reach (a broker link is asynchronous;
 * an API call is synchronous: the caller fails with it), and, from
 * publish and subscribe calls naming one topic, each subscriber's asynchronous dependency on
 * each publisher.
 */
export function buildDependencyGraph(input: DependencyGraphInput): DependencyGraph {
  const { model } = input;
  const files = model.files.filter((file) => !isTestFile(file));
  const kept = new Set(files);
  const compose = composeBackingServices(model);
  const backing = new Map<string, BackingNode>(compose.map((node) => [node.id, node]));
  const dependentsOf = new Map<string, DependencyLink[]>();
  const backingOf = new Map<string, string[]>();
  const add = (link: DependencyLink): void => {
    if (link.from === link.to) return;
    const list = dependentsOf.get(link.to);
    if (list) list.push(link);
    else dependentsOf.set(link.to, [link]);
  };
  const backend = backendFileTest(input.detection);
  for (const edge of model.edges) {
    if (!kept.has(edge.from) || edge.to === null) continue;
    const at = { file: edge.from, line: edge.line, text: edge.specifier };
    if (edge.resolution === 'internal') {
      if (!kept.has(edge.to)) continue;
      const relation = edge.kind === 'type' ? 'build-time' : 'sync';
      add({ from: edge.from, to: edge.to, relation, via: { ...at, on: edge.to } });
    } else if (edge.resolution === 'external' && edge.kind !== 'type') {
      const target = backingForDriver(edge.to, compose, edge.specifier);
      if (!target || (target.kind === 'external-api' && !backend(edge.from))) continue;
      backing.set(target.id, target);
      const relation = target.kind === 'broker' ? 'async' : 'sync';
      add({ from: edge.from, to: target.id, relation, via: { ...at, on: target.id } });
      const own = backingOf.get(edge.from) ?? [];
      if (!own.includes(target.id)) backingOf.set(edge.from, [...own, target.id]);
    }
  }
  if (input.symbols) {
    const facts = findMessageFacts(model, input.symbols).filter((fact) => kept.has(fact.file));
    const publishers = new Map<string, { file: string; line: number }[]>();
    for (const fact of facts) if (fact.role === 'publish') push(publishers, fact.topic, fact);
    const seen = new Set<string>();
    for (const fact of facts) {
      if (fact.role !== 'subscribe') continue;
      for (const publisher of publishers.get(fact.topic) ?? []) {
        const key = `${fact.file}\u0000${publisher.file}`;
        if (seen.has(key)) continue;
        seen.add(key);
        add({
          from: fact.file,
          to: publisher.file,
          relation: 'async',
          via: { file: fact.file, line: fact.line, text: `topic ${fact.topic}`, on: publisher.file },
        });
      }
    }
  }
  const owner = serviceOwner(input.units);
  const owners = new Map<string, { readonly label: string; readonly path: string }>();
  const unitOf = (file: string): { readonly label: string; readonly path: string } => {
    let found = owners.get(file);
    if (!found) owners.set(file, (found = owner(file)));
    return found;
  };
  return { files, backing, dependentsOf, backingOf, unitOf };
}

/**
 * For each database, the groups of files known to use one and the same database: the files
 * importing its driver and the files importing those (the usual client module). A database
 * declared once in a compose file is one group; a database known only from its driver (no
 * compose service) is one group per client file, since two services importing `pg` may well
 * talk to two databases.
 */
export function databaseUserGroups(
  graph: DependencyGraph,
): { readonly database: string; readonly users: ReadonlySet<string> }[] {
  const groups: { database: string; users: Set<string> }[] = [];
  for (const [id, node] of graph.backing) {
    if (node.kind !== 'database') continue;
    const direct = graph.dependentsOf.get(id) ?? [];
    const groupOf = (client: string): Set<string> => {
      const users = new Set([client]);
      for (const importer of graph.dependentsOf.get(client) ?? [])
        if (importer.relation === 'sync') users.add(importer.from);
      return users;
    };
    if (node.service !== undefined) {
      const users = new Set<string>();
      for (const link of direct) for (const user of groupOf(link.from)) users.add(user);
      groups.push({ database: id, users });
    } else for (const link of direct) groups.push({ database: id, users: groupOf(link.from) });
  }
  return groups;
}

/** Appends to the list of `key`, making it when absent. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
