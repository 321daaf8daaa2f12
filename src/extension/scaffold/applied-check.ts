import * as vscode from 'vscode';
import type { ScaffoldPlan } from '../../core/scaffold';

/**
 * Whether any change of a plan reached the workspace after `applyEdit`: a created file exists, or
 * an edited file no longer has the text the plan was made on. VS Code's refactor preview starts
 * with every confirmed change unticked, and Apply with nothing ticked writes nothing yet reports
 * success; this tells the two apart.
 */
export async function anyChangeApplied(root: vscode.Uri, plan: ScaffoldPlan): Promise<boolean> {
  for (const file of plan.files) {
    const uri = vscode.Uri.joinPath(root, ...file.path.split('/'));
    if (file.action === 'create') {
      try {
        await vscode.workspace.fs.stat(uri);
        return true;
      } catch {
        continue;
      }
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open
      ? open.getText()
      : new TextDecoder().decode(
          await vscode.workspace.fs.readFile(uri).then(undefined, () => new Uint8Array()),
        );
    if (text !== file.original) return true;
  }
  return false;
}
