import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';
import { createScopeMatcher } from '../../../src/core/scan/create-scope-matcher';
import { scanWorkspace } from '../../../src/core/scan/scan-workspace';
import { isScopeFile } from '../../../src/core/scan/scope';

describe('createScopeMatcher', () => {
  const fs = new MemoryFileSystem({
    '/w/.gitignore': '*.log\n/tmp\n',
    '/w/archlens.config.json': '{ "exclude": ["**/*.gen.ts"] }',
    '/w/pkg/.gitignore': 'local/\n!keep.log\n',
    '/w/pkg/src/a.ts': '',
    '/w/Api/Api.csproj': '',
  });

  it('answers for a path in scope', () => {
    const scope = createScopeMatcher(fs, '/w');
    assert.equal(scope.isExcluded('pkg/src/new.ts', false), false);
    assert.equal(scope.isExcluded('brand/new/folder', true), false);
  });

  it('excludes by default excludes, through any parent', () => {
    const scope = createScopeMatcher(fs, '/w');
    assert.equal(scope.isExcluded('node_modules', true), true);
    assert.equal(scope.isExcluded('pkg/node_modules/x/index.js', false), true);
    assert.equal(scope.isExcluded('pkg/dist/index.js', false), true);
    assert.equal(scope.isExcluded('Api/bin/Debug/x.dll', false), true);
    assert.equal(scope.isExcluded('cli/bin/run.js', false), false);
  });

  it('excludes by the root and nested .gitignore files, with their folder-relative semantics', () => {
    const scope = createScopeMatcher(fs, '/w');
    assert.equal(scope.isExcluded('debug.log', false), true);
    assert.equal(scope.isExcluded('pkg/src/debug.log', false), true);
    assert.equal(scope.isExcluded('pkg/keep.log', false), false);
    assert.equal(scope.isExcluded('tmp/x.ts', false), true);
    assert.equal(scope.isExcluded('pkg/tmp/x.ts', false), false);
    assert.equal(scope.isExcluded('pkg/local', true), true);
    assert.equal(scope.isExcluded('pkg/local/x.ts', false), true);
    assert.equal(scope.isExcluded('pkg/local', false), false);
  });

  it('excludes by config and caller globs', () => {
    assert.equal(createScopeMatcher(fs, '/w').isExcluded('pkg/src/api.gen.ts', false), true);
    const scope = createScopeMatcher(fs, '/w', { exclude: ['pkg/src/**'], config: {} });
    assert.equal(scope.isExcluded('pkg/src/a.ts', false), true);
    assert.equal(scope.isExcluded('pkg/src/api.gen.ts', false), true);
    assert.equal(scope.isExcluded('other/api.gen.ts', false), false);
  });

  it('ignores .gitignore files when told to', () => {
    assert.equal(
      createScopeMatcher(fs, '/w', { respectGitignore: false }).isExcluded('debug.log', false),
      false,
    );
  });

  it('agrees with the scan on every path of a workspace', () => {
    const tree = new MemoryFileSystem({
      '/w/.gitignore': 'out-*\n!out-keep\nlogs/\n',
      '/w/src/a.ts': '',
      '/w/src/out-1.ts': '',
      '/w/src/out-keep': '',
      '/w/logs/x.ts': '',
      '/w/src/logs': 'a file',
      '/w/pkg/.gitignore': '/b.ts\n',
      '/w/pkg/b.ts': '',
      '/w/pkg/sub/b.ts': '',
      '/w/node_modules/m/i.js': '',
      '/w/gen/x.ts': '',
    });
    const result = scanWorkspace(tree, '/w', { exclude: ['gen'] });
    const all = [
      'src/a.ts',
      'src/out-1.ts',
      'src/out-keep',
      'logs/x.ts',
      'src/logs',
      'pkg/b.ts',
      'pkg/sub/b.ts',
    ];
    const fresh = createScopeMatcher(tree, '/w', { exclude: ['gen'] });
    for (const path of [...all, 'node_modules/m/i.js', 'gen/x.ts']) {
      const scanned = result.files.some((file) => file.path === path);
      assert.equal(result.scope.isExcluded(path, false), !scanned, path);
      assert.equal(fresh.isExcluded(path, false), !scanned, path);
    }
  });
});

describe('isScopeFile', () => {
  it('is true for the files that change the scope', () => {
    for (const path of ['.gitignore', 'a/b/.gitignore', 'archlens.config.json', 'src/Api/Api.csproj']) {
      assert.ok(isScopeFile(path), path);
    }
    for (const path of ['a.ts', 'sub/archlens.config.json', 'x.gitignore', 'package.json'])
      assert.ok(!isScopeFile(path), path);
  });
});
