import ignore, { type Ignore } from 'ignore';
import type { Warning } from '../model';
import type { FileSystemPort } from '../ports';
import { decodeSourceText } from './read-text';

/**
 * The compiled rules of a `.gitignore` text. Rules without a slash (`*.log`, `build/`,
 * `!keep.ts`) match an entry by its name alone, so they are kept apart and tested on the name:
 * exact, and cached by name. Rules with a slash (`/dist`, `docs/*.md`) match paths of a known
 * depth only (`pathDepth`); below it the name rules decide. Identical texts (one per package
 * of a monorepo) share one compiled set and its cache.
 */
export interface GitignoreRules {
  /** The rules without a slash, in their order. */
  readonly nameRules: Ignore;
  /** All the rules, when some have a slash. */
  readonly pathRules: Ignore | undefined;
  /** The deepest local path a rule with a slash can match; `Infinity` with `**`. */
  readonly pathDepth: number;
  /** Results of `nameRules` by name (with a trailing `/` for folders): names repeat a lot. */
  readonly byName: Map<string, MatchResult>;
}

/** One `.gitignore` file: its rules and the folder (relative to the root, `''` for it) they apply in. */
export interface GitignoreFile {
  readonly base: string;
  readonly rules: GitignoreRules;
}

/** Whether a rule ignores a path, or a `!negation` re-includes it. */
export interface MatchResult {
  readonly ignored: boolean;
  readonly unignored: boolean;
}

/**
 * One `.gitignore` as it applies in a folder. `tainted` when the file ignores a folder above
 * that a deeper `.gitignore` re-included: the `ignore` package would then report everything
 * below as ignored through that folder, so only the name rules are used there.
 */
export interface GitignoreLink {
  readonly file: GitignoreFile;
  readonly tainted: boolean;
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
  compile: (text: string) => GitignoreRules,
  warn: (warning: Warning) => void,
): GitignoreFile | undefined {
  const bytes = fs.readFile(absDir + '/.gitignore');
  if (bytes === undefined) return undefined;
  const decoded = decodeSourceText(
    bytes,
    base === '' ? '.gitignore' : base + '/.gitignore',
    MAX_GITIGNORE_SIZE,
  );
  if ('warning' in decoded) {
    warn(decoded.warning);
    return undefined;
  }
  return { base, rules: compile(decoded.text) };
}

/** Compiles the rules of a `.gitignore` text. */
export function compileGitignore(text: string): GitignoreRules {
  const nameLines: string[] = [];
  let pathDepth = 0;
  let hasPathRules = false;
  for (const line of text.split(/\r?\n/)) {
    const depth = slashedDepth(line);
    if (depth === 0) nameLines.push(line);
    else {
      hasPathRules = true;
      pathDepth = Math.max(pathDepth, depth);
    }
  }
  return {
    nameRules: rules().add(nameLines),
    pathRules: hasPathRules ? rules().add(text) : undefined,
    pathDepth,
    byName: new Map(),
  };
}

/** Case-sensitive, as git is by default on Linux and in CI. */
function rules(): Ignore {
  return ignore({ ignoreCase: false });
}

/**
 * 0 for a line that matches by name (or is blank or a comment); otherwise how many segments
 * deep a path it matches is (`Infinity` when it holds `**`).
 */
function slashedDepth(line: string): number {
  let pattern = line.trimEnd();
  if (pattern === '' || pattern.startsWith('#')) return 0;
  if (pattern.startsWith('!') || pattern.startsWith('\\')) pattern = pattern.slice(1);
  if (pattern.endsWith('/')) pattern = pattern.slice(0, -1);
  while (pattern.startsWith('**/')) pattern = pattern.slice(3);
  if (!pattern.includes('/')) return 0;
  if (pattern.includes('**')) return Infinity;
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  return pattern.split('/').length;
}

/**
 * The chain below folder `relDir`, which is in scope: the parent links, tainted where they
 * ignore the folder (so a deeper link re-included it). Only a link with path rules that can
 * still match below the folder, and with a deeper link after it, can be tainted: the last link
 * ignoring the folder would have left it out of scope.
 */
export function descendChain(chain: readonly GitignoreLink[], relDir: string): readonly GitignoreLink[] {
  let next: GitignoreLink[] | undefined;
  for (let i = 0; i < chain.length - 1; i++) {
    const link = chain[i] as GitignoreLink;
    const { pathRules, pathDepth } = link.file.rules;
    if (link.tainted || pathRules === undefined) continue;
    const local = localPath(link.file.base, relDir);
    if (depthOf(local) >= pathDepth) continue;
    if (test(pathRules, local + '/').ignored) {
      next ??= [...chain];
      next[i] = { file: link.file, tainted: true };
    }
  }
  return next ?? chain;
}

/**
 * Whether the `.gitignore` files that apply to an entry (outermost first) ignore it. As in
 * git, a deeper file overrides a shallower one, and within a file the last matching rule wins,
 * `!negation` included. The entry's folder is known to be in scope.
 */
export function isGitignored(
  chain: readonly GitignoreLink[],
  relPath: string,
  name: string,
  isDir: boolean,
): boolean {
  let ignored = false;
  const slash = isDir ? '/' : '';
  for (const { file, tainted } of chain) {
    const { pathRules, pathDepth } = file.rules;
    const local = localPath(file.base, relPath);
    const result =
      pathRules !== undefined && !tainted && depthOf(local) <= pathDepth
        ? test(pathRules, local + slash)
        : testName(file.rules, name + slash);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

function localPath(base: string, relPath: string): string {
  return base === '' ? relPath : relPath.slice(base.length + 1);
}

function depthOf(local: string): number {
  let depth = 1;
  for (let i = local.indexOf('/'); i >= 0; i = local.indexOf('/', i + 1)) depth++;
  return depth;
}

const NO_MATCH: MatchResult = { ignored: false, unignored: false };

function testName(rules: GitignoreRules, name: string): MatchResult {
  let result = rules.byName.get(name);
  if (result === undefined) {
    const { ignored, unignored } = test(rules.nameRules, name);
    result = ignored ? IGNORED : unignored ? UNIGNORED : NO_MATCH;
    rules.byName.set(name, result);
  }
  return result;
}

const IGNORED: MatchResult = { ignored: true, unignored: false };
const UNIGNORED: MatchResult = { ignored: false, unignored: true };

function test(rules: Ignore, path: string): MatchResult {
  try {
    return rules.test(path);
  } catch {
    // `ignore` refuses paths it does not consider relative (`.`, `..`); none can match.
    return NO_MATCH;
  }
}
