/** Compare: candidate modules from the import graph, and today's cut against two others. */
export type * from './types';
export { compareWorkspace, type CompareOptions } from './compare-workspace';
export {
  findCandidateModules,
  MAX_CANDIDATES,
  type ClusterInput,
  type Clustering,
} from './candidate-modules';
export { costDefinition } from './cut-figures';
export { comparisonToText } from './compare-text';
export { comparisonToMarkdown } from './compare-markdown';
export { cutDiagram } from './cut-diagram';
