import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { extractSymbols } from '../../../src/core/extract';
import { runCliCaptured } from '../support/captured-cli';

const repoRoot = path.resolve(__dirname, '../../../..');

const cli = (args: readonly string[]) => runCliCaptured(args, repoRoot);

describe('messaging calls that name the channel in an options object', () => {
  it('reads kafkajs, AWS SDK and NATS-style options: topic, topics, QueueUrl, subject', () => {
    const text = [
      "await consumer.subscribe({ topic: 'meal-prepared', fromBeginning: false });",
      'await producer.send({ topic: `order-placed`, messages: [] });',
      "await consumer.subscribe({ topics: ['a', 'b', 'a'] });",
      "await sqs.send({ QueueUrl: 'orders-queue', MessageBody: '{}' });",
      "nc.publish({ subject: 'billing.paid' });",
      'await producer.send({ topic: TOPICS.ORDER, messages: [] });',
    ].join('\n');
    assert.deepEqual(
      extractSymbols('m.ts', text).calls.map((c) => [c.name, c.objectTopics ?? []]),
      [
        ['subscribe', ['meal-prepared']],
        ['send', ['order-placed']],
        ['subscribe', ['a', 'b']],
        ['send', ['orders-queue']],
        ['publish', ['billing.paid']],
        ['send', []],
      ],
    );
  });

  it('a workspace of kafkajs services draws each topic with its producer and its consumers in the events view', async () => {
    const run = await cli([
      'diagram',
      path.join(repoRoot, 'test', 'fixtures', 'workspaces', 'micro-kafka-food-delivery'),
      '--view',
      'events',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const topic = (name: string): string => {
      const match = new RegExp(`(n\\d+)>"${name}"\\]`).exec(run.stdout);
      assert.ok(match, `topic ${name} drawn:\n${run.stdout}`);
      return match[1] ?? '';
    };
    const service = (name: string): string => {
      const match = new RegExp(`(n\\d+)\\("${name}"\\)`).exec(run.stdout);
      assert.ok(match, `service ${name} drawn`);
      return match[1] ?? '';
    };
    const edge = (from: string, to: string): boolean =>
      new RegExp(`\\b${from} e\\d+@-\\.->\\|"\\d+"\\| ${to}\\b`).test(run.stdout);
    // ordering publishes order-placed, which kitchen consumes; kitchen publishes meal-prepared for courier.
    assert.ok(edge(service('ordering'), topic('order-placed')), run.stdout);
    assert.ok(edge(topic('order-placed'), service('kitchen')), run.stdout);
    assert.ok(edge(service('kitchen'), topic('meal-prepared')), run.stdout);
    assert.ok(edge(topic('meal-prepared'), service('courier')), run.stdout);
    assert.ok(edge(service('courier'), topic('order-delivered')), run.stdout);
  });
});
