import { execFile } from 'node:child_process';
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Runs git on a repository that may be hostile: no setting of the repository (its `.git/config`,
 * an `include.path` it names, attributes) nor of the caller's environment can make git start a
 * program. Only the user's own global config still applies.
 */

/**
 * `-c` overrides, which outrank every config file. Each one closes a way a repository's config
 * starts a program from `git log`: signature checking runs `gpg.program`, an fsmonitor hook runs
 * on index refresh, a pager or external diff runs on output, hooks run from `core.hooksPath`.
 */
export const SAFE_GIT_CONFIG: readonly string[] = [
  // Empty, not `false`: before git 2.36 the value was a hook path, and only empty meant none.
  'core.fsmonitor=',
  'core.pager=cat',
  'diff.external=',
  'core.hooksPath=/dev/null',
  'log.showSignature=false',
];

/** Where git is looked for, and how (the defaults read the real file system). */
export interface GitLookup {
  /** The workspace: git is never taken from inside it. */
  readonly workspace: string;
  /** `PATH` (default: the process's). */
  readonly pathValue?: string | undefined;
  readonly platform?: NodeJS.Platform;
  /** The current directory (Windows would otherwise search it first). */
  readonly cwd?: string;
  readonly isExecutable?: (file: string) => boolean;
  readonly realpath?: (file: string) => string;
}

/**
 * The absolute path of the git that runs: the first on `PATH` whose folder is absolute, not
 * inside the workspace and (on Windows) not the current directory. A relative entry such as `.`
 * would pick up a `git` the repository ships, so it is skipped. Undefined when there is none.
 */
export function resolveGit(lookup: GitLookup): string | undefined {
  const platform = lookup.platform ?? process.platform;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const realpath = lookup.realpath ?? realpathOrSelf;
  const isExecutable = lookup.isExecutable ?? defaultIsExecutable;
  const pathValue = lookup.pathValue ?? pathOf(process.env, platform);
  const workspace = realpath(p.resolve(lookup.workspace));
  const cwd = realpath(p.resolve(lookup.cwd ?? process.cwd()));
  const name = platform === 'win32' ? 'git.exe' : 'git';
  for (const entry of (pathValue ?? '').split(platform === 'win32' ? ';' : ':')) {
    // Windows allows quoted entries (`"C:\Program Files\Git\cmd"`).
    const folder = platform === 'win32' ? entry.replace(/^"(.*)"$/, '$1') : entry;
    if (folder === '' || !p.isAbsolute(folder)) continue;
    const real = realpath(p.normalize(folder));
    if (isInside(p, real, workspace)) continue;
    if (platform === 'win32' && p.relative(real, cwd) === '') continue;
    const candidate = p.join(real, name);
    if (!isExecutable(candidate)) continue;
    if (isInside(p, realpath(candidate), workspace)) continue;
    return candidate;
  }
  return undefined;
}

/**
 * The environment git runs with: the caller's without any `GIT_*` variable (they can name config
 * files, a git directory, an ssh or askpass program), with no system config, no prompts, no
 * optional locks, and `PATH` reduced to the folders {@link resolveGit} accepts.
 */
export function safeGitEnv(
  env: NodeJS.ProcessEnv,
  workspace: string,
  platform: NodeJS.Platform = process.platform,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || /^GIT_/i.test(key)) continue;
    out[key] = value;
  }
  const pathKey = Object.keys(out).find((k) =>
    platform === 'win32' ? k.toUpperCase() === 'PATH' : k === 'PATH',
  );
  if (pathKey !== undefined) out[pathKey] = safePath(out[pathKey] ?? '', workspace, platform);
  out['GIT_CONFIG_NOSYSTEM'] = '1';
  out['GIT_TERMINAL_PROMPT'] = '0';
  out['GIT_OPTIONAL_LOCKS'] = '0';
  return out;
}

/** The result of one git run: its stdout, or the error (`code` `ENOENT` when there is no git). */
export type GitRun =
  { readonly ok: true; readonly stdout: string } | { readonly ok: false; readonly error: Error };

/**
 * Runs `git -c … -C folder <args>` with the overrides above. `args` should include the
 * command's own switches off (e.g. `--no-show-signature`, `--no-textconv`, `--no-ext-diff`).
 */
export function runSafeGit(
  folder: string,
  args: readonly string[],
  options: { readonly timeoutMs?: number; readonly maxBuffer?: number } = {},
): Promise<GitRun> {
  const git = resolveGit({ workspace: folder });
  if (git === undefined) {
    const error: NodeJS.ErrnoException = new Error('git was not found on PATH (outside the workspace)');
    error.code = 'ENOENT';
    return Promise.resolve({ ok: false, error });
  }
  const config = SAFE_GIT_CONFIG.flatMap((c) => ['-c', c]);
  return new Promise((resolve) => {
    execFile(
      git,
      ['--no-pager', ...config, '-C', folder, ...args],
      {
        cwd: folder,
        maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024,
        timeout: options.timeoutMs ?? 20_000,
        env: safeGitEnv(process.env, folder),
        windowsHide: true,
      },
      (error, stdout) => resolve(error ? { ok: false, error } : { ok: true, stdout }),
    );
  });
}

function safePath(value: string, workspace: string, platform: NodeJS.Platform): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const separator = platform === 'win32' ? ';' : ':';
  const root = realpathOrSelf(p.resolve(workspace));
  return value
    .split(separator)
    .filter((entry) => {
      const folder = platform === 'win32' ? entry.replace(/^"(.*)"$/, '$1') : entry;
      return folder !== '' && p.isAbsolute(folder) && !isInside(p, realpathOrSelf(p.normalize(folder)), root);
    })
    .join(separator);
}

function pathOf(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'win32') return env['PATH'];
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH');
  return key === undefined ? undefined : env[key];
}

function isInside(p: path.PlatformPath, file: string, folder: string): boolean {
  const rel = p.relative(folder, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${p.sep}`) && !p.isAbsolute(rel));
}

function realpathOrSelf(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

function defaultIsExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
