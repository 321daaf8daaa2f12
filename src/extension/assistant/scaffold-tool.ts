import * as vscode from 'vscode';
import { planScaffold, ScaffoldError, type ScaffoldPlan, type ScaffoldRequest } from '../../core/scaffold';
import { workspaceRelative } from '../../core/assistant/workspace-paths';
import type { AnalysisSession, FolderAnalysis } from '../session';
import { applyScaffold } from '../scaffold/scaffold-command';
import { OpenDocumentsFileSystem } from '../scaffold/open-documents-file-system';
import { analysisForTool } from './tool-analysis';
import { scaffoldConfirmation } from './scaffold-confirmation';
import { scaffoldToolInput } from './scaffold-tool-input';
import { SCAFFOLD_TOOL_NAME } from './tool-contributions';

/**
 * The language-model tool that writes: it plans the scaffold when asked, shows the plan in the
 * confirmation VS Code puts before the user, and applies it through the Scaffold command's own
 * path (the refactor preview, when `archlens.scaffold.preview` is on). Never without the user.
 */
export function registerScaffoldTool(session: AnalysisSession): vscode.Disposable {
  return vscode.lm.registerTool<object>(SCAFFOLD_TOOL_NAME, {
    async prepareInvocation(options) {
      const analysis = await analysisForTool(session);
      const request = requestOf(analysis, options.input);
      const plan = await planned(analysis, request);
      const confirmation = scaffoldConfirmation(request, plan);
      return {
        invocationMessage: `ArchLens: scaffolding ${request.kind} ${request.name}…`,
        confirmationMessages: {
          title: confirmation.title,
          message: new vscode.MarkdownString(confirmation.markdown),
        },
      };
    },
    async invoke(options) {
      const analysis = await analysisForTool(session);
      const request = requestOf(analysis, options.input);
      const plan = await planned(analysis, request);
      const applied = await applyScaffold(analysis, request);
      const files = plan.files.map((f) => `${f.action === 'create' ? 'created' : 'edited'} ${f.path}`);
      const text = applied
        ? [
            `Scaffolded the ${request.kind} ${request.name}:`,
            ...files.map((f) => `- ${f}`),
            ...(plan.messages ?? []).map((m) => `- ${m}`),
          ].join('\n')
        : `Nothing was written: the user did not apply the scaffold of ${request.kind} ${request.name} (or it could not be applied).`;
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text + '\n')]);
    },
  });
}

function requestOf(analysis: FolderAnalysis, input: unknown): ScaffoldRequest {
  const parsed = scaffoldToolInput.safeParse(input ?? {});
  if (!parsed.success)
    throw new Error(
      `Bad input for ${SCAFFOLD_TOOL_NAME}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`,
    );
  const { kind, name, for: forName, folder } = parsed.data;
  const root = analysis.model.root;
  return {
    kind,
    name,
    ...(forName === undefined ? {} : { for: forName }),
    ...(folder === undefined ? {} : { folder: workspaceRelative(root, folder, 'folder') }),
  };
}

async function planned(analysis: FolderAnalysis, request: ScaffoldRequest): Promise<ScaffoldPlan> {
  try {
    return await planScaffold(
      { fs: new OpenDocumentsFileSystem(), model: analysis.model, detection: analysis.detection },
      request,
    );
  } catch (error) {
    if (error instanceof ScaffoldError) throw new Error(error.message);
    throw error;
  }
}
