import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeWorkspace, detectArchitecture } from '../../../src/core';
import { detectPatterns } from '../../../src/core/detect';
import { measureSignals, measureWorkspaceSignals, recommend } from '../../../src/core/recommend';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';
import { buildModel, contextOf, packageJson } from '../detect/support/build-model';

const TEAM = { known: true, authors: 2 } as const;

function fixture(name: string) {
  const fs = new NodeFileSystem();
  const root = toPosixPath(path.resolve('test/fixtures/workspaces', name));
  const model = analyzeWorkspace(fs, root);
  const detection = detectArchitecture(fs, model);
  const signals = measureWorkspaceSignals(fs, model, detection, TEAM);
  return { detection, signals, recommendations: recommend(signals, detection) };
}

describe('recommend: measureSignals on a hand-built workspace', () => {
  const model = buildModel(
    {
      'src/main.ts': ['src/modules/orders/index.ts', 'src/modules/billing/index.ts', 'express'],
      'src/modules/orders/index.ts': ['src/modules/orders/order.service.ts'],
      'src/modules/orders/order.service.ts': ['src/modules/billing/internal/invoice.ts'],
      'src/modules/orders/commands/place-order.handler.ts': [],
      'src/modules/orders/queries/get-order.handler.ts': [],
      'src/modules/orders/queries/list-orders.handler.ts': [],
      'src/modules/billing/index.ts': ['src/modules/billing/internal/invoice.ts'],
      'src/modules/billing/internal/invoice.ts': ['src/modules/orders/order.service.ts'],
      'src/modules/notifications/index.ts': ['src/modules/notifications/on-order-placed.ts'],
      'src/modules/notifications/on-order-placed.ts': [
        'src/modules/orders/events/order-placed.event.ts',
        'bullmq',
      ],
      'src/modules/orders/events/order-placed.event.ts': [],
      'src/workers/email.consumer.ts': ['bullmq'],
    },
    [
      packageJson('package.json', {
        name: 'shop',
        scripts: { start: 'node dist/main.js' },
        dependencies: { bullmq: '5', express: '4' },
      }),
    ],
  );
  const ctx = contextOf(model);
  const s = measureSignals(ctx, detectPatterns(ctx), TEAM);

  it('counts command and query handlers', () => {
    assert.equal(s.handlers.commands, 1);
    assert.equal(s.handlers.queries, 2);
  });

  it('finds broker clients, event handlers and queue consumers', () => {
    assert.deepEqual(s.messaging.brokerClients, ['bullmq']);
    assert.equal(s.messaging.queueConsumers, 1);
    assert.ok(s.messaging.eventHandlers >= 1);
  });

  it('finds modules coupled both ways, and the module that only talks through events', () => {
    assert.equal(s.coupling.kind, 'modules');
    const pair = s.coupling.mutual[0];
    assert.deepEqual([pair?.a.from, pair?.b.from], ['src/modules/billing', 'src/modules/orders']);
    assert.deepEqual(s.coupling.eventOnly, ['src/modules/notifications']);
  });

  it('counts one deployable and its release config', () => {
    assert.equal(s.deployables.count, 1);
    assert.equal(s.releaseConfigs, 1);
  });
});

describe('recommend: signals and recommendations of real fixtures', () => {
  it("distributed-monolith-shop: services importing each other's source", () => {
    const { signals, recommendations } = fixture('distributed-monolith-shop');
    assert.equal(signals.deployables.count, 3);
    assert.ok(signals.crossServiceImports.length >= 3);
    const r = recommendations.find((x) => x.id === 'distributed-monolith');
    assert.equal(r?.fit, 'hurts');
    assert.match(r?.signals[0]?.label ?? '', /^\d+ source imports between services$/);
  });

  it('micro-kafka-food-delivery with 2 authors: microservices for a tiny team; kafka as broker', () => {
    const { signals, recommendations } = fixture('micro-kafka-food-delivery');
    assert.ok(signals.messaging.brokerClients.includes('kafkajs'));
    assert.equal(recommendations.find((x) => x.id === 'microservices-tiny-team')?.fit, 'hurts');
  });

  it('hex-leaky-ticketing: a leaky hexagon with steps at the leaking lines', () => {
    const { recommendations } = fixture('hex-leaky-ticketing');
    const r = recommendations.find((x) => x.id === 'hexagon-leaks');
    assert.ok(r && r.steps.length >= 2);
    assert.ok(r.steps.every((st) => st.link?.kind === 'file' && st.link.path.startsWith('src/domain/')));
  });

  it('cqrs-express-catalog: reads and writes with read models; CQRS fits', () => {
    const { signals, recommendations } = fixture('cqrs-express-catalog');
    assert.ok(signals.handlers.readModels >= 1);
    assert.equal(recommendations.find((x) => x.id === 'cqrs-reads-writes')?.fit, 'fits');
  });

  it('sls-sam-invoice-ocr: functions in a manifest; serverless fits', () => {
    const { signals, recommendations } = fixture('sls-sam-invoice-ocr');
    assert.deepEqual(signals.functions.manifests, ['template.yaml']);
    assert.equal(recommendations.find((x) => x.id === 'serverless-functions')?.fit, 'fits');
  });
});
