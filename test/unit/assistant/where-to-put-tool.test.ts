import * as assert from 'node:assert/strict';
import { scaffoldIntent } from '../../../src/core/assistant';
import { ask, CQRS_SHOP, dataOf, GUILD, HEX_CLINIC } from './support';

interface WhereData {
  request: { kind: string; name: string; for?: string };
  folder: string;
  create: string[];
  edit: string[];
  notes: string[];
  plan?: { files: { path: string; action: string; content: string }[] };
}

describe('assistant tool: where_to_put', function () {
  this.timeout(60_000);

  it('reads the kind and the name from a short description', () => {
    assert.deepEqual(scaffoldIntent('a Stripe payment adapter'), {
      kind: 'adapter',
      name: 'Stripe payment',
      words: ['Stripe', 'payment'],
    });
    assert.equal(scaffoldIntent('a query for overdue invoices')?.name, 'overdue invoices');
    assert.equal(scaffoldIntent('a new module for shipping')?.kind, 'module');
    assert.equal(scaffoldIntent('a use case to cancel bookings')?.kind, 'use-case');
    assert.equal(scaffoldIntent('something nice'), undefined);
  });

  it('places a query and its handler in the CQRS folders, with the registration to add', async () => {
    const answer = await ask(CQRS_SHOP, 'where_to_put', { what: 'a query for overdue invoices' });
    const data = dataOf<WhereData>(answer);
    assert.deepEqual(data.request, { kind: 'query', name: 'OverdueInvoices' });
    assert.equal(data.folder, 'src/queries');
    assert.deepEqual(data.create, [
      'src/queries/overdue-invoices.query.ts',
      'src/queries/overdue-invoices.handler.ts',
    ]);
    assert.deepEqual(data.edit, ['src/main.ts']);
    assert.equal(data.plan, undefined);
    assert.match(answer.text, /Nothing was written\./);
  });

  it('places a new module and its registration, and returns the whole plan on request', async () => {
    const data = dataOf<WhereData>(
      await ask(GUILD, 'where_to_put', { what: 'a new module for shipping', includePlan: true }),
    );
    assert.equal(data.folder, 'src/modules/shipping');
    assert.ok(data.create.includes('src/modules/shipping/index.ts'));
    assert.deepEqual(data.edit, ['src/app.module.ts']);
    assert.equal(data.plan?.files.length, data.create.length + data.edit.length);
    assert.ok(data.plan?.files.every((f) => f.content.length > 0));
  });

  it('finds the port an adapter implements from the words, or asks which one', async () => {
    const clock = dataOf<WhereData>(await ask(HEX_CLINIC, 'where_to_put', { what: 'a fixed clock adapter' }));
    assert.deepEqual(clock.request, { kind: 'adapter', name: 'FixedClock', for: 'Clock' });
    assert.deepEqual(clock.create, ['src/adapters/fixed-clock.ts', 'test/fixed-clock.test.ts']);
    await assert.rejects(
      ask(HEX_CLINIC, 'where_to_put', { what: 'a Stripe payment adapter' }),
      /none of the workspace's ports matches "Stripe payment".*AppointmentRepository in src\/core\/ports\/appointment-repository\.ts/,
    );
  });

  it('takes kind and name as given, and refuses what it cannot plan', async () => {
    const port = dataOf<WhereData>(
      await ask(HEX_CLINIC, 'where_to_put', { kind: 'port', name: 'PaymentGateway' }),
    );
    assert.deepEqual(port.create, ['src/core/ports/payment-gateway.ts']);
    await assert.rejects(
      ask(HEX_CLINIC, 'where_to_put', { what: 'something nice' }),
      /Cannot tell which kind/,
    );
    await assert.rejects(ask(HEX_CLINIC, 'where_to_put', {}), /Say what is to be written/);
    await assert.rejects(
      ask(HEX_CLINIC, 'where_to_put', { kind: 'port', name: 'X', folder: '../elsewhere' }),
      /outside the workspace/,
    );
  });
});
