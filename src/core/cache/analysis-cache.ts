/**
 * Where an analysis keeps its snapshot between runs: one text (JSON) per workspace folder. The
 * CLI stores it under `--cache <dir>`, the extension in its workspace storage. The core never
 * trusts what it reads back: `decodeSnapshot` checks it first.
 */
export interface AnalysisCacheStore {
  /** The stored text, or `undefined` when there is none (or it cannot be read). */
  read(): string | undefined;
  /** Replaces the stored text; a failure to write is the store's to report, never thrown. */
  write(text: string): void;
}

/** The analysis cache of one engine. */
export interface AnalysisCacheOptions {
  readonly store: AnalysisCacheStore;
  /** The ArchLens version: a snapshot of another version is not used. */
  readonly version: string;
  /** Told once, when a stored snapshot was there but could not be used, and why. */
  readonly onDiscard?: (problem: string) => void;
}

/** What a warm start found (for the bench and the tests). */
export interface WarmStartReport {
  /** `cold`: no usable snapshot. `unchanged`: every answer reused. `incremental`, `re-resolved`. */
  readonly kind: 'cold' | 'unchanged' | 'incremental' | 're-resolved';
  /** Source files read again (their size, mtime or bytes changed, or they are new). */
  readonly filesRead: number;
  /** Files whose imports were resolved again. */
  readonly filesResolved: number;
}
