/**
 * The diagram stage: views as pure functions `(input, state) → DiagramResult`, one
 * `toMermaid`, and the budget that keeps every diagram inside Mermaid's default limits.
 */
export * from './diagram-model';
export { DIAGRAM_VIEWS, buildDiagram, type DiagramView } from './view-registry';
export {
  toMermaid,
  mermaidNodeIds,
  edgeMermaidId,
  ELK_NODE_THRESHOLD,
  ELK_EDGE_THRESHOLD,
  usesElk,
} from './to-mermaid';
export {
  fitsMermaidDefaults,
  fitToBudget,
  MERMAID_MAX_EDGES,
  MERMAID_MAX_TEXT,
  DEFAULT_MAX_NODES,
} from './budget';
export { symbolsReader } from './symbols-reader';
export {
  violationMarks,
  type EdgeViolation,
  type PlacedViolation,
  type RuleMark,
  type ViolationMarks,
} from './rule-marks';
export { unitsFromModel } from './fallback-units';
export {
  keepReadableEdges,
  readableEdgeBudget,
  READABLE_DEFAULT_EDGES,
  READABLE_EXPANDED_EDGES,
  STRONGEST_PER_NODE,
} from './readable-edges';
export { resolveFocusTarget, type ResolvedFocus } from './focus-target';
export {
  MIN_MEANINGFUL_NODES,
  meaningfulNodeCount,
  nextReadableStep,
  type ReadableStep,
} from './readable-step';
