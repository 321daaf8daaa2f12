// Turns a temporary copy of a fixture into a hostile git repository (a fixture cannot commit a
// .git folder): its last commit carries a `gpgsig` header, and its .git/config makes a plain
// `git log` run a script (log.showSignature + gpg.program, core.fsmonitor, core.pager, diff.external)
// that writes a marker file outside the workspace. ArchLens must never let it run.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function git(cwd, args, input) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  }).trim();
}

/**
 * Makes `workspace` a hostile repository whose programs live in `toolsDir`; returns the marker
 * path (absent until something runs one of them).
 */
export function makeHostileRepo(workspace, toolsDir) {
  mkdirSync(toolsDir, { recursive: true });
  const marker = path.join(toolsDir, 'MARKER');
  const script = path.join(toolsDir, 'evil.sh');
  writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\nexit 0\n`);
  chmodSync(script, 0o755);
  git(workspace, ['init', '-q']);
  git(workspace, ['add', '.']);
  const tree = git(workspace, ['write-tree']);
  const now = Math.floor(Date.now() / 1000);
  const commit = [
    `tree ${tree}`,
    `author Mallory <mallory@example.com> ${now} +0000`,
    `committer Mallory <mallory@example.com> ${now} +0000`,
    'gpgsig -----BEGIN PGP SIGNATURE-----',
    ' ',
    ' iQEzBAABCAAdFiEEAAAAAAAAAAAAAAAAAAAAAAAAAAAFAmAAAAAACgkQAAAAAAAAAAAA',
    ' -----END PGP SIGNATURE-----',
    '',
    'a signed commit',
    '',
  ].join('\n');
  git(workspace, [
    'update-ref',
    'HEAD',
    git(workspace, ['hash-object', '-t', 'commit', '-w', '--stdin'], commit),
  ]);
  for (const [key, value] of [
    ['log.showSignature', 'true'],
    ['gpg.program', script],
    ['core.fsmonitor', script],
    ['core.pager', script],
    ['diff.external', script],
  ])
    git(workspace, ['config', key, value]);
  return marker;
}

/** True when a plain `git log` in `workspace` runs the script: the repository really is hostile. */
export function hostileRepoBites(workspace, marker) {
  git(workspace, ['log', '-1', '--format=%aE']);
  return existsSync(marker);
}
