import type { DetectionResult, PatternId, Verdict } from '../model';
import { baseName } from '../units/paths';
import type { Recommendation } from './types';
import type { WorkspaceSignals } from './workspace-signals';

/** One rule of the "how to choose" table: a pure function of the signals and the detection. */
export type Rule = (signals: WorkspaceSignals, detection: DetectionResult) => readonly Recommendation[];

/** Below this many authors a team is "small" (under ~15 people). */
export const SMALL_TEAM = 15;
/** At or below this many authors, microservices are "for a tiny team". */
export const TINY_TEAM = 2;

/** The verdict detection gave a pattern. */
export function verdictOf(detection: DetectionResult, id: PatternId): Verdict {
  return detection.patterns.find((p) => p.id === id)?.verdict ?? 'no';
}

/** Whether detection sees the pattern at all (yes or partial). */
export function seen(detection: DetectionResult, id: PatternId): boolean {
  return verdictOf(detection, id) !== 'no';
}

/** A folder's last segment, as a person names a module or service. */
export function shortName(path: string): string {
  return path === '.' ? 'root' : baseName(path);
}

/** `a`, `a` and `b`, `a`, `b` and `c`. */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length <= 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1) ?? ''}`;
}
