// The report `archlens.showDiagram` resolves with, as the diagram suites read it.

/** The webview's counts, the view drawn, the panel's state, and why a view or focus did not apply. */
export interface ViewReport {
  svgLength: number;
  nodeCount: number;
  edgeCount: number;
  view?: string;
  state?: { view: string; expanded: string[]; focus?: { node: string; direction: string } };
  reason?: string;
}

/** Narrows the value `archlens.showDiagram` resolved with. */
export function asViewReport(value: unknown): ViewReport | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (
    typeof v['svgLength'] !== 'number' ||
    typeof v['nodeCount'] !== 'number' ||
    typeof v['edgeCount'] !== 'number'
  )
    return undefined;
  return value as ViewReport;
}
