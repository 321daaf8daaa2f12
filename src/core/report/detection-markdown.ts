import type { DetectionResult, Evidence } from '../model';
import { PATTERN_NAMES } from './pattern-names';
import { systemLines } from './system-lines';

const MAX_EVIDENCE = 10;

/** A Markdown report to paste into a pull request or an issue. */
export function detectionToMarkdown(result: DetectionResult): string {
  const out: string[] = [];
  out.push('## ArchLens architecture report', '');
  out.push(`**Primary pattern:** ${result.primary ? PATTERN_NAMES[result.primary] : 'none detected'}`, '');
  out.push('| Pattern | Verdict | Score |', '| --- | --- | ---: |');
  for (const p of result.patterns)
    out.push(`| ${PATTERN_NAMES[p.id]} | ${p.verdict} | ${p.score.toFixed(2)} |`);
  for (const p of result.patterns) {
    if (p.evidence.length === 0 && p.counterEvidence.length === 0) continue;
    out.push('', `### ${PATTERN_NAMES[p.id]}: ${p.verdict} (${p.score.toFixed(2)})`, '');
    for (const e of p.evidence.slice(0, MAX_EVIDENCE)) out.push(`- ✅ ${item(e)}`);
    for (const e of p.counterEvidence.slice(0, MAX_EVIDENCE)) out.push(`- ⚠️ ${item(e)}`);
    const hidden =
      Math.max(0, p.evidence.length - MAX_EVIDENCE) + Math.max(0, p.counterEvidence.length - MAX_EVIDENCE);
    if (hidden > 0) out.push(`- … ${hidden} more`);
  }
  const { deployables, modules, layers } = result.units;
  out.push('', '### System', '', '```', ...systemLines(result.system, ''), '```');
  out.push('', '### Units', '');
  out.push(
    `- **Deployables (${deployables.length}):** ${deployables.map((d) => `${cell(d.name)} (\`${cell(d.path)}\`, ${d.kind})`).join(', ') || 'none'}`,
  );
  out.push(
    `- **Modules (${modules.length}):** ${modules.map((m) => `${cell(m.name)} (\`${cell(m.path)}\`)`).join(', ') || 'none'}`,
  );
  out.push(
    `- **Layers (${layers.length}):** ${layers.map((l) => `${cell(l.name)}: ${l.paths.map((p) => `\`${cell(p)}\``).join(', ')}`).join('; ') || 'none'}`,
  );
  return out.join('\n') + '\n';
}

function item(e: Evidence): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}`;
  return `\`${cell(where)}\` — ${cell(e.message)}`;
}

/** Keeps user-controlled text (file names, messages) from breaking the table or the code spans. */
function cell(text: string): string {
  return text
    .replace(/\|/g, '\\|')
    .replace(/`/g, "'")
    .replace(/[\r\n]+/g, ' ');
}
