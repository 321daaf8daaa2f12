import type { FileSymbols, WorkspaceModel } from '../model';
import { driverTarget } from './backing-services';

/** A publish or subscribe call naming its topic (or queue) with a string literal or a string constant. */
export interface MessageFact {
  readonly file: string;
  readonly line: number;
  readonly topic: string;
  readonly role: 'publish' | 'subscribe';
  /** The called name: `publish`, `emit`, `subscribe` … */
  readonly call: string;
}

const PUBLISH = new Set([
  'publish',
  'emit',
  'emitAsync',
  'send',
  'sendMessage',
  'produce',
  'sendToQueue',
  'publishEvent',
  'dispatchEvent',
]);
const SUBSCRIBE = new Set([
  'subscribe',
  'on',
  'once',
  'addListener',
  'consume',
  'listen',
  'handle',
  'onEvent',
  'process',
]);
/** Receivers whose `on('x')` is a Node or DOM event, never a topic. */
const NOT_A_BUS =
  /^(process|window|document|server|app|req|res|request|response|socket|ws|stream|child|proc|rl|readline|client|emitter\d*|db|connection|conn|pool|page|browser|io)$/;
/** Event names of streams, processes and sockets. */
const NOT_A_TOPIC = new Set([
  'data',
  'end',
  'error',
  'close',
  'exit',
  'finish',
  'open',
  'drain',
  'ready',
  'connect',
  'connection',
  'disconnect',
  'message',
  'listening',
  'request',
  'response',
  'timeout',
  'uncaughtException',
  'unhandledRejection',
  'SIGINT',
  'SIGTERM',
  'beforeExit',
  'warning',
  'line',
  'readable',
  'pipe',
  'unpipe',
  'upgrade',
  'change',
  'load',
  'click',
  'abort',
]);
const MESSAGING_PATH =
  /event|message|messaging|bus|broker|queue|topic|consumer|producer|publisher|subscriber|listener|saga|worker|handler/i;

/**
 * Publish and subscribe calls with a topic name, from the files that may talk to a broker:
 * files importing a broker client or `events`, files importing those, and files named for
 * messaging. Symbols are asked only for these files.
 */
export function findMessageFacts(
  model: WorkspaceModel,
  symbols: (relPath: string) => FileSymbols | undefined,
): MessageFact[] {
  const direct = new Set<string>();
  for (const edge of model.edges) {
    if (edge.to === null) continue;
    const broker = edge.resolution === 'external' && driverTarget(edge.to)?.kind === 'broker';
    const emitter = edge.resolution === 'builtin' && edge.to === 'events';
    const nest =
      edge.resolution === 'external' && /^@nestjs\/(microservices|event-emitter|cqrs)$/.test(edge.to);
    if (broker || emitter || nest) direct.add(edge.from);
  }
  const candidates = new Set(direct);
  for (const edge of model.edges)
    if (edge.resolution === 'internal' && edge.to !== null && direct.has(edge.to)) candidates.add(edge.from);
  for (const file of model.files) if (MESSAGING_PATH.test(file)) candidates.add(file);
  const imported = new Map<string, string[]>();
  for (const edge of model.edges)
    if (edge.resolution === 'internal' && edge.to !== null && candidates.has(edge.from))
      imported.set(edge.from, [...(imported.get(edge.from) ?? []), edge.to]);
  const facts: MessageFact[] = [];
  for (const file of [...candidates].sort()) {
    const own = symbols(file);
    // A channel named by a constant (`TOPICS.ORDER_PLACED`) is that constant's value, declared here
    // or in a file this one imports.
    const valueOf = (name: string): string | undefined =>
      own?.constants?.[name] ??
      (imported.get(file) ?? []).map((to) => symbols(to)?.constants?.[name]).find((v) => v !== undefined);
    for (const call of own?.calls ?? []) {
      const named =
        call.firstArgumentName !== undefined ? [call.firstArgumentName] : (call.objectTopicNames ?? []);
      const topics =
        call.firstStringArgument !== undefined
          ? [call.firstStringArgument]
          : call.objectTopics !== undefined
            ? call.objectTopics
            : named.flatMap((name) => {
                const value = valueOf(name);
                return value === undefined ? [] : [value];
              });
      if (call.receiver !== undefined && NOT_A_BUS.test(call.receiver)) continue;
      const role = PUBLISH.has(call.name) ? 'publish' : SUBSCRIBE.has(call.name) ? 'subscribe' : undefined;
      if (role === undefined) continue;
      if (call.name === 'process' && !/queue|worker/i.test(call.receiver ?? '')) continue;
      for (const topic of topics) {
        if (topic.trim() === '' || NOT_A_TOPIC.has(topic)) continue;
        facts.push({ file, line: call.line, topic, role, call: call.name });
      }
    }
  }
  return facts;
}
