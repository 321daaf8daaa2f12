export { findUnits } from './find-units';
export { indexGraph } from './graph-index';
export type { GraphIndex } from './graph-index';
export { classifyImage } from './infrastructure-images';
export type { BackingCategory } from './infrastructure-images';
export { isInfrastructureEdge } from './rings';
export type * from './types';
