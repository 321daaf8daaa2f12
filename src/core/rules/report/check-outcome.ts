import type { BaselineComparison } from '../baseline';
import type { RuleReport } from '../types';

/** What `archlens check` reports: the rules' report split by the baseline. */
export interface CheckOutcome {
  /** The absolute POSIX path of the workspace root. */
  readonly root: string;
  readonly report: RuleReport;
  readonly comparison: BaselineComparison;
  /** The baseline file used, as the user named it (relative to the root when inside it). */
  readonly baselineFile?: string;
}

/** Whether the check fails: a new violation of a rule at `error`. */
export function checkFails(outcome: CheckOutcome): boolean {
  return outcome.comparison.fresh.some((v) => v.severity === 'error');
}
