import type { PatternId, PatternResult } from '../model';

/**
 * Specificity tiers, most specific first: event sourcing (it implies a command side and read
 * models, so it refines CQRS and event-driven); a modular monolith (the shape that holds
 * hexagonal or CQRS modules: those describe its modules, it describes the system); a saga (a
 * workflow across services, the reason such a system is built); how several deployables are
 * built and run — services or functions (hexagonal or CQRS services describe its parts, it
 * describes the system); the patterns that describe the inside of one codebase; then a way of
 * talking found in many hosts; then the plain host of many.
 */
export const SPECIFICITY_TIERS: readonly (readonly PatternId[])[] = [
  ['event-sourcing'],
  ['modular-monolith'],
  ['saga'],
  ['serverless', 'microservices'],
  ['cqrs', 'hexagonal'],
  ['event-driven'],
  ['monolith'],
];

/** Every pattern id in tier order (within a tier, the order breaks exact score ties). */
export const SPECIFICITY: readonly PatternId[] = SPECIFICITY_TIERS.flat();

/**
 * The primary pattern: the best-supported `yes` of the most specific tier that has one — the
 * highest score there, an exact tie going to the earlier id of {@link SPECIFICITY}; `null` when
 * nothing is a `yes`. So a modular monolith with hexagonal modules is a modular monolith first,
 * microservices with hexagonal services are microservices first, and a CQRS service inside a
 * monolith is CQRS first.
 */
export function primaryPattern(patterns: readonly PatternResult[]): PatternId | null {
  for (const tier of SPECIFICITY_TIERS) {
    let best: PatternResult | undefined;
    for (const id of tier) {
      const candidate = patterns.find((p) => p.id === id && p.verdict === 'yes');
      if (candidate !== undefined && (best === undefined || candidate.score > best.score)) best = candidate;
    }
    if (best !== undefined) return best.id;
  }
  return null;
}
