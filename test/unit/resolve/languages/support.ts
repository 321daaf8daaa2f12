import { analyzeWorkspace, type ImportEdge } from '../../../../src/core';
import { MemoryFileSystem } from '../../../../src/core/memory-file-system';

/** The edges of a workspace of `files` (paths below `/w`), as `[from, specifier, to, resolution]`. */
export function edgesOf(files: Record<string, string>): [string, string, string | null, string][] {
  return edgeList(files).map((e) => [e.from, e.specifier, e.to, e.resolution]);
}

export function edgeList(files: Record<string, string>): ImportEdge[] {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([p, t]) => [`/w/${p}`, t])));
  return [...analyzeWorkspace(fs, '/w').edges];
}
