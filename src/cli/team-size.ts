import { statSync } from 'node:fs';
import * as path from 'node:path';
import { countRecentAuthors, type AuthorCount } from '../node/git-authors';

/** Reads a path's owner; undefined when the path does not exist. */
export type OwnerOf = (file: string) => number | undefined;

/**
 * Why git must not run on `folder`, or undefined. The CLI has no workspace trust, so it takes
 * the rule git itself uses for `safe.directory`: a repository owned by another user (the folder,
 * its repository's top or its `.git`) is somebody else's config, which could start programs.
 * POSIX only: Windows has no uid, and `uid` is then undefined.
 */
export function foreignRepositoryReason(
  folder: string,
  uid: number | undefined,
  ownerOf: OwnerOf = statOwner,
): string | undefined {
  if (uid === undefined) return undefined;
  for (const file of ownedPaths(folder, ownerOf)) {
    const owner = ownerOf(file);
    if (owner !== undefined && owner !== uid)
      return `git is not run on a folder owned by another user (${file} belongs to uid ${owner}, not ${uid}); its git config could start programs`;
  }
  return undefined;
}

/**
 * The team-size signal for `archlens detect`: undefined with `--no-git`, else the count or why
 * not; `skipped` is set when git was not run for safety (worth telling the user, unlike "not a
 * repository").
 */
export async function cliTeamSize(
  folder: string,
  noGit: boolean,
): Promise<{ readonly team: AuthorCount | undefined; readonly skipped?: string }> {
  if (noGit) return { team: undefined };
  const reason = foreignRepositoryReason(folder, process.getuid?.());
  if (reason !== undefined) return { team: { known: false, reason }, skipped: reason };
  return { team: await countRecentAuthors(folder) };
}

/** The folder, then (if it is in a repository) the repository's top and its `.git`. */
function ownedPaths(folder: string, ownerOf: OwnerOf): string[] {
  const paths = [folder];
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    if (ownerOf(dotGit) !== undefined) {
      if (dir !== folder) paths.push(dir);
      paths.push(dotGit);
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  return paths;
}

function statOwner(file: string): number | undefined {
  try {
    return statSync(file).uid;
  } catch {
    return undefined;
  }
}
