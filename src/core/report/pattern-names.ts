import type { PatternId } from '../model';

/** How each pattern is named to a person. */
export const PATTERN_NAMES: Readonly<Record<PatternId, string>> = {
  monolith: 'Monolith',
  'modular-monolith': 'Modular monolith',
  microservices: 'Microservices',
  'event-driven': 'Event-driven',
  'event-sourcing': 'Event sourcing',
  saga: 'Saga / process manager',
  cqrs: 'CQRS',
  serverless: 'Serverless',
  hexagonal: 'Hexagonal (ports and adapters)',
};
