export { systemDeployables } from './deployables';
export { findEntryPoints } from './entry-points';
export { ROLE_NAMES, splitSystem, type SystemShape, type SystemSplit } from './find-system';
export * from './types';
