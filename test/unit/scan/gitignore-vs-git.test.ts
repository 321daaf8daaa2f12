import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';
import { scanWorkspace } from '../../../src/core/scan/scan-workspace';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';

/**
 * Trees whose `.gitignore` files exercise git's harder rules. Each is scanned and compared
 * with what `git status` says is untracked (not ignored) in a real repository.
 */
const CASES: Record<string, Record<string, string>> = {
  'a deeper file re-includes a folder; outer name rules still apply below it': {
    '.gitignore': 'gen/\n*.log\n',
    'sub/.gitignore': '!gen/\n',
    'sub/gen/x.ts': '',
    'sub/gen/y.log': '',
    'gen/z.ts': '',
  },
  'a folder ignored by an outer rule with a slash and re-included deeper keeps the outer name rules': {
    '.gitignore': '/sub/gen/\n/a/b/c.ts\n*.log\n',
    'sub/.gitignore': '!gen/\n',
    'sub/gen/x.ts': '',
    'sub/gen/y.log': '',
    'a/b/c.ts': '',
    'a/b/d.ts': '',
  },
  'rules with a slash are anchored to their folder and match one depth': {
    '.gitignore': '/docs/*.md\nsrc/legacy\n/top.ts\n',
    'docs/a.md': '',
    'docs/sub/b.md': '',
    'x/docs/c.md': '',
    'src/legacy/old.ts': '',
    'a/src/legacy/old.ts': '',
    'top.ts': '',
    'a/top.ts': '',
  },
  'leading and middle ** span folders': {
    '.gitignore': '**/fixtures/*.json\nlib/**/tmp\n',
    'a/b/fixtures/x.json': '',
    'fixtures/y.json': '',
    'fixtures/deep/z.json': '',
    'lib/tmp': '',
    'lib/a/b/tmp': '',
    'other/tmp': '',
  },
  'negation, folder-only rules and nested anchors': {
    '.gitignore': '*.gen.ts\n!keep.gen.ts\nout/\n',
    'a.gen.ts': '',
    'x/keep.gen.ts': '',
    'out/o.ts': '',
    'y/out': 'a file named out',
    'pkg/.gitignore': '/only-here.ts\n!*.gen.ts\nsecret/\n',
    'pkg/only-here.ts': '',
    'pkg/deep/only-here.ts': '',
    'pkg/b.gen.ts': '',
    'pkg/secret/s.ts': '',
  },
  'escapes, spaces and odd names': {
    '.gitignore': '\\#hash.ts\n\\!bang.ts\nsp\\ ace.ts\n[ab].txt\n',
    '#hash.ts': '',
    '!bang.ts': '',
    'sp ace.ts': '',
    'a.txt': '',
    'c.txt': '',
    '[ab].txt': '',
  },
};

function gitUntracked(dir: string): string[] {
  execFileSync('git', ['init', '-q'], { cwd: dir });
  const out = execFileSync(
    'git',
    ['-c', 'core.quotePath=false', 'status', '--porcelain', '-z', '--untracked-files=all'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  return out
    .split('\0')
    .filter((entry) => entry.startsWith('?? '))
    .map((entry) => entry.slice(3))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

describe('.gitignore semantics agree with git', () => {
  for (const [name, tree] of Object.entries(CASES)) {
    it(name, () => {
      const dir = nodeFs.mkdtempSync(path.join(os.tmpdir(), 'archlens-git-'));
      try {
        for (const [rel, content] of Object.entries(tree)) {
          nodeFs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
          nodeFs.writeFileSync(path.join(dir, rel), content);
        }
        const scanned = scanWorkspace(new NodeFileSystem(), toPosixPath(dir)).files.map((file) => file.path);
        assert.deepEqual(scanned, gitUntracked(dir));
        // The in-memory file system gives the same answer.
        const memory = new MemoryFileSystem(
          Object.fromEntries(Object.entries(tree).map(([rel, c]) => ['/w/' + rel, c])),
        );
        assert.deepEqual(
          scanWorkspace(memory, '/w').files.map((file) => file.path),
          scanned,
        );
      } finally {
        nodeFs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
