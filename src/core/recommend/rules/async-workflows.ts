import { seen, shortName, type Rule } from '../rule-kit';
import { signalLabel } from '../signal-labels';
import type { NextStep } from '../types';

/** "Workflows asynchronous?" → event-driven, from broker clients, event handlers and queue consumers. */
export const asyncWorkflowsRule: Rule = (s, d) => {
  const m = s.messaging;
  const brokers = m.brokerClients.length + m.brokerServices.length;
  if (brokers === 0 && m.queueConsumers === 0 && m.eventHandlers < 3) return [];
  const detected = seen(d, 'event-driven');
  const steps: NextStep[] = s.coupling.eventOnly.slice(0, 3).map((g) => ({
    text: `Consider extracting \`${shortName(g)}\` when it needs its own deploy cadence: it already talks only through events`,
    link: { kind: 'folder', path: g },
    scaffold: { kind: 'service' },
  }));
  steps.push({
    text: 'Add an event with a handler, named for what happened (`OrderPlaced`)',
    ...(m.exampleHandler ? { link: { kind: 'file' as const, path: m.exampleHandler } } : {}),
    scaffold: { kind: 'event' },
  });
  return [
    {
      id: 'event-driven-async',
      pattern: 'event-driven',
      fit: detected ? 'fits' : 'consider',
      title: `${detected ? 'Event-driven fits' : 'Consider events'}: asynchronous workflows`,
      signals: [signalLabel.brokers(s), signalLabel.eventHandlers(s), signalLabel.queueConsumers(s)],
      reasoning: [
        'Works for asynchronous workflows, loose coupling and audit trails.',
        'Hurts simple request/response flows, needs for immediate consistency, and debugging across many hops: trace messages end to end.',
      ],
      steps,
    },
  ];
};
