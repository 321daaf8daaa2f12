import type { WorkspaceModel } from '../model';
import { mermaidLabel, nodeId } from '../report/mermaid-text';

/** A first, structural diagram: the top-level folders of a workspace and the imports between them. */
export interface FolderOverview {
  readonly folders: readonly { readonly name: string; readonly files: number }[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly imports: number }[];
}

/** Groups files and internal edges by their first path segment (`src/a/b.ts` → `src`). */
export function buildFolderOverview(model: Pick<WorkspaceModel, 'files' | 'edges'>): FolderOverview {
  const counts = new Map<string, number>();
  for (const file of model.files) counts.set(topFolder(file), (counts.get(topFolder(file)) ?? 0) + 1);
  const edgeCounts = new Map<string, number>();
  for (const edge of model.edges) {
    if (edge.resolution !== 'internal' || edge.to === null) continue;
    const from = topFolder(edge.from);
    const to = topFolder(edge.to);
    if (from === to) continue;
    const key = `${from}\u0000${to}`;
    edgeCounts.set(key, (edgeCounts.get(key) ?? 0) + 1);
  }
  return {
    folders: [...counts].map(([name, files]) => ({ name, files })).sort((a, b) => compare(a.name, b.name)),
    edges: [...edgeCounts]
      .map(([key, imports]) => {
        const [from = '', to = ''] = key.split('\u0000');
        return { from, to, imports };
      })
      .sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to)),
  };
}

/** Mermaid flowchart text for a folder overview; deterministic for the same input. */
export function folderOverviewToMermaid(overview: FolderOverview): string {
  const ids = new Map(overview.folders.map((folder, index) => [folder.name, nodeId(index)]));
  const lines = ['flowchart LR'];
  for (const folder of overview.folders) {
    const noun = folder.files === 1 ? 'file' : 'files';
    lines.push(`  ${ids.get(folder.name)}[${mermaidLabel(`${folder.name} (${folder.files} ${noun})`)}]`);
  }
  for (const edge of overview.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from && to) lines.push(`  ${from} -->|${edge.imports}| ${to}`);
  }
  return lines.join('\n') + '\n';
}

function topFolder(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
