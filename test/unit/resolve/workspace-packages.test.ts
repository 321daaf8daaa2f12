import * as assert from 'node:assert/strict';
import type { Warning } from '../../../src/core/model';
import { findWorkspacePackages } from '../../../src/core/resolve/workspace-packages';

function packagesOf(files: Readonly<Record<string, string>>): [string, string][] {
  const warnings: Warning[] = [];
  const found = findWorkspacePackages(Object.keys(files), (rel) => files[rel], warnings);
  return [...found.values()].map((p) => [p.name, p.dir]);
}

describe('resolve: workspace packages of every monorepo manager', () => {
  it("Rush's rush.json (with comments) lists each project's folder", () => {
    assert.deepEqual(
      packagesOf({
        'rush.json':
          '// Rush config\n{\n  /* projects */\n  "projects": [\n    { "packageName": "@acme/app", "projectFolder": "src/app" },\n    { "packageName": "@acme/booking", "projectFolder": "src/modules/booking/" },\n  ],\n}\n',
        'src/app/package.json': '{ "name": "@acme/app" }',
        'src/modules/booking/package.json': '{ "name": "@acme/booking" }',
        'src/other/package.json': '{ "name": "@acme/other" }',
      }),
      [
        ['@acme/app', 'src/app'],
        ['@acme/booking', 'src/modules/booking'],
      ],
    );
  });

  it("Lerna's lerna.json lists package globs", () => {
    assert.deepEqual(
      packagesOf({
        'lerna.json': '{ "packages": ["packages/*"] }',
        'packages/core/package.json': '{ "name": "core" }',
        'tools/x/package.json': '{ "name": "x" }',
      }),
      [['core', 'packages/core']],
    );
  });

  it('a malformed rush.json gives one warning and no packages', () => {
    const warnings: Warning[] = [];
    const found = findWorkspacePackages(
      ['rush.json'],
      (rel) => (rel === 'rush.json' ? '{ "projects": [' : undefined),
      warnings,
    );
    assert.equal(found.size, 0);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]?.message ?? '', /^Cannot parse rush\.json/);
  });
});
