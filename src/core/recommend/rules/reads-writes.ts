import { seen, verdictOf, type Rule } from '../rule-kit';
import { signalLabel } from '../signal-labels';
import type { NextStep, Recommendation } from '../types';

/** Reads:writes at or beyond this ratio (either way) count as "very different". */
const SKEW = 3;
/** Fewer handlers than this say nothing about the shape of reads and writes. */
const MIN_HANDLERS = 4;

/** "Reads and writes very different?" → CQRS; warns on CQRS over plain CRUD. */
export const readsWritesRule: Rule = (s, d) => {
  const { commands, queries, readModels, crudOnly } = s.handlers;
  const signals = [signalLabel.handlers(s), signalLabel.readModels(s)];
  const out: Recommendation[] = [];
  if (seen(d, 'cqrs') && crudOnly && readModels === 0) {
    out.push({
      id: 'cqrs-plain-crud',
      pattern: 'cqrs',
      fit: 'hurts',
      title: 'CQRS on plain CRUD',
      signals,
      reasoning: [
        'Every command creates, updates or deletes, and no read model differs from the write model: the split doubles the code without serving a different read shape.',
        'CQRS works when reads and writes differ sharply in shape or load; it hurts plain CRUD.',
      ],
      steps: s.handlers.exampleCommand
        ? [
            {
              text: 'Keep the command/query split only where a read model differs from the write model; fold the rest into one service',
              link: { kind: 'file', path: s.handlers.exampleCommand },
            },
          ]
        : [],
    });
    return out;
  }
  const low = Math.max(1, Math.min(commands, queries));
  const skewed = Math.max(commands, queries) / low >= SKEW;
  if (commands + queries >= MIN_HANDLERS && (readModels > 0 || skewed)) {
    const steps: NextStep[] = [];
    if (s.handlers.exampleQuery)
      steps.push({
        text: 'Add a query with its own read model where reads need a different shape',
        link: { kind: 'file', path: s.handlers.exampleQuery },
        scaffold: { kind: 'query' },
      });
    if (s.handlers.exampleCommand)
      steps.push({
        text: 'Add a command handler that changes state and returns no read model',
        link: { kind: 'file', path: s.handlers.exampleCommand },
        scaffold: { kind: 'command' },
      });
    const yes = verdictOf(d, 'cqrs') === 'yes';
    out.push({
      id: 'cqrs-reads-writes',
      pattern: 'cqrs',
      fit: yes ? 'fits' : 'consider',
      title: `${yes ? 'CQRS fits' : 'Consider CQRS'}: reads and writes differ (${queries}:${commands})`,
      signals,
      reasoning: [
        readModels > 0
          ? 'Separate read models already exist: reads have their own shape.'
          : `Reads and writes differ in number by ${SKEW}× or more.`,
        'Works when reads and writes differ sharply in shape or load; keep query handlers free of state changes.',
      ],
      steps,
    });
  }
  return out;
};
