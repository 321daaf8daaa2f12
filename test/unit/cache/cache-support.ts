import type { AnalysisCacheStore } from '../../../src/core/cache';
import { contentHash } from '../../../src/core/cache';
import type { MemoryFileSystem } from '../../../src/core/memory-file-system';
import type { DirEntry, FileStat, FileSystemPort } from '../../../src/core/ports';

/** A cache store in memory: the text the engine last wrote. */
export class MemoryCacheStore implements AnalysisCacheStore {
  text: string | undefined;
  writes = 0;
  read(): string | undefined {
    return this.text;
  }
  write(text: string): void {
    this.text = text;
    this.writes++;
  }
}

/**
 * A memory file system whose files keep their own mtime, as on disk: a file's mtime moves only
 * when its bytes change (MemoryFileSystem moves every file's mtime on any write, which would
 * never let a warm start trust a file's stat).
 */
export class StampedFileSystem implements FileSystemPort {
  private clock = 1000;
  private readonly stamps = new Map<string, { hash: string; mtimeMs: number }>();
  /** Paths read with `readFile`, to see what a warm start reads. */
  readonly reads: string[] = [];

  constructor(readonly inner: MemoryFileSystem) {}

  readFile(path: string): Uint8Array | undefined {
    this.reads.push(path);
    return this.inner.readFile(path);
  }
  readDirectory(path: string): readonly DirEntry[] | undefined {
    return this.inner.readDirectory(path);
  }
  realpath(path: string): string {
    return this.inner.realpath(path);
  }
  stat(path: string): FileStat | undefined {
    const stat = this.inner.stat(path);
    if (stat?.kind !== 'file') return stat;
    const hash = contentHash(this.inner.readFile(path) ?? new Uint8Array());
    let stamp = this.stamps.get(path);
    if (stamp?.hash !== hash) {
      stamp = { hash, mtimeMs: ++this.clock };
      this.stamps.set(path, stamp);
    }
    return { ...stat, mtimeMs: stamp.mtimeMs };
  }
}
