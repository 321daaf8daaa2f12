export * from './catalogue';
export type * from './types';
export { checkRules, compareViolations, severityOf } from './check-rules';
export type { RuleInput } from './rule-context';
