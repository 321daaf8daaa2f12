import type { ScaffoldPlan, ScaffoldRequest } from '../../core/scaffold';

/**
 * What VS Code shows the user before the scaffold tool runs: the block asked for, every file the
 * plan creates or edits, and the plan's notes. No `vscode` here.
 */
export function scaffoldConfirmation(
  request: ScaffoldRequest,
  plan: ScaffoldPlan,
): { title: string; markdown: string } {
  return {
    title: `ArchLens: scaffold ${request.kind} ${request.name}?`,
    markdown: [
      `ArchLens will scaffold the ${request.kind} **${request.name}**${request.for ? ` for \`${request.for}\`` : ''}:`,
      '',
      ...plan.files.map((f) => `- ${f.action === 'create' ? 'create' : 'edit'} \`${f.path}\``),
      ...(plan.messages ?? []).map((m) => `- ${m}`),
      '',
      'With `archlens.scaffold.preview` on, each change is shown in the refactor preview before it is written.',
    ].join('\n'),
  };
}
