import type { ImportEdge, Manifest, Warning } from '../model';

/** Code-unit order, the same on every machine and locale (JSON output must be stable). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareEdges(a: ImportEdge, b: ImportEdge): number {
  return (
    compareStrings(a.from, b.from) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.specifier, b.specifier) ||
    compareStrings(a.kind, b.kind)
  );
}

export function compareWarnings(a: Warning, b: Warning): number {
  return (
    compareStrings(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareStrings(a.message, b.message)
  );
}

export function compareManifests(a: Manifest, b: Manifest): number {
  return compareStrings(a.file, b.file) || compareStrings(a.kind, b.kind);
}

/** A key that identifies an edge with everything it says, for diffs. */
export function edgeKey(edge: ImportEdge): string {
  return JSON.stringify([
    edge.from,
    edge.line,
    edge.column,
    edge.specifier,
    edge.kind,
    edge.to,
    edge.resolution,
    edge.via ?? '',
    edge.reason ?? '',
  ]);
}
