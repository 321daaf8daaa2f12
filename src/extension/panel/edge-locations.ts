import type * as vscode from 'vscode';
import type { DiagramEdge, SourceLocation } from '../../core/diagram';

/** One row of an edge's quick pick: an import line (to open), or a separator. */
export interface EdgeLocationItem extends vscode.QuickPickItem {
  readonly location?: SourceLocation;
}

/** `vscode.QuickPickItemKind.Separator`, written out so this file needs no run-time `vscode`. */
const SEPARATOR = -1 as vscode.QuickPickItemKind.Separator;

/**
 * The rows of an edge's quick pick: first the imports that break boundary rules (with the rule
 * and its sentence), then the edge's other imports. Pure.
 */
export function edgeLocationItems(edge: DiagramEdge): EdgeLocationItem[] {
  const broken = edge.violations ?? [];
  const place = (l: SourceLocation): string => `${l.file}:${l.line}:${l.column ?? 0}`;
  const brokenAt = new Set(broken.map(place));
  const others = edge.locations.filter((l) => !brokenAt.has(place(l)));
  const row = (l: SourceLocation): EdgeLocationItem => ({
    label: `${l.file}:${l.line}`,
    description: l.text,
    location: l,
  });
  if (broken.length === 0) return others.map(row);
  const items: EdgeLocationItem[] = [{ label: 'Breaking boundary rules', kind: SEPARATOR }];
  for (const v of broken)
    items.push({
      label: `$(error) ${v.file}:${v.line}`,
      description: `${v.text}  ${v.rule}`,
      detail: v.message,
      location: {
        file: v.file,
        line: v.line,
        ...(v.column !== undefined ? { column: v.column } : {}),
        text: v.text,
      },
    });
  if (others.length > 0) items.push({ label: 'Other imports', kind: SEPARATOR }, ...others.map(row));
  return items;
}
