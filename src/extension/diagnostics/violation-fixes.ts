// The ES module build: esbuild cannot follow the UMD build's dynamic requires.
import { applyEdits, modify, parse as parseJsonc } from 'jsonc-parser/lib/esm/main.js';
import * as vscode from 'vscode';
import {
  addToBaseline,
  BASELINE_FILE_NAME,
  baselineText,
  importedNames,
  parseBaseline,
  reexportLine,
  relativeSpecifier,
  type Baseline,
  type Violation,
} from '../../core/rules';
import { scaffoldCodeActions } from '../../core/scaffold';
import { OpenDocumentsFileSystem } from '../scaffold/open-documents-file-system';
import { planToEdit } from '../scaffold/plan-to-edit';
import type { AnalysisSession } from '../session';
import { moveToAdaptersAction } from './move-file-fix';
import type { ViolationDiagnostics } from './violation-diagnostics';

const CONFIG_FILE = 'archlens.config.json';
const FIX = vscode.CodeActionKind.QuickFix.append('archlens');
/** One kind per fix, so a keybinding (or a test) can ask for one: `quickfix.archlens.baseline`. */
export const FIX_KINDS = {
  publicFace: FIX.append('publicFace'),
  extractPort: FIX.append('extractPort'),
  moveToAdapters: FIX.append('moveToAdapters'),
  baseline: FIX.append('baseline'),
  allow: FIX.append('allow'),
} as const;

/**
 * Quick-fixes on a boundary-rule violation, each one undoable `WorkspaceEdit` shown in the
 * refactor preview (unless `archlens.scaffold.preview` is off): import through the module's
 * public face (adding the re-export when the face lacks it), *Extract port* for a core class
 * that imports an adapter, *Move file to the adapters ring* for a core file that imports an
 * adapter or a driver (its imports and its importers' follow), *Add to baseline* (archlens.baseline.json), *Allow this edge*
 * (archlens.config.json, comments kept).
 */
export class ViolationFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(
    private readonly session: AnalysisSession,
    private readonly diagnostics: ViolationDiagnostics,
  ) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    if (context.only && !context.only.contains(FIX) && !FIX.contains(context.only)) return [];
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder) return [];
    const preview = vscode.workspace
      .getConfiguration('archlens', folder.uri)
      .get<boolean>('scaffold.preview', true);
    const actions: vscode.CodeAction[] = [];
    for (const { violation, diagnostic } of this.diagnostics.violationsAt(document.uri)) {
      if (!diagnostic.range.intersection(range) && !diagnostic.range.contains(range.start)) continue;
      const fixes = [
        this.publicFace(folder, document, violation, preview),
        ...(await this.extractPort(folder, document, violation)),
        await this.moveToAdapters(folder, document, violation, preview),
        await this.addToBaseline(folder, violation, preview),
        await this.allowEdge(folder, violation, preview),
      ];
      for (const action of fixes) {
        if (!action) continue;
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
    }
    return actions;
  }

  /** Rewrites the specifier to the module's public file; adds the re-export there when it is missing. */
  private publicFace(
    folder: vscode.WorkspaceFolder,
    document: vscode.TextDocument,
    violation: Violation,
    preview: boolean,
  ): vscode.CodeAction | undefined {
    const fix = violation.fix;
    if (fix?.kind !== 'public-face') return undefined;
    const specifier = relativeSpecifier(violation.file, fix.publicFile);
    const title = `Import through the public face \`${specifier}\``;
    const edit = new vscode.WorkspaceEdit();
    const metadata = { needsConfirmation: preview, label: title };
    const start = new vscode.Position(violation.line - 1, violation.column);
    edit.replace(
      document.uri,
      new vscode.Range(start, start.translate(0, violation.specifier.length)),
      specifier,
      metadata,
    );
    if (!fix.exported) {
      const names = importedNames(document.lineAt(violation.line - 1).text, violation.specifier);
      const face = vscode.Uri.joinPath(folder.uri, ...fix.publicFile.split('/'));
      const faceText = openText(face);
      if (faceText === undefined) return undefined;
      const end = endOf(faceText);
      const prefix = faceText === '' || faceText.endsWith('\n') ? '' : '\n';
      edit.insert(face, end, prefix + reexportLine(fix.publicFile, violation.target, names), metadata);
    }
    const action = new vscode.CodeAction(title, FIX_KINDS.publicFace);
    action.edit = edit;
    action.isPreferred = true;
    return action;
  }

  /** The scaffold's *Extract port* for the core class that imports the adapter. */
  private async extractPort(
    folder: vscode.WorkspaceFolder,
    document: vscode.TextDocument,
    violation: Violation,
  ): Promise<vscode.CodeAction[]> {
    if (violation.rule !== 'hexagonal/core-imports-adapter') return [];
    const analysis = this.session.all.find((a) => a.folder.uri.toString() === folder.uri.toString());
    if (!analysis) return [];
    const text = document.getText();
    const found: vscode.CodeAction[] = [];
    for (const match of text.matchAll(/\bclass\s+[A-Za-z_$][\w$]*/g)) {
      const at = (match.index ?? 0) + 6;
      const actions = await scaffoldCodeActions(
        { fs: new OpenDocumentsFileSystem(), model: analysis.model, detection: analysis.detection },
        violation.file,
        { start: at, end: at },
      );
      for (const a of actions) {
        if (!a.title.startsWith('Extract port from') || !a.plan) continue;
        const action = new vscode.CodeAction(a.title, FIX_KINDS.extractPort);
        try {
          action.edit = planToEdit(folder.uri, a.plan, a.title);
        } catch (error) {
          action.disabled = { reason: error instanceof Error ? error.message : String(error) };
        }
        found.push(action);
      }
    }
    return found;
  }

  /** Moves a core file that imports an adapter or a driver into the adapter ring, imports updated. */
  private async moveToAdapters(
    folder: vscode.WorkspaceFolder,
    document: vscode.TextDocument,
    violation: Violation,
    preview: boolean,
  ): Promise<vscode.CodeAction | undefined> {
    const fix = violation.fix;
    if (fix?.kind !== 'move-to-adapters') return undefined;
    const analysis = this.session.all.find((a) => a.folder.uri.toString() === folder.uri.toString());
    if (!analysis) return undefined;
    return moveToAdaptersAction(
      folder,
      document,
      analysis.model.edges,
      violation,
      fix,
      FIX_KINDS.moveToAdapters,
      preview,
    );
  }

  /** Adds the violation to archlens.baseline.json (created when missing), sorted as `--update-baseline` writes it. */
  private async addToBaseline(
    folder: vscode.WorkspaceFolder,
    violation: Violation,
    preview: boolean,
  ): Promise<vscode.CodeAction | undefined> {
    const uri = vscode.Uri.joinPath(folder.uri, BASELINE_FILE_NAME);
    const current = await readText(uri);
    let baseline: Baseline | undefined;
    if (current !== undefined) {
      try {
        baseline = parseBaseline(current);
      } catch (error) {
        return disabled(
          FIX_KINDS.baseline,
          `Add to ${BASELINE_FILE_NAME}`,
          `${BASELINE_FILE_NAME} is not usable: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    const title = `Add to ${BASELINE_FILE_NAME} (known, reported only as a count)`;
    return replaceFile(
      FIX_KINDS.baseline,
      uri,
      current,
      baselineText(addToBaseline(baseline, violation)),
      title,
      preview,
    );
  }

  /** Adds `{ from, to, rule }` to `rules.allow` of archlens.config.json, keeping its comments and layout. */
  private async allowEdge(
    folder: vscode.WorkspaceFolder,
    violation: Violation,
    preview: boolean,
  ): Promise<vscode.CodeAction | undefined> {
    const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
    const current = await readText(uri);
    const text = current ?? '{}\n';
    const errors: { error: number; offset: number; length: number }[] = [];
    const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
    if (errors.length > 0 || value === null || typeof value !== 'object' || Array.isArray(value))
      return disabled(
        FIX_KINDS.allow,
        'Allow this edge',
        `${CONFIG_FILE} is not a valid JSON object: fix it first.`,
      );
    const rules = (value as { rules?: unknown }).rules;
    const allow =
      rules !== null && typeof rules === 'object' ? (rules as { allow?: unknown }).allow : undefined;
    const index = Array.isArray(allow) ? allow.length : undefined;
    const entry = { from: violation.file, to: violation.target, rule: violation.rule };
    const format = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };
    const edits =
      index === undefined
        ? modify(text, ['rules', 'allow'], [entry], format)
        : modify(text, ['rules', 'allow', index], entry, { ...format, isArrayInsertion: true });
    const next = applyEdits(text, edits);
    const title = `Allow this edge in ${CONFIG_FILE} (\`${violation.file}\` → \`${violation.target}\`)`;
    return replaceFile(
      FIX_KINDS.allow,
      uri,
      current,
      next.endsWith('\n') ? next : `${next}\n`,
      title,
      preview,
    );
  }
}

/** Registers the quick-fixes for script files. */
export function registerViolationFixes(
  session: AnalysisSession,
  diagnostics: ViolationDiagnostics,
): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'].map((language) => ({
      scheme: 'file',
      language,
    })),
    new ViolationFixProvider(session, diagnostics),
    ViolationFixProvider.metadata,
  );
}

/** One edit that writes `next` as the whole file: created when missing, else replaced. */
function replaceFile(
  kind: vscode.CodeActionKind,
  uri: vscode.Uri,
  current: string | undefined,
  next: string,
  title: string,
  preview: boolean,
): vscode.CodeAction {
  const edit = new vscode.WorkspaceEdit();
  const metadata = { needsConfirmation: preview, label: title };
  if (current === undefined)
    edit.createFile(
      uri,
      { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(next) },
      metadata,
    );
  else edit.replace(uri, new vscode.Range(new vscode.Position(0, 0), endOf(current)), next, metadata);
  const action = new vscode.CodeAction(title, kind);
  action.edit = edit;
  return action;
}

function disabled(kind: vscode.CodeActionKind, title: string, reason: string): vscode.CodeAction {
  const action = new vscode.CodeAction(title, kind);
  action.disabled = { reason };
  return action;
}

/** The text of a file as the user sees it (its open document, else the disk), or undefined when missing. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = openText(uri);
  if (open !== undefined) return open;
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

function openText(uri: vscode.Uri): string | undefined {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    // Files not open are read from disk, as the scaffold reads them.
    const fs = new OpenDocumentsFileSystem();
    const bytes = fs.readFile(fs.pathOf(uri));
    return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
}

function endOf(text: string): vscode.Position {
  const lines = text.split('\n');
  return new vscode.Position(lines.length - 1, (lines[lines.length - 1] ?? '').length);
}
