import * as vscode from 'vscode';
import { scaffoldCodeActions, type ScaffoldCodeAction } from '../../core/scaffold';
import type { AnalysisSession } from '../session';
import { OpenDocumentsFileSystem } from './open-documents-file-system';
import { planToEdit } from './plan-to-edit';

/** The command a scaffolding code action runs after its edit: tells the user what was wired. */
export const SHOW_SCAFFOLD_MESSAGES = 'archlens.showScaffoldMessages';

const KINDS = {
  'quickfix.archlens': vscode.CodeActionKind.QuickFix.append('archlens'),
  'refactor.extract.archlens': vscode.CodeActionKind.RefactorExtract.append('archlens'),
  'refactor.rewrite.archlens': vscode.CodeActionKind.RefactorRewrite.append('archlens'),
} as const satisfies Record<ScaffoldCodeAction['kind'], vscode.CodeActionKind>;

/**
 * "Create adapter for `<Port>`", "Extract port from `<Class>`", "Create handler for `<Command>`":
 * the core decides where each applies and plans it; this maps the result to code actions whose
 * edit is one previewed `WorkspaceEdit` (one undo reverts it), or disabled with the reason.
 */
export class ScaffoldCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [
      vscode.CodeActionKind.QuickFix,
      vscode.CodeActionKind.RefactorExtract,
      vscode.CodeActionKind.RefactorRewrite,
    ],
  };

  constructor(private readonly session: AnalysisSession) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const analysis =
      folder && this.session.all.find((a) => a.folder.uri.toString() === folder.uri.toString());
    if (!analysis) return [];
    const fs = new OpenDocumentsFileSystem();
    const root = analysis.model.root;
    const abs = fs.pathOf(document.uri);
    if (!abs.startsWith(`${root}/`)) return [];
    const found = await scaffoldCodeActions(
      { fs, model: analysis.model, detection: analysis.detection },
      abs.slice(root.length + 1),
      { start: document.offsetAt(range.start), end: document.offsetAt(range.end) },
    );
    return found
      .filter((a) => !context.only || context.only.contains(KINDS[a.kind]))
      .map((a) => {
        const action = new vscode.CodeAction(a.title, KINDS[a.kind]);
        if (!a.plan) {
          action.disabled = { reason: a.problem ?? 'It cannot be made here.' };
          return action;
        }
        try {
          action.edit = planToEdit(analysis.folder.uri, a.plan, a.title);
        } catch (error) {
          // A file changed while the plan was made: offered with the reason, like a plan that failed.
          action.disabled = { reason: error instanceof Error ? error.message : String(error) };
          return action;
        }
        if (a.plan.messages && a.plan.messages.length > 0)
          action.command = {
            command: SHOW_SCAFFOLD_MESSAGES,
            title: a.title,
            arguments: [a.plan.messages],
          };
        return action;
      });
  }
}

/** Registers the provider for TypeScript files, and the command showing a plan's notes. */
export function registerScaffoldCodeActions(session: AnalysisSession): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(
      [
        { scheme: 'file', language: 'typescript' },
        { scheme: 'file', language: 'typescriptreact' },
      ],
      new ScaffoldCodeActionProvider(session),
      ScaffoldCodeActionProvider.metadata,
    ),
    vscode.commands.registerCommand(SHOW_SCAFFOLD_MESSAGES, (messages: unknown) => {
      if (Array.isArray(messages) && messages.length > 0)
        void vscode.window.showInformationMessage(`ArchLens: ${messages.map(String).join(' ')}`);
    }),
  );
}
