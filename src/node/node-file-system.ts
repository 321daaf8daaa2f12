import * as fs from 'node:fs';
import type { DirEntry, EntryKind, FileStat, FileSystemPort } from '../core/ports';
import { toPosixPath, toNativePath } from './paths';

/** The core's file port over Node's `fs`, used by the CLI and by the extension host. */
export class NodeFileSystem implements FileSystemPort {
  readFile(path: string): Uint8Array | undefined {
    try {
      return fs.readFileSync(toNativePath(path));
    } catch {
      return undefined;
    }
  }

  readDirectory(path: string): readonly DirEntry[] | undefined {
    try {
      return fs
        .readdirSync(toNativePath(path), { withFileTypes: true })
        .map((entry) => ({ name: entry.name, kind: kindOf(entry) }));
    } catch {
      return undefined;
    }
  }

  stat(path: string): FileStat | undefined {
    try {
      const stat = fs.statSync(toNativePath(path));
      return {
        kind: stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other',
        size: stat.size,
        mtimeMs: stat.mtimeMs,
      };
    } catch {
      return undefined;
    }
  }

  realpath(path: string): string {
    try {
      return toPosixPath(fs.realpathSync.native(toNativePath(path)));
    } catch {
      return path;
    }
  }
}

function kindOf(entry: fs.Dirent): EntryKind {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  return 'other';
}
