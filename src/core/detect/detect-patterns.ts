import type { DetectionResult, PatternResult } from '../model';
import type { DetectContext } from './context';
import type { Detector } from './detector';
import { primaryPattern } from './primary';
import { boundedContext } from './read-bound';
import { DETECTORS } from './registry';

/**
 * Runs every detector, each with its own bound on the files whose declarations it reads, and
 * puts the verdicts in order: by score (highest first), then id. The primary pattern follows
 * {@link primaryPattern}. A detector that throws yields a `no` with the error as counter-evidence
 * instead of ending the analysis.
 */
export function detectPatterns(ctx: DetectContext): DetectionResult {
  const patterns: PatternResult[] = DETECTORS.map((detector) => runDetector(detector, ctx));
  patterns.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    version: 1,
    root: ctx.model.root,
    primary: primaryPattern(patterns),
    patterns,
    units: ctx.units.units,
    system: ctx.system,
  };
}

function runDetector(detector: Detector, shared: DetectContext): PatternResult {
  const { ctx, bound } = boundedContext(shared);
  let result: PatternResult;
  try {
    result = detector.detect(ctx);
  } catch (error) {
    return {
      id: detector.id,
      score: 0,
      verdict: 'no',
      evidence: [],
      counterEvidence: [
        {
          file: '.',
          message: `Detection failed: ${error instanceof Error ? error.message : String(error)}`,
          weight: 0,
        },
      ],
    };
  }
  const unread = bound.unread();
  if (unread === 0) return result;
  // Said, not hidden: the verdict rests on the candidates that were read.
  return {
    ...result,
    counterEvidence: [
      ...result.counterEvidence,
      {
        file: '.',
        message: `The declarations of ${unread} more candidate file${unread === 1 ? ' were' : 's were'} not read (a bound keeps detection fast); the verdict rests on the files read.`,
        weight: 0,
      },
    ],
  };
}
