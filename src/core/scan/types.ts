import type { ArchLensConfig } from '../config/config-schema';
import type { Warning } from '../model';
import type { CancellationSignal, ProgressSink } from '../ports';
import type { SourceLanguage } from './languages';
import type { ScopeMatcher } from './scope';

/** The largest file read by default: 1 MiB. Larger files are skipped with a warning. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/**
 * The largest `maxFileSize` honoured, whatever `archlens.config.json` or the host says: 16 MiB.
 * A workspace must not be able to make ArchLens read (and parse) a 60 MB file.
 */
export const MAX_FILE_SIZE_CAP = 16 * 1024 * 1024;

/** How {@link scanWorkspace} runs. */
export interface ScanOptions {
  /** Globs to leave out, VS Code `files.exclude` style, relative to the root: `**\/generated/**`. */
  readonly exclude?: readonly string[];
  /** Files larger than this many bytes are skipped. Wins over the config's; default 1 MiB. */
  readonly maxFileSize?: number;
  /** Whether `.gitignore` files (the root's and nested ones) are honoured; default `true`. */
  readonly respectGitignore?: boolean;
  /**
   * The already loaded `archlens.config.json`. When absent, the scan loads it itself and its
   * warnings are part of the result.
   */
  readonly config?: ArchLensConfig;
  readonly signal?: CancellationSignal;
  readonly progress?: ProgressSink;
}

/** One file in scope. */
export interface ScannedFile {
  /** POSIX path relative to the root; through a followed symlink, the link's path. */
  readonly path: string;
  /** Size in bytes. */
  readonly size: number;
  readonly mtimeMs: number;
  /** Absent for files of no recognised language (manifests, YAML, Dockerfiles…). */
  readonly language?: SourceLanguage;
}

/** What {@link scanWorkspace} found. */
export interface ScanResult {
  /** Every file in scope, sorted by path (code-unit order). */
  readonly files: ScannedFile[];
  /** Skipped entries and config problems, sorted by file. */
  readonly warnings: Warning[];
  /** The scope the scan used, to test new paths without scanning again. */
  readonly scope: ScopeMatcher;
  /** The config that was applied (`{}` when there is none). */
  readonly config: ArchLensConfig;
  /** The effective size cap, to pass to `readSourceText`. */
  readonly maxFileSize: number;
}
