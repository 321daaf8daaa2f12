export type { AnalysisCacheOptions, AnalysisCacheStore, WarmStartReport } from './analysis-cache';
export { contentHash } from './content-hash';
export {
  checkInputs,
  RecordingFileSystem,
  refreshInputs,
  type InputChanges,
  type ResolverInputs,
} from './resolver-inputs';
export {
  decodeSnapshot,
  encodeSnapshot,
  SNAPSHOT_FORMAT_VERSION,
  type AnalysisSnapshot,
  type CachedExtraction,
  type CachedFile,
} from './snapshot';
