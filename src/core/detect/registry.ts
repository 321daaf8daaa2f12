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

export { SPECIFICITY } from './primary';
