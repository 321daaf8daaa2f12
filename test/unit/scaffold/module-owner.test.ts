// Scaffolds on a workspace of several modules shaped like a DDD repository (test/fixtures/scaffold/
// guild-modules): members keeps ports in domain/ports, commands in application/commands and event
// handlers in application/event-handlers; billing, larger, keeps ports in domain/ports/outbound and
// commands in domain/commands. What is made from one module is placed and registered in that module.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  moduleChoices,
  planScaffold,
  portChoices,
  scaffoldCodeActions,
  type ScaffoldCodeAction,
  type ScaffoldPlan,
} from '../../../src/core/scaffold';
import { applyPlan, cleanUp, copyFixture, typecheck, workspaceOf } from './scaffold-helpers';

const FIXTURE = 'guild-modules';

async function actionsAt(dir: string, rel: string, needle: string): Promise<ScaffoldCodeAction[]> {
  const text = readFileSync(path.join(dir, rel), 'utf8');
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${rel}`);
  return scaffoldCodeActions(workspaceOf(dir), rel, { start: at, end: at });
}

function planOf(actions: readonly ScaffoldCodeAction[], id: string): ScaffoldPlan {
  const action = actions.find((a) => a.id === id);
  assert.ok(action, `${id} offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.ok(action.plan, action.problem);
  return action.plan;
}

const paths = (plan: ScaffoldPlan) => plan.files.map((f) => [f.path, f.action]);

describe('scaffolds on a multi-module workspace: placed and registered by the module that owns them', function () {
  this.timeout(120_000);
  after(cleanUp);

  it('Create adapter on a port of members writes to members/infrastructure and wires in members only', async () => {
    const dir = copyFixture(FIXTURE);
    const plan = planOf(
      await actionsAt(
        dir,
        'src/modules/members/domain/ports/member-repository.port.ts',
        'MemberRepository {',
      ),
      'create-adapter',
    );
    const [created, ...rest] = plan.files;
    assert.equal(created?.action, 'create');
    assert.match(created?.path ?? '', /^src\/modules\/members\/infrastructure\/[^/]+\.ts$/, created?.path);
    for (const file of rest)
      assert.ok(file.path.startsWith('src/modules/members/'), `${file.path} is outside the members module`);
  });

  it('Create adapter is offered on a port of the core outside a ports folder (one an adapter implements)', async () => {
    const dir = copyFixture(FIXTURE);
    const actions = await actionsAt(dir, 'src/modules/members/domain/badge-printer.ts', 'BadgePrinter {');
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Create adapter for BadgePrinter'],
    );
    const plan = planOf(actions, 'create-adapter');
    assert.match(plan.files[0]?.path ?? '', /^src\/modules\/members\/infrastructure\//);
  });

  it('Create handler for a new command of members: beside it, in the command-handler list of members.module.ts', async () => {
    const dir = copyFixture(FIXTURE);
    const rel = 'src/modules/members/application/commands/suspend-member.command.ts';
    const plan = planOf(await actionsAt(dir, rel, 'SuspendMemberCommand'), 'create-handler');
    assert.deepEqual(paths(plan).slice(0, 2), [
      ['src/modules/members/application/commands/suspend-member.handler.ts', 'create'],
      ['src/modules/members/members.module.ts', 'edit'],
    ]);
    const original = readFileSync(path.join(dir, 'src/modules/members/members.module.ts'), 'utf8');
    const edited = plan.files[1]?.content ?? '';
    assert.match(edited, /const CommandHandlers = \[EnrolMemberHandler, SuspendMemberHandler\];/);
    assert.match(edited, /const EventHandlers = \[SendWelcomeHandler, PrintBadgeHandler\];/);
    assert.match(
      edited,
      /import \{ SuspendMemberHandler \} from '.\/application\/commands\/suspend-member.handler';/,
    );
    assert.equal(edited.length > original.length, true);
  });

  it('a new command for the members module goes to members/application/commands and registers there', async () => {
    const dir = copyFixture(FIXTURE);
    const plan = await planScaffold(workspaceOf(dir), {
      kind: 'command',
      name: 'RenewMembership',
      for: 'members',
    });
    assert.deepEqual(paths(plan).slice(0, 3), [
      ['src/modules/members/application/commands/renew-membership.command.ts', 'create'],
      ['src/modules/members/application/commands/renew-membership.handler.ts', 'create'],
      ['src/modules/members/members.module.ts', 'edit'],
    ]);
    assert.match(
      plan.files[2]?.content ?? '',
      /CommandHandlers = \[EnrolMemberHandler, RenewMembershipHandler\]/,
    );
  });

  it('a command for a module that does not exist is refused with its name', async () => {
    const dir = copyFixture(FIXTURE);
    await assert.rejects(
      planScaffold(workspaceOf(dir), { kind: 'command', name: 'Anything', for: 'shipping' }),
      /No module named shipping/,
    );
  });

  it('a new event of members extends the workspace DomainEvent and is subscribed in the event-handler list', async () => {
    const dir = copyFixture(FIXTURE);
    const plan = await planScaffold(workspaceOf(dir), {
      kind: 'event',
      name: 'MemberSuspended',
      for: 'members',
    });
    assert.deepEqual(paths(plan).slice(0, 3), [
      ['src/modules/members/domain/events/member-suspended.event.ts', 'create'],
      ['src/modules/members/application/event-handlers/on-member-suspended.handler.ts', 'create'],
      ['src/modules/members/members.module.ts', 'edit'],
    ]);
    const event = plan.files[0]?.content ?? '';
    assert.match(event, /import \{ DomainEvent \} from '..\/..\/..\/..\/shared\/domain\/domain-event';/);
    assert.match(event, /export class MemberSuspendedEvent extends DomainEvent \{/);
    assert.match(
      plan.files[2]?.content ?? '',
      /EventHandlers = \[SendWelcomeHandler, PrintBadgeHandler, OnMemberSuspended\]/,
    );
  });

  it('the prompts offer the detected ports (in and outside ports folders) and modules to pick from', () => {
    const ws = workspaceOf(copyFixture(FIXTURE));
    assert.deepEqual(
      portChoices(ws).map((p) => [p.name, p.path, p.owner]),
      [
        ['BadgePrinter', 'src/modules/members/domain/badge-printer.ts', 'src/modules/members'],
        [
          'InvoiceRepository',
          'src/modules/billing/domain/ports/outbound/invoice-repository.port.ts',
          'src/modules/billing',
        ],
        [
          'MemberRepository',
          'src/modules/members/domain/ports/member-repository.port.ts',
          'src/modules/members',
        ],
        [
          'PaymentGateway',
          'src/modules/billing/domain/ports/outbound/payment-gateway.port.ts',
          'src/modules/billing',
        ],
      ],
    );
    assert.deepEqual(
      moduleChoices(ws).map((m) => [m.name, m.path]),
      [
        ['billing', 'src/modules/billing'],
        ['members', 'src/modules/members'],
      ],
    );
  });

  it('an adapter for a picked port (name and file) goes to the module of that file', async () => {
    const dir = copyFixture(FIXTURE);
    const plan = await planScaffold(workspaceOf(dir), {
      kind: 'adapter',
      name: 'StripePaymentGateway',
      for: 'PaymentGateway',
      forPath: 'src/modules/billing/domain/ports/outbound/payment-gateway.port.ts',
    });
    assert.equal(
      plan.files[0]?.path,
      'src/modules/billing/infrastructure/adapters/stripe-payment-gateway.ts',
    );
    for (const file of plan.files) assert.ok(file.path.startsWith('src/modules/billing/'), file.path);
  });

  it('all of them applied to one copy type-check with tsc', async () => {
    const dir = copyFixture(FIXTURE);
    const apply = (plan: ScaffoldPlan) => applyPlan(dir, plan);
    apply(
      planOf(
        await actionsAt(
          dir,
          'src/modules/members/domain/ports/member-repository.port.ts',
          'MemberRepository {',
        ),
        'create-adapter',
      ),
    );
    apply(
      planOf(
        await actionsAt(
          dir,
          'src/modules/members/application/commands/suspend-member.command.ts',
          'SuspendMemberCommand',
        ),
        'create-handler',
      ),
    );
    apply(await planScaffold(workspaceOf(dir), { kind: 'event', name: 'MemberSuspended', for: 'members' }));
    typecheck(dir);
  });
});
