import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeWorkspace, detectArchitecture } from '../../../src/core';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';
import {
  scaffoldCodeActions,
  type ScaffoldCodeAction,
  type ScaffoldWorkspace,
} from '../../../src/core/scaffold';
import { applyPlan, insertedLines, read, repoRoot, typecheck, workspaceOf } from './scaffold-helpers';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'workspaces', 'host-scaffold');
const ROOT = '/ws';

/** The host-scaffold fixture in memory, with changes (`undefined` deletes). */
function memoryWorkspace(changes: Record<string, string | undefined> = {}): {
  ws: ScaffoldWorkspace;
  fs: MemoryFileSystem;
} {
  const fs = new MemoryFileSystem();
  for (const rel of readdirSync(fixture, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(fixture, rel);
    if (!rel.includes('.') || rel.startsWith('node_modules')) continue;
    try {
      fs.write(`${ROOT}/${rel.split(path.sep).join('/')}`, readFileSync(full));
    } catch {
      // a folder with a dot in its name
    }
  }
  for (const [rel, text] of Object.entries(changes)) {
    if (text === undefined) fs.delete(`${ROOT}/${rel}`);
    else fs.write(`${ROOT}/${rel}`, text);
  }
  const model = analyzeWorkspace(fs, ROOT);
  return { ws: { fs, model, detection: detectArchitecture(fs, model) }, fs };
}

function text(ws: ScaffoldWorkspace, rel: string): string {
  return new TextDecoder().decode(ws.fs.readFile(`${ROOT}/${rel}`));
}

/** The actions with the cursor on the first occurrence of `needle` in the file. */
async function actionsAt(ws: ScaffoldWorkspace, rel: string, needle: string): Promise<ScaffoldCodeAction[]> {
  const at = text(ws, rel).indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${rel}`);
  return scaffoldCodeActions(ws, rel, { start: at, end: at });
}

describe('scaffold code actions: which apply where, and their plans', function () {
  this.timeout(120_000);
  const made: string[] = [];
  after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('an exported interface in a ports folder offers "Create adapter for <Port>": every member stubbed, wired at the root', async () => {
    const { ws } = memoryWorkspace();
    const actions = await actionsAt(ws, 'src/core/ports/order-repository.ts', 'OrderRepository {');
    assert.deepEqual(
      actions.map((a) => [a.id, a.title, a.kind]),
      [['create-adapter', 'Create adapter for OrderRepository', 'refactor.rewrite.archlens']],
    );
    const plan = actions[0]?.plan;
    assert.ok(plan, actions[0]?.problem);
    assert.deepEqual(
      plan.files.map((f) => [f.path, f.action]),
      [
        ['src/adapters/order-repository-adapter.ts', 'create'],
        ['src/main.ts', 'edit'],
      ],
    );
    const adapter = plan.files[0]?.content ?? '';
    assert.match(adapter, /export class OrderRepositoryAdapter implements OrderRepository \{/);
    assert.match(adapter, /count\(\): number;\n {2}count\(_status: string\): number;/);
    assert.match(adapter, /async find\(_id: string\): Promise<Order \| undefined> \{/);
    assert.deepEqual(insertedLines(text(ws, 'src/main.ts'), plan.files[1]?.content ?? ''), [
      "import { OrderRepositoryAdapter } from './adapters/order-repository-adapter';",
      "import type { OrderRepository } from './core/ports/order-repository';",
      'export const orderRepositoryAdapter: OrderRepository = new OrderRepositoryAdapter();',
    ]);
  });

  it('offers nothing elsewhere: imports, unexported interfaces, adapters, use cases without adapters, handled commands', async () => {
    const { ws } = memoryWorkspace();
    assert.deepEqual(await actionsAt(ws, 'src/core/ports/order-repository.ts', 'import type'), []);
    assert.deepEqual(await actionsAt(ws, 'src/core/ports/clock.ts', 'interface Internal'), []);
    assert.deepEqual(await actionsAt(ws, 'src/adapters/smtp-mailer.ts', 'class SmtpMailer'), []);
    assert.deepEqual(await actionsAt(ws, 'src/adapters/system-clock.ts', 'now()'), []);
    assert.deepEqual(await actionsAt(ws, 'src/commands/place-order.command.ts', 'PlaceOrderCommand'), []);
    assert.deepEqual(await actionsAt(ws, 'src/commands/place-order.handler.ts', 'PlaceOrderHandler'), []);
    assert.deepEqual(await actionsAt(ws, 'src/main.ts', 'commandBus.register'), []);
    // A use case that depends on ports only has nothing to extract.
    const clean = memoryWorkspace({
      'src/core/application/place-order.ts': text(ws, 'src/core/application/place-order.ts')
        .replace("import { SmtpMailer } from '../../adapters/smtp-mailer';\n", '')
        .replace('SmtpMailer', 'OrderRepository'),
    }).ws;
    assert.deepEqual(await actionsAt(clean, 'src/core/application/place-order.ts', 'class PlaceOrder'), []);
  });

  it('a core class importing a concrete adapter offers "Extract port from <Class>": port from public methods, core switched, adapter implements it', async () => {
    const { ws } = memoryWorkspace();
    const actions = await actionsAt(ws, 'src/core/application/place-order.ts', 'execute(order');
    assert.deepEqual(
      actions.map((a) => [a.id, a.title, a.kind]),
      [['extract-port', 'Extract port from PlaceOrder', 'refactor.extract.archlens']],
    );
    const plan = actions[0]?.plan;
    assert.ok(plan, actions[0]?.problem);
    const byPath = new Map(plan.files.map((f) => [f.path, f]));
    assert.deepEqual(
      plan.files.map((f) => [f.path, f.action]),
      [
        ['src/core/ports/mailer.ts', 'create'],
        ['src/core/application/place-order.ts', 'edit'],
        ['src/adapters/smtp-mailer.ts', 'edit'],
      ],
    );
    assert.equal(
      byPath.get('src/core/ports/mailer.ts')?.content,
      [
        '/** What the core needs from the outside world; SmtpMailer implements it. */',
        'export interface Mailer {',
        '  send(to: string, body: string): Promise<void>;',
        '}',
        '',
      ].join('\n'),
    );
    const core = byPath.get('src/core/application/place-order.ts')?.content ?? '';
    assert.equal(
      core,
      text(ws, 'src/core/application/place-order.ts')
        .replace(
          "import { SmtpMailer } from '../../adapters/smtp-mailer';",
          "import type { Mailer } from '../ports/mailer';",
        )
        .replace('mailer: SmtpMailer', 'mailer: Mailer'),
      'only the import and the type reference change',
    );
    const adapter = byPath.get('src/adapters/smtp-mailer.ts')?.content ?? '';
    assert.deepEqual(
      adapter,
      "import type { Mailer } from '../core/ports/mailer';\n\n" +
        text(ws, 'src/adapters/smtp-mailer.ts').replace(
          'export class SmtpMailer {',
          'export class SmtpMailer implements Mailer {',
        ),
    );
  });

  it('"Extract port" is offered too when the core imports the adapter through a tsconfig `paths` alias', async () => {
    const base = memoryWorkspace().ws;
    const tsconfig = JSON.parse(text(base, 'tsconfig.json')) as { compilerOptions: Record<string, unknown> };
    tsconfig.compilerOptions['baseUrl'] = '.';
    tsconfig.compilerOptions['paths'] = { '@adapters/*': ['src/adapters/*'] };
    const { ws } = memoryWorkspace({
      'tsconfig.json': JSON.stringify(tsconfig, null, 2),
      'src/core/application/place-order.ts': text(base, 'src/core/application/place-order.ts').replace(
        "from '../../adapters/smtp-mailer'",
        "from '@adapters/smtp-mailer'",
      ),
    });
    const actions = await actionsAt(ws, 'src/core/application/place-order.ts', 'execute(order');
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Extract port from PlaceOrder'],
    );
    const plan = actions[0]?.plan;
    assert.ok(plan, actions[0]?.problem);
    assert.deepEqual(
      plan.files.map((f) => [f.path, f.action]),
      [
        ['src/core/ports/mailer.ts', 'create'],
        ['src/core/application/place-order.ts', 'edit'],
        ['src/adapters/smtp-mailer.ts', 'edit'],
      ],
    );
    assert.match(plan.files[1]?.content ?? '', /import type \{ Mailer \} from '..\/ports\/mailer';/);
    assert.doesNotMatch(plan.files[1]?.content ?? '', /@adapters\/smtp-mailer/);
  });

  it('extract port keeps CRLF and a missing final newline, and keeps the adapter import when the core constructs it', async () => {
    const original = memoryWorkspace().ws;
    const core = text(original, 'src/core/application/place-order.ts')
      .replace(
        'private readonly mailer: SmtpMailer,',
        'private readonly mailer: SmtpMailer = new SmtpMailer("x"),',
      )
      .replace(/\n/g, '\r\n')
      .replace(/\r\n$/, '');
    const { ws } = memoryWorkspace({ 'src/core/application/place-order.ts': core });
    const [action] = await actionsAt(ws, 'src/core/application/place-order.ts', 'class PlaceOrder');
    const edited = action?.plan?.files.find((f) => f.path === 'src/core/application/place-order.ts')?.content;
    assert.ok(edited !== undefined, action?.problem);
    assert.ok(!/[^\r]\n/.test(edited), 'CRLF kept');
    assert.ok(!edited.endsWith('\n'), 'no final newline added');
    assert.match(
      edited,
      /import \{ SmtpMailer \} from '\.\.\/\.\.\/adapters\/smtp-mailer';\r\nimport type \{ Mailer \} from '\.\.\/ports\/mailer';/,
    );
    assert.match(edited, /mailer: Mailer = new SmtpMailer\("x"\)/);
    assert.ok(action?.plan?.messages?.some((m) => /still uses SmtpMailer as a value/.test(m)));
  });

  it('a command class without a handler offers "Create handler": plain handler beside it, registered on the bus', async () => {
    const { ws } = memoryWorkspace();
    const actions = await actionsAt(ws, 'src/commands/cancel-order.command.ts', 'CancelOrderCommand');
    assert.deepEqual(
      actions.map((a) => [a.id, a.title, a.kind]),
      [['create-handler', 'Create handler for CancelOrderCommand', 'quickfix.archlens']],
    );
    const plan = actions[0]?.plan;
    assert.ok(plan, actions[0]?.problem);
    assert.deepEqual(
      plan.files.map((f) => [f.path, f.action]),
      [
        ['src/commands/cancel-order.handler.ts', 'create'],
        ['src/main.ts', 'edit'],
      ],
    );
    assert.match(plan.files[0]?.content ?? '', /export class CancelOrderHandler \{/);
    assert.deepEqual(insertedLines(text(ws, 'src/main.ts'), plan.files[1]?.content ?? ''), [
      "import { CancelOrderCommand } from './commands/cancel-order.command';",
      "import { CancelOrderHandler } from './commands/cancel-order.handler';",
      'commandBus.register(CancelOrderCommand, new CancelOrderHandler());',
    ]);
  });

  it('"Create handler" writes a NestJS @CommandHandler when @nestjs/cqrs is a dependency', async () => {
    const pkg = JSON.parse(text(memoryWorkspace().ws, 'package.json')) as Record<string, unknown>;
    const { ws } = memoryWorkspace({
      'package.json': JSON.stringify({ ...pkg, dependencies: { '@nestjs/cqrs': '^11.0.0' } }),
    });
    const [action] = await actionsAt(ws, 'src/commands/cancel-order.command.ts', 'CancelOrderCommand');
    const handler = action?.plan?.files[0]?.content ?? '';
    assert.match(handler, /import \{ CommandHandler, type ICommandHandler \} from '@nestjs\/cqrs';/);
    assert.match(
      handler,
      /@CommandHandler\(CancelOrderCommand\)\nexport class CancelOrderHandler implements ICommandHandler<CancelOrderCommand> \{/,
    );
  });

  it('a taken file is never overwritten: the action is offered with the reason instead of a plan', async () => {
    const { ws } = memoryWorkspace({ 'src/adapters/clock-adapter.ts': '// mine\n' });
    const [action] = await actionsAt(ws, 'src/core/ports/clock.ts', 'export interface Clock');
    assert.equal(action?.id, 'create-adapter');
    assert.equal(action?.plan, undefined);
    assert.match(
      action?.problem ?? '',
      /src\/adapters\/clock-adapter\.ts already exists; ArchLens never overwrites a file/,
    );
    assert.equal(text(ws, 'src/adapters/clock-adapter.ts'), '// mine\n');
  });

  it('all three applied one after the other on a copy of the fixture type-check with tsc', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archlens-code-actions-'));
    made.push(dir);
    cpSync(fixture, dir, { recursive: true });
    const steps: [string, string][] = [
      ['src/core/ports/order-repository.ts', 'OrderRepository {'],
      ['src/core/application/place-order.ts', 'class PlaceOrder'],
      ['src/commands/cancel-order.command.ts', 'class CancelOrderCommand'],
    ];
    for (const [rel, needle] of steps) {
      const ws = workspaceOf(dir);
      const at = read(dir, rel).indexOf(needle);
      const [action] = await scaffoldCodeActions(ws, rel, { start: at, end: at });
      assert.ok(action?.plan, `${rel}: ${action?.problem ?? 'no action'}`);
      applyPlan(dir, action.plan);
    }
    assert.match(read(dir, 'src/adapters/smtp-mailer.ts'), /class SmtpMailer implements Mailer/);
    typecheck(dir);
  });
});
