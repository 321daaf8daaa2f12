import { WORKFLOW_PACKAGES } from '../units/known-packages';
import type { DetectContext } from './context';
import type { Detector } from './detector';
import { EVENT_FILE } from './event-driven';
import { ScoreCard } from './scoring';
import type { Fact } from './scoring';
import {
  dependencyFacts,
  filesMatching,
  importers,
  scriptsMatching,
  sourceTextFacts,
  symbolsOf,
} from './signals';
import { isScript } from '../units/paths';
import { DOCUMENTED_WEIGHT, documentedStyle } from './documented-style';

const SAGA_FILE =
  /(?:^|\/)(?:sagas|process-managers|orchestrators?|workflows)\/|saga|process[-_.]?manager|orchestrat/i;
const COMPENSATION =
  /^(?:compensate|rollback|undo|revert|cancel|refund|release|void|compensation|onFailure|handleFailure)/i;
const COMMAND_CALLS = new Set(['execute', 'send', 'dispatch', 'sendCommand', 'publish', 'emit']);

/**
 * Saga / process manager: a long-running workflow that reacts to events and issues commands,
 * with compensation steps. Saga files and decorators, compensation methods, event-in /
 * command-out wiring, workflow engines.
 */
export const saga: Detector = {
  id: 'saga',
  detect(ctx: DetectContext) {
    const card = new ScoreCard('saga');
    const documented = documentedStyle(ctx, 'saga');
    card.add(DOCUMENTED_WEIGHT, documented);
    // The file's own name and folder only: `io/eventuate/tram/sagas/…` names a package, not a saga.
    const files = filesMatching(ctx, SAGA_FILE).filter((f) =>
      SAGA_FILE.test(f.split('/').slice(-2).join('/')),
    );
    card.add(
      0.35,
      files.slice(0, 5).map((file) => ({ file, message: `\`${file}\` is a saga or process manager` })),
    );
    const engines = dependencyFacts(ctx, WORKFLOW_PACKAGES, 'a workflow engine');
    card.add(0.2, engines);
    const decorated: Fact[] = [];
    const compensations: Fact[] = [];
    const reacting: Fact[] = [];
    for (const [file, symbols] of symbolsOf(ctx, files.filter(isScript).slice(0, 60))) {
      for (const cls of symbols.classes) {
        if (cls.decorators.includes('Saga') || cls.methods.some((m) => m === 'saga'))
          decorated.push({ file, line: cls.line, message: `\`${cls.name}\` declares a \`@Saga\`` });
        const comp = cls.methods.filter((m) => COMPENSATION.test(m));
        if (comp.length > 0)
          compensations.push({
            file,
            line: cls.line,
            message: `\`${cls.name}\` compensates with ${comp
              .slice(0, 3)
              .map((m) => `\`${m}\``)
              .join(', ')}`,
          });
      }
      for (const fn of symbols.functions) {
        if (COMPENSATION.test(fn.name))
          compensations.push({ file, line: fn.line, message: `\`${fn.name}\` is a compensation step` });
      }
      const undo = symbols.calls.find((c) => COMPENSATION.test(c.name));
      if (undo)
        compensations.push({
          file,
          line: undo.line,
          message: `\`${file}\` calls compensation step \`${undo.name}\``,
        });
      const text = ctx.readText(file) ?? '';
      const sagaLine = text.split('\n').findIndex((l) => /^\s*@Saga\(\)/.test(l));
      if (sagaLine >= 0 && !decorated.some((d) => d.file === file))
        decorated.push({ file, line: sagaLine + 1, message: `\`${file}\` declares a NestJS \`@Saga()\`` });
      const targets = (ctx.graph.out.get(file) ?? []).map((e) => e.to ?? '');
      const importsEvents = targets.some((t) => EVENT_FILE.test(t));
      const issues = symbols.calls.find((c) => COMMAND_CALLS.has(c.name));
      const command = targets.find((t) => /command/i.test(t));
      if (importsEvents && (issues !== undefined || command !== undefined))
        reacting.push({
          file,
          ...(issues ? { line: issues.line } : {}),
          message: `\`${file}\` reacts to events and issues commands (${issues ? `\`${issues.name}\`` : `\`${command ?? ''}\``})`,
        });
    }
    // Compensations collected and run on failure are what makes a workflow a saga.
    const collectedRuns = compensationLists(ctx).slice(0, 3);
    card.add(0.4, collectedRuns);
    decorated.push(
      ...sourceTextFacts(
        ctx,
        files.filter((f) => !isScript(f)),
        SAGA_TEXT,
        (file, match) => `\`${file}\` defines saga steps (\`${match}\`)`,
      ),
    );
    compensations.push(
      ...sourceTextFacts(
        ctx,
        files.filter((f) => !isScript(f)),
        /\.withCompensation\s*\(|\bcompensat\w*\s*\(|@(?:Compensat\w*)\b/i,
        (file, match) => `\`${file}\` declares a compensation step (\`${match}\`)`,
      ),
    );
    card.add(0.15, decorated.slice(0, 5));
    card.add(0.25, compensations.slice(0, 5));
    card.add(0.1, reacting.slice(0, 5));
    // A file named like a saga with a method named like an undo is no saga until something shows
    // the workflow: events in and commands out, a saga base type or decorator, a workflow engine,
    // compensations collected and run. (A saga detector, a rollback helper, a `cancel()` button.)
    const wired =
      documented.length + engines.length + collectedRuns.length + decorated.length + reacting.length;
    if (wired === 0 && files.length > 0)
      card.cap(0.45, {
        file: files[0] ?? '',
        message:
          'Files are named like a saga, but none reacts to events and issues commands, declares a saga, or runs compensations on failure',
      });
    return card.result();
  },
};

/**
 * Saga definitions read as text in other languages: Eventuate `SimpleSaga`/`SagaDefinition` with
 * `withCompensation`, Axon `@SagaEventHandler`/`@StartSaga`, MassTransit state machines, NServiceBus `Saga<T>`.
 */
const SAGA_TEXT =
  /\.withCompensation\s*\(|\bSimpleSaga\s*<|\bSagaDefinition\s*<|@(?:SagaEventHandler|StartSaga|EndSaga)\b|\bMassTransitStateMachine\s*<|\bSaga<\w+>|\bSagaStateMachineInstance\b/;
/** Compensation steps collected while a workflow runs: `compensations.unshift({ fn: … })`. */
const COMPENSATION_LIST = /\b\w*compensations?\w*\s*\.\s*(?:push|unshift|append|add)\s*\(/i;
/** …and run (in reverse) when a later step fails. */
const COMPENSATION_RUN =
  /\bfor\b[^\n]*\bof\s+[\w.]*compensations?\b|\bcompensations?\w*\s*\.\s*(?:reverse|forEach|map)\s*\(|\bcompensate\s*\(/i;

/**
 * Workflows (files named like one, or importing a workflow engine) that collect compensation
 * steps as they go and run them on failure: the saga of workflow engines such as Temporal.
 */
function compensationLists(ctx: DetectContext): Fact[] {
  const candidates = [
    ...new Set([
      ...importers(ctx, WORKFLOW_PACKAGES),
      ...scriptsMatching(ctx, /workflow|saga|orchestrat|process/i),
    ]),
  ];
  const collected = sourceTextFacts(
    ctx,
    candidates,
    COMPENSATION_LIST,
    (file, match) => `\`${file}\` collects compensation steps as the workflow goes (\`${match}\`)`,
  );
  const run = new Set(
    sourceTextFacts(
      ctx,
      collected.map((f) => f.file),
      COMPENSATION_RUN,
      () => '',
    ).map((f) => f.file),
  );
  return collected
    .filter((f) => run.has(f.file))
    .map((f) => ({ ...f, message: `${f.message} and runs them when a step fails` }));
}
