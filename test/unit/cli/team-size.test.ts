import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { foreignRepositoryReason } from '../../../src/cli/team-size';
import { runCliCaptured } from '../support/captured-cli';

const cli = (...argv: string[]) => runCliCaptured(argv, tmpdir());

describe('archlens detect: git is not run on a repository owned by another user', () => {
  it('names the first path owned by another uid: the folder, the repository top, or its .git', () => {
    const owners: Record<string, number> = { '/r': 1000, '/r/.git': 1000, '/r/sub': 1000 };
    const ownerOf = (file: string): number | undefined => owners[file];
    assert.equal(foreignRepositoryReason('/r/sub', 1000, ownerOf), undefined);
    owners['/r/.git'] = 0;
    assert.match(
      foreignRepositoryReason('/r/sub', 1000, ownerOf) ?? '',
      /\/r\/\.git belongs to uid 0, not 1000/,
    );
    owners['/r/.git'] = 1000;
    owners['/r'] = 42;
    assert.match(foreignRepositoryReason('/r/sub', 1000, ownerOf) ?? '', /\/r belongs to uid 42/);
    assert.equal(
      foreignRepositoryReason('/r/sub', undefined, ownerOf),
      undefined,
      'no uid (Windows): no check',
    );
  });

  it('outside any repository only the folder itself counts', () => {
    assert.equal(
      foreignRepositoryReason('/x', 7, (f) => (f === '/x' ? 7 : undefined)),
      undefined,
    );
    assert.match(foreignRepositoryReason('/x', 7, (f) => (f === '/x' ? 8 : undefined)) ?? '', /uid 8/);
  });

  // chown to another uid needs root; a real repository then shows the whole path through the CLI.
  (process.getuid?.() === 0 ? it : it.skip)(
    'detect on a real repository chowned to another uid says git was skipped (skipped unless root: chown needs it)',
    async function () {
      this.timeout(60_000);
      const dir = mkdtempSync(path.join(tmpdir(), 'archlens-foreign-'));
      try {
        mkdirSync(path.join(dir, 'src'));
        writeFileSync(path.join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
        execFileSync('git', ['init', '-q'], { cwd: dir });
        chownSync(dir, 4242, 4242);
        chownSync(path.join(dir, '.git'), 4242, 4242);
        const result = await cli('detect', dir);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stderr, /team size unknown: git is not run on a folder owned by another user/);
        assert.match(result.stderr, /belongs to uid 4242/);
        const skipped = await cli('detect', dir, '--no-git');
        assert.doesNotMatch(skipped.stderr, /team size/, '--no-git asks for no git, so no note');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
