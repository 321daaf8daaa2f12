/**
 * A tree for the sidebar as plain data: the extension maps each node to a `TreeItem`, unit tests
 * read it directly. Icons are codicon ids; `target` says what a click opens.
 */
export interface TreeNode {
  /** Stable across refreshes, so VS Code keeps expansion state. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  /** A codicon id (`pass`, `warning`, `circle-slash`, `folder`, …) and an optional theme colour id. */
  readonly icon?: { readonly id: string; readonly color?: string };
  /** What clicking does: open a file at a line, or reveal a folder. */
  readonly target?: TreeTarget;
  /** A `contextValue` for menus (`pattern`, `evidence`, `unit`, …). */
  readonly context?: string;
  readonly children?: readonly TreeNode[];
  /** Expanded on first show. */
  readonly expanded?: boolean;
}

export type TreeTarget =
  | { readonly kind: 'file'; readonly path: string; readonly line?: number }
  | { readonly kind: 'folder'; readonly path: string };
