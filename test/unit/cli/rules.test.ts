import * as assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCliCaptured } from '../support/captured-cli';

const FIXTURES = path.resolve('test/fixtures/rules');

describe('archlens rules', function () {
  this.timeout(60_000);
  let work = '';
  let dir = '';
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'archlens-rules-'));
    dir = path.join(work, 'modular-monolith');
    cpSync(path.join(FIXTURES, 'modular-monolith'), dir, { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('prints the dependency-cruiser config by default, and names the rules left out on stderr', async () => {
    const run = await runCliCaptured(['rules', dir, '--no-git'], work);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^module\.exports = \{/m);
    assert.match(run.stdout, /"name": "modular-monolith\/deep-import"/);
    assert.match(run.stdout, /"tsPreCompilationDeps": true/);
    assert.match(run.stderr, /not exported: modular-monolith\/module-cycle: /);
  });

  it('prints an eslint-plugin-boundaries flat config with --format eslint-boundaries', async () => {
    const run = await runCliCaptured(['rules', dir, '--format', 'eslint-boundaries', '--no-git'], work);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^import boundaries from 'eslint-plugin-boundaries';$/m);
    assert.match(run.stdout, /"boundaries\/element-types": \[/);
    assert.match(run.stdout, /"plugins": \{\s*"boundaries": boundaries\s*\}/);
  });

  it('writes --out inside the workspace, refuses to replace it without --force, replaces it with', async () => {
    const out = path.join(dir, '.dependency-cruiser.cjs');
    const first = await runCliCaptured(['rules', dir, '--out', out, '--no-git'], work);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, '');
    assert.match(first.stderr, /wrote \d+ rules to \.dependency-cruiser\.cjs/);
    assert.match(readFileSync(out, 'utf8'), /module\.exports = /);
    writeFileSync(out, 'mine');
    const refused = await runCliCaptured(['rules', dir, '--out', out, '--no-git'], work);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /exists; add --force/);
    assert.equal(readFileSync(out, 'utf8'), 'mine', 'the existing file is kept');
    const forced = await runCliCaptured(['rules', dir, '--out', out, '--force', '--no-git'], work);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(out, 'utf8'), /module\.exports = /);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });

  it('refuses a file outside the workspace folder, also through a linked folder', async () => {
    const outside = path.join(work, 'outside.cjs');
    const run = await runCliCaptured(['rules', dir, '--out', outside, '--no-git'], work);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /inside the workspace folder/);
    assert.ok(!existsSync(outside));
    mkdirSync(path.join(work, 'elsewhere'));
    symlinkSync(path.join(work, 'elsewhere'), path.join(dir, 'link'));
    const linked = await runCliCaptured(['rules', dir, '--out', 'link/x.cjs', '--no-git'], dir);
    assert.equal(linked.code, 2);
    assert.ok(!existsSync(path.join(work, 'elsewhere', 'x.cjs')));
  });

  it('rejects --force without --out, an unknown format and a missing folder for --out', async () => {
    const force = await runCliCaptured(['rules', dir, '--force', '--no-git'], work);
    assert.equal(force.code, 2);
    assert.match(force.stderr, /--force only applies with --out/);
    const format = await runCliCaptured(['rules', dir, '--format', 'sarif', '--no-git'], work);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /no sarif output; use one of dependency-cruiser, eslint-boundaries/);
    const missing = await runCliCaptured(['rules', dir, '--out', 'no/such/x.cjs', '--no-git'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such folder/);
  });

  it('is listed in the help', async () => {
    const help = await runCliCaptured(['--help'], work);
    assert.match(help.stdout, /^ {2}rules +Write the boundary rules/m);
    const own = await runCliCaptured(['rules', '--help'], work);
    assert.match(own.stdout, /--out <file>/);
    assert.match(own.stdout, /--format <dependency-cruiser\|eslint-boundaries>/);
  });
});
