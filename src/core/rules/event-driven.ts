import { HANDLER_FILE } from '../detect/event-driven';
import { isScript } from '../units/paths';
import { code, findingAt, unitFact, type PatternRules, type RuleFinding } from './rule-context';

/** Calls that publish an event or a message. */
export const PUBLISH = new Set([
  'publish',
  'publishEvent',
  'publishAll',
  'emit',
  'emitAsync',
  'produce',
  'send',
  'sendMessage',
  'sendMessageBatch',
  'sendToQueue',
  'dispatchEvent',
  'appendToStream',
]);

/**
 * Event-driven rules: a file that publishes events or messages imports none of the consumers
 * (listeners, subscribers, consumers, workers) that react to them.
 */
export const eventDrivenRules: PatternRules = {
  pattern: 'event-driven',
  verdictOf: 'event-driven',
  check(input) {
    const { graph, units } = input.ctx;
    if (!units.importsRead) return undefined;
    const consumers = new Set(graph.scripts.filter((f) => HANDLER_FILE.test(f)));
    if (consumers.size === 0) return undefined;
    // Only files that import a consumer are read for publishing calls.
    const candidates = graph.scripts.filter(
      (f) => !consumers.has(f) && (graph.out.get(f) ?? []).some((e) => consumers.has(e.to ?? '')),
    );
    const findings: RuleFinding[] = [];
    let producers = 0;
    for (const file of candidates) {
      const call = input.ctx.symbols(file)?.calls.find((c) => PUBLISH.has(c.name));
      if (!call) continue;
      producers++;
      const what = call.firstStringArgument ?? call.objectTopics?.[0];
      for (const edge of graph.out.get(file) ?? []) {
        const target = edge.to ?? '';
        if (!consumers.has(target) || !isScript(target)) continue;
        findings.push(
          findingAt(
            'event-driven/producer-imports-consumer',
            edge,
            `${code(file)} publishes${what !== undefined ? ` ${code(what)}` : ''} (${code(`${call.receiver !== undefined ? call.receiver + '.' : ''}${call.name}`)}, line ${call.line}) and imports its consumer ${code(target)}: a producer does not know who consumes its events.`,
            [
              unitFact(file, `${code(file)} publishes (${code(call.name)})`, call.line),
              unitFact(target, `${code(target)} is a consumer (listener, subscriber, consumer or worker)`),
            ],
          ),
        );
      }
    }
    return { units: `${consumers.size} consumers, ${producers} producers importing one`, findings };
  },
};
