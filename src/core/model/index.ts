export type * from './workspace-model';
export type * from './manifest';
export type * from './detection';
export type * from './symbols';
export type * from './system';
export { PATTERN_IDS } from './detection';
