import { loadConfig } from '../config/load-config';
import type { Warning } from '../model';
import { CancelledError, type FileStat, type FileSystemPort } from '../ports';
import { isDotnetProjectFile } from './default-excludes';
import { formatBytes } from './format-bytes';
import type { GitignoreLink } from './gitignore';
import { languageOf } from './languages';
import { Scope } from './scope';
import { LINKS_OUTSIDE, staysInside } from './workspace-bounds';
import {
  DEFAULT_MAX_FILE_SIZE,
  MAX_FILE_SIZE_CAP,
  type ScanOptions,
  type ScannedFile,
  type ScanResult,
} from './types';

/** A folder to list; `real` is its canonical path, `parent` the folder it was reached from. */
interface Folder {
  readonly abs: string;
  readonly rel: string;
  readonly real: string;
  readonly parent: Folder | undefined;
  readonly chain: readonly GitignoreLink[];
}

/** A symlink to a folder, followed after every real folder has been listed. */
interface LinkedFolder {
  readonly abs: string;
  readonly rel: string;
  readonly parent: Folder;
  readonly chain: readonly GitignoreLink[];
}

const PROGRESS_EVERY = 2000;

/**
 * Lists every file of the workspace at `root` that is in scope: not under a default-excluded
 * folder (`node_modules`, `dist`, `.git`…), not matched by `options.exclude` or the `exclude`
 * of `archlens.config.json`, and not ignored by a `.gitignore` (nested ones apply relative to
 * their folder). Never throws except {@link CancelledError}: an unreadable folder, a broken
 * symlink, a symlink loop or a file over `maxFileSize` is skipped with one warning.
 *
 * Symlinked folders are followed once: real folders are listed first, then each link whose
 * target was not listed yet (a link to a folder already listed, or to one of its own parents,
 * is skipped with a warning). A link (to a file or a folder) whose real path leaves the root is
 * skipped with one warning, trusted workspace or not: the scan never lists or reads outside
 * the root. Only files are stat'ed; folder kinds come from the listing.
 */
export function scanWorkspace(fs: FileSystemPort, root: string, options: ScanOptions = {}): ScanResult {
  const base = root.length > 1 ? root.replace(/\/+$/, '') : root;
  const warnings: Warning[] = [];
  const warn = (warning: Warning): void => void warnings.push(warning);

  let config = options.config;
  if (config === undefined) {
    const loaded = loadConfig(fs, base);
    config = loaded.config;
    warnings.push(...loaded.warnings);
  }
  const maxFileSize = Math.min(
    MAX_FILE_SIZE_CAP,
    positiveOr(options.maxFileSize, positiveOr(config.maxFileSize, DEFAULT_MAX_FILE_SIZE)),
  );
  const scope = new Scope(fs, base, {
    exclude: options.exclude,
    respectGitignore: options.respectGitignore,
    config,
  });
  const files: ScannedFile[] = [];
  const listedReal = new Set<string>();
  const realRoot = fs.realpath(base);
  const pending: Folder[] = [{ abs: base, rel: '', real: realRoot, parent: undefined, chain: [] }];
  const links: LinkedFolder[] = [];
  const join = (dir: string, name: string): string => (dir === '/' ? '/' + name : dir + '/' + name);

  const listFolder = (folder: Folder): void => {
    if (options.signal?.isCancellationRequested) throw new CancelledError();
    listedReal.add(folder.real);
    const entries = fs.readDirectory(folder.abs);
    if (entries === undefined) {
      warn({ file: folder.rel || '.', message: 'skipped: folder cannot be read' });
      return;
    }
    let hasGitignore = false;
    let besideDotnetProject = false;
    for (const entry of entries) {
      if (entry.kind === 'directory') continue;
      if (entry.name === '.gitignore') hasGitignore = true;
      else if (isDotnetProjectFile(entry.name)) besideDotnetProject = true;
    }
    const chain = scope.chainOf(folder.chain, folder.rel, hasGitignore, warn);

    for (const entry of entries) {
      const rel = folder.rel === '' ? entry.name : folder.rel + '/' + entry.name;
      const abs = join(folder.abs, entry.name);
      let kind = entry.kind;
      let stat: FileStat | undefined;
      if (kind === 'symlink') {
        // Checked before the stat: not even the size of what lies outside is looked at.
        if (!staysInside(fs, realRoot, abs)) {
          warn({ file: rel, message: LINKS_OUTSIDE });
          continue;
        }
        stat = fs.stat(abs);
        if (stat === undefined) {
          warn({ file: rel, message: 'skipped: broken symlink or symlink loop' });
          continue;
        }
        kind = stat.kind;
      }
      if (kind === 'directory') {
        if (scope.excludesEntry(rel, entry.name, true, chain, besideDotnetProject)) continue;
        if (entry.kind === 'symlink') links.push({ abs, rel, parent: folder, chain });
        else pending.push({ abs, rel, real: join(folder.real, entry.name), parent: folder, chain });
      } else if (kind === 'file') {
        if (scope.excludesEntry(rel, entry.name, false, chain, besideDotnetProject)) continue;
        stat ??= fs.stat(abs);
        if (stat === undefined) {
          warn({ file: rel, message: 'skipped: file cannot be read' });
        } else if (stat.size > maxFileSize) {
          warn({
            file: rel,
            message: `skipped: ${formatBytes(stat.size)} is over the ${formatBytes(maxFileSize)} limit (maxFileSize)`,
          });
        } else {
          const language = languageOf(entry.name);
          files.push(
            language === undefined
              ? { path: rel, size: stat.size, mtimeMs: stat.mtimeMs }
              : { path: rel, size: stat.size, mtimeMs: stat.mtimeMs, language },
          );
          if (files.length % PROGRESS_EVERY === 0)
            options.progress?.report({ phase: 'scan', done: files.length });
        }
      }
      // Sockets, pipes and devices are not files of a workspace: left out silently.
    }
  };

  const followLink = (link: LinkedFolder): void => {
    const real = fs.realpath(link.abs);
    for (let up: Folder | undefined = link.parent; up !== undefined; up = up.parent) {
      if (up.real === real) {
        warn({ file: link.rel, message: `skipped: symlink loop (points back to "${up.rel || '.'}")` });
        return;
      }
    }
    if (listedReal.has(real)) {
      warn({ file: link.rel, message: 'skipped: symlink to a folder that is already scanned' });
      return;
    }
    pending.push({ abs: link.abs, rel: link.rel, real, parent: link.parent, chain: link.chain });
  };

  for (;;) {
    const folder = pending.pop();
    if (folder !== undefined) listFolder(folder);
    else {
      const link = links.shift();
      if (link === undefined) break;
      followLink(link);
    }
  }

  files.sort((a, b) => compare(a.path, b.path));
  warnings.sort((a, b) => compare(a.file, b.file) || compare(a.message, b.message));
  options.progress?.report({ phase: 'scan', done: files.length, total: files.length });
  return { files, warnings, scope, config, maxFileSize };
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
