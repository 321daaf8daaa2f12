import * as vscode from 'vscode';
import type { ExportMessage } from '../../shared/protocol';

/** What an export needs from the panel: the Mermaid text, its title, and where to propose saving. */
export interface ExportContext {
  readonly mermaid: string;
  readonly title: string;
  readonly view: string;
  readonly folder: vscode.Uri | undefined;
}

/** Copies the Mermaid text, or asks where to save Markdown, SVG or PNG and writes it there. */
export async function exportDiagram(message: ExportMessage, context: ExportContext): Promise<void> {
  switch (message.format) {
    case 'copyMermaid':
      await vscode.env.clipboard.writeText(context.mermaid);
      void vscode.window.showInformationMessage('ArchLens: Mermaid text copied.');
      return;
    case 'markdown':
      await save(
        context,
        'md',
        { Markdown: ['md'] },
        new TextEncoder().encode(`# ${context.title}\n\n\`\`\`mermaid\n${context.mermaid}\`\`\`\n`),
      );
      return;
    case 'svg':
      if (!/^<svg[\s>]/.test(message.data)) throw new Error('the webview sent something that is not an SVG');
      await save(context, 'svg', { SVG: ['svg'] }, new TextEncoder().encode(message.data));
      return;
    case 'png':
      await save(
        context,
        'png',
        { PNG: ['png'] },
        Buffer.from(message.data.slice(message.data.indexOf(',') + 1), 'base64'),
      );
      return;
  }
}

async function save(
  context: ExportContext,
  extension: string,
  filters: Record<string, string[]>,
  bytes: Uint8Array,
): Promise<void> {
  const name = `architecture-${context.view}.${extension}`;
  const target = await vscode.window.showSaveDialog({
    ...(context.folder ? { defaultUri: vscode.Uri.joinPath(context.folder, name) } : {}),
    filters,
    title: `Save the ${context.view} diagram`,
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(`ArchLens: saved ${vscode.workspace.asRelativePath(target)}.`);
}
