import type { FileSymbols } from '../model';
import { databaseUserGroups, type DependencyGraph, type DependencyLink } from './impact-graph';
import type { ResolvedTarget } from './impact-target';
import {
  IMPACT_RELATIONS,
  type ImpactCounts,
  type ImpactDependent,
  type ImpactEffect,
  type ImpactRelation,
  type ImpactResult,
  type ImpactUnit,
} from './types';

interface Reached {
  readonly effect: ImpactEffect;
  readonly relation: ImpactRelation;
  readonly hops: number;
  readonly link: DependencyLink;
}

/**
 * Who fails, degrades or only rebuilds when the target fails, walking the dependency graph
 * from the target towards its dependents:
 * 1. through synchronous links: each dependent fails, at one hop more than what it needs;
 * 2. from every failing node, asynchronous links (a broker between them) degrade the dependent;
 *    what needs a degraded node, by any runtime link, degrades too;
 * 3. for a module, service or folder: the other users of a database the target uses (they
 *    import its driver, or the file that does) share it: their data may be corrupted or
 *    locked, so they count as failing, without going further;
 * 4. files that only import types from anything reached rebuild, nothing more.
 * A file is reported once, with its worst effect (then fewest hops).
 */
export function computeImpact(
  root: string,
  graph: DependencyGraph,
  resolved: ResolvedTarget,
  symbols?: (relPath: string) => FileSymbols | undefined,
): ImpactResult {
  const { target } = resolved;
  const inTarget = new Set(target.files);
  const reached = new Map<string, Reached>();
  const hopsOf = (node: string): number =>
    inTarget.has(node) || resolved.backingIds.includes(node) ? 0 : (reached.get(node)?.hops ?? -1);
  const sources = [...target.files, ...resolved.backingIds];
  const calls = (file: string, name: string): boolean =>
    symbols?.(file)?.calls.some((call) => call.name === name) ?? false;
  /** A function's direct dependents are the importers of its file that call it. */
  const allowed = (link: DependencyLink, fromNode: string): boolean =>
    resolved.calledName === undefined || !inTarget.has(fromNode) || calls(link.from, resolved.calledName);
  const linksOf = (node: string): readonly DependencyLink[] =>
    (graph.dependentsOf.get(node) ?? []).filter((link) => !inTarget.has(link.from) && allowed(link, node));

  // 1. Fails: breadth first through synchronous links.
  let frontier = sources;
  for (let hops = 1; frontier.length > 0; hops++) {
    const next: string[] = [];
    for (const node of frontier)
      for (const link of linksOf(node)) {
        if (link.relation !== 'sync' || reached.has(link.from)) continue;
        reached.set(link.from, { effect: 'fails', relation: 'sync', hops, link });
        next.push(link.from);
      }
    frontier = next;
  }

  // 2. Degrades: from failing nodes over async links, then over any runtime link; fewest hops first.
  const buckets: { node: string; link: DependencyLink }[][] = [];
  const push = (hops: number, node: string, link: DependencyLink): void => {
    (buckets[hops] ??= []).push({ node, link });
  };
  const failing = [...sources, ...[...reached].filter(([, r]) => r.effect === 'fails').map(([file]) => file)];
  for (const node of failing)
    for (const link of linksOf(node)) if (link.relation === 'async') push(hopsOf(node) + 1, link.from, link);
  for (let hops = 1; hops < buckets.length; hops++)
    for (const { node, link } of buckets[hops] ?? []) {
      if (reached.has(node) || inTarget.has(node)) continue;
      reached.set(node, {
        effect: 'degrades',
        relation: link.relation === 'async' ? 'async' : 'sync',
        hops,
        link,
      });
      for (const next of linksOf(node)) if (next.relation !== 'build-time') push(hops + 1, next.from, next);
    }

  // 3. Shared database.
  if (target.kind === 'module' || target.kind === 'service' || target.kind === 'folder') {
    for (const [user, link] of sharedDatabaseUsers(graph, inTarget))
      if (!reached.has(user))
        reached.set(user, { effect: 'fails', relation: 'shared-database', hops: 1, link });
  }

  // 4. Build time only.
  const affected = [...sources, ...reached.keys()];
  for (const node of affected)
    for (const link of linksOf(node)) {
      if (link.relation !== 'build-time' || reached.has(link.from)) continue;
      reached.set(link.from, { effect: 'none', relation: 'build-time', hops: hopsOf(node) + 1, link });
    }

  const dependents = [...reached]
    .filter(([file]) => !graph.backing.has(file))
    .map(([file, r]): ImpactDependent => {
      const unit = graph.unitOf(file);
      return {
        file,
        unit: unit.label,
        relation: r.relation,
        effect: r.effect,
        hops: r.hops,
        via: r.link.via,
      };
    })
    .sort(
      (a, b) =>
        a.hops - b.hops ||
        EFFECT_ORDER[a.effect] - EFFECT_ORDER[b.effect] ||
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
    );
  const uses = new Set<string>();
  for (const file of target.files) for (const id of graph.backingOf.get(file) ?? []) uses.add(id);
  return {
    version: 1,
    root,
    target,
    uses: [...uses].sort(),
    dependents,
    units: unitSummary(graph, dependents),
    counts: countsOf(dependents),
    maxHops: dependents.reduce((max, d) => Math.max(max, d.hops), 0),
  };
}

const EFFECT_ORDER: Readonly<Record<ImpactEffect, number>> = { fails: 0, degrades: 1, none: 2 };

/**
 * Files outside the target that use a database the target uses (see `databaseUserGroups`),
 * each with the link by which it uses it.
 */
function sharedDatabaseUsers(
  graph: DependencyGraph,
  inTarget: ReadonlySet<string>,
): Map<string, DependencyLink> {
  // The database client the target imports is what it needs, not another user.
  const needed = new Set<string>();
  for (const links of graph.dependentsOf.values())
    for (const link of links) if (inTarget.has(link.from) && link.relation === 'sync') needed.add(link.to);
  /** Each user's first synchronous link into its group (or to the database itself). */
  const linksInto = (database: string, users: ReadonlySet<string>): Map<string, DependencyLink> => {
    const found = new Map<string, DependencyLink>();
    for (const to of [database, ...users])
      for (const link of graph.dependentsOf.get(to) ?? [])
        if (link.relation === 'sync' && users.has(link.from) && !found.has(link.from))
          found.set(link.from, link);
    return found;
  };
  const shared = new Map<string, DependencyLink>();
  for (const { database, users } of databaseUserGroups(graph)) {
    if (![...users].some((user) => inTarget.has(user))) continue;
    const links = linksInto(database, users);
    for (const user of users) {
      if (inTarget.has(user) || needed.has(user) || shared.has(user)) continue;
      const link = links.get(user);
      if (link) shared.set(user, link);
    }
  }
  return shared;
}

function unitSummary(graph: DependencyGraph, dependents: readonly ImpactDependent[]): ImpactUnit[] {
  const byUnit = new Map<
    string,
    {
      unit: string;
      path: string;
      effect: ImpactEffect;
      hops: number;
      files: number;
      relations: Set<ImpactRelation>;
    }
  >();
  for (const dependent of dependents) {
    const { label, path } = graph.unitOf(dependent.file);
    const entry = byUnit.get(path) ?? {
      unit: label,
      path,
      effect: 'none',
      hops: Infinity,
      files: 0,
      relations: new Set(),
    };
    if (EFFECT_ORDER[dependent.effect] < EFFECT_ORDER[entry.effect]) entry.effect = dependent.effect;
    entry.hops = Math.min(entry.hops, dependent.hops);
    entry.files++;
    entry.relations.add(dependent.relation);
    byUnit.set(path, entry);
  }
  return [...byUnit.values()]
    .map((entry) => ({ ...entry, relations: IMPACT_RELATIONS.filter((r) => entry.relations.has(r)) }))
    .sort(
      (a, b) =>
        EFFECT_ORDER[a.effect] - EFFECT_ORDER[b.effect] || a.hops - b.hops || (a.path < b.path ? -1 : 1),
    );
}

function countsOf(dependents: readonly ImpactDependent[]): ImpactCounts {
  const byRelation: Record<ImpactRelation, number> = {
    sync: 0,
    async: 0,
    'shared-database': 0,
    'build-time': 0,
  };
  let direct = 0;
  let fails = 0;
  let degrades = 0;
  for (const d of dependents) {
    byRelation[d.relation]++;
    if (d.hops === 1) direct++;
    if (d.effect === 'fails') fails++;
    else if (d.effect === 'degrades') degrades++;
  }
  return {
    dependents: dependents.length,
    direct,
    transitive: dependents.length - direct,
    fails,
    degrades,
    buildTimeOnly: byRelation['build-time'],
    byRelation,
  };
}
