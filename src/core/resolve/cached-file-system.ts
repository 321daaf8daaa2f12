import type { FileSystemPort } from '../ports';
import { decodeManifestText } from '../scan/read-text';

/** Larger configs and package.json files are not read (nor any file TypeScript asks for). */
const MAX_READ_SIZE = 16 * 1024 * 1024;

/** A directory listing split the way TypeScript's `matchFiles` wants it. */
export interface DirectoryEntries {
  readonly files: readonly string[];
  readonly directories: readonly string[];
}

interface Listing {
  /** Entry name → its kind after following symlinks (`undefined` for a dangling link). */
  readonly kinds: Map<string, 'file' | 'directory' | 'other' | undefined>;
  /** Names that are symlinks. */
  readonly links: ReadonlySet<string>;
  entries?: DirectoryEntries;
}

/**
 * The answers TypeScript's module resolution and config parsing ask for, over a
 * {@link FileSystemPort}, each remembered until {@link CachedFileSystem.forget}. File existence is
 * answered from the listing of the parent folder: one `readDirectory` serves every probe
 * (`x.ts`, `x.tsx`, `x.d.ts`, …) TypeScript makes in that folder.
 */
export class CachedFileSystem {
  private readonly listings = new Map<string, Listing | null>();
  private readonly texts = new Map<string, string | null>();
  private readonly realpaths = new Map<string, string>();
  /** Absolute path → why its text was not read (binary, not UTF-8, too large). */
  private readonly skipped = new Map<string, string>();

  constructor(private readonly port: FileSystemPort) {}

  fileExists(path: string): boolean {
    return this.kindOf(path) === 'file';
  }

  directoryExists(path: string): boolean {
    return this.kindOf(path) === 'directory';
  }

  /** Whether anything (file, folder, other, even a dangling link) has this path. */
  exists(path: string): boolean {
    const parent = parentOf(path);
    if (parent === path) return this.listing(path) !== undefined;
    const listing = this.listing(parent);
    return listing !== undefined && listing.kinds.has(path.slice(parent === '/' ? 1 : parent.length + 1));
  }

  readFile(path: string): string | undefined {
    const known = this.texts.get(path);
    if (known !== undefined) return known ?? undefined;
    // Asking the listing first spares a failing read (an exception in Node) per missing file.
    const bytes = this.kindOf(path) === 'file' ? this.port.readFile(path) : undefined;
    let text: string | null = null;
    if (bytes !== undefined) {
      // As the manifests stage reads: UTF-16 with a BOM decoded, anything else not UTF-8 skipped.
      const read = decodeManifestText(bytes, path, MAX_READ_SIZE);
      if ('text' in read) text = read.text;
      else this.skipped.set(path, read.warning.message);
    }
    this.texts.set(path, text);
    return text ?? undefined;
  }

  /** The files read so far whose text was skipped, with the reason (absolute path → message). */
  get skippedReads(): ReadonlyMap<string, string> {
    return this.skipped;
  }

  /** The canonical path; asks the port only when a folder on the way is a symlink. */
  realpath(path: string): string {
    let real = this.realpaths.get(path);
    if (real === undefined) {
      real = this.hasLinkOnTheWay(path) ? this.port.realpath(path) : path;
      this.realpaths.set(path, real);
    }
    return real;
  }

  private hasLinkOnTheWay(path: string): boolean {
    for (
      let child = path, parent = parentOf(path);
      parent !== child;
      child = parent, parent = parentOf(parent)
    ) {
      const listing = this.listing(parent);
      if (!listing) return true; // Unknown: let the port decide.
      if (
        listing.links.size > 0 &&
        listing.links.has(child.slice(parent.endsWith('/') ? parent.length : parent.length + 1))
      ) {
        return true;
      }
    }
    return false;
  }

  getDirectories(path: string): string[] {
    return [...this.entries(path).directories];
  }

  /** Files and folders of a directory (symlinks followed), for `matchFiles`. */
  entries(path: string): DirectoryEntries {
    const listing = this.listing(path);
    if (!listing) return { files: [], directories: [] };
    if (!listing.entries) {
      const files: string[] = [];
      const directories: string[] = [];
      for (const [name, kind] of listing.kinds) {
        const resolved = kind ?? this.followLink(path, name, listing);
        if (resolved === 'file') files.push(name);
        else if (resolved === 'directory') directories.push(name);
      }
      files.sort();
      directories.sort();
      listing.entries = { files, directories };
    }
    return listing.entries;
  }

  /** Drops what is known about these absolute paths and the listings of their folders. */
  forget(paths: readonly string[]): void {
    for (const path of paths) {
      this.texts.delete(path);
      this.skipped.delete(path);
      this.listings.delete(path);
      this.listings.delete(parentOf(path));
      this.realpaths.clear();
    }
  }

  /** Drops everything. */
  clear(): void {
    this.listings.clear();
    this.texts.clear();
    this.skipped.clear();
    this.realpaths.clear();
  }

  private kindOf(path: string): 'file' | 'directory' | 'other' | undefined {
    const parent = parentOf(path);
    if (parent === path) return this.listing(path) ? 'directory' : undefined;
    const listing = this.listing(parent);
    if (!listing) return undefined;
    const name = path.slice(parent === '/' ? 1 : parent.length + 1);
    if (!listing.kinds.has(name)) return undefined;
    return listing.kinds.get(name) ?? this.followLink(parent, name, listing);
  }

  private followLink(
    parent: string,
    name: string,
    listing: Listing,
  ): 'file' | 'directory' | 'other' | undefined {
    const kind = this.port.stat(join(parent, name))?.kind;
    // A dangling link stays `undefined` but is remembered as probed.
    if (kind !== undefined) listing.kinds.set(name, kind);
    return kind;
  }

  private listing(path: string): Listing | undefined {
    const known = this.listings.get(path);
    if (known !== undefined) return known ?? undefined;
    const raw = this.port.readDirectory(path);
    if (!raw) {
      this.listings.set(path, null);
      return undefined;
    }
    const kinds = new Map<string, 'file' | 'directory' | 'other' | undefined>();
    const links = new Set<string>();
    for (const entry of raw) {
      kinds.set(entry.name, entry.kind === 'symlink' ? undefined : entry.kind);
      if (entry.kind === 'symlink') links.add(entry.name);
    }
    const listing: Listing = { kinds, links };
    this.listings.set(path, listing);
    return listing;
  }
}

/** The folder of an absolute POSIX path (`/` for `/x`, the path itself for `/` or `C:/`). */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return path;
  if (slash === 0) return '/';
  if (slash === path.length - 1) return path;
  const parent = path.slice(0, slash);
  return /^[A-Za-z]:$/.test(parent) ? parent + '/' : parent;
}

/** Joins a folder and a name. */
export function join(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : dir + '/' + name;
}
