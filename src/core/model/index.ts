export type * from './workspace-model';
export type * from './manifest';
export type * from './detection';
export { PATTERN_IDS } from './detection';
