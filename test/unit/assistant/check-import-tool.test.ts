import * as assert from 'node:assert/strict';
import { ask, dataOf, HEX_LEAKY, MOD_RULES } from './support';

interface CheckData {
  allowed: boolean | null;
  target: string;
  resolution: string;
  violations: { rule: string; severity: string; importInstead?: string }[];
  instead?: string[];
}

describe('assistant tool: check_import', function () {
  this.timeout(60_000);

  it('forbids a core file importing an adapter, with the rule, why, and a port to depend on instead', async () => {
    const answer = await ask(HEX_LEAKY, 'check_import', {
      from: 'src/application/open-ticket.ts',
      to: 'src/infrastructure/mailer.ts',
    });
    const data = dataOf<CheckData>(answer);
    assert.equal(data.allowed, false);
    assert.deepEqual(
      data.violations.map((v) => v.rule),
      ['hexagonal/core-imports-adapter'],
    );
    assert.match(answer.text, /^Forbidden: /);
    assert.match(
      answer.text,
      /depend on a port of the core, e\.g\. TicketRepository in `src\/domain\/ticket-repository\.ts`/,
    );
  });

  it('judges a package specifier from a file that does not exist yet', async () => {
    const data = dataOf<CheckData>(
      await ask(HEX_LEAKY, 'check_import', { from: 'src/domain/new-rule.ts', specifier: 'pg' }),
    );
    assert.equal(data.allowed, false);
    assert.equal(data.resolution, 'external');
    assert.deepEqual(
      data.violations.map((v) => v.rule),
      ['hexagonal/core-imports-infrastructure'],
    );
  });

  it('resolves a relative specifier as TypeScript does and allows an adapter importing the core', async () => {
    const data = dataOf<CheckData>(
      await ask(HEX_LEAKY, 'check_import', {
        from: 'src/infrastructure/mailer.ts',
        specifier: '../domain/ticket',
      }),
    );
    assert.equal(data.allowed, true);
    assert.equal(data.target, 'src/domain/ticket.ts');
    assert.equal(data.resolution, 'internal');
  });

  it('sends a deep import across modules to the public face, which is allowed', async () => {
    const deep = dataOf<CheckData>(
      await ask(MOD_RULES, 'check_import', {
        from: 'src/modules/billing/tax.ts',
        to: 'src/modules/inventory/stock-level.ts',
      }),
    );
    assert.equal(deep.allowed, false);
    assert.equal(deep.violations[0]?.rule, 'modular-monolith/deep-import');
    assert.equal(deep.violations[0]?.importInstead, 'src/modules/inventory/index.ts');
    const face = dataOf<CheckData>(
      await ask(MOD_RULES, 'check_import', { from: 'src/modules/billing/tax.ts', specifier: '../inventory' }),
    );
    assert.equal(face.allowed, true);
    assert.equal(face.target, 'src/modules/inventory/index.ts');
  });

  it('asks nothing of the real graph: the asked import leaves the violations as they were', async () => {
    const before = await ask(MOD_RULES, 'violations', { limit: 200 });
    await ask(MOD_RULES, 'check_import', {
      from: 'src/modules/billing/tax.ts',
      to: 'src/modules/inventory/stock-level.ts',
    });
    assert.equal((await ask(MOD_RULES, 'violations', { limit: 200 })).text, before.text);
  });

  it('says so when a specifier does not resolve, and lets tests import anything', async () => {
    const unresolved = dataOf<CheckData>(
      await ask(HEX_LEAKY, 'check_import', { from: 'src/domain/ticket.ts', specifier: './no-such-file' }),
    );
    assert.equal(unresolved.allowed, null);
    const test = dataOf<CheckData>(
      await ask(HEX_LEAKY, 'check_import', {
        from: 'src/domain/ticket.test.ts',
        to: 'src/infrastructure/mailer.ts',
      }),
    );
    assert.equal(test.allowed, true);
  });

  it('refuses paths outside the workspace, unknown files, and both or neither of to and specifier', async () => {
    await assert.rejects(
      ask(HEX_LEAKY, 'check_import', { from: '../x.ts', to: 'src/main.ts' }),
      /outside the workspace/,
    );
    await assert.rejects(
      ask(HEX_LEAKY, 'check_import', { from: '/etc/passwd', to: 'src/main.ts' }),
      /outside the workspace/,
    );
    await assert.rejects(
      ask(HEX_LEAKY, 'check_import', { from: 'src/main.ts', to: 'src/domain/tickt.ts' }),
      /not a source file of the workspace\. Did you mean `src\/domain\/ticket\.ts`\?/,
    );
    await assert.rejects(ask(HEX_LEAKY, 'check_import', { from: 'src/main.ts' }), /exactly one of `to`/);
    await assert.rejects(
      ask(HEX_LEAKY, 'check_import', { from: 'src/main.ts', to: 'src/domain/ticket.ts', specifier: 'pg' }),
      /exactly one of `to`/,
    );
  });
});
