import type * as vscode from 'vscode';
import type { TreeNode } from '../../core/views/tree-node';
import type { AnalysisSession } from '../session';
import { DisposableStore } from '../util/dispose';
import { showViolationCounts, type ViolationCountsShown } from './violation-counts';
import { ViolationDiagnostics } from './violation-diagnostics';
import { registerViolationFixes } from './violation-fixes';

export { ViolationDiagnostics } from './violation-diagnostics';
export type { ViolationCountsShown } from './violation-counts';

/** The boundary rules in the editor: diagnostics, their counts on the Architecture view and the status bar, and quick-fixes. */
export function registerBoundaryRules(
  session: AnalysisSession,
  architectureView: vscode.TreeView<TreeNode>,
): vscode.Disposable & {
  readonly diagnostics: ViolationDiagnostics;
  readonly counts: () => ViolationCountsShown;
} {
  const store = new DisposableStore();
  const diagnostics = store.add(new ViolationDiagnostics(session));
  const counts = store.add(showViolationCounts(diagnostics, architectureView));
  store.add(registerViolationFixes(session, diagnostics));
  return Object.assign(store, { diagnostics, counts: () => counts.shown() });
}
