import * as assert from 'node:assert/strict';
import { caseless, globToRegex, selectorRegex } from '../../../src/core';
import { compileGlob } from '../../../src/core/scan/glob';

const PATHS = [
  'src/a.ts',
  'src/domain/order.ts',
  'src/domain/deep/nested/order.ts',
  'src/domainx/order.ts',
  'lib/src/domain/order.ts',
  'src',
  'a.b.ts',
  'src/modules/orders/index.ts',
  'src/modules/orders/internal/store.ts',
  'x{y}.ts',
  'src/[id].ts',
];

const GLOBS = [
  'src/**',
  '**/domain/**',
  'src/*.ts',
  'src/domain/*',
  '**/*.ts',
  'src/{domain,modules}/**',
  'src/modules/*/index.ts',
  'src/?.ts',
  '**',
  './src/domain/',
  'src/[ab].ts',
  'src/[!a].ts',
  'x\\{y}.ts',
  'src/**/order.ts',
];

describe('patterns of the rule export', () => {
  it('a glob as a regular expression matches the paths compileGlob matches, and no others', () => {
    for (const glob of GLOBS) {
      const regex = new RegExp(globToRegex(glob));
      const matcher = compileGlob(glob);
      for (const path of PATHS)
        assert.equal(regex.test(path), matcher.test(path), `${glob} on ${path} (${regex.source})`);
    }
  });

  it('caseless matches either case without flags, and keeps escapes, classes and groups', () => {
    const source = caseless(String.raw`(?:^|/)quer(?:y|ies)/|[.\-_]query\.[cm]?[jt]sx?$`);
    const regex = new RegExp(source);
    for (const yes of ['src/Queries/a.ts', 'src/QUERY/a.ts', 'src/get-order.Query.MTS', 'queries/x.js'])
      assert.ok(regex.test(yes), yes);
    for (const no of ['src/queriesx.ts', 'src/get-order.queryx.ts', 'src/query.d'])
      assert.ok(!regex.test(no), no);
    assert.equal(caseless(String.raw`\d(?=a)`), String.raw`\d(?=[aA])`);
  });

  it('packages match by name, resolved into node_modules (pnpm too), by scope prefix, and built-ins with node:', () => {
    const regex = new RegExp(
      selectorRegex({ kind: 'packages', names: ['pg', '@aws-sdk/'], builtins: ['fs', 'fs/promises'] }),
    );
    for (const yes of [
      'pg',
      'pg/lib/client',
      'node_modules/pg/lib/index.js',
      'node_modules/.pnpm/pg@8.11.0/node_modules/pg/lib/index.js',
      '@aws-sdk/client-s3',
      'node_modules/@aws-sdk/client-s3/dist/index.js',
      'fs',
      'node:fs/promises',
    ])
      assert.ok(regex.test(yes), yes);
    for (const no of [
      'pgx',
      'src/pg/index.ts',
      'node_modules/pg-promise/index.js',
      '@aws-sdk',
      'fsx',
      'src/fs',
    ])
      assert.ok(!regex.test(no), no);
  });

  it('a folder owned by a unit leaves out the units nested in it', () => {
    const regex = new RegExp(
      selectorRegex({ kind: 'owned', path: 'services/a', nested: ['services/a/worker', 'services/a/x.y'] }),
    );
    assert.ok(regex.test('services/a/src/main.ts'));
    assert.ok(regex.test('services/a/workers/main.ts'));
    assert.ok(!regex.test('services/a/worker/main.ts'));
    assert.ok(!regex.test('services/a/x.y/main.ts'));
    assert.ok(regex.test('services/a/xzy/main.ts'), 'a dot in a nested name is literal');
    assert.ok(!regex.test('services/ab/main.ts'));
  });
});
