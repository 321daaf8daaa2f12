import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { countRecentAuthors } from '../../../src/node/git-authors';

// A repository can name programs in its .git/config that git starts on its own (signature checks,
// fsmonitor, pager, external diff, hooks), and can ship a `git` of its own. Each test builds a
// real repository whose config names a script that writes a marker file, then counts authors.

const isWindows = process.platform === 'win32';

function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
    env: { ...process.env, GIT_CONFIG_GLOBAL: isWindows ? 'NUL' : '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  }).trim();
}

/** A script that, when run, writes `marker` (and prints a fake author, in case it is taken for git). */
function markerScript(file: string, marker: string): string {
  writeFileSync(file, `#!/bin/sh\necho ran >> '${marker}'\necho evil@example.com\nexit 0\n`);
  chmodSync(file, 0o755);
  return file;
}

/** A commit carrying a `gpgsig` header, so that `log.showSignature` makes git call `gpg.program`. */
function signedCommit(repo: string, email: string, parent?: string): string {
  const tree = git(repo, ['write-tree']);
  const now = Math.floor(Date.now() / 1000);
  const object = [
    `tree ${tree}`,
    ...(parent ? [`parent ${parent}`] : []),
    `author Someone <${email}> ${now} +0000`,
    `committer Someone <${email}> ${now} +0000`,
    'gpgsig -----BEGIN PGP SIGNATURE-----',
    ' ',
    ' iQEzBAABCAAdFiEEAAAAAAAAAAAAAAAAAAAAAAAAAAAFAmAAAAAACgkQAAAAAAAAAAAA',
    ' -----END PGP SIGNATURE-----',
    '',
    `signed by ${email}`,
    '',
  ].join('\n');
  const sha = git(repo, ['hash-object', '-t', 'commit', '-w', '--stdin'], object);
  git(repo, ['update-ref', 'HEAD', sha]);
  return sha;
}

(isWindows ? describe.skip : describe)(
  'hostile repository: git never starts a program it names (skipped on Windows: the marker programs are shell scripts)',
  () => {
    let root = '';
    let repo = '';
    let tools = '';
    let marker = '';
    const savedPath = process.env['PATH'];
    const savedCwd = process.cwd();

    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'archlens-hostile-git-'));
      repo = path.join(root, 'repo');
      tools = path.join(root, 'tools');
      mkdirSync(repo);
      mkdirSync(tools);
      marker = path.join(tools, 'MARKER');
      git(repo, ['init', '-q']);
      writeFileSync(path.join(repo, 'a.ts'), 'export const a = 1;\n');
      git(repo, ['add', '.']);
      const first = signedCommit(repo, 'ada@example.com');
      // A second file, so that the second commit changes the tree (`git log -- .` skips one that does not).
      writeFileSync(path.join(repo, 'b.ts'), 'export const b = 2;\n');
      git(repo, ['add', '.']);
      signedCommit(repo, 'bob@example.com', first);
    });

    afterEach(() => {
      process.env['PATH'] = savedPath;
      process.chdir(savedCwd);
      rmSync(root, { recursive: true, force: true });
    });

    it('the repository really is hostile: plain `git log` runs its gpg.program', () => {
      // Guards the test itself: if this git did not honour the config, the tests below prove nothing.
      git(repo, ['config', 'log.showSignature', 'true']);
      git(repo, ['config', 'gpg.program', markerScript(path.join(tools, 'gpg'), marker)]);
      git(repo, ['log', '--format=%aE']);
      assert.ok(existsSync(marker), 'plain git ran the program');
    });

    it('ignores log.showSignature + gpg.program, core.fsmonitor, core.pager, diff.external and hooks', async () => {
      const script = markerScript(path.join(tools, 'evil'), marker);
      const set = (key: string, value: string): string => git(repo, ['config', key, value]);
      set('log.showSignature', 'true');
      set('gpg.program', script);
      set('gpg.ssh.program', script);
      set('core.fsmonitor', script);
      set('core.pager', script);
      set('pager.log', script);
      set('diff.external', script);
      mkdirSync(path.join(repo, 'hooks'));
      markerScript(path.join(repo, 'hooks', 'post-index-change'), marker);
      set('core.hooksPath', path.join(repo, 'hooks'));
      assert.deepEqual(await countRecentAuthors(repo), { known: true, authors: 2 });
      assert.equal(existsSync(marker), false, 'no program named by .git/config ran');
    });

    it('ignores config that an include.path in .git/config pulls in', async () => {
      const included = path.join(repo, 'evil.gitconfig');
      writeFileSync(
        included,
        `[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ${markerScript(path.join(tools, 'gpg'), marker)}\n`,
      );
      git(repo, ['config', 'include.path', included]);
      assert.deepEqual(await countRecentAuthors(repo), { known: true, authors: 2 });
      assert.equal(existsSync(marker), false);
    });

    it('never runs a `git` from the workspace, whether PATH names it relatively (.) or absolutely', async () => {
      markerScript(path.join(repo, 'git'), marker);
      mkdirSync(path.join(repo, 'bin'));
      markerScript(path.join(repo, 'bin', 'git'), marker);
      // An absolute entry outside the workspace that is a symlink into it counts as inside.
      symlinkSync(path.join(repo, 'bin'), path.join(root, 'link-to-bin'));
      process.env['PATH'] = [
        '.',
        'bin',
        path.join(root, 'link-to-bin'),
        path.join(repo, 'bin'),
        savedPath,
      ].join(path.delimiter);
      process.chdir(repo);
      assert.deepEqual(await countRecentAuthors(repo), { known: true, authors: 2 });
      assert.equal(existsSync(marker), false, 'the workspace git never ran');
    });

    it('ignores GIT_* variables of its environment (config, git dir, extra -c parameters)', async () => {
      const other = path.join(root, 'other');
      mkdirSync(other);
      git(other, ['init', '-q']);
      const hostileGlobal = path.join(tools, 'global.gitconfig');
      writeFileSync(
        hostileGlobal,
        `[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ${markerScript(path.join(tools, 'gpg'), marker)}\n`,
      );
      const saved = { ...process.env };
      Object.assign(process.env, {
        GIT_DIR: path.join(other, '.git'),
        GIT_CONFIG_GLOBAL: hostileGlobal,
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'log.showSignature',
        GIT_CONFIG_VALUE_0: 'true',
      });
      try {
        assert.deepEqual(await countRecentAuthors(repo), { known: true, authors: 2 });
      } finally {
        for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
        Object.assign(process.env, saved);
      }
      assert.equal(existsSync(marker), false);
    });
  },
);
