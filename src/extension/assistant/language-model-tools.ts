import * as vscode from 'vscode';
import { ASSISTANT_TOOLS, runAssistantTool, ToolInputError, type AssistantTool } from '../../core/assistant';
import type { AnalysisSession } from '../session';
import { analysisForTool, assistantWorkspaceOf } from './tool-analysis';
import { registerScaffoldTool } from './scaffold-tool';
import { TOOL_PREFIX } from './tool-contributions';

/**
 * Registers ArchLens's tools with VS Code's language-model API (contributed in package.json
 * under `languageModelTools`): the read-only tools of the core, and the scaffold tool that writes
 * only after the user confirms.
 */
export function registerLanguageModelTools(session: AnalysisSession): vscode.Disposable {
  return vscode.Disposable.from(
    ...ASSISTANT_TOOLS.map((tool) =>
      vscode.lm.registerTool(`${TOOL_PREFIX}${tool.name}`, readOnlyTool(session, tool)),
    ),
    registerScaffoldTool(session),
  );
}

function readOnlyTool(session: AnalysisSession, tool: AssistantTool): vscode.LanguageModelTool<object> {
  return {
    prepareInvocation: () => ({ invocationMessage: `ArchLens: ${tool.title.toLowerCase()}…` }),
    async invoke(options, token) {
      const analysis = await analysisForTool(session);
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      try {
        const answer = await runAssistantTool(assistantWorkspaceOf(analysis), tool.name, options.input);
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(answer.text)]);
      } catch (error) {
        // A question the workspace cannot answer is told to the model, which can ask again.
        if (error instanceof ToolInputError) throw new Error(error.message);
        throw error;
      }
    },
  };
}
