export * from './catalogue';
export type * from './types';
export { checkRules, compareViolations, severityOf } from './check-rules';
export type { RuleInput } from './rule-context';
export {
  BASELINE_FILE_NAME,
  BaselineError,
  baselineJsonSchema,
  baselineOf,
  baselineText,
  compareWithBaseline,
  fingerprintOf,
  parseBaseline,
  readWorkspaceBaseline,
  type Baseline,
  type BaselineComparison,
  type BaselineEntry,
} from './baseline';
export * from './report';
export { addToBaseline, importedNames, reexportLine, relativeSpecifier, type ImportedNames } from './fixes';
export * from './export';
export { planFileMove, respecify, type FileMove, type SpecifierEdit } from './move-file';
