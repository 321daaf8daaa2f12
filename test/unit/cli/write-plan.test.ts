import * as assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { writePlan } from '../../../src/cli/write-plan';
import { planScaffold } from '../../../src/core/scaffold';
import { cleanUp, copyFixture, read, workspaceOf } from '../scaffold/scaffold-helpers';

describe('archlens scaffold writes a plan all or nothing', function () {
  this.timeout(60_000);
  after(cleanUp);

  it('refuses, writing nothing at all, when a file to edit changed since the plan was made', async () => {
    const dir = copyFixture('cqrs-shop');
    const plan = await planScaffold(workspaceOf(dir), { kind: 'command', name: 'RemoveItem' });
    assert.deepEqual(
      plan.files.map((f) => [f.path, f.action]),
      [
        ['src/commands/remove-item.command.ts', 'create'],
        ['src/commands/remove-item.handler.ts', 'create'],
        ['src/main.ts', 'edit'],
      ],
    );
    const typed = `${read(dir, 'src/main.ts')}// typed meanwhile\n`;
    writeFileSync(path.join(dir, 'src/main.ts'), typed);
    assert.equal(
      writePlan(dir, plan),
      'src/main.ts changed since the scaffold was planned; nothing was written. Run it again.',
    );
    assert.equal(read(dir, 'src/main.ts'), typed, 'the edited file kept as typed');
    assert.ok(!existsSync(path.join(dir, 'src/commands/remove-item.command.ts')), 'no file created');
    assert.ok(!existsSync(path.join(dir, 'src/commands/remove-item.handler.ts')), 'no file created');
  });

  it('writes every file when nothing changed, keeping the byte order mark of an edited file', async () => {
    const dir = copyFixture('cqrs-shop');
    const main = path.join(dir, 'src/main.ts');
    writeFileSync(main, `\uFEFF${read(dir, 'src/main.ts')}`);
    const plan = await planScaffold(workspaceOf(dir), { kind: 'command', name: 'RemoveItem' });
    const edit = plan.files.find((f) => f.path === 'src/main.ts');
    assert.ok(edit?.action === 'edit' && !edit.original.startsWith('\uFEFF'), 'planned on the text');
    assert.equal(writePlan(dir, plan), undefined);
    assert.equal(read(dir, 'src/main.ts'), `\uFEFF${edit.content}`);
    assert.match(read(dir, 'src/commands/remove-item.handler.ts'), /export class RemoveItemHandler/);
  });
});
