import * as assert from 'node:assert/strict';
import { recommend } from '../../../src/core/recommend';
import type { Recommendation } from '../../../src/core/recommend';
import { asyncWorkflowsRule } from '../../../src/core/recommend/rules/async-workflows';
import { deployablesRule } from '../../../src/core/recommend/rules/deployables';
import { domainComplexityRule } from '../../../src/core/recommend/rules/domain-complexity';
import { readsWritesRule } from '../../../src/core/recommend/rules/reads-writes';
import { spikyTrafficRule } from '../../../src/core/recommend/rules/spiky-traffic';
import { teamSizeRule } from '../../../src/core/recommend/rules/team-size';
import { unclearBoundariesRule } from '../../../src/core/recommend/rules/unclear-boundaries';
import { detection, edge, signals } from './signals-builder';

const labels = (r: Recommendation | undefined): string[] => (r?.signals ?? []).map((s) => s.label);
const byId = (list: readonly Recommendation[], id: string): Recommendation | undefined =>
  list.find((r) => r.id === id);

describe('recommend: team size', () => {
  it('a small team fits a modular monolith, citing the git count', () => {
    const [r] = teamSizeRule(signals({ team: { known: true, authors: 3 } }), detection({ monolith: 'yes' }));
    assert.equal(r?.fit, 'fits');
    assert.equal(r?.pattern, 'modular-monolith');
    assert.deepEqual(labels(r), ['3 authors in the last 12 months (git)', '1 deployable']);
    assert.ok(r?.reasoning.some((line) => /under ~15 people/.test(line)));
  });

  it('an unknown team size says why and only suggests the default', () => {
    const [r] = teamSizeRule(
      signals({ team: { known: false, reason: 'the folder is not a git repository' } }),
      detection(),
    );
    assert.equal(r?.fit, 'consider');
    assert.equal(labels(r)[0], 'team size unknown: the folder is not a git repository');
  });

  it('a large team is pointed at independent deploys, extracting modules that only talk through events', () => {
    const [r] = teamSizeRule(
      signals({
        team: { known: true, authors: 40 },
        coupling: {
          kind: 'modules',
          groups: ['src/modules/notifications'],
          mutual: [],
          cycles: [],
          eventOnly: ['src/modules/notifications'],
        },
      }),
      detection({ 'modular-monolith': 'yes' }),
    );
    assert.equal(r?.pattern, 'microservices');
    assert.equal(r?.fit, 'consider');
    assert.match(r?.steps[0]?.text ?? '', /extracting `notifications`.*only through events/);
    assert.deepEqual(r?.steps[0]?.scaffold, { kind: 'service' });
    assert.deepEqual(r?.steps[0]?.link, { kind: 'folder', path: 'src/modules/notifications' });
  });
});

describe('recommend: deployables', () => {
  it('warns about microservices for a tiny team', () => {
    const s = signals({
      team: { known: true, authors: 2 },
      deployables: { count: 3, names: ['orders', 'billing', 'shipping'] },
      releaseConfigs: 3,
    });
    const r = byId(deployablesRule(s, detection({ microservices: 'yes' })), 'microservices-tiny-team');
    assert.equal(r?.fit, 'hurts');
    assert.deepEqual(labels(r), [
      '2 authors in the last 12 months (git)',
      '3 deployables (`orders`, `billing`, `shipping`)',
      '3 separate release configs',
    ]);
    assert.equal(r?.steps[0]?.scaffold?.kind, 'module');
    // No deployable unit of that name: the diagram focus falls back to the name.
    assert.deepEqual(r?.steps[0]?.link, { kind: 'diagram', focus: 'orders', view: 'overview' });
    const withUnits = {
      ...detection({ microservices: 'yes' }),
      units: {
        deployables: [{ name: 'orders', path: 'services/orders', kind: 'package' }],
        modules: [],
        layers: [],
      },
    };
    const located = byId(deployablesRule(s, withUnits), 'microservices-tiny-team');
    assert.deepEqual(located?.steps[0]?.link, {
      kind: 'diagram',
      focus: 'services/orders',
      view: 'overview',
    });
  });

  it('does not warn when the same services have a larger team, and says they fit', () => {
    const s = signals({
      team: { known: true, authors: 12 },
      deployables: { count: 3, names: ['orders', 'billing', 'shipping'] },
      releaseConfigs: 3,
    });
    const list = deployablesRule(s, detection({ microservices: 'yes' }));
    assert.equal(byId(list, 'microservices-tiny-team'), undefined);
    assert.equal(byId(list, 'independent-deploys')?.fit, 'fits');
  });

  it('names a distributed monolith with a step at each cross-service import', () => {
    const s = signals({
      deployables: { count: 2, names: ['orders', 'payments'] },
      releaseConfigs: 2,
      crossServiceImports: [
        {
          from: 'services/orders',
          to: 'services/payments',
          count: 2,
          example: edge('services/orders/src/pay.ts', 'services/payments/src/api.ts', 4),
        },
      ],
    });
    const list = deployablesRule(s, detection({ microservices: 'partial' }));
    const r = byId(list, 'distributed-monolith');
    assert.equal(r?.fit, 'hurts');
    assert.equal(labels(r)[0], '2 source imports between services');
    assert.deepEqual(r?.steps[0]?.link, { kind: 'file', path: 'services/orders/src/pay.ts', line: 4 });
    // In the diagram the step is about the importing service, not the line.
    assert.deepEqual(r?.steps[0]?.focus, { focus: 'services/orders', view: 'overview' });
    assert.equal(byId(list, 'independent-deploys'), undefined, 'coupled services are not independent');
  });
});

describe('recommend: reads and writes', () => {
  it('warns about CQRS on plain CRUD', () => {
    const s = signals({
      handlers: {
        commands: 3,
        queries: 3,
        readModels: 0,
        crudOnly: true,
        exampleCommand: 'src/commands/create-user.handler.ts',
      },
    });
    const [r] = readsWritesRule(s, detection({ cqrs: 'partial' }));
    assert.equal(r?.id, 'cqrs-plain-crud');
    assert.equal(r?.fit, 'hurts');
    assert.deepEqual(labels(r), ['reads:writes handlers 3:3', '0 read models']);
  });

  it('recommends CQRS when reads outnumber writes sharply, with query and command scaffolds', () => {
    const s = signals({
      handlers: {
        commands: 3,
        queries: 14,
        readModels: 0,
        crudOnly: false,
        exampleQuery: 'src/q.query.ts',
        exampleCommand: 'src/c.command.ts',
      },
    });
    const [r] = readsWritesRule(s, detection());
    assert.equal(r?.fit, 'consider');
    assert.equal(labels(r)[0], 'reads:writes handlers 14:3');
    assert.deepEqual(
      r?.steps.map((st) => st.scaffold?.kind),
      ['query', 'command'],
    );
    const [yes] = readsWritesRule(s, detection({ cqrs: 'yes' }));
    assert.equal(yes?.fit, 'fits');
  });

  it('says nothing on balanced, few handlers', () => {
    assert.deepEqual(
      readsWritesRule(
        signals({ handlers: { commands: 2, queries: 2, readModels: 0, crudOnly: false } }),
        detection(),
      ),
      [],
    );
  });
});

describe('recommend: asynchronous workflows', () => {
  it('event-driven fits with broker clients and queue consumers', () => {
    const s = signals({
      messaging: {
        brokerClients: ['kafkajs'],
        brokerServices: ['kafka'],
        eventHandlers: 5,
        queueConsumers: 4,
        eventFiles: 6,
        exampleHandler: 'src/on-paid.ts',
      },
    });
    const [r] = asyncWorkflowsRule(s, detection({ 'event-driven': 'yes' }));
    assert.equal(r?.fit, 'fits');
    assert.deepEqual(labels(r), [
      'broker clients `kafkajs`; broker services `kafka`',
      '5 event handlers',
      '4 queue consumers',
    ]);
    assert.equal(r?.steps.at(-1)?.scaffold?.kind, 'event');
  });

  it('says nothing without brokers, consumers or handlers', () => {
    assert.deepEqual(asyncWorkflowsRule(signals(), detection()), []);
  });
});

describe('recommend: spiky traffic', () => {
  it('serverless with the function manifest and a function scaffold in its folder', () => {
    const [r] = spikyTrafficRule(
      signals({ functions: { count: 3, manifests: ['infra/template.yaml'] } }),
      detection({ serverless: 'yes' }),
    );
    assert.equal(r?.fit, 'fits');
    assert.equal(labels(r)[0], '3 functions in 1 manifest');
    assert.deepEqual(r?.steps[0]?.scaffold, { kind: 'function', folder: 'infra' });
    assert.deepEqual(spikyTrafficRule(signals(), detection()), []);
  });
});

describe('recommend: domain complexity', () => {
  it('a large domain without a hexagon is pointed at ports and adapters', () => {
    const [r] = domainComplexityRule(
      signals({ domain: { folders: ['src/domain'], files: 42, entities: 7 } }),
      detection(),
    );
    assert.equal(r?.id, 'hexagonal-complex-domain');
    assert.equal(r?.fit, 'consider');
    assert.equal(labels(r)[0], '42 domain files, 7 entities in `src/domain/`');
    assert.deepEqual(r?.steps[0]?.scaffold, { kind: 'port', folder: 'src/domain' });
  });

  it('warns about ports and adapters over a thin domain', () => {
    const [r] = domainComplexityRule(
      signals({ domain: { folders: ['src/domain'], files: 4, entities: 1 } }),
      detection({ hexagonal: 'yes' }),
    );
    assert.equal(r?.id, 'hexagonal-thin-domain');
    assert.equal(r?.fit, 'hurts');
  });

  it('names each leak of a hexagon with its file and line, but ignores leaks of rings no one meant as a core', () => {
    const leaks = [
      { from: 'src/domain/ticket.ts', line: 3, to: 'typeorm', ring: 'src/domain' },
      { from: 'src/modules/a/entities/a.entity.ts', line: 1, to: 'typeorm', ring: 'src/modules/a/entities' },
    ];
    const [r] = domainComplexityRule(signals({ hexagonLeaks: leaks }), detection());
    assert.equal(r?.id, 'hexagon-leaks');
    assert.equal(r?.steps.length, 1);
    assert.deepEqual(r?.steps[0]?.link, { kind: 'file', path: 'src/domain/ticket.ts', line: 3 });
    assert.equal(
      domainComplexityRule(signals({ hexagonLeaks: leaks }), detection({ hexagonal: 'partial' }))[0]?.steps
        .length,
      2,
    );
  });
});

describe('recommend: unclear boundaries', () => {
  it('modules coupled both ways: split the shared types first, at the importing line', () => {
    const s = signals({
      coupling: {
        kind: 'modules',
        groups: ['src/modules/billing', 'src/modules/orders'],
        mutual: [
          {
            a: {
              from: 'src/modules/billing',
              to: 'src/modules/orders',
              count: 2,
              example: edge('src/modules/billing/x.ts', 'src/modules/orders/y.ts', 7),
            },
            b: {
              from: 'src/modules/orders',
              to: 'src/modules/billing',
              count: 1,
              example: edge('src/modules/orders/y.ts', 'src/modules/billing/x.ts'),
            },
          },
        ],
        cycles: [['src/modules/billing', 'src/modules/orders']],
        eventOnly: [],
      },
    });
    const [r] = unclearBoundariesRule(s, detection());
    assert.equal(r?.fit, 'consider');
    assert.equal(labels(r)[0], '1 module pair coupled both ways, 1 cycle across 2 modules');
    assert.equal(
      r?.steps[0]?.text,
      'modules `billing` and `orders` are coupled both ways (2:1 imports): split the shared types first',
    );
    assert.deepEqual(r?.steps[0]?.link, { kind: 'file', path: 'src/modules/billing/x.ts', line: 7 });
    assert.deepEqual(r?.steps[0]?.focus, { focus: 'src/modules/billing', view: 'overview' });
    assert.deepEqual(unclearBoundariesRule(signals(), detection()), []);
  });
});

describe('recommend: all rules', () => {
  it('lists warnings first, then what fits, then what to consider', () => {
    const s = signals({
      team: { known: true, authors: 1 },
      deployables: { count: 2, names: ['a', 'b'] },
      releaseConfigs: 2,
      domain: { folders: ['src/domain'], files: 50, entities: 9 },
    });
    const fits = recommend(s, detection({ microservices: 'yes' })).map((r) => r.fit);
    assert.deepEqual(
      fits,
      [...fits].sort(
        (a, b) => ['hurts', 'fits', 'consider'].indexOf(a) - ['hurts', 'fits', 'consider'].indexOf(b),
      ),
    );
    assert.equal(fits[0], 'hurts');
    assert.ok(fits.includes('consider'));
  });
});
