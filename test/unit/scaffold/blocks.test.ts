import * as assert from 'node:assert/strict';
import { planScaffold, textChanges, type ScaffoldRequest } from '../../../src/core/scaffold';
import {
  applyPlan,
  cleanUp,
  copyFixture,
  counterEvidence,
  insertedLines,
  read,
  typecheck,
  workspaceOf,
} from './scaffold-helpers';

/** Plans, applies and type-checks a block on a fresh fixture copy; then detection must agree as before. */
async function prove(fixture: string, request: ScaffoldRequest, project?: string) {
  const dir = copyFixture(fixture);
  const before = workspaceOf(dir);
  const plan = await planScaffold(before, request);
  const edits = plan.files.filter((f) => f.action === 'edit');
  for (const f of edits) {
    assert.equal(f.original, read(dir, f.path), `${f.path}: planned on the file as it is`);
    const changes = textChanges(f.original, f.content);
    assert.ok(changes.length > 0 && changes.every((c) => c.start === c.end), `${f.path}: insertions only`);
  }
  applyPlan(dir, plan);
  typecheck(dir, project);
  const after = workspaceOf(dir);
  assert.equal(after.detection.primary, before.detection.primary, 'same primary pattern');
  const old = counterEvidence(before.detection);
  const added = [...counterEvidence(after.detection)].filter((c) => !old.has(c));
  assert.deepEqual(added, [], 'no new counter-evidence');
  for (const f of edits) insertedLines(f.original, read(dir, f.path));
  return { dir, plan };
}

describe('scaffold blocks: applied on a fixture, type-checked with tsc, detected the same', function () {
  this.timeout(120_000);
  after(cleanUp);

  it('hexagonal port: an interface in the ports folder', async () => {
    const { plan } = await prove('hex-clinic', { kind: 'port', name: 'Mailer' });
    assert.deepEqual(
      plan.files.map((f) => f.path),
      ['src/core/ports/mailer.ts'],
    );
    assert.match(plan.files[0]?.content ?? '', /export interface Mailer \{/);
  });

  it('hexagonal adapter: every member of the port (inherited, generic, overloaded, optional, properties) stubbed, wired at the composition root', async () => {
    const { plan, dir } = await prove('hex-clinic', {
      kind: 'adapter',
      name: 'FileAppointmentRepository',
      for: 'AppointmentRepository',
    });
    const adapter =
      plan.files.find((f) => f.path === 'src/adapters/file-appointment-repository.ts')?.content ?? '';
    for (const member of [
      'name',
      'capacity',
      'lastError',
      'find',
      'count',
      'project',
      'close',
      'byId',
      'save',
    ]) {
      assert.match(
        adapter,
        new RegExp(`Not implemented: AppointmentRepository\\.${member}'`),
        `member ${member}`,
      );
    }
    assert.match(adapter, /count\(\): number;\n\s+count\(_filter: AppointmentFilter\): number;/);
    assert.match(
      adapter,
      /async project<R extends object>\(_map: \(a: Appointment\) => R, \.\.\._ids: string\[\]\): Promise<R\[\]>/,
    );
    assert.match(adapter, /async byId\(_id: string\): Promise<Appointment \| undefined>/);
    assert.match(
      read(dir, 'src/main.ts'),
      /export const fileAppointmentRepository: AppointmentRepository = new FileAppointmentRepository\(\);\n$/,
    );
    assert.ok(
      plan.files.some((f) => f.path === 'test/file-appointment-repository.test.ts'),
      'a test where the workspace keeps tests',
    );
  });

  it('hexagonal adapter: tsc fails when a port member is left out (the proof can fail)', async () => {
    const dir = copyFixture('hex-clinic');
    const plan = await planScaffold(workspaceOf(dir), {
      kind: 'adapter',
      name: 'PartialClock',
      for: 'AppointmentRepository',
    });
    const broken = plan.files.map((f) =>
      f.path.endsWith('partial-clock.ts')
        ? { ...f, content: f.content.replace(/ {2}async save[\s\S]*?\n {2}\}\n/, '') }
        : f,
    );
    const original = plan.files.find((f) => f.path.endsWith('partial-clock.ts'))?.content ?? '';
    const cut = broken.find((f) => f.path.endsWith('partial-clock.ts'))?.content ?? '';
    assert.match(original, /async save/, 'the planned adapter implements save');
    assert.doesNotMatch(cut, /async save/, 'the broken copy leaves save out');
    applyPlan(dir, { files: broken });
    assert.throws(() => typecheck(dir), /save/);
  });

  it('hexagonal use case: depends on the ports, wired with the adapters already at the composition root', async () => {
    const { dir } = await prove('hex-clinic', {
      kind: 'use-case',
      name: 'CancelAppointment',
      for: 'AppointmentRepository, Clock',
    });
    assert.match(read(dir, 'src/core/use-cases/cancel-appointment.ts'), /readonly clock: Clock,/);
    assert.match(
      read(dir, 'src/main.ts'),
      /export const cancelAppointment = new CancelAppointment\(appointments, clock\);/,
    );
  });

  it('modular monolith: module with public index, service, repository, registered in the module list', async () => {
    const { dir, plan } = await prove('modmono-library', { kind: 'module', name: 'fines' });
    assert.deepEqual(plan.files.map((f) => f.path).sort(), [
      'src/app.ts',
      'src/modules/fines/fines.repository.ts',
      'src/modules/fines/fines.service.ts',
      'src/modules/fines/index.ts',
    ]);
    assert.deepEqual(
      insertedLines(read(copyFixture('modmono-library'), 'src/app.ts'), read(dir, 'src/app.ts')),
      ["import { finesModule } from './modules/fines';", '  finesModule,'],
    );
  });

  it('CQRS command + handler, registered on the command bus: the edit of main.ts is two insertions', async () => {
    const { dir, plan } = await prove('cqrs-shop', { kind: 'command', name: 'RemoveItem' });
    const main = plan.files.find((f) => f.path === 'src/main.ts');
    assert.ok(main?.action === 'edit', 'main.ts edited');
    assert.deepEqual(
      textChanges(main.original, main.content).map((c) => c.text.trim()),
      [
        "import { RemoveItemCommand } from './commands/remove-item.command';\nimport { RemoveItemHandler } from './commands/remove-item.handler';",
        'commandBus.register(RemoveItemCommand, new RemoveItemHandler());',
      ],
    );
    assert.match(
      read(dir, 'src/main.ts'),
      /commandBus\.register\(RemoveItemCommand, new RemoveItemHandler\(\)\);/,
    );
  });

  it('CQRS query + handler, registered on the query bus', async () => {
    const { dir } = await prove('cqrs-shop', { kind: 'query', name: 'FindItem' });
    assert.match(
      read(dir, 'src/main.ts'),
      /queryBus\.register\(FindItemQuery, new FindItemQueryHandler\(\)\);/,
    );
  });

  it('CQRS (NestJS): command + @CommandHandler added to the module providers, type-checked against the published @nestjs typings', async () => {
    const { dir, plan } = await prove('nest-orders', { kind: 'command', name: 'CancelOrder' });
    const handler = plan.files.find((f) => f.path === 'src/orders/commands/cancel-order.handler.ts')?.content;
    assert.match(
      handler ?? '',
      /@CommandHandler\(CancelOrderCommand\)\nexport class CancelOrderHandler implements ICommandHandler<CancelOrderCommand>/,
    );
    assert.match(
      read(dir, 'src/orders/orders.module.ts'),
      /providers: \[\n {4}PlaceOrderHandler,\n {4}GetOrderQueryHandler,\n {4}CancelOrderHandler,\n {2}\]/,
    );
  });

  it('CQRS (NestJS): query + @QueryHandler, type-checked against the published @nestjs typings', async () => {
    const { plan } = await prove('nest-orders', { kind: 'query', name: 'FindOrder' });
    const handler = plan.files.find((f) => /find-order\.handler\.ts$/.test(f.path))?.content;
    assert.match(
      handler ?? '',
      /@QueryHandler\(FindOrderQuery\)\nexport class FindOrderQueryHandler implements IQueryHandler<FindOrderQuery>/,
    );
  });

  it('CQRS (NestJS): a handler whose execute does not match the Nest interface fails tsc against the published @nestjs/cqrs typings', async () => {
    const dir = copyFixture('nest-orders');
    const plan = await planScaffold(workspaceOf(dir), { kind: 'command', name: 'Refund' });
    const broken = plan.files.map((f) =>
      f.path.endsWith('.handler.ts')
        ? { ...f, content: f.content.replace(/async execute\(/, 'async run(') }
        : f,
    );
    applyPlan(dir, { files: broken });
    let output = '';
    assert.throws(() => {
      try {
        typecheck(dir);
      } catch (error) {
        output = (error as Error).message;
        throw error;
      }
    });
    const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
    // Exactly one error, the right one: the handler misses the interface's `execute` (the typings
    // themselves resolve and check clean).
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(
      errors[0] ?? '',
      /src\/orders\/commands\/refund\.handler\.ts\(\d+,\d+\): error TS2420: Class 'RefundHandler' incorrectly implements interface '\{ execute\(command: RefundCommand\): Promise<any>; \}'/,
    );
  });

  it('event-driven: domain event + handler subscribed on the bus', async () => {
    const { dir } = await prove('events-alerts', { kind: 'event', name: 'AlertEscalated' });
    assert.match(
      read(dir, 'src/main.ts'),
      /bus\.subscribe\(AlertEscalatedEvent, new OnAlertEscalated\(\)\);/,
    );
  });

  it('serverless: handler + serverless.yml entry, comments kept, only inserted lines', async () => {
    const { dir } = await prove('sls-todos', { kind: 'function', name: 'delete-todo' });
    const inserted = insertedLines(
      read(copyFixture('sls-todos'), 'serverless.yml'),
      read(dir, 'serverless.yml'),
    );
    assert.deepEqual(inserted, ['  deleteTodo:', '    handler: src/handlers/delete-todo.handler']);
    assert.match(read(dir, 'serverless.yml'), /# Tables are declared by hand\./);
  });

  it('serverless (SAM): handler beside the others + a Resources entry before Outputs, short-form tags and comments kept', async () => {
    const { dir, plan } = await prove('sam-receipts', { kind: 'function', name: 'resize-image' });
    assert.deepEqual(
      plan.files.map((f) => f.path),
      ['src/handlers/resize-image.ts', 'template.yaml'],
    );
    const before = read(copyFixture('sam-receipts'), 'template.yaml');
    const after = read(dir, 'template.yaml');
    assert.deepEqual(insertedLines(before, after), [
      '  ResizeImageFunction:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: handlers/resize-image.handler',
      '      CodeUri: src/',
    ]);
    assert.ok(after.indexOf('ResizeImageFunction:') < after.indexOf('Outputs:'), 'inside Resources');
    assert.match(after, /BUCKET: !Ref ReceiptsBucket # short-form tags stay as written/);
    assert.match(after, /Value: !GetAtt UploadReceiptFunction\.Arn/);
  });

  it('microservices: service folder (package.json, entry, Dockerfile) + compose entry', async () => {
    const { dir, plan } = await prove(
      'micro-parcels',
      { kind: 'service', name: 'shipping' },
      'services/shipping/tsconfig.json',
    );
    assert.ok(plan.files.some((f) => f.path === 'services/shipping/Dockerfile'));
    assert.match(
      read(dir, 'docker-compose.yml'),
      /\n {2}shipping:\n {4}build: \.\/services\/shipping\n {4}ports:\n {6}- "3003:3000"\n$/,
    );
    const after = workspaceOf(dir);
    assert.ok(
      after.detection.units.deployables.some((d) => d.path === 'services/shipping'),
      'the new service is a deployable',
    );
  });
});
