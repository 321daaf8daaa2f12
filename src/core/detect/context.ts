import type { FileSymbols, SystemModel, WorkspaceModel } from '../model';
import { BACKEND_ROLES, ROLE_NAMES, splitSystem, systemDeployables } from '../system';
import { findUnits, indexGraph } from '../units';
import type { GraphIndex, UnitAnalysis } from '../units';
import type { ReadBound } from './read-bound';

/**
 * What a detector reads. Built once per analysis; `symbols` and `readText` are lazy and
 * cached, and detectors ask only for the few candidate files they need.
 */
export interface DetectContext {
  /** The backend code: the workspace less what the system stage set aside (front ends, tools, tests). */
  readonly model: WorkspaceModel;
  /** Entry points, parts and deployables of the whole workspace. */
  readonly system: SystemModel;
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
  /** The bound on this detector's symbol reads, when it runs under one (see `boundedContext`). */
  readonly readBound?: ReadBound;
}

/** What the pipeline hands over to build a {@link DetectContext}. */
export interface DetectInput {
  readonly model: WorkspaceModel;
  readonly symbols: (relPath: string) => FileSymbols | undefined;
  readonly readText: (relPath: string) => string | undefined;
  readonly authors?: number;
}

/**
 * Indexes the graph, finds the units and wraps the file readers in caches. Reads are bounded per
 * detector (`boundedContext`), not here: one shared budget spent in detector order made verdicts
 * depend on unrelated files.
 */
export function createDetectContext(input: DetectInput): DetectContext {
  const symbols = memoize(input.symbols);
  const readText = memoize(input.readText);
  const wholeGraph = indexGraph(input.model);
  const split = splitSystem(input.model, wholeGraph, readText);
  const model = split.backendModel;
  const graph = model === input.model ? wholeGraph : indexGraph(model);
  const parts = split.system.parts;
  const programs = parts.filter((p) => p.role === 'service' || p.role === 'worker');
  const backendPaths = new Set(parts.filter((p) => BACKEND_ROLES.has(p.role)).map((p) => p.path));
  const nonBackend = parts
    .filter((p) => !BACKEND_ROLES.has(p.role) && !backendPaths.has(p.path))
    .map((p) => ({
      path: p.path,
      what: ROLE_NAMES[p.role],
      ...(p.role === 'library' ? { library: true as const } : {}),
    }));
  const units = findUnits(
    model,
    graph,
    symbols,
    programs.map((p) => p.path),
    nonBackend,
  );
  return {
    model,
    system: {
      ...split.system,
      deployables: systemDeployables(units),
      notServices: units.notServices.map(({ name, path, reason, message }) => ({
        name,
        path,
        reason,
        message,
      })),
    },
    units,
    graph,
    symbols,
    readText,
    ...(input.authors !== undefined ? { authors: input.authors } : {}),
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
