import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { countRecentAuthors } from '../../../src/node/git-authors';

function git(cwd: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env },
  });
}

function commit(dir: string, file: string, email: string, env: Record<string, string> = {}): void {
  writeFileSync(path.join(dir, file), file);
  git(dir, ['add', '.']);
  git(dir, ['-c', `user.email=${email}`, '-c', 'user.name=someone', 'commit', '-q', '-m', file], env);
}

describe('recommend: team size from git (countRecentAuthors)', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archlens-git-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the distinct authors of a real repository (by e-mail, case-insensitive)', async () => {
    git(dir, ['init', '-q']);
    commit(dir, 'a.txt', 'ada@example.com');
    commit(dir, 'b.txt', 'bob@example.com');
    commit(dir, 'c.txt', 'cy@example.com');
    commit(dir, 'd.txt', 'ADA@example.com');
    assert.deepEqual(await countRecentAuthors(dir), { known: true, authors: 3 });
  });

  it('leaves out commits older than 12 months, and commits that touched other folders', async () => {
    git(dir, ['init', '-q']);
    const old = { GIT_AUTHOR_DATE: '2001-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2001-01-01T00:00:00Z' };
    commit(dir, 'old.txt', 'old@example.com', old);
    commit(dir, 'new.txt', 'new@example.com');
    mkdirSync(path.join(dir, 'sub'));
    commit(dir, 'sub/x.txt', 'sub@example.com');
    assert.deepEqual(await countRecentAuthors(dir), { known: true, authors: 2 });
    assert.deepEqual(await countRecentAuthors(path.join(dir, 'sub')), { known: true, authors: 1 });
  });

  it('is unknown, with the reason, in a folder that is not a repository', async () => {
    const count = await countRecentAuthors(dir);
    assert.deepEqual(count, { known: false, reason: 'the folder is not a git repository' });
  });

  it('is unknown, with the reason, where git is not installed (not guessed from the repository)', async () => {
    git(dir, ['init', '-q']);
    commit(dir, 'a.txt', 'ada@example.com');
    // A real repository, but no git on the PATH: an empty folder stands for a machine without git.
    const noGit = path.join(dir, 'empty-bin');
    mkdirSync(noGit);
    const saved = process.env['PATH'];
    process.env['PATH'] = noGit;
    try {
      assert.deepEqual(await countRecentAuthors(dir), { known: false, reason: 'git is not installed' });
    } finally {
      process.env['PATH'] = saved;
    }
    assert.deepEqual(await countRecentAuthors(dir), { known: true, authors: 1 }, 'git found again');
  });

  it('is unknown, with the reason, in a repository without commits', async () => {
    git(dir, ['init', '-q']);
    const count = await countRecentAuthors(dir);
    assert.deepEqual(count, { known: false, reason: 'the repository has no commits yet' });
  });
});
