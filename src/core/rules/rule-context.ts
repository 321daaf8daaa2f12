import type { DetectContext } from '../detect';
import type { DetectionResult, Evidence, ImportEdge, PatternId } from '../model';
import type { RulesConfig } from '../config/rules-schema';
import type { RuleId, RulePattern } from './catalogue';
import type { ViolationFix } from './types';

/** What the rules read: the detection context (units, graph), the verdicts, and the config. */
export interface RuleInput {
  readonly ctx: DetectContext;
  readonly detection: DetectionResult;
  readonly config: RulesConfig;
}

/** A broken rule before its severity and basis are applied. */
export interface RuleFinding {
  readonly rule: RuleId;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly specifier: string;
  readonly target: string;
  readonly message: string;
  readonly evidence: readonly Evidence[];
  readonly fix?: ViolationFix;
}

/** What one pattern's rules found: the units checked (a phrase) and the findings. */
export interface PatternCheck {
  readonly units: string;
  readonly findings: readonly RuleFinding[];
}

/** The rules of one pattern. `check` returns `undefined` when the workspace has none of its units. */
export interface PatternRules {
  readonly pattern: RulePattern;
  /** The detected pattern whose verdict the rules rest on. */
  readonly verdictOf: PatternId;
  check(input: RuleInput): PatternCheck | undefined;
}

/** A finding for one import edge. */
export function findingAt(
  rule: RuleId,
  edge: ImportEdge,
  message: string,
  evidence: readonly Evidence[],
  fix?: ViolationFix,
): RuleFinding {
  return {
    rule,
    file: edge.from,
    line: edge.line,
    column: edge.column,
    specifier: edge.specifier,
    target: edge.to ?? edge.specifier,
    message,
    evidence,
    ...(fix ? { fix } : {}),
  };
}

/** A fact about a unit, as evidence (weight 0: it places the rule, it does not score). */
export function unitFact(file: string, message: string, line?: number): Evidence {
  return { file, ...(line !== undefined ? { line } : {}), message, weight: 0 };
}

/** Backquotes a path or name for a message. */
export function code(text: string): string {
  return `\`${text}\``;
}
