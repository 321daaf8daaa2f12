import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisCacheStore } from '../core/cache';

/** A snapshot larger than this is not read (a cache of the largest monorepos is tens of MB). */
const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

/**
 * The analysis cache of one workspace folder, as one file in a folder of the caller's choosing
 * (the CLI's `--cache <dir>`, the extension's workspace storage): `archlens-<hash of the root>.json`,
 * so that one folder can hold the caches of several workspaces. Written to a temporary file and
 * renamed, so that a reader never sees half a snapshot. Nothing else is read or written.
 */
export class FileAnalysisCacheStore implements AnalysisCacheStore {
  readonly file: string;
  private warnedWrite = false;

  constructor(
    readonly folder: string,
    root: string,
    private readonly onWriteError: (message: string) => void = () => undefined,
  ) {
    const key = createHash('sha256').update(root).digest('hex').slice(0, 16);
    this.file = path.join(folder, `archlens-${key}.json`);
  }

  read(): string | undefined {
    try {
      const stat = fs.statSync(this.file);
      if (!stat.isFile() || stat.size > MAX_SNAPSHOT_BYTES) return undefined;
      return fs.readFileSync(this.file, 'utf8');
    } catch {
      return undefined;
    }
  }

  write(text: string): void {
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(this.folder, { recursive: true, mode: 0o700 });
      fs.writeFileSync(temporary, text, { mode: 0o600 });
      fs.renameSync(temporary, this.file);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      if (!this.warnedWrite) {
        this.warnedWrite = true;
        this.onWriteError(
          `the analysis cache ${this.file} cannot be written: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}
