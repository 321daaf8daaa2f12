import * as vscode from 'vscode';
import type { DirEntry, FileStat, FileSystemPort } from '../../core/ports';
import { NodeFileSystem } from '../../node/node-file-system';
import { toPosixPath } from '../../node/paths';

/**
 * The disk as the editor shows it: files open in an editor are read from their documents (saved
 * or not), the rest from disk. A scaffold planned on it edits what the user sees, and the offsets
 * of a code action's range mean the same text the core parses.
 */
export class OpenDocumentsFileSystem implements FileSystemPort {
  private readonly disk = new NodeFileSystem();
  private readonly open = new Map<string, vscode.TextDocument>();

  constructor(documents: readonly vscode.TextDocument[] = vscode.workspace.textDocuments) {
    for (const doc of documents) {
      if (doc.uri.scheme === 'file') this.open.set(this.disk.realpath(toPosixPath(doc.uri.fsPath)), doc);
    }
  }

  /** The canonical POSIX path of a document (as the model's root is canonical). */
  pathOf(uri: vscode.Uri): string {
    return this.disk.realpath(toPosixPath(uri.fsPath));
  }

  readFile(path: string): Uint8Array | undefined {
    const doc = this.open.get(this.disk.realpath(path));
    return doc ? new TextEncoder().encode(doc.getText()) : this.disk.readFile(path);
  }

  readDirectory(path: string): readonly DirEntry[] | undefined {
    return this.disk.readDirectory(path);
  }

  stat(path: string): FileStat | undefined {
    return this.disk.stat(path);
  }

  realpath(path: string): string {
    return this.disk.realpath(path);
  }
}
