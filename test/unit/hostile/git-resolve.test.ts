import * as assert from 'node:assert/strict';
import { resolveGit, safeGitEnv } from '../../../src/node/safe-git';

// Which git runs is decided from PATH alone (no shell, no search of the current directory):
// these cases use a fake file system, so the Windows rules are checked on every platform.

function lookup(platform: NodeJS.Platform, executables: readonly string[]) {
  return {
    platform,
    isExecutable: (file: string) => executables.includes(file),
    realpath: (file: string) => file,
  };
}

describe('hostile repository: which git runs (resolveGit)', () => {
  it('POSIX: skips relative entries and folders inside the workspace, takes the first other git', () => {
    const found = resolveGit({
      ...lookup('linux', ['/ws/git', '/ws/tools/bin/git', '/usr/local/bin/git', '/usr/bin/git']),
      workspace: '/ws',
      cwd: '/ws',
      pathValue: ['.', 'bin', '', '/ws', '/ws/tools/bin', '/usr/local/bin', '/usr/bin'].join(':'),
    });
    assert.equal(found, '/usr/local/bin/git');
  });

  it('POSIX: a folder merely named like the workspace (/ws-tools) is not inside it', () => {
    const found = resolveGit({
      ...lookup('linux', ['/ws-tools/git']),
      workspace: '/ws',
      pathValue: '/ws-tools',
    });
    assert.equal(found, '/ws-tools/git');
  });

  it('POSIX: a symlinked PATH folder that leads into the workspace is skipped', () => {
    const found = resolveGit({
      platform: 'linux',
      isExecutable: (file) => file === '/ws/bin/git' || file === '/usr/bin/git',
      realpath: (file) => (file === '/opt/link' ? '/ws/bin' : file),
      workspace: '/ws',
      pathValue: '/opt/link:/usr/bin',
    });
    assert.equal(found, '/usr/bin/git');
  });

  it('none at all: undefined (reported as "git is not installed")', () => {
    assert.equal(
      resolveGit({ ...lookup('linux', ['/ws/git']), workspace: '/ws', pathValue: '.:/ws' }),
      undefined,
    );
  });

  it('Windows: git.exe only, never the current directory, never inside the workspace (any case)', () => {
    const found = resolveGit({
      ...lookup('win32', [
        'C:\\work\\repo\\git.exe',
        'C:\\Users\\me\\git.exe',
        'C:\\Program Files\\Git\\cmd\\git.exe',
      ]),
      workspace: 'C:\\work\\repo',
      cwd: 'C:\\Users\\me',
      pathValue: ['.', 'C:\\WORK\\Repo', 'C:\\Users\\me', '"C:\\Program Files\\Git\\cmd"'].join(';'),
    });
    assert.equal(found, 'C:\\Program Files\\Git\\cmd\\git.exe');
  });

  it('the environment git gets: no GIT_* from outside, no system config, PATH without workspace or relative folders', () => {
    const env = safeGitEnv(
      {
        PATH: '.:/ws/bin:/usr/bin',
        GIT_DIR: '/elsewhere',
        GIT_CONFIG_GLOBAL: '/x',
        git_exec_path: '/y',
        HOME: '/home/me',
      },
      '/ws',
      'linux',
    );
    assert.deepEqual(env, {
      PATH: '/usr/bin',
      HOME: '/home/me',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_TERMINAL_PROMPT: '0',
      GIT_OPTIONAL_LOCKS: '0',
    });
  });
});
