import type { DirEntry, FileStat, FileSystemPort } from '../ports';
import { contentHash } from './content-hash';

/**
 * Everything the module resolver read from the file system, by absolute path: what each answer
 * it gave depends on. A folder listing as its entries (`f`ile, `d`irectory, `l`ink, `o`ther +
 * name), a file as its {@link contentHash}, a stat as the kind, a realpath as its result; `null`
 * where the path did not exist.
 */
export interface ResolverInputs {
  readonly listings: Map<string, readonly string[] | null>;
  readonly reads: Map<string, string | null>;
  readonly stats: Map<string, string | null>;
  readonly realpaths: Map<string, string>;
}

/**
 * Sets what is recorded for these absolute paths to their value now. After an update has taken
 * in changes of these paths, the answers it kept and redid are those of the files as they are
 * now: recording the new values keeps the next start from taking the same changes in again.
 */
export function refreshInputs(
  fs: FileSystemPort,
  targets: readonly (ResolverInputs | undefined)[],
  paths: Iterable<string>,
): void {
  const present = targets.filter((t): t is ResolverInputs => t !== undefined);
  if (present.length === 0) return;
  // TypeScript asks for some folders with a trailing slash: those are recorded apart.
  const all = new Set<string>();
  for (const path of paths) all.add(path).add(path.endsWith('/') ? path : path + '/');
  for (const path of all) {
    if (present.some((t) => t.listings.has(path))) {
      const raw = fs.readDirectory(path);
      const now = raw === undefined ? null : listingOf(raw);
      for (const t of present) if (t.listings.has(path)) t.listings.set(path, now);
    }
    if (present.some((t) => t.reads.has(path))) {
      const bytes = fs.readFile(path);
      const now = bytes === undefined ? null : contentHash(bytes);
      for (const t of present) if (t.reads.has(path)) t.reads.set(path, now);
    }
    if (present.some((t) => t.stats.has(path))) {
      const now = fs.stat(path)?.kind ?? null;
      for (const t of present) if (t.stats.has(path)) t.stats.set(path, now);
    }
    if (present.some((t) => t.realpaths.has(path))) {
      const now = fs.realpath(path);
      for (const t of present) if (t.realpaths.has(path)) t.realpaths.set(path, now);
    }
  }
}

/**
 * A file port that remembers what passes through it (the latest answer per path), so that a
 * resolver's inputs can be stored with its answers and checked again on the next start.
 */
export class RecordingFileSystem implements FileSystemPort {
  readonly listings = new Map<string, readonly string[] | null>();
  readonly reads = new Map<string, string | null>();
  readonly stats = new Map<string, string | null>();
  readonly realpaths = new Map<string, string>();

  constructor(private readonly port: FileSystemPort) {}

  readFile(path: string): Uint8Array | undefined {
    const bytes = this.port.readFile(path);
    this.reads.set(path, bytes === undefined ? null : contentHash(bytes));
    return bytes;
  }

  readDirectory(path: string): readonly DirEntry[] | undefined {
    const entries = this.port.readDirectory(path);
    this.listings.set(path, entries === undefined ? null : listingOf(entries));
    return entries;
  }

  stat(path: string): FileStat | undefined {
    const stat = this.port.stat(path);
    this.stats.set(path, stat?.kind ?? null);
    return stat;
  }

  realpath(path: string): string {
    const real = this.port.realpath(path);
    this.realpaths.set(path, real);
    return real;
  }

  /** What was recorded, merged over older inputs (newer answers win). */
  inputs(older?: ResolverInputs): ResolverInputs {
    if (older === undefined) return this;
    return {
      listings: merge(older?.listings, this.listings),
      reads: merge(older?.reads, this.reads),
      stats: merge(older?.stats, this.stats),
      realpaths: merge(older?.realpaths, this.realpaths),
    };
  }
}

/** What differs between recorded inputs and the file system now. */
export interface InputChanges {
  /** Entries (absolute paths) that appeared in or went from a listed folder, or changed kind. */
  readonly created: readonly string[];
  readonly deleted: readonly string[];
  /** Files whose bytes differ (or that came or went) among those read. */
  readonly reads: readonly string[];
  /** Paths whose stat kind or realpath differs. */
  readonly links: readonly string[];
  /** The inputs with their values now. */
  readonly current: ResolverInputs;
}

/** Asks the file system again for every recorded input and says what changed. */
export function checkInputs(fs: FileSystemPort, inputs: ResolverInputs): InputChanges {
  const created: string[] = [];
  const deleted: string[] = [];
  const reads: string[] = [];
  const links: string[] = [];
  const listings = new Map<string, readonly string[] | null>();
  const readsNow = new Map<string, string | null>();
  const stats = new Map<string, string | null>();
  const realpaths = new Map<string, string>();
  for (const [dir, before] of inputs.listings) {
    const raw = fs.readDirectory(dir);
    const now = raw === undefined ? null : listingOf(raw);
    listings.set(dir, now);
    if (sameList(before, now)) continue;
    const was = new Map((before ?? []).map((e) => [e.slice(1), e[0]]));
    const is = new Map((now ?? []).map((e) => [e.slice(1), e[0]]));
    const at = (name: string): string => (dir.endsWith('/') ? dir + name : `${dir}/${name}`);
    for (const [name, kind] of is) {
      const old = was.get(name);
      if (old === undefined) created.push(at(name));
      else if (old !== kind) {
        deleted.push(at(name));
        created.push(at(name));
      }
    }
    for (const name of was.keys()) if (!is.has(name)) deleted.push(at(name));
  }
  for (const [path, before] of inputs.reads) {
    const bytes = fs.readFile(path);
    const now = bytes === undefined ? null : contentHash(bytes);
    readsNow.set(path, now);
    if (now !== before) reads.push(path);
  }
  for (const [path, before] of inputs.stats) {
    const now = fs.stat(path)?.kind ?? null;
    stats.set(path, now);
    if (now !== before) links.push(path);
  }
  for (const [path, before] of inputs.realpaths) {
    const now = fs.realpath(path);
    realpaths.set(path, now);
    if (now !== before) links.push(path);
  }
  return { created, deleted, reads, links, current: { listings, reads: readsNow, stats, realpaths } };
}

function listingOf(entries: readonly DirEntry[]): string[] {
  return entries.map((e) => KIND_CODE[e.kind] + e.name).sort();
}

const KIND_CODE = { file: 'f', directory: 'd', symlink: 'l', other: 'o' } as const;

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function merge<T>(older: Map<string, T> | undefined, newer: Map<string, T>): Map<string, T> {
  const out = new Map(older ?? []);
  for (const [key, value] of newer) out.set(key, value);
  return out;
}
