import type { ImportEdge, Manifest, ModelDelta, Warning, WorkspaceModel } from '../model';
import { dedupe, firstEdgeFrom } from './change-scope';
import { compareEdges, compareManifests, compareStrings, compareWarnings, edgeKey } from './edge-order';
import type { EngineFiles } from './engine-files';

/** What goes into the model besides the files: manifests and every warning. */
export interface ModelParts {
  readonly root: string;
  readonly manifests: readonly Manifest[];
  readonly warnings: Warning[];
}

/** The model from the engine's files. */
export function composeModel(state: EngineFiles, parts: ModelParts): WorkspaceModel {
  // Files are kept sorted and each file's edges are sorted, so the model's edge list is a
  // concatenation in file order: no global sort on every update.
  const edges: ImportEdge[] = [];
  for (const path of state.sortedPaths()) {
    const list = state.edges.get(path);
    if (list) for (const edge of list) edges.push(edge);
  }
  return model(parts, state.sourceFiles(), edges);
}

/**
 * The model after an update, from the one before: the edges of the files whose edges were
 * looked at again are spliced in place (the list is in file order), the rest is shared.
 */
export function composeAfterUpdate(
  state: EngineFiles,
  before: WorkspaceModel,
  filesChanged: boolean,
  parts: ModelParts,
): WorkspaceModel {
  const redone = [...(state.previousEdges?.keys() ?? [])];
  if (redone.length > 64) return composeModel(state, parts);
  const edges = before.edges.slice();
  // From the last file to the first, so that the offsets still to find do not move.
  for (const path of redone.sort(compareStrings).reverse()) {
    const start = firstEdgeFrom(edges, path);
    let end = start;
    while (end < edges.length && edges[end]?.from === path) end++;
    edges.splice(start, end - start, ...(state.edges.get(path) ?? []));
  }
  return model(parts, filesChanged ? state.sourceFiles() : before.files, edges);
}

function model(parts: ModelParts, files: readonly string[], edges: ImportEdge[]): WorkspaceModel {
  return {
    version: 1,
    root: parts.root,
    files,
    edges,
    manifests: [...parts.manifests].sort(compareManifests),
    warnings: parts.warnings,
  };
}

/** Every warning once, in order. */
export function collectWarnings(
  own: readonly Warning[],
  state: EngineFiles,
  resolverWarnings: readonly Warning[],
): Warning[] {
  const warnings: Warning[] = [...own];
  for (const list of state.fileWarnings.values()) warnings.push(...list);
  warnings.push(...resolverWarnings);
  return dedupe(warnings).sort(compareWarnings);
}

/** The delta of an update, from the edges of the files it touched only (not a whole-model diff). */
export function updateDelta(
  state: EngineFiles,
  before: WorkspaceModel,
  after: WorkspaceModel,
  existenceChanged: readonly string[],
  manifests: { readonly before: readonly Manifest[]; readonly after: readonly Manifest[] },
): ModelDelta {
  const beforeFiles = new Set(existenceChanged.length > 0 ? before.files : []);
  const afterFiles = new Set(existenceChanged.length > 0 ? after.files : []);
  const addedEdges: ImportEdge[] = [];
  const removedEdges: ImportEdge[] = [];
  for (const [path, old] of state.previousEdges ?? []) {
    const now = state.edges.get(path) ?? [];
    const oldKeys = new Set(old.map(edgeKey));
    const newKeys = new Set(now.map(edgeKey));
    for (const edge of now) if (!oldKeys.has(edgeKey(edge))) addedEdges.push(edge);
    for (const edge of old) if (!newKeys.has(edgeKey(edge))) removedEdges.push(edge);
  }
  const cameOrWent = [...new Set(existenceChanged)];
  return {
    addedFiles: cameOrWent.filter((f) => afterFiles.has(f) && !beforeFiles.has(f)).sort(compareStrings),
    removedFiles: cameOrWent.filter((f) => beforeFiles.has(f) && !afterFiles.has(f)).sort(compareStrings),
    addedEdges: addedEdges.sort(compareEdges),
    removedEdges: removedEdges.sort(compareEdges),
    manifestsChanged:
      manifests.after !== manifests.before &&
      JSON.stringify(manifests.after) !== JSON.stringify(manifests.before),
  };
}

/** The difference between two models, for views that redraw only what changed. */
export function diffModels(before: WorkspaceModel, after: WorkspaceModel): ModelDelta {
  const beforeFiles = new Set(before.files);
  const afterFiles = new Set(after.files);
  const beforeEdges = new Map(before.edges.map((e) => [edgeKey(e), e]));
  const afterEdges = new Map(after.edges.map((e) => [edgeKey(e), e]));
  return {
    addedFiles: after.files.filter((f) => !beforeFiles.has(f)),
    removedFiles: before.files.filter((f) => !afterFiles.has(f)),
    addedEdges: [...afterEdges].filter(([k]) => !beforeEdges.has(k)).map(([, e]) => e),
    removedEdges: [...beforeEdges].filter(([k]) => !afterEdges.has(k)).map(([, e]) => e),
    manifestsChanged: JSON.stringify(before.manifests) !== JSON.stringify(after.manifests),
  };
}
