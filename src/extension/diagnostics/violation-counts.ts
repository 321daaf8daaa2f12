import * as vscode from 'vscode';
import type { TreeNode } from '../../core/views/tree-node';
import { DisposableStore } from '../util/dispose';
import type { ViolationDiagnostics } from './violation-diagnostics';

/**
 * The number of boundary-rule violations where a user looks: a badge on the Architecture view
 * and a status bar item that opens the Problems panel.
 */
export function showViolationCounts(
  diagnostics: ViolationDiagnostics,
  architectureView: vscode.TreeView<TreeNode>,
): vscode.Disposable & { shown(): ViolationCountsShown } {
  const store = new DisposableStore();
  const status = store.add(
    vscode.window.createStatusBarItem('archlens.violations', vscode.StatusBarAlignment.Left, 9),
  );
  status.name = 'ArchLens: boundary violations';
  status.command = 'workbench.actions.view.problems';
  let visible = false;
  const show = (): void => {
    const folders = diagnostics.folders;
    const shown = folders.flatMap((f) => f.shown);
    const errors = shown.filter((v) => v.severity === 'error').length;
    const warnings = shown.length - errors;
    const known = folders.reduce((n, f) => n + f.known, 0);
    const problems = folders.flatMap((f) => (f.baselineProblem ? [f.baselineProblem] : []));
    const summary = `${shown.length} boundary violation${shown.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})${known > 0 ? `, ${known} known in the baseline` : ''}`;
    architectureView.badge =
      shown.length > 0 ? { value: shown.length, tooltip: `ArchLens: ${summary}` } : undefined;
    if (folders.length === 0) {
      status.hide();
      visible = false;
      return;
    }
    status.text =
      shown.length === 0
        ? '$(pass) 0 violations'
        : `$(error) ${shown.length} violation${shown.length === 1 ? '' : 's'}`;
    status.tooltip = `ArchLens: ${summary}. Click for the Problems panel.${problems.length > 0 ? `\n${problems.join('\n')}` : ''}`;
    status.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    status.show();
    visible = true;
  };
  store.add(diagnostics.onDidChange(show));
  show();
  return Object.assign(store, {
    shown: (): ViolationCountsShown => ({
      ...(architectureView.badge ? { badge: architectureView.badge.value } : {}),
      ...(visible
        ? { status: status.text, statusTooltip: typeof status.tooltip === 'string' ? status.tooltip : '' }
        : {}),
    }),
  });
}

/** What the counts show now: the Architecture view's badge, and the status bar item while it is shown. */
export interface ViolationCountsShown {
  readonly badge?: number;
  readonly status?: string;
  readonly statusTooltip?: string;
}
