import { runSafeGit } from './safe-git';

/** What the team-size signal knows: a count from git, or why it is unknown. */
export type AuthorCount =
  { readonly known: true; readonly authors: number } | { readonly known: false; readonly reason: string };

/**
 * Distinct commit authors (by e-mail, case-insensitive) of the commits that touched `folder` in
 * the last 12 months (by commit date), read with `git log` through {@link runSafeGit}, so that
 * the repository's config cannot make git start a program. Still never called in an untrusted
 * workspace or on a repository of another user: that is the callers' rule.
 */
export async function countRecentAuthors(folder: string, now: Date = new Date()): Promise<AuthorCount> {
  const since = new Date(now.getTime() - 365 * 24 * 3600 * 1000).toISOString();
  const run = await runSafeGit(folder, [
    'log',
    '--no-show-signature',
    '--no-textconv',
    '--no-ext-diff',
    `--since=${since}`,
    '--format=%aE',
    '--no-merges',
    '--',
    '.',
  ]);
  if (!run.ok) return { known: false, reason: failureReason(run.error) };
  const authors = new Set(
    run.stdout
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l !== ''),
  );
  return { known: true, authors: authors.size };
}

function failureReason(error: Error): string {
  const message = String(error.message);
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'git is not installed';
  if (/not a git repository/i.test(message)) return 'the folder is not a git repository';
  if (/does not have any commits/i.test(message)) return 'the repository has no commits yet';
  return `git log failed: ${gitMessage(message)}`;
}

/** The `fatal:` line of git's output, or the first line of the error. */
function gitMessage(message: string): string {
  const lines = message.split('\n');
  return (lines.find((l) => l.startsWith('fatal:')) ?? lines[0] ?? message).trim();
}
