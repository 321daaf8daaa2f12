import type { ImportEdge, ImportKind, WorkspaceModel } from '../model';
import { compareText } from './bounds';

/** One file that depends on a target, with how far it is and through which file. */
export interface Dependent {
  readonly file: string;
  /** 1: imports the target itself; 2: imports a direct dependent; … */
  readonly depth: number;
  /** The file it imports on the way to the target (for depth 1: the target's file it imports). */
  readonly via: string;
  /** True when every import on that step is type-only (no run-time dependency). */
  readonly typeOnly: boolean;
}

/**
 * The import graph of the whole workspace read backwards: who imports a file, a set of files or
 * a package, directly and transitively. Tests count as importers (a change breaks them too).
 */
export class DependentsGraph {
  private readonly importers = new Map<string, ImportEdge[]>();
  private readonly packageImporters = new Map<string, ImportEdge[]>();

  constructor(model: WorkspaceModel) {
    for (const edge of model.edges) {
      if (edge.to === null) continue;
      const index = edge.resolution === 'internal' ? this.importers : this.packageImporters;
      const list = index.get(edge.to);
      if (list) list.push(edge);
      else index.set(edge.to, [edge]);
    }
  }

  /** The files importing a package (or built-in module) by name. */
  filesImportingPackage(name: string): string[] {
    return [...new Set((this.packageImporters.get(name) ?? []).map((e) => e.from))].sort(compareText);
  }

  /** Every package name some file imports. */
  get packages(): string[] {
    return [...this.packageImporters.keys()].sort(compareText);
  }

  /**
   * The files that depend on any of `targets`, nearest first (then by path), up to `maxDepth`
   * steps (no bound when undefined). Files of the targets themselves are not listed.
   */
  dependentsOf(targets: readonly string[], maxDepth?: number): Dependent[] {
    const inTarget = new Set(targets);
    const found = new Map<string, Dependent>();
    let frontier = [...inTarget].sort(compareText);
    for (let depth = 1; frontier.length > 0 && (maxDepth === undefined || depth <= maxDepth); depth++) {
      const next = new Map<string, { via: string; kinds: ImportKind[] }>();
      for (const file of frontier) {
        for (const edge of this.importers.get(file) ?? []) {
          if (inTarget.has(edge.from) || found.has(edge.from)) continue;
          const step = next.get(edge.from);
          if (!step) next.set(edge.from, { via: file, kinds: [edge.kind] });
          else if (step.via === file) step.kinds.push(edge.kind);
        }
      }
      for (const [file, step] of next)
        found.set(file, { file, depth, via: step.via, typeOnly: step.kinds.every((k) => k === 'type') });
      frontier = [...next.keys()].sort(compareText);
    }
    return [...found.values()].sort((a, b) => a.depth - b.depth || compareText(a.file, b.file));
  }
}
