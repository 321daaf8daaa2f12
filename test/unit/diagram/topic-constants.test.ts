import * as assert from 'node:assert/strict';
import { findMessageFacts } from '../../../src/core/diagram/message-facts';
import { extractSymbols } from '../../../src/core/extract';
import { buildModel } from '../detect/support/build-model';

const TEXTS: Record<string, string> = {
  'src/topics.ts': [
    "export const TOPICS = { ORDER_PLACED: 'order.placed', PAYMENTS: { SETTLED: 'payment.settled' } } as const;",
    "export enum Queue { Emails = 'emails' }",
    "export const AUDIT = 'audit';",
    'export const COUNT = 3;',
  ].join('\n'),
  'src/orders/publisher.ts': [
    "import { Kafka } from 'kafkajs';",
    "import { TOPICS } from '../topics';",
    'await producer.send({ topic: TOPICS.ORDER_PLACED, messages: [] });',
    'await producer.send({ topic: TOPICS.PAYMENTS.SETTLED, messages: [] });',
  ].join('\n'),
  'src/billing/consumer.ts': [
    "import { Kafka } from 'kafkajs';",
    "import { AUDIT, Queue, TOPICS } from '../topics';",
    'const LOCAL = "local.topic";',
    'await consumer.subscribe({ topics: [TOPICS.ORDER_PLACED] });',
    'bus.subscribe(Queue.Emails, handle);',
    'bus.subscribe(AUDIT, handle);',
    'bus.subscribe(LOCAL, handle);',
    'bus.subscribe(UNKNOWN.NAME, handle);',
  ].join('\n'),
};

describe('channels named by constants', () => {
  it('reads string constants, nested object members and string enum members, not numbers', () => {
    assert.deepEqual(extractSymbols('src/topics.ts', TEXTS['src/topics.ts'] ?? '').constants, {
      'TOPICS.ORDER_PLACED': 'order.placed',
      'TOPICS.PAYMENTS.SETTLED': 'payment.settled',
      'Queue.Emails': 'emails',
      AUDIT: 'audit',
    });
  });

  it('resolves a channel constant declared in the file or in a file it imports', () => {
    const model = buildModel({
      'src/topics.ts': [],
      'src/orders/publisher.ts': ['kafkajs', 'src/topics.ts'],
      'src/billing/consumer.ts': ['kafkajs', 'src/topics.ts'],
    });
    const facts = findMessageFacts(model, (file) => extractSymbols(file, TEXTS[file] ?? ''));
    assert.deepEqual(
      facts.map((f) => [f.file, f.line, f.role, f.topic]),
      [
        ['src/billing/consumer.ts', 4, 'subscribe', 'order.placed'],
        ['src/billing/consumer.ts', 5, 'subscribe', 'emails'],
        ['src/billing/consumer.ts', 6, 'subscribe', 'audit'],
        ['src/billing/consumer.ts', 7, 'subscribe', 'local.topic'],
        ['src/orders/publisher.ts', 3, 'publish', 'order.placed'],
        ['src/orders/publisher.ts', 4, 'publish', 'payment.settled'],
      ],
      'a name no file declares gives no topic',
    );
  });
});
