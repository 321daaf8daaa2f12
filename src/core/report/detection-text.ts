import type { DetectionResult, Evidence } from '../model';
import { PATTERN_NAMES } from './pattern-names';
import { systemLines } from './system-lines';

const MAX_EVIDENCE = 8;

/** A plain-text report for a terminal: patterns by score with their evidence, then the units. */
export function detectionToText(result: DetectionResult): string {
  const lines: string[] = [];
  lines.push(`ArchLens: ${result.root}`);
  lines.push(`Primary pattern: ${result.primary ? PATTERN_NAMES[result.primary] : 'none detected'}`);
  lines.push('');
  for (const pattern of result.patterns) {
    lines.push(
      `${pattern.verdict.padEnd(7)} ${pattern.score.toFixed(2)}  ${PATTERN_NAMES[pattern.id]} (${pattern.id})`,
    );
    if (pattern.verdict === 'no' && pattern.evidence.length === 0 && pattern.counterEvidence.length === 0)
      continue;
    lines.push(...evidenceLines('+', pattern.evidence), ...evidenceLines('-', pattern.counterEvidence));
  }
  const { deployables, modules, layers } = result.units;
  lines.push('', 'System', ...systemLines(result.system, '  '));
  lines.push('', 'Units');
  lines.push(`  Deployables (${deployables.length})`);
  for (const d of deployables) lines.push(`    ${d.name}  ${d.path}  [${d.kind}]`);
  lines.push(`  Modules (${modules.length})`);
  for (const m of modules) lines.push(`    ${m.name}  ${m.path}`);
  lines.push(`  Layers (${layers.length})`);
  for (const l of layers) lines.push(`    ${l.name}: ${l.paths.join(', ')}`);
  return lines.join('\n') + '\n';
}

function evidenceLines(sign: string, items: readonly Evidence[]): string[] {
  const shown = items.slice(0, MAX_EVIDENCE).map((e) => `          ${sign} ${location(e)}: ${e.message}`);
  if (items.length > MAX_EVIDENCE)
    shown.push(`          ${sign} … ${items.length - MAX_EVIDENCE} more (see --json)`);
  return shown;
}

function location(evidence: Evidence): string {
  return evidence.line === undefined ? evidence.file : `${evidence.file}:${evidence.line}`;
}
