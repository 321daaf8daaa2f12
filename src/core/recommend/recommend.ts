import type { DetectionResult } from '../model';
import type { Rule } from './rule-kit';
import { asyncWorkflowsRule } from './rules/async-workflows';
import { deployablesRule } from './rules/deployables';
import { domainComplexityRule } from './rules/domain-complexity';
import { readsWritesRule } from './rules/reads-writes';
import { spikyTrafficRule } from './rules/spiky-traffic';
import { teamSizeRule } from './rules/team-size';
import { unclearBoundariesRule } from './rules/unclear-boundaries';
import type { Fit, Recommendation } from './types';
import type { WorkspaceSignals } from './workspace-signals';

/** The rules, one per question of the "how to choose" table. */
export const RULES: readonly Rule[] = [
  teamSizeRule,
  deployablesRule,
  readsWritesRule,
  asyncWorkflowsRule,
  spikyTrafficRule,
  domainComplexityRule,
  unclearBoundariesRule,
];

const FIT_ORDER: Readonly<Record<Fit, number>> = { hurts: 0, fits: 1, consider: 2 };

/** Every rule's recommendations: warnings ("hurts") first, then what fits, then what to consider. */
export function recommend(signals: WorkspaceSignals, detection: DetectionResult): Recommendation[] {
  return RULES.flatMap((rule) => rule(signals, detection)).sort(
    (a, b) => FIT_ORDER[a.fit] - FIT_ORDER[b.fit],
  );
}
