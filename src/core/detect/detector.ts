import type { PatternId, PatternResult } from '../model';
import type { DetectContext } from './context';

/** One pattern's detector: `detect` weighs the signals and returns a verdict with evidence. */
export interface Detector {
  readonly id: PatternId;
  detect(ctx: DetectContext): PatternResult;
}
