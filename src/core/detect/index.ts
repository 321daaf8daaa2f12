export { createDetectContext } from './context';
export type { DetectContext, DetectInput } from './context';
export { detectPatterns } from './detect-patterns';
export type { Detector } from './detector';
export { DETECTORS, SPECIFICITY } from './registry';
export { PARTIAL_THRESHOLD, YES_THRESHOLD, verdictOf } from './scoring';
export { createWorkspaceDetectContext } from './workspace-context';
