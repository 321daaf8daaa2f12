import { compileGlob, type GlobMatcher } from '../scan/glob';
import { isUnder } from '../units/paths';
import type { PatternId, PatternResult } from '../model';
import type { RulesConfig } from '../config/rules-schema';
import { ruleDefinition, type RuleId, type RulePattern } from './catalogue';
import { RULE_FAMILIES } from './registry';
import type { RuleFinding, RuleInput } from './rule-context';
import type { CheckedPattern, RuleBasis, RuleReport, RuleSeverity, Violation } from './types';

/**
 * Runs the rules of every pattern whose units the workspace has (or only those `rules.pattern`
 * pins), applies the config (severities, allowed edges) and sorts the violations by place.
 * A rule family that throws is left out rather than ending the check.
 */
export function checkRules(input: RuleInput): RuleReport {
  const pinned = pinnedPatterns(input.config);
  const allowed = allowMatchers(input.config);
  const checked: CheckedPattern[] = [];
  const violations: Violation[] = [];
  let suppressed = 0;
  for (const family of RULE_FAMILIES) {
    if (pinned && !pinned.has(family.pattern)) continue;
    const result = family.check(input);
    if (!result) continue;
    const basis = basisOf(input.detection.patterns, family.verdictOf, pinned?.has(family.pattern) ?? false);
    checked.push({ pattern: family.pattern, basis, units: result.units });
    for (const finding of result.findings) {
      const severity = severityOf(input.config, finding.rule);
      if (severity === 'off' || allowed.some((allow) => allow(finding))) {
        suppressed++;
        continue;
      }
      violations.push(toViolation(finding, family.pattern, severity, basis));
    }
  }
  violations.sort(compareViolations);
  return { version: 1, violations, checked, suppressed };
}

/** Orders violations by file, line, column, then rule id. */
export function compareViolations(a: Violation, b: Violation): number {
  return (
    compare(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compare(a.rule, b.rule) ||
    compare(a.target, b.target)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toViolation(
  finding: RuleFinding,
  pattern: RulePattern,
  severity: RuleSeverity,
  basis: RuleBasis,
): Violation {
  const weakNote = basis.weak
    ? ` (The ${basis.pattern} verdict is ${basis.verdict}, ${basis.score.toFixed(2)}: this rule follows the ${unitWord(pattern)} found.)`
    : '';
  return {
    ...finding,
    pattern,
    severity,
    message: finding.message + weakNote,
    basis,
  };
}

function unitWord(pattern: RulePattern): string {
  switch (pattern) {
    case 'hexagonal':
      return 'rings';
    case 'modular-monolith':
      return 'modules';
    case 'layered-monolith':
      return 'layers';
    case 'microservices':
      return 'services';
    case 'cqrs':
      return 'command and query sides';
    case 'serverless':
      return 'functions';
    case 'event-driven':
      return 'producers and consumers';
  }
}

function basisOf(patterns: readonly PatternResult[], id: PatternId, pinned: boolean): RuleBasis {
  const result = patterns.find((p) => p.id === id);
  const verdict = result?.verdict ?? 'no';
  return {
    pattern: id,
    verdict,
    score: Math.round((result?.score ?? 0) * 100) / 100,
    pinned,
    weak: !pinned && verdict !== 'yes',
  };
}

function pinnedPatterns(config: RulesConfig): ReadonlySet<RulePattern> | undefined {
  if (config.pattern === undefined) return undefined;
  return new Set(Array.isArray(config.pattern) ? config.pattern : [config.pattern]);
}

/** The configured severity of a rule (every rule defaults to `error`). */
export function severityOf(config: RulesConfig, rule: RuleId): RuleSeverity | 'off' {
  ruleDefinition(rule);
  return (config as Partial<Record<RuleId, RuleSeverity | 'off'>>)[rule] ?? 'error';
}

function allowMatchers(config: RulesConfig): ((finding: RuleFinding) => boolean)[] {
  return (config.allow ?? []).map((entry) => {
    const from = compileGlob(entry.from);
    const to = compileGlob(entry.to);
    return (finding) =>
      (entry.rule === undefined || entry.rule === finding.rule) &&
      matches(from, entry.from, finding.file) &&
      matches(to, entry.to, finding.target);
  });
}

/** A glob matches the path, or the path lies under the folder (or is the file or package) written plainly. */
function matches(glob: GlobMatcher, written: string, path: string): boolean {
  const plain = written.replace(/^\.\//, '').replace(/\/+$/, '');
  return glob.test(path) || isUnder(path, plain);
}
