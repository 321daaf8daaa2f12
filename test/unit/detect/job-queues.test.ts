import * as assert from 'node:assert/strict';
import { analyzeWorkspace, detectArchitecture } from '../../../src/core';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';
import type { PatternResult } from '../../../src/core/model';

/** One Express app with a BullMQ queue: the route enqueues, a worker sends the email. */
const APP: Record<string, string> = {
  '/w/package.json': JSON.stringify({
    name: 'shop',
    scripts: { start: 'node dist/main.js' },
    dependencies: { express: '4', bullmq: '5' },
  }),
  '/w/src/main.ts': [
    "import express from 'express';",
    "import { emailQueue } from './queues';",
    "import { startWorkers } from './workers';",
    'startWorkers();',
    'const app = express();',
    "app.post('/orders', async (_req, res) => { await emailQueue.add('order-confirmation', {}); res.end(); });",
    'app.listen(3000);',
  ].join('\n'),
  '/w/src/queues.ts': "import { Queue } from 'bullmq';\nexport const emailQueue = new Queue('emails');\n",
  '/w/src/workers.ts': [
    "import { Worker } from 'bullmq';",
    "import { sendEmail } from './send-email';",
    "export const startWorkers = () => new Worker('emails', sendEmail);",
  ].join('\n'),
  '/w/src/send-email.ts': 'export async function sendEmail(): Promise<void> {}\n',
};

function eventDriven(files: Record<string, string>): PatternResult {
  const fs = new MemoryFileSystem(files);
  const detection = detectArchitecture(fs, analyzeWorkspace(fs, '/w'));
  const result = detection.patterns.find((p) => p.id === 'event-driven');
  assert.ok(result);
  return result;
}

describe('event-driven: background jobs are not events between parts', () => {
  it('a monolith whose jobs and in-process events only run side effects is event-driven partial at most, and says why', () => {
    const result = eventDriven({
      ...APP,
      '/w/package.json': JSON.stringify({
        name: 'shop',
        scripts: { start: 'node dist/main.js' },
        dependencies: { express: '4', bullmq: '5', eventemitter2: '6' },
      }),
      '/w/src/events/order-placed.event.ts': 'export class OrderPlacedEvent {}\n',
      '/w/src/events/order-shipped.event.ts': 'export class OrderShippedEvent {}\n',
      '/w/src/listeners/on-order-placed.ts':
        "import { EventEmitter2 } from 'eventemitter2';\nexport const bus = new EventEmitter2();\nbus.on('order.placed', () => undefined);\n",
    });
    assert.notEqual(result.verdict, 'yes');
    assert.ok(
      result.evidence.some((e) => e.message.includes('depends on `bullmq` (a background job queue)')),
      'the job queue is named as what it is',
    );
    assert.ok(
      result.counterEvidence.some((e) =>
        e.message.startsWith('No broker carries these events, no job starts another'),
      ),
    );
  });

  it('a worker whose handler enqueues the next job is a pipeline of messages', () => {
    const result = eventDriven({
      ...APP,
      '/w/src/queues.ts':
        "import { Queue } from 'bullmq';\nexport const emailQueue = new Queue('emails');\nexport const auditQueue = new Queue('audit');\n",
      '/w/src/send-email.ts':
        "import { auditQueue } from './queues';\nexport async function sendEmail(): Promise<void> {\n  await auditQueue.add('email-sent', {});\n}\n",
    });
    const chain = result.evidence.find((e) => e.message.startsWith("A job's handler starts the next step"));
    assert.equal(
      chain?.message,
      "A job's handler starts the next step: `src/workers.ts` runs jobs of `emails` (BullMQ / Bull), and `src/send-email.ts` enqueues jobs of `email-sent` (BullMQ / Bull)",
    );
    assert.equal(chain?.line, 3);
    assert.ok(!result.counterEvidence.some((e) => e.message.startsWith('No broker carries these events')));
  });

  it('a worker that imports the queue module the app enqueues through is no chain of jobs', () => {
    const result = eventDriven({
      ...APP,
      '/w/src/queues.ts': [
        "import { Queue } from 'bullmq';",
        "const jobsQueue = new Queue('jobs');",
        'export const createJobsQueue = () => jobsQueue;',
        'export const enqueue = (name: string) => jobsQueue.add(name, {});',
      ].join('\n'),
      '/w/src/workers.ts': [
        "import { Worker } from 'bullmq';",
        "import { createJobsQueue } from './queues';",
        "import { sendEmail } from './send-email';",
        "export const startWorkers = () => { createJobsQueue(); return new Worker('jobs', sendEmail); };",
      ].join('\n'),
    });
    assert.ok(!result.evidence.some((e) => e.message.startsWith("A job's handler starts the next step")));
    assert.notEqual(result.verdict, 'yes');
  });

  it('a broker client lifts the cap: the same app publishing to Kafka', () => {
    const result = eventDriven({
      ...APP,
      '/w/package.json': JSON.stringify({
        name: 'shop',
        scripts: { start: 'node dist/main.js' },
        dependencies: { express: '4', bullmq: '5', kafkajs: '2' },
      }),
    });
    assert.ok(!result.counterEvidence.some((e) => e.message.startsWith('No broker carries these events')));
  });
});
