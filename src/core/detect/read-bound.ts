import type { FileSymbols } from '../model';
import type { DetectContext } from './context';

/**
 * Most files whose declarations one detector reads: symbol extraction costs a few milliseconds a
 * file and detection must stay a small part of the analysis. Each detector has its own bound, so
 * what one detector reads never takes away from another, and a verdict says when its bound was hit.
 */
export const SYMBOL_READS_PER_DETECTOR = 100;

/** What one detector could not read because of its bound. */
export interface ReadBound {
  /** Candidate files whose declarations were not read. */
  readonly unread: () => number;
  /** Records candidates passed over by a caller's own bound (see `symbolsOf`). */
  readonly passOver: (count: number) => void;
}

/** A context whose `symbols` reader stops after `limit` distinct files, counting what it refused. */
export function boundedContext(
  ctx: DetectContext,
  limit: number = SYMBOL_READS_PER_DETECTOR,
): { readonly ctx: DetectContext; readonly bound: ReadBound } {
  const asked = new Set<string>();
  const refused = new Set<string>();
  let passedOver = 0;
  const bound: ReadBound = {
    unread: () => refused.size + passedOver,
    passOver: (count) => {
      passedOver += count;
    },
  };
  const symbols = (relPath: string): FileSymbols | undefined => {
    if (!asked.has(relPath)) {
      if (asked.size >= limit) {
        refused.add(relPath);
        return undefined;
      }
      asked.add(relPath);
    }
    return ctx.symbols(relPath);
  };
  return { ctx: { ...ctx, symbols, readBound: bound }, bound };
}
