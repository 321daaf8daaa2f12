import { execFile } from 'node:child_process';

/** What the team-size signal knows: a count from git, or why it is unknown. */
export type AuthorCount =
  { readonly known: true; readonly authors: number } | { readonly known: false; readonly reason: string };

/**
 * Distinct commit authors (by e-mail, case-insensitive) of the commits that touched `folder` in
 * the last 12 months (by commit date), read with `git log`. Never called
 * in an untrusted workspace: a repository's own config can make git start programs.
 */
export function countRecentAuthors(folder: string, now: Date = new Date()): Promise<AuthorCount> {
  const since = new Date(now.getTime() - 365 * 24 * 3600 * 1000).toISOString();
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', folder, 'log', `--since=${since}`, '--format=%aE', '--no-merges', '--', '.'],
      {
        maxBuffer: 64 * 1024 * 1024,
        timeout: 20_000,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
      },
      (error, stdout) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const reason =
            code === 'ENOENT'
              ? 'git is not installed'
              : /not a git repository/i.test(String(error.message))
                ? 'the folder is not a git repository'
                : /does not have any commits/i.test(String(error.message))
                  ? 'the repository has no commits yet'
                  : `git log failed: ${gitMessage(error.message)}`;
          resolve({ known: false, reason });
          return;
        }
        const authors = new Set(
          stdout
            .split('\n')
            .map((l) => l.trim().toLowerCase())
            .filter((l) => l !== ''),
        );
        resolve({ known: true, authors: authors.size });
      },
    );
  });
}

/** The `fatal:` line of git's output, or the first line of the error. */
function gitMessage(message: string): string {
  const lines = message.split('\n');
  return (lines.find((l) => l.startsWith('fatal:')) ?? lines[0] ?? message).trim();
}
