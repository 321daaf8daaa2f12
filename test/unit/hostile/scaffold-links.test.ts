import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { writePlan } from '../../../src/cli/write-plan';
import { scaffoldCodeActions } from '../../../src/core/scaffold';
import { workspaceOf } from '../scaffold/scaffold-helpers';
import { cli, nestedWorkspace, removeWorkspaces, snapshot } from './scaffold-hostile-helpers';

/** Moves `ws/rel` to `outside/name` and leaves a symbolic link to it in its place. */
function replaceWithLink(ws: string, rel: string, target: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  renameSync(path.join(ws, rel), target);
  symlinkSync(target, path.join(ws, rel));
}

describe('hostile: a scaffold never writes through a symbolic link', function () {
  this.timeout(60_000);
  afterEach(removeWorkspaces);

  it('refuses a new file in a folder that links outside the workspace, naming the link', async () => {
    const { base, ws } = nestedWorkspace('hex-clinic');
    const outside = path.join(base, 'outside');
    mkdirSync(outside);
    symlinkSync(outside, path.join(ws, 'src/out'), 'dir');
    const before = snapshot(base);
    const result = await cli('scaffold', 'port', 'Mailer', '--dir', ws, '--folder', 'src/out');
    assert.equal(result.code, 2, result.stdout);
    assert.match(result.stderr, /src\/out is a link to a place outside the workspace; nothing was written/);
    assert.deepEqual(snapshot(base), before, 'nothing written, inside or outside');
  });

  it('the writer refuses the same, also for a folder still to be made below the link', () => {
    const { base, ws } = nestedWorkspace('hex-clinic');
    const outside = path.join(base, 'outside');
    mkdirSync(outside);
    symlinkSync('../../../../outside', path.join(ws, 'src/out'), 'dir');
    const before = snapshot(base);
    for (const target of ['src/out/x.ts', 'src/out/deeper/x.ts']) {
      assert.equal(
        writePlan(ws, {
          files: [
            { action: 'create', path: 'src/first.ts', content: '// first\n' },
            { action: 'create', path: target, content: '// x\n' },
          ],
        }),
        'src/out is a link to a place outside the workspace; nothing was written.',
        target,
      );
    }
    assert.deepEqual(snapshot(base), before);
  });

  it('accepts a new file in a folder that links inside the workspace (it lands at the link’s target)', async () => {
    const { ws } = nestedWorkspace('hex-clinic');
    symlinkSync('core/ports', path.join(ws, 'src/ports-alias'), 'dir');
    const result = await cli('scaffold', 'port', 'Mailer', '--dir', ws, '--folder', 'src/ports-alias');
    assert.equal(result.code, 0, result.stderr);
    assert.match(readFileSync(path.join(ws, 'src/core/ports/mailer.ts'), 'utf8'), /export interface Mailer/);
  });

  it('offers a code action whose files would land behind a link outside disabled, with the reason', async () => {
    const { base, ws } = nestedWorkspace('hex-clinic');
    replaceWithLink(ws, 'src/adapters', path.join(base, 'outside', 'adapters'));
    const port = 'src/core/ports/clock.ts';
    const at = readFileSync(path.join(ws, port), 'utf8').indexOf('Clock {');
    const actions = await scaffoldCodeActions(workspaceOf(ws), port, { start: at, end: at });
    const create = actions.find((a) => a.id === 'create-adapter');
    assert.equal(create?.plan, undefined);
    assert.equal(
      create?.problem,
      'src/adapters is a link to a place outside the workspace; nothing was written.',
    );
  });

  it('refuses to edit docker-compose.yml when it is a link to a file outside', async () => {
    const { base, ws } = nestedWorkspace('micro-parcels');
    replaceWithLink(ws, 'docker-compose.yml', path.join(base, 'outside', 'compose.yml'));
    const before = snapshot(base);
    const result = await cli('scaffold', 'service', 'shipping', '--dir', ws);
    assert.equal(result.code, 2, result.stdout);
    assert.match(
      result.stderr,
      /docker-compose\.yml is a symbolic link; ArchLens does not edit through links/,
    );
    assert.deepEqual(snapshot(base), before, 'the compose file outside unchanged, no service made');
  });

  it('refuses to edit serverless.yml when it is a link, even to a file inside the workspace', async () => {
    const { base, ws } = nestedWorkspace('sls-todos');
    replaceWithLink(ws, 'serverless.yml', path.join(ws, 'config', 'serverless.yml'));
    const before = snapshot(base);
    const result = await cli('scaffold', 'function', 'delete-todo', '--dir', ws);
    assert.equal(result.code, 2, result.stdout);
    assert.match(result.stderr, /serverless\.yml is a symbolic link; ArchLens does not edit through links/);
    assert.deepEqual(snapshot(base), before);
  });

  it('the writer refuses to edit a barrel index.ts that is a link, writing none of the plan', () => {
    const { base, ws } = nestedWorkspace('modmono-library');
    const barrel = 'src/modules/catalog/index.ts';
    const original = readFileSync(path.join(ws, barrel), 'utf8');
    replaceWithLink(ws, barrel, path.join(base, 'outside', 'index.ts'));
    const before = snapshot(base);
    assert.equal(
      writePlan(ws, {
        files: [
          { action: 'create', path: 'src/modules/catalog/new.ts', content: '// new\n' },
          { action: 'edit', path: barrel, original, content: `${original}export * from './new';\n` },
        ],
      }),
      `${barrel} is a symbolic link; ArchLens does not edit through links. Nothing was written.`,
    );
    assert.deepEqual(snapshot(base), before);
  });

  it('refuses a new file where a dangling link points outside, and creates nothing there', async () => {
    const { base, ws } = nestedWorkspace('hex-clinic');
    const target = path.join(base, 'outside', 'mailer.ts');
    symlinkSync(target, path.join(ws, 'src/core/ports/mailer.ts'));
    const result = await cli('scaffold', 'port', 'Mailer', '--dir', ws);
    assert.equal(result.code, 2, result.stdout);
    assert.match(result.stderr, /src\/core\/ports\/mailer\.ts already exists/);
    assert.ok(!existsSync(target), 'nothing created at the link’s target');
  });
});
