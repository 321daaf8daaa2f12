import * as vscode from 'vscode';
import {
  BASELINE_FILE_NAME,
  compareWithBaseline,
  parseBaseline,
  ruleHelpUri,
  type Baseline,
  type Violation,
} from '../../core/rules';
import type { AnalysisSession, FolderAnalysis } from '../session';
import { DisposableStore } from '../util/dispose';

const NONE: readonly Violation[] = [];

/** The violations shown for one folder: new ones as diagnostics, and how many the baseline knows. */
export interface FolderViolations {
  readonly folder: vscode.WorkspaceFolder;
  readonly shown: readonly Violation[];
  readonly known: number;
  /** Why the baseline could not be used, when it could not. */
  readonly baselineProblem?: string;
}

/**
 * Boundary-rule violations as diagnostics in the Problems panel: on the import's specifier,
 * source `ArchLens`, code = rule id linking to the rule's section of the README, the units the
 * rule rests on as related information. Refreshed with each analysis; violations known to
 * archlens.baseline.json are left out, as `archlens check` leaves them out.
 */
export class ViolationDiagnostics implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly collection = this.disposables.add(vscode.languages.createDiagnosticCollection('archlens'));
  private readonly byFolder = new Map<string, FolderViolations>();
  private readonly changed = this.disposables.add(new vscode.EventEmitter<void>());
  /** Per folder: the latest refresh, so a slow baseline read never overwrites a newer one. */
  private readonly generations = new Map<string, number>();

  /** Fires after the diagnostics changed. */
  readonly onDidChange = this.changed.event;

  constructor(session: AnalysisSession) {
    this.disposables.add(session.onDidChange((analysis) => void this.refresh(analysis)));
    // An update's rules over the changed imports come first, before detection ran again.
    this.disposables.add(session.onDidRecheckRules((analysis) => void this.refresh(analysis)));
    this.disposables.add(
      session.onDidChangeFolders(() => {
        const open = new Set((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()));
        for (const key of [...this.byFolder.keys()]) if (!open.has(key)) this.byFolder.delete(key);
        this.publish();
      }),
    );
    const watcher = this.disposables.add(
      vscode.workspace.createFileSystemWatcher(`**/${BASELINE_FILE_NAME}`),
    );
    const rebase = (): void => {
      for (const analysis of session.all) void this.refresh(analysis);
    };
    this.disposables.add(watcher.onDidChange(rebase));
    this.disposables.add(watcher.onDidCreate(rebase));
    this.disposables.add(watcher.onDidDelete(rebase));
    for (const analysis of session.all) void this.refresh(analysis);
  }

  /** Every folder's violations as shown now. */
  get folders(): readonly FolderViolations[] {
    return [...this.byFolder.values()];
  }

  /** The violations shown for one folder (the same array until they change). */
  shownIn(folder: vscode.WorkspaceFolder): readonly Violation[] {
    return this.byFolder.get(folder.uri.toString())?.shown ?? NONE;
  }

  /** The shown violations of one file, with their diagnostics. */
  violationsAt(
    uri: vscode.Uri,
  ): readonly { readonly violation: Violation; readonly diagnostic: vscode.Diagnostic }[] {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const entry = folder && this.byFolder.get(folder.uri.toString());
    if (!entry || !folder) return [];
    const rel = relativePath(folder, uri);
    const diagnostics = this.collection.get(uri) ?? [];
    return entry.shown
      .filter((v) => v.file === rel)
      .flatMap((violation) => {
        const diagnostic = diagnostics.find((d) => isFor(d, violation));
        return diagnostic ? [{ violation, diagnostic }] : [];
      });
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private async refresh(analysis: FolderAnalysis): Promise<void> {
    const key = analysis.folder.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const { baseline, problem } = await readBaseline(analysis.folder);
    if (this.generations.get(key) !== generation) return;
    const comparison = compareWithBaseline(analysis.rules, baseline);
    this.byFolder.set(key, {
      folder: analysis.folder,
      shown: comparison.fresh,
      known: comparison.known.length,
      ...(problem !== undefined ? { baselineProblem: problem } : {}),
    });
    this.publish();
  }

  private publish(): void {
    this.collection.clear();
    const perFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const { folder, shown } of this.byFolder.values()) {
      for (const violation of shown) {
        const uri = vscode.Uri.joinPath(folder.uri, ...violation.file.split('/'));
        const entry = perFile.get(uri.toString()) ?? { uri, diagnostics: [] };
        entry.diagnostics.push(toDiagnostic(folder, violation));
        perFile.set(uri.toString(), entry);
      }
    }
    for (const { uri, diagnostics } of perFile.values()) this.collection.set(uri, diagnostics);
    this.changed.fire();
  }
}

/** The diagnostic of a violation: the specifier's range (quotes included), severity, code with its help link. */
export function toDiagnostic(folder: vscode.WorkspaceFolder, violation: Violation): vscode.Diagnostic {
  const start = new vscode.Position(violation.line - 1, violation.column - 1);
  const range = new vscode.Range(start, start.translate(0, violation.specifier.length + 2));
  const diagnostic = new vscode.Diagnostic(
    range,
    violation.message,
    violation.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = 'ArchLens';
  diagnostic.code = { value: violation.rule, target: vscode.Uri.parse(ruleHelpUri(violation.rule)) };
  diagnostic.relatedInformation = violation.evidence.map(
    (e) =>
      new vscode.DiagnosticRelatedInformation(
        new vscode.Location(
          vscode.Uri.joinPath(folder.uri, ...(e.file === '.' ? [] : e.file.split('/'))),
          new vscode.Position(Math.max(0, (e.line ?? 1) - 1), 0),
        ),
        e.message,
      ),
  );
  return diagnostic;
}

/** Whether a diagnostic is the one of this violation. */
export function isFor(diagnostic: vscode.Diagnostic, violation: Violation): boolean {
  const code = diagnostic.code;
  return (
    diagnostic.source === 'ArchLens' &&
    typeof code === 'object' &&
    code.value === violation.rule &&
    diagnostic.range.start.line === violation.line - 1 &&
    diagnostic.range.start.character === violation.column - 1
  );
}

async function readBaseline(
  folder: vscode.WorkspaceFolder,
): Promise<{ baseline?: Baseline; problem?: string }> {
  const uri = vscode.Uri.joinPath(folder.uri, BASELINE_FILE_NAME);
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return {};
  }
  try {
    return { baseline: parseBaseline(new TextDecoder().decode(bytes)) };
  } catch (error) {
    return {
      problem: `${BASELINE_FILE_NAME} is not usable: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.replace(/\/$/, '');
  return uri.path.startsWith(base + '/') ? uri.path.slice(base.length + 1) : uri.path;
}
