import type { CheckOutcome } from './check-outcome';
import type { CheckedPattern } from '../types';

/** A terminal report: new violations grouped by file (`line:column severity message [rule]`), then a summary. */
export function violationsToText(outcome: CheckOutcome): string {
  const { fresh, known, fixed } = outcome.comparison;
  const lines: string[] = [];
  let file = '';
  for (const v of fresh) {
    if (v.file !== file) {
      if (file !== '') lines.push('');
      file = v.file;
      lines.push(v.file);
    }
    lines.push(
      `  ${v.line}:${v.column}  ${v.severity === 'error' ? 'error' : 'warn '}  ${v.message}  [${v.rule}]`,
    );
  }
  if (fresh.length > 0) lines.push('');
  const errors = fresh.filter((v) => v.severity === 'error').length;
  const warnings = fresh.length - errors;
  lines.push(
    fresh.length === 0
      ? 'No new violations.'
      : `${fresh.length} new violation${fresh.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}).`,
  );
  if (outcome.baselineFile !== undefined) {
    lines.push(
      `${known.length} known violation${known.length === 1 ? '' : 's'} in ${outcome.baselineFile}${fixed > 0 ? `; ${fixed} of its entries no longer occur (archlens check --update-baseline drops them)` : ''}.`,
    );
  }
  if (outcome.report.suppressed > 0)
    lines.push(
      `${outcome.report.suppressed} left out by archlens.config.json (rules set to "off" or allowed edges).`,
    );
  lines.push(...checkedLines(outcome.report.checked));
  return lines.join('\n') + '\n';
}

function checkedLines(checked: readonly CheckedPattern[]): string[] {
  if (checked.length === 0)
    return [
      'No rules apply: no rings, modules, layers, services, command and query sides, functions or event consumers were found to keep.',
    ];
  return [
    'Rules checked:',
    ...checked.map((c) => {
      const basis = c.basis.pinned
        ? 'pinned in archlens.config.json'
        : `${c.basis.pattern} verdict ${c.basis.verdict} (${c.basis.score.toFixed(2)})${c.basis.weak ? ', weak: the rules follow the units found' : ''}`;
      return `  ${c.pattern}: ${c.units}; ${basis}`;
    }),
  ];
}
