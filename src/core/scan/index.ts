export { scanWorkspace } from './scan-workspace';
export { DEFAULT_MAX_FILE_SIZE, type ScanOptions, type ScannedFile, type ScanResult } from './types';
export { createScopeMatcher } from './create-scope-matcher';
export { isScopeFile, type ScopeMatcher, type ScopeSettings } from './scope';
export { languageOf, isDeclarationFile, type SourceLanguage } from './languages';
export {
  readSourceText,
  decodeSourceText,
  readManifestText,
  decodeManifestText,
  type TextRead,
} from './read-text';
export { compileGlob, type GlobMatcher } from './glob';
export { DEFAULT_EXCLUDED_FOLDERS } from './default-excludes';
