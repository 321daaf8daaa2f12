import type { DirEntry, FileStat, FileSystemPort } from '../../../src/core/ports';

/**
 * A {@link FileSystemPort} that records every path whose content, listing or stat it handed
 * out, so a test can check that nothing outside the workspace was read.
 */
export class RecordingFileSystem implements FileSystemPort {
  /** Paths whose content or listing was handed out. */
  readonly read = new Set<string>();
  /** Paths whose stat was handed out. */
  readonly statted = new Set<string>();

  constructor(private readonly inner: FileSystemPort) {}

  readFile(path: string): Uint8Array | undefined {
    return this.note(path, this.inner.readFile(path));
  }

  readDirectory(path: string): readonly DirEntry[] | undefined {
    return this.note(path, this.inner.readDirectory(path));
  }

  stat(path: string): FileStat | undefined {
    const stat = this.inner.stat(path);
    if (stat !== undefined) this.statted.add(path);
    return stat;
  }

  realpath(path: string): string {
    return this.inner.realpath(path);
  }

  /** The recorded paths (stats too unless `contentOnly`) whose real path is not under `realRoot`. */
  outside(realRoot: string, contentOnly = false): string[] {
    const prefix = realRoot.endsWith('/') ? realRoot : realRoot + '/';
    return [...this.read, ...(contentOnly ? [] : this.statted)]
      .map((path) => this.inner.realpath(path))
      .filter((real) => real !== realRoot && !real.startsWith(prefix))
      .sort();
  }

  private note<T>(path: string, answer: T | undefined): T | undefined {
    if (answer !== undefined) this.read.add(path);
    return answer;
  }
}
