import ignore, { type Ignore } from 'ignore';
import type { Warning } from '../model';
import type { FileSystemPort } from '../ports';
import { decodeSourceText } from './read-text';

/** The rules of one `.gitignore`, with the folder (relative to the root, `''` for it) they apply in. */
export interface GitignoreRules {
  readonly base: string;
  readonly rules: Ignore;
}

/** Larger `.gitignore` files are not hand-written and are skipped. */
const MAX_GITIGNORE_SIZE = 1024 * 1024;

/**
 * Reads the `.gitignore` of folder `base` (relative to the root). `undefined` when there is
 * none or it cannot be used; the reason then goes to `warn`.
 */
export function readGitignore(
  fs: FileSystemPort,
  absDir: string,
  base: string,
  warn: (warning: Warning) => void,
): GitignoreRules | undefined {
  const rel = base === '' ? '.gitignore' : base + '/.gitignore';
  const bytes = fs.readFile(absDir + '/.gitignore');
  if (bytes === undefined) return undefined;
  const decoded = decodeSourceText(bytes, rel, MAX_GITIGNORE_SIZE);
  if ('warning' in decoded) {
    warn(decoded.warning);
    return undefined;
  }
  // Case-sensitive, as git is by default on Linux and in CI.
  return { base, rules: ignore({ ignoreCase: false }).add(decoded.text) };
}

/**
 * Whether the `.gitignore` files that apply to a path (outermost first) ignore it. As in git,
 * a deeper file overrides a shallower one, and within a file the last matching rule wins,
 * including a `!negation`. Parent folders are not re-checked: the caller never reaches the
 * inside of an ignored folder.
 */
export function isGitignored(chain: readonly GitignoreRules[], relPath: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { base, rules } of chain) {
    const local = base === '' ? relPath : relPath.slice(base.length + 1);
    try {
      const result = rules.test(isDir ? local + '/' : local);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    } catch {
      // `ignore` refuses paths it does not consider relative; such a path cannot match.
    }
  }
  return ignored;
}
