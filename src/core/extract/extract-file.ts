import type { Warning } from '../model';
import type { FileSystemPort } from '../ports';
import { isSourceManifestText } from '../manifests/source-markers';
import { contentHash } from '../cache/content-hash';
import { decodeSourceText } from '../scan';
import { capImports } from './import-limit';
import type { LanguageExtractor } from './types';
import type { RawImport } from './types';

/** A file to read and extract: its path relative to the root (for the model) and absolute. */
export interface FileToExtract {
  readonly relPath: string;
  readonly absPath: string;
}

/** What reading and extracting one file gave: its imports, or why it was skipped. */
export type FileExtraction =
  | {
      readonly relPath: string;
      readonly imports: readonly RawImport[];
      readonly errors: readonly Warning[];
      /** The packages or namespaces the file declares (Java, Kotlin, C#, Go). */
      readonly declares?: readonly string[];
      /** The text may declare functions (a CDK stack, an Azure v4 app): manifests read it again. */
      readonly declaresFunctions: boolean;
      /** {@link contentHash} of the bytes read (what the analysis cache compares). */
      readonly hash?: string;
    }
  | { readonly relPath: string; readonly warning: Warning; readonly hash?: string };

/**
 * Reads one file through the port and extracts its imports: the unit of work of the parse
 * stage, the same whether it runs on the engine's thread or in a parse worker.
 */
export function extractFile(
  fs: FileSystemPort,
  file: FileToExtract,
  maxFileSize: number,
  extractorFor: (relPath: string) => LanguageExtractor | undefined,
): FileExtraction {
  const bytes = fs.readFile(file.absPath);
  if (bytes === undefined) {
    return { relPath: file.relPath, warning: { file: file.relPath, message: 'skipped: cannot be read' } };
  }
  const hash = contentHash(bytes);
  const read = decodeSourceText(bytes, file.relPath, maxFileSize);
  if ('warning' in read) return { relPath: file.relPath, warning: read.warning, hash };
  const result = extractorFor(file.relPath)?.extract(file.relPath, read.text);
  // Every extractor's result is capped here (script blocks of .vue/.svelte files add up).
  const { imports, errors } = capImports(file.relPath, result?.imports ?? [], result?.errors ?? []);
  return {
    relPath: file.relPath,
    imports,
    errors,
    ...(result?.declares !== undefined ? { declares: result.declares } : {}),
    declaresFunctions: isSourceManifestText(read.text),
    hash,
  };
}
