import type { CallSymbol } from '../model';
import { JOB_QUEUE_PACKAGES, matchesPackage } from '../units/known-packages';
import type { DetectContext } from './context';
import type { Fact } from './scoring';
import { importers, symbolsOf } from './signals';

/** How one background-job library enqueues and runs jobs, as calls and constructions. */
interface JobQueueLibrary {
  readonly library: string;
  readonly packages: readonly string[];
  /** Calls that enqueue a job, on a receiver named like the queue (`uploadQueue.add(…)`). */
  readonly enqueue: readonly string[];
  readonly enqueueReceiver: RegExp;
  /** Constructions of the queue client itself (`new Queue('uploads')`): the file is a queue module. */
  readonly queueClasses: readonly string[];
  /** Constructions that run jobs (`new Worker('uploads', handler)`). */
  readonly workerClasses: readonly string[];
  /** Calls that run jobs (`queue.process(handler)`, `boss.work('name', handler)`). */
  readonly workCalls: readonly string[];
  readonly workReceiver: RegExp;
  /** Class decorators of job processors (`@Processor('uploads')`). */
  readonly processorDecorators: readonly string[];
}

/** The catalogue: one entry per library (data, not conditions). */
const JOB_QUEUES: readonly JobQueueLibrary[] = [
  {
    library: 'BullMQ / Bull',
    packages: ['bullmq', 'bull', '@nestjs/bull', '@nestjs/bullmq'],
    enqueue: ['add', 'addBulk'],
    enqueueReceiver: /queue/i,
    queueClasses: ['Queue'],
    workerClasses: ['Worker'],
    workCalls: ['process'],
    workReceiver: /queue/i,
    processorDecorators: ['Processor'],
  },
  {
    library: 'Bee-Queue',
    packages: ['bee-queue'],
    enqueue: ['createJob'],
    enqueueReceiver: /queue/i,
    queueClasses: ['Queue', 'BeeQueue'],
    workerClasses: [],
    workCalls: ['process'],
    workReceiver: /queue/i,
    processorDecorators: [],
  },
  {
    library: 'pg-boss',
    packages: ['pg-boss'],
    enqueue: ['send', 'sendAfter', 'insert'],
    enqueueReceiver: /boss|queue/i,
    queueClasses: ['PgBoss'],
    workerClasses: [],
    workCalls: ['work'],
    workReceiver: /boss|queue/i,
    processorDecorators: [],
  },
  {
    library: 'Agenda',
    packages: ['agenda', '@hokify/agenda'],
    enqueue: ['now', 'schedule', 'every'],
    enqueueReceiver: /agenda|scheduler|jobs?/i,
    queueClasses: ['Agenda'],
    workerClasses: [],
    workCalls: ['define'],
    workReceiver: /agenda|scheduler|jobs?/i,
    processorDecorators: [],
  },
];

/** Where jobs are enqueued and run, and the runs whose handlers enqueue further jobs. */
export interface JobFlows {
  readonly enqueues: readonly Fact[];
  readonly workers: readonly Fact[];
  /** A job's handler enqueues another job: work flows as a chain of messages, not one side effect. */
  readonly chained: readonly Fact[];
}

/** How many files near the job libraries are read for calls. */
const FILES_READ = 300;

/**
 * The job producers and workers of the workspace: files importing a job library, and the files
 * that import those (a shared `queues.ts`). A worker whose handler (a file it imports) enqueues
 * a job is a step of a pipeline.
 */
export function findJobFlows(ctx: DetectContext): JobFlows {
  const libraryFiles = importers(ctx, JOB_QUEUE_PACKAGES);
  if (libraryFiles.length === 0) return { enqueues: [], workers: [], chained: [] };
  const used = JOB_QUEUES.filter((q) =>
    libraryFiles.some((file) =>
      (ctx.graph.externals.get(file) ?? []).some((e) => e.to !== null && matchesPackage(e.to, q.packages)),
    ),
  );
  const near = new Set(libraryFiles);
  for (const file of libraryFiles) for (const edge of ctx.graph.in.get(file) ?? []) near.add(edge.from);
  const candidates = [...near].sort().slice(0, FILES_READ);
  const enqueues = new Map<string, Fact>();
  const workers: Fact[] = [];
  const queueModules = new Set<string>();
  for (const [file, symbols] of symbolsOf(ctx, candidates)) {
    for (const q of used) {
      const enqueue = symbols.calls.find(
        (c) => q.enqueue.includes(c.name) && q.enqueueReceiver.test(c.receiver ?? ''),
      );
      const queueModule = (symbols.constructed ?? []).some((c) => q.queueClasses.includes(c.name));
      if (queueModule) queueModules.add(file);
      if (enqueue && !enqueues.has(file))
        enqueues.set(file, {
          file,
          line: enqueue.line,
          message: `\`${file}\` enqueues ${jobName(enqueue)} (${q.library})`,
        });
      const constructed = (symbols.constructed ?? []).find((c) => q.workerClasses.includes(c.name));
      const work = symbols.calls.find(
        (c) => q.workCalls.includes(c.name) && q.workReceiver.test(c.receiver ?? ''),
      );
      const processor = symbols.classes.find((c) =>
        c.decorators.some((d) => q.processorDecorators.includes(d)),
      );
      const runs = constructed ?? work;
      if (runs)
        workers.push({ file, line: runs.line, message: `\`${file}\` runs ${jobName(runs)} (${q.library})` });
      else if (processor)
        workers.push({
          file,
          line: processor.line,
          message: `\`${processor.name}\` processes jobs (${q.library})`,
        });
    }
  }
  // The handler a worker runs lives in a file it imports; a file that both runs and enqueues jobs
  // is a queue wrapper (a library's queue strategy), and one that creates the queue and wraps its
  // `add` is the queue module the whole app enqueues through: neither is a step of a pipeline.
  const workerFiles = new Set([...workers.map((w) => w.file), ...queueModules]);
  const chained: Fact[] = [];
  for (const worker of workers) {
    const handlers = (ctx.graph.out.get(worker.file) ?? []).flatMap((e) =>
      e.resolution === 'internal' && e.to !== null && !workerFiles.has(e.to) ? [e.to] : [],
    );
    const next = handlers.map((file) => enqueues.get(file)).find((fact) => fact !== undefined);
    if (next)
      chained.push({
        file: worker.file,
        ...(worker.line !== undefined ? { line: worker.line } : {}),
        message: `A job's handler starts the next step: ${worker.message}, and ${next.message}`,
      });
  }
  return { enqueues: [...enqueues.values()], workers, chained };
}

function jobName(call: CallSymbol): string {
  return call.firstStringArgument !== undefined ? `jobs of \`${call.firstStringArgument}\`` : 'jobs';
}
