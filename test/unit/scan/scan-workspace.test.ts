import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';
import { CancelledError, type DirEntry, type ProgressReport } from '../../../src/core/ports';
import { scanWorkspace } from '../../../src/core/scan/scan-workspace';

/** A workspace at `/w` from paths relative to it. */
function workspace(entries: Record<string, string | Uint8Array | { link: string }>): MemoryFileSystem {
  return new MemoryFileSystem(
    Object.fromEntries(Object.entries(entries).map(([path, value]) => ['/w/' + path, value])),
  );
}

function paths(fs: MemoryFileSystem, options = {}): string[] {
  return scanWorkspace(fs, '/w', options).files.map((file) => file.path);
}

/** A file system whose given folders cannot be listed, as with a folder without read permission. */
class UnreadableFolders extends MemoryFileSystem {
  constructor(
    entries: Record<string, string>,
    private readonly unreadable: readonly string[],
  ) {
    super(entries);
  }

  override readDirectory(path: string): readonly DirEntry[] | undefined {
    return this.unreadable.includes(path) ? undefined : super.readDirectory(path);
  }
}

describe('scanWorkspace', () => {
  it('lists every file, sorted, with size, mtime and language', () => {
    const fs = workspace({
      'src/b.ts': 'export {}',
      'src/a.py': 'x = 1',
      'package.json': '{}',
      Dockerfile: 'FROM node',
    });
    const result = scanWorkspace(fs, '/w');
    assert.deepEqual(
      result.files.map((file) => [file.path, file.size, file.language]),
      [
        ['Dockerfile', 9, undefined],
        ['package.json', 2, undefined],
        ['src/a.py', 5, 'python'],
        ['src/b.ts', 9, 'typescript'],
      ],
    );
    assert.ok(result.files.every((file) => typeof file.mtimeMs === 'number' && file.mtimeMs > 0));
    assert.ok(!('language' in (result.files[0] ?? {})));
    assert.deepEqual(result.warnings, []);
  });

  it('leaves out default-excluded folders at any depth, but not files of those names', () => {
    const fs = workspace({
      'src/a.ts': '',
      'node_modules/x/index.js': '',
      'packages/p/node_modules/y/index.js': '',
      'packages/p/dist/index.js': '',
      'build/out.js': '',
      '.git/HEAD': '',
      '.next/cache.js': '',
      'target/debug/main': '',
      'svc/__pycache__/a.pyc': '',
      'svc/.venv/lib/site.py': '',
      'vendor/github.com/x/y.go': '',
      'coverage/lcov.info': '',
      'scripts/build': '#!/bin/sh',
    });
    assert.deepEqual(paths(fs), ['scripts/build', 'src/a.ts']);
  });

  it('leaves out bin and obj only beside a .NET project file', () => {
    const fs = workspace({
      'Api/Api.csproj': '<Project/>',
      'Api/Program.cs': '',
      'Api/bin/Debug/Api.dll': '',
      'Api/obj/project.assets.json': '',
      'cli/bin/run.js': '',
    });
    assert.deepEqual(paths(fs), ['Api/Api.csproj', 'Api/Program.cs', 'cli/bin/run.js']);
  });

  describe('.gitignore', () => {
    it('ignores by the root .gitignore: names at any depth, anchored paths, folder-only rules', () => {
      const fs = workspace({
        '.gitignore': '# comment\n*.log\n/generated\ntmp/\n',
        'a.log': '',
        'src/deep/b.log': '',
        'generated/x.ts': '',
        'src/generated/y.ts': '',
        'tmp/t.ts': '',
        'src/tmp/t.ts': '',
        'lib/tmp': 'a file named tmp',
        'src/keep.ts': '',
      });
      assert.deepEqual(paths(fs), ['.gitignore', 'lib/tmp', 'src/generated/y.ts', 'src/keep.ts']);
    });

    it('applies a nested .gitignore relative to its folder, and only inside it', () => {
      const fs = workspace({
        'a/.gitignore': '/local.ts\nsecret/\n',
        'a/local.ts': '',
        'a/sub/local.ts': '',
        'a/secret/s.ts': '',
        'b/local.ts': '',
        'b/secret/s.ts': '',
      });
      assert.deepEqual(paths(fs), ['a/.gitignore', 'a/sub/local.ts', 'b/local.ts', 'b/secret/s.ts']);
    });

    it('re-includes with a negation, and lets a deeper file override a shallower one', () => {
      const fs = workspace({
        '.gitignore': '*.gen.ts\n!keep.gen.ts\n*.txt\n',
        'a.gen.ts': '',
        'keep.gen.ts': '',
        'notes.txt': '',
        'docs/.gitignore': '!*.txt\n',
        'docs/readme.txt': '',
        'docs/deep/other.txt': '',
      });
      assert.deepEqual(paths(fs), [
        '.gitignore',
        'docs/.gitignore',
        'docs/deep/other.txt',
        'docs/readme.txt',
        'keep.gen.ts',
      ]);
    });

    it('cannot re-include a file whose folder is ignored, as in git', () => {
      const fs = workspace({ '.gitignore': 'logs/\n!logs/keep.ts\n', 'logs/keep.ts': '', 'src/a.ts': '' });
      assert.deepEqual(paths(fs), ['.gitignore', 'src/a.ts']);
    });

    it('matches case-sensitively', () => {
      const fs = workspace({ '.gitignore': 'Secret.ts\n', 'Secret.ts': '', 'secret.ts': '' });
      assert.deepEqual(paths(fs), ['.gitignore', 'secret.ts']);
    });

    it('is not read when respectGitignore is false', () => {
      const fs = workspace({ '.gitignore': '*.log\n', 'a.log': '' });
      assert.deepEqual(paths(fs, { respectGitignore: false }), ['.gitignore', 'a.log']);
    });

    it('skips a binary .gitignore with one warning and scans on', () => {
      const fs = workspace({ '.gitignore': new Uint8Array([0x2a, 0x00, 0x0a]), 'a.ts': '' });
      const result = scanWorkspace(fs, '/w');
      assert.deepEqual(
        result.files.map((file) => file.path),
        ['.gitignore', 'a.ts'],
      );
      assert.deepEqual(result.warnings, [{ file: '.gitignore', message: 'skipped: binary file' }]);
    });
  });

  it('leaves out what the caller’s globs match', () => {
    const fs = workspace({
      'src/a.ts': '',
      'src/a.spec.ts': '',
      'src/gen/x.ts': '',
      'legacy/old.js': '',
      'fixtures/f.ts': '',
      'test/fixtures/g.ts': '',
    });
    assert.deepEqual(paths(fs, { exclude: ['**/*.spec.ts', '**/gen/**', 'legacy', 'fixtures'] }), [
      'src/a.ts',
      'test/fixtures/g.ts',
    ]);
  });

  it('leaves out what archlens.config.json excludes, and takes its maxFileSize', () => {
    const fs = workspace({
      'archlens.config.json':
        '{ // comments are fine\n "exclude": ["**/*.stories.tsx"], "maxFileSize": 200, }',
      'ui/Button.tsx': 'x',
      'ui/Button.stories.tsx': 'x',
      'ui/big.tsx': 'x'.repeat(201),
    });
    const result = scanWorkspace(fs, '/w');
    assert.deepEqual(
      result.files.map((file) => file.path),
      ['archlens.config.json', 'ui/Button.tsx'],
    );
    assert.equal(result.maxFileSize, 200);
    assert.deepEqual(result.config.exclude, ['**/*.stories.tsx']);
    assert.deepEqual(result.warnings, [
      { file: 'ui/big.tsx', message: 'skipped: 201 bytes is over the 200 bytes limit (maxFileSize)' },
    ]);
  });

  it('reports config warnings, and uses a config given by the caller instead of reading one', () => {
    const fs = workspace({ 'archlens.config.json': '{ "exlude": [] }', 'a.ts': '', 'b.ts': '' });
    assert.deepEqual(scanWorkspace(fs, '/w').warnings, [
      {
        file: 'archlens.config.json',
        message: 'unknown key "exlude" (did you mean "exclude"?); ignored',
        line: 1,
        column: 3,
      },
    ]);
    const given = scanWorkspace(fs, '/w', { config: { exclude: ['b.ts'] } });
    assert.deepEqual(given.warnings, []);
    assert.deepEqual(
      given.files.map((file) => file.path),
      ['a.ts', 'archlens.config.json'],
    );
  });

  it('skips files over the cap with one warning each; the caller’s cap wins over the config’s', () => {
    const fs = workspace({
      'archlens.config.json': '{ "maxFileSize": 100 }',
      'small.ts': 'x'.repeat(10),
      'big.ts': 'x'.repeat(60),
    });
    const result = scanWorkspace(fs, '/w', { maxFileSize: 50 });
    assert.deepEqual(
      result.files.map((file) => file.path),
      ['archlens.config.json', 'small.ts'],
    );
    assert.deepEqual(result.warnings, [
      { file: 'big.ts', message: 'skipped: 60 bytes is over the 50 bytes limit (maxFileSize)' },
    ]);
  });

  it('defaults the cap to 1 MiB', () => {
    const fs = workspace({ 'ok.js': new Uint8Array(1024 * 1024), 'big.js': new Uint8Array(1024 * 1024 + 1) });
    const result = scanWorkspace(fs, '/w');
    assert.deepEqual(
      result.files.map((file) => file.path),
      ['ok.js'],
    );
    assert.deepEqual(result.warnings, [
      { file: 'big.js', message: 'skipped: 1 MiB is over the 1 MiB limit (maxFileSize)' },
    ]);
  });

  it('lists binary and non-UTF-8 files without reading them (readSourceText warns when a stage reads one)', () => {
    const fs = workspace({ 'logo.png': new Uint8Array([0x89, 0x00]), 'latin1.py': new Uint8Array([0xe9]) });
    const result = scanWorkspace(fs, '/w');
    assert.deepEqual(
      result.files.map((file) => [file.path, file.language]),
      [
        ['latin1.py', 'python'],
        ['logo.png', undefined],
      ],
    );
    assert.deepEqual(result.warnings, []);
  });

  describe('symlinks', () => {
    it('follows a symlinked folder and a symlinked file inside the root', () => {
      const fs = new MemoryFileSystem({
        '/w/lib/x.ts': '',
        '/w/file.ts': '',
        '/w/src/a.ts': '',
        '/w/src/lib': { link: '/w/lib' },
        '/w/src/f.ts': { link: '/w/file.ts' },
      });
      // The folder is listed once, under its real path; the file link is a file of its own.
      assert.deepEqual(paths(fs), ['file.ts', 'lib/x.ts', 'src/a.ts', 'src/f.ts']);
    });

    it('skips a symlinked folder and a symlinked file outside the root, one warning each', () => {
      const fs = new MemoryFileSystem({
        '/outside/lib/x.ts': '',
        '/outside/file.ts': '',
        '/w/src/a.ts': '',
        '/w/src/lib': { link: '/outside/lib' },
        '/w/src/f.ts': { link: '/outside/file.ts' },
        '/w/up': { link: '/' },
      });
      const result = scanWorkspace(fs, '/w');
      assert.deepEqual(
        result.files.map((file) => file.path),
        ['src/a.ts'],
      );
      assert.deepEqual(result.warnings, [
        { file: 'src/f.ts', message: 'skipped: links outside the workspace' },
        { file: 'src/lib', message: 'skipped: links outside the workspace' },
        { file: 'up', message: 'skipped: links outside the workspace' },
      ]);
    });

    it('skips a link back to a parent folder with one warning', () => {
      const fs = workspace({ 'a/b/c.ts': '', 'a/b/up': { link: '/w/a' }, 'a/top': { link: '/w' } });
      const result = scanWorkspace(fs, '/w');
      assert.deepEqual(
        result.files.map((file) => file.path),
        ['a/b/c.ts'],
      );
      assert.deepEqual(result.warnings, [
        { file: 'a/b/up', message: 'skipped: symlink loop (points back to "a")' },
        { file: 'a/top', message: 'skipped: symlink loop (points back to ".")' },
      ]);
    });

    it('does not enter a loop that runs through a folder outside the root', () => {
      const fs = new MemoryFileSystem({
        '/w/a.ts': '',
        '/w/ext': { link: '/outside' },
        '/outside/o.ts': '',
        '/outside/back': { link: '/w' },
        '/outside/self': { link: '/outside' },
      });
      const result = scanWorkspace(fs, '/w');
      assert.deepEqual(
        result.files.map((file) => file.path),
        ['a.ts'],
      );
      assert.deepEqual(result.warnings, [{ file: 'ext', message: 'skipped: links outside the workspace' }]);
    });

    it('lists a folder reached by a link and by its real path once, under its real path', () => {
      const fs = workspace({ alias: { link: '/w/real' }, 'real/x.ts': '' });
      const result = scanWorkspace(fs, '/w');
      assert.deepEqual(
        result.files.map((file) => file.path),
        ['real/x.ts'],
      );
      assert.deepEqual(result.warnings, [
        { file: 'alias', message: 'skipped: symlink to a folder that is already scanned' },
      ]);
    });

    it('follows two links to the same folder inside the root once', () => {
      const fs = new MemoryFileSystem({
        '/w/.shared/s.ts': '',
        '/w/a': { link: '/w/.shared/' },
        '/w/b': { link: '/w/.shared' },
      });
      const result = scanWorkspace(fs, '/w', { exclude: ['.shared'] });
      assert.deepEqual(
        result.files.map((file) => file.path),
        ['a/s.ts'],
      );
      assert.deepEqual(result.warnings, [
        { file: 'b', message: 'skipped: symlink to a folder that is already scanned' },
      ]);
    });

    it('skips a self-referencing or dangling link with one warning', () => {
      const fs = workspace({ 'a.ts': '', self: { link: '/w/self' }, dangling: { link: '/w/nowhere' } });
      const result = scanWorkspace(fs, '/w');
      assert.deepEqual(
        result.files.map((file) => file.path),
        ['a.ts'],
      );
      assert.deepEqual(result.warnings, [
        { file: 'dangling', message: 'skipped: broken symlink or symlink loop' },
        { file: 'self', message: 'skipped: broken symlink or symlink loop' },
      ]);
    });

    it('does not follow a link named like an excluded folder', () => {
      const fs = new MemoryFileSystem({
        '/pkgs/x/i.js': '',
        '/w/node_modules': { link: '/pkgs' },
        '/w/a.ts': '',
      });
      assert.deepEqual(paths(fs), ['a.ts']);
    });
  });

  it('skips an unreadable folder with one warning and scans the rest', () => {
    const fs = new UnreadableFolders({ '/w/a.ts': '', '/w/locked/x.ts': '', '/w/src/b.ts': '' }, [
      '/w/locked',
    ]);
    const result = scanWorkspace(fs, '/w');
    assert.deepEqual(
      result.files.map((file) => file.path),
      ['a.ts', 'src/b.ts'],
    );
    assert.deepEqual(result.warnings, [{ file: 'locked', message: 'skipped: folder cannot be read' }]);
  });

  it('warns about an unreadable or missing root', () => {
    const result = scanWorkspace(new MemoryFileSystem({}), '/nowhere');
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.warnings, [{ file: '.', message: 'skipped: folder cannot be read' }]);
  });

  it('keeps odd names intact: spaces, unicode, quotes, #, brackets', () => {
    const names = [
      'my file.ts',
      'café/ünïcode 😀.ts',
      `quote"s'.ts`,
      '#hash.ts',
      '[id]/page.tsx',
      '(group)/{x}.ts',
      'a\\b.ts',
      '...',
    ];
    const fs = workspace(Object.fromEntries(names.map((name) => [name, ''])));
    assert.deepEqual(
      paths(fs),
      [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });

  it('matches odd names in .gitignore and globs', () => {
    const fs = workspace({
      '.gitignore': '\\#hash.ts\nmy\\ file.ts\n',
      '#hash.ts': '',
      'my file.ts': '',
      '[id]/page.tsx': '',
      '[id]/other.tsx': '',
      'keep.ts': '',
    });
    assert.deepEqual(paths(fs, { exclude: ['\\[id\\]/page.tsx'] }), [
      '.gitignore',
      '[id]/other.tsx',
      'keep.ts',
    ]);
  });

  it('accepts a root with a trailing slash', () => {
    const fs = workspace({ 'a.ts': '' });
    assert.deepEqual(
      scanWorkspace(fs, '/w/').files.map((file) => file.path),
      ['a.ts'],
    );
  });

  it('reports progress and ends with the total', () => {
    const entries: Record<string, string> = {};
    for (let i = 0; i < 4500; i++) entries[`d${i % 10}/f${i}.ts`] = '';
    const reports: ProgressReport[] = [];
    scanWorkspace(workspace(entries), '/w', { progress: { report: (progress) => reports.push(progress) } });
    assert.deepEqual(
      reports.map((report) => report.done),
      [2000, 4000, 4500],
    );
    assert.deepEqual(reports.at(-1), { phase: 'scan', done: 4500, total: 4500 });
  });

  it('throws CancelledError when cancelled', () => {
    const fs = workspace({ 'a/b.ts': '', 'c/d.ts': '' });
    let listed = 0;
    const signal = {
      get isCancellationRequested() {
        return ++listed > 2;
      },
    };
    assert.throws(() => scanWorkspace(fs, '/w', { signal }), CancelledError);
  });
});
