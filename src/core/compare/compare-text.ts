import type { Comparison, Cut } from './types';

/** `archlens compare` as text: the candidates, then one row of figures per cut. */
export function comparisonToText(comparison: Comparison): string {
  const lines = [
    `Compare cuts of ${comparison.root} (${comparison.files} backend files)`,
    '',
    `Candidate modules (Louvain over the folder graph, modularity ${comparison.modularity}):`,
  ];
  const width = Math.max(4, ...comparison.candidates.map((c) => c.name.length));
  const pathWidth = Math.max(4, ...comparison.candidates.map((c) => c.path.length));
  lines.push(`  ${'name'.padEnd(width)}  ${'path'.padEnd(pathWidth)}  files  cohesion  public surface`);
  for (const c of comparison.candidates) {
    const surface =
      c.publicSurface.length === 0
        ? '-'
        : `${c.publicSurface.length} file${c.publicSurface.length === 1 ? '' : 's'} (${c.publicSurface[0]?.file}${c.publicSurface.length > 1 ? ', …' : ''})`;
    lines.push(
      `  ${c.name.padEnd(width)}  ${c.path.padEnd(pathWidth)}  ${String(c.files.length).padStart(5)}  ${c.cohesion.toFixed(2).padStart(8)}  ${surface}`,
    );
  }
  lines.push('', ...figuresTable(comparison.cuts), '');
  for (const cut of comparison.cuts) {
    const f = cut.figures;
    if (f.cycles.length > 0)
      lines.push(`${cut.label}: cycles ${f.cycles.map((c) => c.join(' ↔ ')).join('; ')}`);
    for (const shared of f.sharedDatabases)
      lines.push(`${cut.label}: ${shared.database} shared by ${shared.parts.join(', ')}`);
  }
  lines.push('', 'Cost:');
  for (const cut of comparison.cuts) lines.push(`  ${cut.label}: ${cut.figures.costDefinition}`);
  for (const note of comparison.notes) lines.push('', note);
  return lines.join('\n') + '\n';
}

function figuresTable(cuts: readonly Cut[]): string[] {
  const header = [
    'cut',
    'parts',
    'crossed',
    'type-only',
    'cycles',
    'shared DBs',
    'shared code',
    'moves',
    'cost',
  ];
  const rows = cuts.map((cut) => {
    const f = cut.figures;
    return [
      cut.label,
      String(f.parts),
      String(f.crossedEdges),
      String(f.crossedTypeEdges),
      String(f.cycles.length),
      String(f.sharedDatabases.length),
      String(f.sharedCode.length),
      String(f.moves),
      String(f.cost),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    '  ' +
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), ...rows.map(line)];
}
