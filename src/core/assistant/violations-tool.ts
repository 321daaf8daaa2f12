import { z } from 'zod';
import { RULE_IDS } from '../rules';
import { isUnder } from '../units/paths';
import { bounded, code, detailInput, limitInput, omittedLine } from './bounds';
import type { AssistantTool } from './tool-types';
import { workspaceRelative } from './workspace-paths';

const input = z
  .object({
    file: z
      .string()
      .min(1)
      .optional()
      .describe('Only violations in this file or under this folder (relative to the root).'),
    rule: z.enum(RULE_IDS).optional().describe('Only violations of this rule.'),
    detail: detailInput,
    limit: limitInput,
  })
  .strict();

/** `violations`: the current boundary violations, filterable by file and rule. */
export const violationsTool: AssistantTool<typeof input> = {
  name: 'violations',
  title: 'Boundary violations',
  description:
    "The imports that break the boundary rules of the detected architecture now (what `archlens check` reports, without a baseline): file:line, the rule, the reason, and the fix when there is one (import through a module's public file). Filter by `file` (a file or folder) and `rule`. Use it before and after a change to see what it broke or fixed.",
  input,
  run(ws, args) {
    const scope = args.file === undefined ? undefined : workspaceRelative(ws.root, args.file, 'file');
    const report = ws.rules;
    const matching = report.violations.filter(
      (v) =>
        (scope === undefined || isUnder(v.file, scope)) && (args.rule === undefined || v.rule === args.rule),
    );
    const { shown, omitted } = bounded(matching, args.limit);
    const byRule = new Map<string, number>();
    for (const v of matching) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
    const full = args.detail === 'full';
    const where = [scope && `in ${code(scope)}`, args.rule && `of ${args.rule}`].filter(Boolean).join(' ');
    const lines = [
      matching.length === 0
        ? `No boundary violations${where ? ` ${where}` : ''}.`
        : `${matching.length} boundary violation${matching.length === 1 ? '' : 's'}${where ? ` ${where}` : ''}: ${[...byRule].map(([rule, n]) => `${n} ${rule}`).join(', ')}.`,
      ...shown.flatMap((v) => [
        `- ${v.file}:${v.line}:${v.column} ${v.severity} [${v.rule}] ${full ? v.message : firstSentence(v.message)}`,
        ...(v.fix?.kind === 'public-face'
          ? [
              `  fix: import from ${code(v.fix.publicFile)}${v.fix.exported ? '' : ' (after re-exporting it there)'}`,
            ]
          : v.fix?.kind === 'move-to-adapters'
            ? [`  fix: move the file to ${code(v.fix.destination)}`]
            : []),
      ]),
      ...omittedLine(omitted, 'violations'),
      ...(report.checked.length > 0
        ? [`Rules checked: ${report.checked.map((c) => `${c.pattern} (${c.units})`).join('; ')}.`]
        : []),
      ...(report.suppressed > 0
        ? [`${report.suppressed} left out by archlens.config.json (allowed or off).`]
        : []),
    ];
    return {
      text: lines.join('\n') + '\n',
      data: {
        total: matching.length,
        byRule: Object.fromEntries(byRule),
        violations: shown.map((v) => ({
          file: v.file,
          line: v.line,
          column: v.column,
          rule: v.rule,
          severity: v.severity,
          specifier: v.specifier,
          target: v.target,
          message: v.message,
          ...(v.fix?.kind === 'public-face' ? { importInstead: v.fix.publicFile } : {}),
          ...(v.fix?.kind === 'move-to-adapters' ? { moveTo: v.fix.destination } : {}),
          ...(full ? { evidence: v.evidence.map((e) => ({ file: e.file, message: e.message })) } : {}),
        })),
        omitted,
        checked: report.checked.map((c) => ({
          pattern: c.pattern,
          units: c.units,
          verdict: c.basis.verdict,
        })),
        suppressed: report.suppressed,
      },
    };
  },
};

/** The message up to its first `: ` clause end, for a summary line. */
function firstSentence(message: string): string {
  const cut = message.indexOf(' (The ');
  return cut > 0 ? message.slice(0, cut) : message;
}
