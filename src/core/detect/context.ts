import type { FileSymbols, WorkspaceModel } from '../model';
import { findUnits, indexGraph } from '../units';
import type { GraphIndex, UnitAnalysis } from '../units';

/**
 * What a detector reads. Built once per analysis; `symbols` and `readText` are lazy and
 * cached, and detectors ask only for the few candidate files they need.
 */
export interface DetectContext {
  readonly model: WorkspaceModel;
  /** Units with the details detectors need; `units.units` is the printable shape. */
  readonly units: UnitAnalysis;
  /** The import graph indexed by file and folder (test files left out as importers). */
  readonly graph: GraphIndex;
  /** Declarations and calls of one file (relative path), or `undefined` when it cannot be read. */
  symbols(relPath: string): FileSymbols | undefined;
  /** The text of one file (relative path), or `undefined`. */
  readText(relPath: string): string | undefined;
  /** Distinct commit authors in the last 12 months, when git was available. */
  readonly authors?: number;
}

/** What the pipeline hands over to build a {@link DetectContext}. */
export interface DetectInput {
  readonly model: WorkspaceModel;
  readonly symbols: (relPath: string) => FileSymbols | undefined;
  readonly readText: (relPath: string) => string | undefined;
  readonly authors?: number;
}

/** Indexes the graph, finds the units and wraps the file readers in caches. */
export function createDetectContext(input: DetectInput): DetectContext {
  const symbols = budgeted(
    memoize(input.symbols),
    Math.max(SYMBOL_BUDGET, Math.ceil(input.model.files.length * 0.01)),
  );
  const readText = memoize(input.readText);
  const graph = indexGraph(input.model);
  const units = findUnits(input.model, graph, symbols);
  return {
    model: input.model,
    units,
    graph,
    symbols,
    readText,
    ...(input.authors !== undefined ? { authors: input.authors } : {}),
  };
}

/**
 * Most files whose symbols one detection reads (on very big workspaces 1 % of the files): symbol
 * extraction costs a few milliseconds a file, and detection must stay a small part of the analysis.
 */
export const SYMBOL_BUDGET = 100;

function budgeted<T>(
  read: (relPath: string) => T | undefined,
  budget: number,
): (relPath: string) => T | undefined {
  const asked = new Set<string>();
  return (relPath) => {
    if (!asked.has(relPath)) {
      if (asked.size >= budget) return undefined;
      asked.add(relPath);
    }
    return read(relPath);
  };
}

function memoize<T>(read: (relPath: string) => T | undefined): (relPath: string) => T | undefined {
  const cache = new Map<string, T | undefined>();
  return (relPath) => {
    if (cache.has(relPath)) return cache.get(relPath);
    let value: T | undefined;
    try {
      value = read(relPath);
    } catch {
      value = undefined;
    }
    cache.set(relPath, value);
    return value;
  };
}
