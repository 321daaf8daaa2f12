/**
 * The ports through which the core reaches the outside world. The core never touches `fs`,
 * `vscode` or the network itself: the CLI passes a Node implementation (`src/node`), the
 * extension the same Node implementation (the extension host is Node), tests an in-memory one.
 *
 * Every path crossing a port is absolute and POSIX-style (`/a/b`, or `C:/a/b` on Windows).
 * The methods are synchronous on purpose: TypeScript's module resolution asks its host
 * synchronously, and synchronous reads are also the fastest way to scan thousands of files.
 */
import type { FileExtraction, FileToExtract } from './extract';

/** What kind of entry a path names. A symlink is reported as such by `readDirectory`. */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

/** One entry of a directory listing. */
export interface DirEntry {
  readonly name: string;
  readonly kind: EntryKind;
}

/** The facts about a path, after following symlinks. */
export interface FileStat {
  readonly kind: Exclude<EntryKind, 'symlink'>;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Read-only access to the files of a workspace. */
export interface FileSystemPort {
  /** The bytes of a file, or `undefined` when it does not exist or cannot be read. */
  readFile(path: string): Uint8Array | undefined;
  /** The entries of a directory, or `undefined` when it does not exist or cannot be read. */
  readDirectory(path: string): readonly DirEntry[] | undefined;
  /** The stat of a path (following symlinks), or `undefined` when it does not exist. */
  stat(path: string): FileStat | undefined;
  /** The canonical path (symlinks resolved); the path itself when it cannot be resolved. */
  realpath(path: string): string;
}

/** One progress report from a long-running stage. */
export interface ProgressReport {
  /** The stage: `scan`, `parse`, `resolve`, `manifests`, `detect`, … */
  readonly phase: string;
  readonly done: number;
  readonly total?: number;
  readonly message?: string;
}

/** Receives progress; the extension maps it to a notification, the CLI to a stderr line. */
export interface ProgressSink {
  report(progress: ProgressReport): void;
}

/** Checked between units of work; a cancelled analysis throws {@link CancelledError}. */
export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
}

/** Thrown when an analysis is cancelled through its {@link CancellationSignal}. */
export class CancelledError extends Error {
  constructor() {
    super('Analysis cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * Reads and extracts the imports of many files at once; the Node adapter spreads the work over
 * threads. Synchronous like the engine. Without it, the engine extracts on its own thread.
 */
export interface ImportExtractionPort {
  /**
   * Hands each file's extraction to `take` on the calling thread, as soon as it is there (in no
   * particular order, each file once), so the caller can go on with one file while others are
   * still read. Returns when every file was taken; an error thrown by `take` is rethrown then.
   */
  extractEach(
    files: readonly FileToExtract[],
    maxFileSize: number,
    take: (result: FileExtraction, file: FileToExtract) => void,
  ): void;
}
