import type { Evidence, PatternId, Verdict } from '../model';
import type { RuleId, RulePattern } from './catalogue';

/** How a rule's breaks are reported: `error` fails `archlens check`, `warn` is shown only. */
export type RuleSeverity = 'error' | 'warn';

/** The verdict a rule rests on, and whether it is weak (not a `yes`, and not pinned by the config). */
export interface RuleBasis {
  /** The detected pattern the rule keeps (`monolith` for the layered rules). */
  readonly pattern: PatternId;
  readonly verdict: Verdict;
  readonly score: number;
  /** True when `rules.pattern` in archlens.config.json names this pattern. */
  readonly pinned: boolean;
  /** True when the verdict is not `yes` and the pattern is not pinned: the rule follows the units found. */
  readonly weak: boolean;
}

/** How an editor can fix a deep import: import the same name through the module's public file. */
export interface PublicFaceFix {
  readonly kind: 'public-face';
  /** The module's public file to import from, relative to the root. */
  readonly publicFile: string;
  /** Whether the public file already re-exports the imported file. */
  readonly exported: boolean;
}

/**
 * How an editor can fix a core file that imports an adapter or a driver: the file may be an
 * adapter itself, misplaced in the core; move it into an adapter ring (its imports follow).
 */
export interface MoveToAdaptersFix {
  readonly kind: 'move-to-adapters';
  /** The adapter ring to move it into, relative to the root. */
  readonly ring: string;
  /** Where the file goes: its place under the core ring, kept under the adapter ring. */
  readonly destination: string;
}

/** A fix an editor can offer for a violation. */
export type ViolationFix = PublicFaceFix | MoveToAdaptersFix;

/** One import that breaks a rule. */
export interface Violation {
  readonly rule: RuleId;
  readonly pattern: RulePattern;
  readonly severity: RuleSeverity;
  /** The importing file, relative POSIX path. */
  readonly file: string;
  /** 1-based line and column of the import's specifier. */
  readonly line: number;
  readonly column: number;
  /** The module specifier as written. */
  readonly specifier: string;
  /** What the import reaches: a file relative to the root, or a package name. */
  readonly target: string;
  /** A sentence a person understands. */
  readonly message: string;
  /** The units the rule rests on (the ring, module, service found), each with its file. */
  readonly evidence: readonly Evidence[];
  readonly basis: RuleBasis;
  readonly fix?: ViolationFix;
}

/** The outcome of the rules on one workspace. */
export interface RuleReport {
  readonly version: 1;
  /** Violations sorted by file, line, column, rule. */
  readonly violations: readonly Violation[];
  /** The rule families that ran, each with the verdict it rested on and how many units it checked. */
  readonly checked: readonly CheckedPattern[];
  /** Violations left out by an `allow` entry or a rule set to `off`. */
  readonly suppressed: number;
}

export interface CheckedPattern {
  readonly pattern: RulePattern;
  readonly basis: RuleBasis;
  /** The units checked, as a phrase: "2 rings of `src`", "4 modules". */
  readonly units: string;
}
