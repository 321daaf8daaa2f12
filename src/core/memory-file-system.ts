import type { DirEntry, FileStat, FileSystemPort } from './ports';

/**
 * A workspace held in memory: the port implementation for unit tests and for analysing
 * unsaved content. Keys are absolute POSIX paths; folders are implied by the files in them.
 * Symlinks are modelled as `{ link: '/target' }`.
 */
export class MemoryFileSystem implements FileSystemPort {
  private readonly files = new Map<string, Uint8Array>();
  private readonly links = new Map<string, string>();
  private readonly dirs = new Set<string>(['/']);
  private mtime = 1;

  constructor(entries: Readonly<Record<string, string | Uint8Array | { link: string }>> = {}) {
    for (const [path, value] of Object.entries(entries)) {
      if (typeof value === 'object' && !(value instanceof Uint8Array)) this.link(path, value.link);
      else this.write(path, value);
    }
  }

  write(path: string, content: string | Uint8Array): void {
    const normalized = normalize(path);
    this.files.set(normalized, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    this.addParents(normalized);
    this.mtime++;
  }

  link(path: string, target: string): void {
    const normalized = normalize(path);
    this.links.set(normalized, normalize(target));
    this.addParents(normalized);
  }

  mkdir(path: string): void {
    const normalized = normalize(path);
    this.dirs.add(normalized);
    this.addParents(normalized);
  }

  delete(path: string): void {
    const normalized = normalize(path);
    this.files.delete(normalized);
    this.links.delete(normalized);
    for (const file of [...this.files.keys()]) if (file.startsWith(normalized + '/')) this.files.delete(file);
    for (const dir of [...this.dirs])
      if (dir === normalized || dir.startsWith(normalized + '/')) this.dirs.delete(dir);
  }

  readFile(path: string): Uint8Array | undefined {
    return this.files.get(this.realpath(path));
  }

  readDirectory(path: string): readonly DirEntry[] | undefined {
    const dir = this.realpath(path);
    if (!this.dirs.has(dir)) return undefined;
    const prefix = dir === '/' ? '/' : dir + '/';
    const entries = new Map<string, DirEntry>();
    const consider = (full: string, kind: DirEntry['kind']): void => {
      if (!full.startsWith(prefix) || full === dir) return;
      const rest = full.slice(prefix.length);
      const name = rest.split('/')[0];
      if (name === undefined || name === '') return;
      const direct = !rest.includes('/');
      if (!entries.has(name) || direct) entries.set(name, { name, kind: direct ? kind : 'directory' });
    };
    for (const d of this.dirs) consider(d, 'directory');
    for (const f of this.files.keys()) consider(f, 'file');
    for (const l of this.links.keys()) consider(l, 'symlink');
    return [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  stat(path: string): FileStat | undefined {
    const real = this.realpath(path);
    const file = this.files.get(real);
    if (file) return { kind: 'file', size: file.byteLength, mtimeMs: this.mtime };
    if (this.dirs.has(real)) return { kind: 'directory', size: 0, mtimeMs: this.mtime };
    return undefined;
  }

  realpath(path: string): string {
    let current = normalize(path);
    // Resolve links segment by segment, with a hop limit so that a loop ends.
    for (let hops = 0; hops < 40; hops++) {
      const parts = current.split('/');
      let changed = false;
      for (let i = 1; i <= parts.length; i++) {
        const prefix = parts.slice(0, i).join('/') || '/';
        const target = this.links.get(prefix);
        if (target !== undefined) {
          current = normalize(target + '/' + parts.slice(i).join('/'));
          changed = true;
          break;
        }
      }
      if (!changed) return current;
    }
    return current;
  }

  private addParents(path: string): void {
    let parent = path.slice(0, path.lastIndexOf('/')) || '/';
    while (!this.dirs.has(parent)) {
      this.dirs.add(parent);
      parent = parent.slice(0, parent.lastIndexOf('/')) || '/';
    }
  }
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}
