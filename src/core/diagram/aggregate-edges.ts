import type { ImportEdge } from '../model';
import {
  MAX_EDGE_LOCATIONS,
  type DiagramEdge,
  type DiagramEdgeStyle,
  type SourceLocation,
} from './diagram-model';
import { marksAt, type EdgeViolation, type ViolationMarks } from './rule-marks';

/** One fact to aggregate: something at `location` links node `from` to node `to`. */
export interface Link {
  readonly from: string;
  readonly to: string;
  readonly location: SourceLocation;
}

/**
 * Sums links between the same two nodes into one edge each (self links dropped), keeping the
 * first locations in source order. Sorted by `from`, then `to`, so output is deterministic.
 * An edge holding an import that breaks a boundary rule (`marks`) is a violation and lists
 * those imports, whatever the cap on locations.
 */
export function aggregateLinks(
  links: Iterable<Link>,
  style: (
    from: string,
    to: string,
  ) => { style: DiagramEdgeStyle; violation?: boolean; label?: string } = () => ({ style: 'normal' }),
  marks?: ViolationMarks,
): DiagramEdge[] {
  const byKey = new Map<
    string,
    { from: string; to: string; count: number; locations: SourceLocation[]; violations: EdgeViolation[] }
  >();
  for (const link of links) {
    if (link.from === link.to) continue;
    const key = `${link.from}\u0000${link.to}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { from: link.from, to: link.to, count: 0, locations: [], violations: [] };
      byKey.set(key, entry);
    }
    entry.count++;
    if (entry.locations.length < MAX_EDGE_LOCATIONS) entry.locations.push(link.location);
    for (const mark of marksAt(marks, link.location))
      if (entry.violations.length < MAX_EDGE_LOCATIONS) entry.violations.push({ ...link.location, ...mark });
  }
  return [...byKey.values()]
    .sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to))
    .map((entry) => {
      const look = style(entry.from, entry.to);
      return {
        id: `${entry.from}→${entry.to}`,
        from: entry.from,
        to: entry.to,
        count: entry.count,
        style: look.style,
        ...(look.violation || entry.violations.length > 0 ? { violation: true } : {}),
        ...(look.label !== undefined ? { label: look.label } : {}),
        locations: entry.locations.sort(compareLocations),
        ...(entry.violations.length > 0
          ? { violations: entry.violations.sort((a, b) => compareLocations(a, b) || compare(a.rule, b.rule)) }
          : {}),
      };
    });
}

/** The internal import edges of a model as links between the nodes that own their files. */
export function importLinks(
  edges: readonly ImportEdge[],
  ownerOf: (file: string) => string | undefined,
): Link[] {
  const links: Link[] = [];
  for (const edge of edges) {
    if (edge.resolution !== 'internal' || edge.to === null) continue;
    const from = ownerOf(edge.from);
    const to = ownerOf(edge.to);
    if (from === undefined || to === undefined) continue;
    links.push({
      from,
      to,
      location: { file: edge.from, line: edge.line, column: edge.column, text: edge.specifier },
    });
  }
  return links;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLocations(a: SourceLocation, b: SourceLocation): number {
  return compare(a.file, b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}
