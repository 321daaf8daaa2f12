export { measureSignals } from './measure-signals';
export { measureWorkspaceSignals } from './measure-workspace';
export { recommend, RULES } from './recommend';
export type { Rule } from './rule-kit';
export type * from './types';
export type * from './workspace-signals';
