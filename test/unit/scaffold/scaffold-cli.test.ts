import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { cleanUp, copyFixture, read, repoRoot } from './scaffold-helpers';
import { runCliCaptured } from '../support/captured-cli';

const cli = (...argv: string[]) => runCliCaptured(argv, repoRoot);

describe('archlens scaffold', function () {
  this.timeout(60_000);
  after(cleanUp);

  it('--dry-run --json prints the plan and writes nothing', async () => {
    const dir = copyFixture('cqrs-shop');
    const result = await cli('scaffold', 'command', 'RemoveItem', '--dir', dir, '--dry-run', '--json');
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as { files: { path: string; action: string; content: string }[] };
    assert.deepEqual(
      json.files.map((f) => [f.path, f.action]),
      [
        ['src/commands/remove-item.command.ts', 'create'],
        ['src/commands/remove-item.handler.ts', 'create'],
        ['src/main.ts', 'edit'],
      ],
    );
    assert.ok(!existsSync(path.join(dir, 'src/commands/remove-item.command.ts')));
  });

  it('writes the files, then refuses to overwrite them with exit 2', async () => {
    const dir = copyFixture('sls-todos');
    const first = await cli('scaffold', 'function', 'delete-todo', '--dir', dir);
    assert.equal(first.code, 0, first.stderr);
    assert.match(read(dir, 'src/handlers/delete-todo.ts'), /export async function handler/);
    assert.match(
      read(dir, 'serverless.yml'),
      /deleteTodo:\n {4}handler: src\/handlers\/delete-todo\.handler/,
    );
    const again = await cli('scaffold', 'function', 'delete-todo', '--dir', dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /delete-todo\.ts already exists/);
  });

  it('rejects an unknown kind with usage exit 2', async () => {
    const result = await cli('scaffold', 'widget', 'X');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /<kind> must be one of module, port, adapter/);
  });
});
