import type { PatternId } from '../model';
import { cqrs } from './cqrs';
import type { Detector } from './detector';
import { eventDriven } from './event-driven';
import { eventSourcing } from './event-sourcing';
import { hexagonal } from './hexagonal';
import { microservices } from './microservices';
import { modularMonolith } from './modular-monolith';
import { monolith } from './monolith';
import { saga } from './saga';
import { serverless } from './serverless';

/** Every detector, one per pattern id. */
export const DETECTORS: readonly Detector[] = [
  monolith,
  modularMonolith,
  microservices,
  eventDriven,
  eventSourcing,
  saga,
  cqrs,
  serverless,
  hexagonal,
];

/**
 * The order in which a `yes` becomes the primary pattern, most specific first: the patterns
 * that describe the inside of a system (event sourcing, CQRS, hexagonal, sagas) before those
 * that describe how it is deployed (modular monolith before serverless, microservices), then
 * event-driven (a way of talking found in many hosts), then plain monolith (the host of many).
 */
export const SPECIFICITY: readonly PatternId[] = [
  'event-sourcing',
  'cqrs',
  'hexagonal',
  'saga',
  'modular-monolith',
  'serverless',
  'microservices',
  'event-driven',
  'monolith',
];
