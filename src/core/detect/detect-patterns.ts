import type { DetectionResult, PatternResult } from '../model';
import type { DetectContext } from './context';
import { DETECTORS, SPECIFICITY } from './registry';

/**
 * Runs every detector and puts the verdicts in order: by score (highest first), then id; the
 * primary pattern is the first `yes` in {@link SPECIFICITY} order, or `null`. A detector that
 * throws yields a `no` with the error as counter-evidence instead of ending the analysis.
 */
export function detectPatterns(ctx: DetectContext): DetectionResult {
  const patterns: PatternResult[] = DETECTORS.map((detector) => {
    try {
      return detector.detect(ctx);
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
  });
  patterns.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const yes = new Set(patterns.filter((p) => p.verdict === 'yes').map((p) => p.id));
  const primary = SPECIFICITY.find((id) => yes.has(id)) ?? null;
  return { version: 1, root: ctx.model.root, primary, patterns, units: ctx.units.units };
}
