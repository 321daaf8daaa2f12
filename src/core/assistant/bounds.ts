import { z } from 'zod';

/** How many items a list in an answer holds unless more are asked for. */
export const DEFAULT_LIMIT = 20;
/** The most items one answer lists, however many are asked for. */
export const MAX_LIMIT = 200;

/** The shared `limit` input: how many items each list of the answer holds. */
export const limitInput = z
  .number()
  .int()
  .min(1)
  .max(MAX_LIMIT)
  .optional()
  .describe(`How many items each list of the answer holds (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}).`);

/** The shared `detail` input: a summary first, everything on request. */
export const detailInput = z
  .enum(['summary', 'full'])
  .optional()
  .describe('`summary` (default): the main facts; `full`: every fact, up to `limit` per list.');

/** The first `limit` items and how many were left out. */
export function bounded<T>(items: readonly T[], limit: number | undefined): { shown: T[]; omitted: number } {
  const n = limit ?? DEFAULT_LIMIT;
  return { shown: items.slice(0, n), omitted: Math.max(0, items.length - n) };
}

/** The line saying how many were left out, or nothing. */
export function omittedLine(omitted: number, noun: string): string[] {
  return omitted > 0 ? [`  … and ${omitted} more ${noun} (ask with a higher \`limit\`).`] : [];
}

/** Backquotes a path or name. */
export function code(text: string): string {
  return `\`${text}\``;
}

/** Sorts strings by code unit, the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
