import { cqrsRules } from './cqrs';
import { eventDrivenRules } from './event-driven';
import { hexagonalRules } from './hexagonal';
import { layeredMonolithRules } from './layered-monolith';
import { microservicesRules } from './microservices';
import { modularMonolithRules } from './modular-monolith';
import type { PatternRules } from './rule-context';
import { serverlessRules } from './serverless';

/** The rules of each pattern, in the order their violations are reported when at one place. */
export const RULE_FAMILIES: readonly PatternRules[] = [
  hexagonalRules,
  modularMonolithRules,
  layeredMonolithRules,
  microservicesRules,
  cqrsRules,
  serverlessRules,
  eventDrivenRules,
];
