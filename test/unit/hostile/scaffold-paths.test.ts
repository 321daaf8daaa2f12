import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { writePlan } from '../../../src/cli/write-plan';
import { planScaffold, ScaffoldError } from '../../../src/core/scaffold';
import { workspaceOf } from '../scaffold/scaffold-helpers';
import { cli, nestedWorkspace, removeWorkspaces, snapshot } from './scaffold-hostile-helpers';

describe('hostile: a scaffold never writes outside the workspace', function () {
  this.timeout(60_000);
  afterEach(removeWorkspaces);

  const escaping = ['../../x', '..', 'src/../../x', '..\\..\\x', 'src\\..\\..\\x', 'C:\\x', 'C:/x', 'C:x'];
  for (const folder of escaping) {
    it(`the planner refuses --folder ${JSON.stringify(folder)}`, async () => {
      const { ws } = nestedWorkspace('hex-clinic');
      await assert.rejects(
        planScaffold(workspaceOf(ws), { kind: 'port', name: 'Mailer', folder }),
        (error: unknown) =>
          error instanceof ScaffoldError &&
          error.message.includes(`The folder ${folder} is outside the workspace`) &&
          /nothing was written/.test(error.message),
      );
    });
  }

  it('the planner refuses an absolute folder, even one that exists', async () => {
    const { base, ws } = nestedWorkspace('hex-clinic');
    for (const folder of [base, `${ws}/src`, '/tmp/x', '\\\\server\\share\\x']) {
      await assert.rejects(
        planScaffold(workspaceOf(ws), { kind: 'port', name: 'Mailer', folder }),
        /is outside the workspace; give a folder relative to the workspace/,
        folder,
      );
    }
  });

  it('the planner accepts a folder that normalises inside the root, and plans the normal form', async () => {
    const { ws } = nestedWorkspace('hex-clinic');
    const plan = await planScaffold(workspaceOf(ws), {
      kind: 'port',
      name: 'Mailer',
      folder: './src/adapters/../core\\ports/',
    });
    assert.deepEqual(
      plan.files.map((f) => f.path),
      ['src/core/ports/mailer.ts'],
    );
  });

  it('the CLI refuses --folder ../../x with exit 2 and writes nothing anywhere', async () => {
    const { base, ws } = nestedWorkspace('hex-clinic');
    const before = snapshot(base);
    const result = await cli('scaffold', 'port', 'Mailer', '--dir', ws, '--folder', '../../x');
    assert.equal(result.code, 2, result.stdout);
    assert.match(result.stderr, /The folder \.\.\/\.\.\/x is outside the workspace/);
    assert.deepEqual(snapshot(base), before);
  });

  it('the writer refuses a plan whose paths leave the root, before writing anything', () => {
    const { base, ws } = nestedWorkspace('hex-clinic');
    const before = snapshot(base);
    const hostile = [
      '../escaped.ts',
      'src/../../escaped.ts',
      path.join(base, 'escaped.ts'),
      'src\\..\\..\\escaped.ts',
      'C:/escaped.ts',
    ];
    for (const bad of hostile) {
      const refused = writePlan(ws, {
        files: [
          { action: 'create', path: 'src/first.ts', content: '// first\n' },
          { action: 'create', path: bad, content: '// escaped\n' },
        ],
      });
      assert.equal(refused, `${bad} is not a path inside the workspace; nothing was written.`, `for ${bad}`);
    }
    assert.ok(!existsSync(path.join(ws, 'src/first.ts')));
    assert.deepEqual(snapshot(base), before);
  });
});
