import { WORKFLOW_PACKAGES } from '../units/known-packages';
import type { DetectContext } from './context';
import type { Detector } from './detector';
import { EVENT_FILE } from './event-driven';
import { ScoreCard } from './scoring';
import type { Fact } from './scoring';
import { dependencyFacts, scriptsMatching, symbolsOf } from './signals';

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
    const files = scriptsMatching(ctx, SAGA_FILE);
    card.add(
      0.35,
      files.slice(0, 5).map((file) => ({ file, message: `\`${file}\` is a saga or process manager` })),
    );
    card.add(0.2, dependencyFacts(ctx, WORKFLOW_PACKAGES, 'a workflow engine'));
    const decorated: Fact[] = [];
    const compensations: Fact[] = [];
    const reacting: Fact[] = [];
    for (const [file, symbols] of symbolsOf(ctx, files.slice(0, 60))) {
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
    card.add(0.15, decorated.slice(0, 5));
    card.add(0.25, compensations.slice(0, 5));
    card.add(0.1, reacting.slice(0, 5));
    return card.result();
  },
};
