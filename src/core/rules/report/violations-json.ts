import type { CheckOutcome } from './check-outcome';
import { checkFails } from './check-outcome';

/** `archlens check --format json`: the new violations, the known ones, and what was checked. */
export function violationsToJson(outcome: CheckOutcome): string {
  const { fresh, known, fixed } = outcome.comparison;
  return (
    JSON.stringify(
      {
        version: 1,
        root: outcome.root,
        passed: !checkFails(outcome),
        summary: {
          new: fresh.length,
          errors: fresh.filter((v) => v.severity === 'error').length,
          warnings: fresh.filter((v) => v.severity === 'warn').length,
          known: known.length,
          fixed,
          suppressed: outcome.report.suppressed,
        },
        ...(outcome.baselineFile !== undefined ? { baseline: outcome.baselineFile } : {}),
        checked: outcome.report.checked,
        violations: fresh,
        known,
      },
      null,
      2,
    ) + '\n'
  );
}
