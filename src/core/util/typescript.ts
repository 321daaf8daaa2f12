import type * as TsMorph from 'ts-morph';

let loaded: typeof TsMorph.ts | undefined;

/**
 * TypeScript's compiler API (as bundled with ts-morph), loaded on first use: it is large, and
 * most callers (the extension host, the diagram) never need it, so loading it eagerly would
 * slow activation for nothing.
 */
export function typescript(): typeof TsMorph.ts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (require('ts-morph') as typeof TsMorph).ts;
  return loaded;
}
