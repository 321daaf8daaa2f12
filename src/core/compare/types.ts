/**
 * Compare: the workspace cut into candidate modules found by clustering its import graph,
 * and three cuts side by side — today's units, the candidates as a modular monolith, the
 * candidates as microservices — with the figures that tell them apart.
 * `archlens compare --json` prints {@link Comparison}.
 */

/** A module proposed by community detection over the import graph. */
export interface CandidateModule {
  /** Unique, from its folders: `orders`, `billing`, `src/shared` when the name alone repeats. */
  readonly name: string;
  /** The folder holding most of its files (`.` for the root). */
  readonly path: string;
  /** Sorted. */
  readonly files: readonly string[];
  /** The folders it is made of (files of one folder never split). */
  readonly folders: readonly string[];
  /** Its files other candidates import, most imported first, with how many imports. */
  readonly publicSurface: readonly { readonly file: string; readonly importers: number }[];
  /** Imports that stay inside over all imports touching it, in [0, 1] (1 without any). */
  readonly cohesion: number;
}

export type CutId = 'today' | 'modular-monolith' | 'microservices';

/** One part of a cut: a module or service and its files. */
export interface CutPart {
  readonly name: string;
  readonly path: string;
  readonly files: number;
}

/** What a cut costs and leaves coupled. */
export interface CutFigures {
  readonly parts: number;
  /** Runtime imports between two parts. */
  readonly crossedEdges: number;
  /** Type-only imports between two parts (no runtime coupling, still a build dependency). */
  readonly crossedTypeEdges: number;
  /** Groups of parts that import each other in a circle (strongly connected, two or more). */
  readonly cycles: readonly (readonly string[])[];
  /** Databases more than one part uses. */
  readonly sharedDatabases: readonly { readonly database: string; readonly parts: readonly string[] }[];
  /** Parts whose code two or more other parts import: shared code every importer depends on. */
  readonly sharedCode: readonly { readonly part: string; readonly importers: readonly string[] }[];
  /** Files whose module changes from today's. */
  readonly moves: number;
  readonly cost: number;
  /** How `cost` is computed for this cut, as a sentence. */
  readonly costDefinition: string;
}

/** A file whose module changes, from today's part to the cut's. */
export interface FileMove {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

/** The crossed imports between two parts, summed. */
export interface CrossedLink {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly typeOnly: boolean;
  /** Part of a cycle between the two parts. */
  readonly inCycle: boolean;
  readonly example: { readonly file: string; readonly line: number; readonly text: string };
}

export interface Cut {
  readonly id: CutId;
  readonly label: string;
  readonly parts: readonly CutPart[];
  readonly figures: CutFigures;
  readonly links: readonly CrossedLink[];
  /** Sorted by destination, then file. Empty for today. */
  readonly moves: readonly FileMove[];
}

export interface Comparison {
  readonly version: 1;
  readonly root: string;
  /** Files the cuts are made of: backend source without tests and set-aside parts. */
  readonly files: number;
  readonly candidates: readonly CandidateModule[];
  /** Louvain's modularity of the candidates over the folder graph, in [-0.5, 1]. */
  readonly modularity: number;
  readonly cuts: readonly Cut[];
  readonly notes: readonly string[];
}
