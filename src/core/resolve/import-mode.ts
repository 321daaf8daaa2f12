import { ts } from 'ts-morph';
import type { ImportKind } from '../model/workspace-model';
import { tsInternals } from './ts-internals';

/** What the mode computation needs to know of the importing file. */
export interface ImportingFile {
  readonly fileName: string;
  /** `ts.getImpliedNodeFormatForFile` of the file. */
  readonly impliedNodeFormat: ts.ResolutionMode;
  /** The `type` field of the nearest package.json, if any. */
  readonly packageType: string | undefined;
}

/**
 * The resolution mode TypeScript uses for an import (`getModeForUsageLocation` in program.ts),
 * from how the import is written instead of from its syntax node: `require()` and
 * `import x = require()` resolve in CommonJS mode, `import()` in ESM mode unless the file's
 * emit transforms it to `require`, and static imports follow the file's module format.
 */
export function resolutionModeFor(
  kind: ImportKind,
  file: ImportingFile,
  options: ts.CompilerOptions,
): ts.ResolutionMode {
  if (!tsInternals.importSyntaxAffectsModuleResolution(options)) return undefined;
  if (kind === 'require') return ts.ModuleKind.CommonJS;
  const moduleKind = tsInternals.getEmitModuleKind(options);
  const nodeKind = moduleKind >= ts.ModuleKind.Node16 && moduleKind <= ts.ModuleKind.NodeNext;
  const fileFormat = emitFormatOf(file, moduleKind, nodeKind);
  if (kind === 'dynamic') {
    const transformed =
      !nodeKind && moduleKind !== ts.ModuleKind.Preserve && fileFormat < ts.ModuleKind.ES2015;
    return transformed ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext;
  }
  if (fileFormat === ts.ModuleKind.CommonJS) return ts.ModuleKind.CommonJS;
  const esm = fileFormat >= ts.ModuleKind.ES2015 && fileFormat <= ts.ModuleKind.ESNext;
  return esm || fileFormat === ts.ModuleKind.Preserve ? ts.ModuleKind.ESNext : undefined;
}

function emitFormatOf(file: ImportingFile, moduleKind: ts.ModuleKind, nodeKind: boolean): ts.ModuleKind {
  const implied = file.impliedNodeFormat;
  if (nodeKind) return implied ?? moduleKind;
  const name = file.fileName;
  if (implied === ts.ModuleKind.CommonJS && (file.packageType === 'commonjs' || /\.c[tj]s$/.test(name))) {
    return ts.ModuleKind.CommonJS;
  }
  if (implied === ts.ModuleKind.ESNext && (file.packageType === 'module' || /\.m[tj]s$/.test(name))) {
    return ts.ModuleKind.ESNext;
  }
  return moduleKind;
}
