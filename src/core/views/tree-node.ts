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
  /** What clicking does: open a file at a line, reveal a folder, focus the diagram, or run a scaffold. */
  readonly target?: TreeTarget;
  /** A second action (an inline button), e.g. the scaffold of a step whose click opens a file. */
  readonly secondary?: TreeTarget;
  /** What "Show in Diagram" focuses on for this node. */
  readonly focus?: DiagramFocus;
  /** A `contextValue` for menus (`pattern`, `evidence`, `unit`, …). */
  readonly context?: string;
  readonly children?: readonly TreeNode[];
  /** Expanded on first show. */
  readonly expanded?: boolean;
}

/** The diagram views a focus can ask for (ids of the webview's view picker). */
export type FocusView = 'overview' | 'deps' | 'layers';

/**
 * A diagram focus, as `archlens.showDiagram` takes it (the extension adds the workspace folder):
 * `focus` is a workspace-folder-relative POSIX path of a folder or file, or a diagram node id
 * (`layer:domain`); `view` the view to draw it in.
 */
export interface DiagramFocus {
  readonly focus: string;
  readonly view?: FocusView;
}

export type TreeTarget =
  | { readonly kind: 'file'; readonly path: string; readonly line?: number }
  | { readonly kind: 'folder'; readonly path: string }
  /** The diagram, focused on the node of this path or id. */
  | ({ readonly kind: 'diagram' } & DiagramFocus)
  /** `archlens.scaffold` with a kind, in a folder when given. */
  | { readonly kind: 'scaffold'; readonly scaffold: string; readonly folder?: string };

/** The trees of several workspace folders, each under a node named for its folder. */
export function groupByFolder(
  sections: readonly { readonly name: string; readonly roots: readonly TreeNode[] }[],
): TreeNode[] {
  if (sections.length === 1) return [...(sections[0]?.roots ?? [])];
  return sections.map((section) => ({
    id: `folder:${section.name}`,
    label: section.name,
    icon: { id: 'root-folder' },
    context: 'workspace-folder',
    children: section.roots,
    expanded: true,
  }));
}
