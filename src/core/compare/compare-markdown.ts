import type { Comparison, Cut } from './types';

/** How many moves, crossed links and shared parts the plan lists before saying how many more. */
const LIST_LIMIT = 50;

/**
 * The comparison as Markdown: the figures of each cut, the candidate modules, and the plan of
 * each proposed cut — the files that move (by destination), the cycles to break, the crossed
 * imports to turn into calls through a public surface (or, for microservices, into network
 * calls or messages), and the shared databases to split.
 */
export function comparisonToMarkdown(comparison: Comparison): string {
  const out: string[] = ['# Architecture compared: today, modular monolith, microservices', ''];
  out.push(`${comparison.files} backend files. ${comparison.notes.join(' ')}`.trim(), '');
  out.push(
    '| Cut | Parts | Crossed imports | Type-only | Cycles | Shared databases | Shared code | Moves | Cost |',
  );
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const cut of comparison.cuts) {
    const f = cut.figures;
    out.push(
      `| ${cut.label} | ${f.parts} | ${f.crossedEdges} | ${f.crossedTypeEdges} | ${f.cycles.length} | ${f.sharedDatabases.length} | ${f.sharedCode.length} | ${f.moves} | ${f.cost} |`,
    );
  }
  out.push('', '**Cost.**', '');
  for (const cut of comparison.cuts) out.push(`- ${cut.label}: ${cut.figures.costDefinition}.`);
  out.push(
    '',
    `## Candidate modules`,
    '',
    `Louvain community detection over the folder graph (modularity ${comparison.modularity}); files of one folder stay together and no candidate spans two packages.`,
    '',
  );
  out.push('| Module | Folder | Files | Cohesion | Public surface |', '| --- | --- | ---: | ---: | --- |');
  for (const c of comparison.candidates) {
    const surface = c.publicSurface
      .slice(0, 3)
      .map((s) => `\`${s.file}\` (${s.importers})`)
      .join(', ');
    const more = c.publicSurface.length > 3 ? `, and ${c.publicSurface.length - 3} more` : '';
    out.push(
      `| ${cell(c.name)} | \`${cell(c.path)}\` | ${c.files.length} | ${c.cohesion.toFixed(2)} | ${surface === '' ? '—' : surface + more} |`,
    );
  }
  for (const cut of comparison.cuts) if (cut.id !== 'today') out.push('', ...plan(cut));
  return out.join('\n') + '\n';
}

function plan(cut: Cut): string[] {
  const out = [`## Plan: ${cut.label.toLowerCase()}`, ''];
  const f = cut.figures;
  out.push(`### 1. Move ${f.moves} file${f.moves === 1 ? '' : 's'}`, '');
  if (cut.moves.length === 0) out.push('No file changes module.');
  let destination = '';
  for (const move of cut.moves.slice(0, LIST_LIMIT)) {
    if (move.to !== destination) {
      destination = move.to;
      out.push(`- Into **${cell(move.to)}**:`);
    }
    out.push(`  - [ ] \`${move.file}\` (from ${move.from})`);
  }
  if (cut.moves.length > LIST_LIMIT) out.push(`- … and ${cut.moves.length - LIST_LIMIT} more files.`);
  out.push('', `### 2. Break ${f.cycles.length} cycle${f.cycles.length === 1 ? '' : 's'}`, '');
  if (f.cycles.length === 0) out.push('No cycle between the parts.');
  for (const cycle of f.cycles) {
    const weakest = cut.links
      .filter((l) => l.inCycle && cycle.includes(l.from) && cycle.includes(l.to))
      .sort((a, b) => a.count - b.count)[0];
    out.push(
      `- [ ] ${cycle.join(' ↔ ')}${weakest ? `: the lightest link is ${weakest.from} → ${weakest.to} (${weakest.count} import${weakest.count === 1 ? '' : 's'}, e.g. \`${weakest.example.file}:${weakest.example.line}\`)` : ''}`,
    );
  }
  const verb =
    cut.id === 'microservices' ? 'Turn into network calls or messages' : 'Route through the public surface';
  const runtime = cut.links.filter((l) => !l.typeOnly);
  out.push('', `### 3. ${verb}: ${f.crossedEdges} crossed import${f.crossedEdges === 1 ? '' : 's'}`, '');
  if (runtime.length === 0) out.push('No runtime import crosses a part.');
  for (const link of runtime.slice(0, LIST_LIMIT))
    out.push(
      `- [ ] ${link.from} → ${link.to}: ${link.count} (e.g. \`${link.example.file}:${link.example.line}\` imports \`${link.example.text}\`)`,
    );
  if (runtime.length > LIST_LIMIT) out.push(`- … and ${runtime.length - LIST_LIMIT} more pairs.`);
  if (cut.id === 'microservices') {
    out.push(
      '',
      `### 4. Split ${f.sharedDatabases.length} shared database${f.sharedDatabases.length === 1 ? '' : 's'}`,
      '',
    );
    if (f.sharedDatabases.length === 0) out.push('No database is used by more than one part.');
    for (const shared of f.sharedDatabases)
      out.push(
        `- [ ] ${shared.database}: used by ${shared.parts.join(', ')}; give each service its own tables or database.`,
      );
  }
  if (f.sharedCode.length > 0) {
    out.push('', `### ${cut.id === 'microservices' ? 5 : 4}. Shared code`, '');
    for (const shared of f.sharedCode.slice(0, LIST_LIMIT))
      out.push(
        `- ${shared.part} is imported by ${shared.importers.length} parts (${shared.importers.join(', ')})${cut.id === 'microservices' ? ': a package versioned on its own, or duplicated' : ''}.`,
      );
  }
  return out;
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}
