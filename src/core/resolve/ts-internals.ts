import { ts } from 'ts-morph';

/**
 * The few functions of the TypeScript compiler that its public typings do not declare but that
 * ArchLens needs to behave exactly like it: the glob walk behind `include`/`exclude`, the
 * computed module options, and which options module resolution reads. They exist at run time in TypeScript 6.0 (the version is pinned by
 * ts-morph); their presence is checked once, so a change of version fails loudly, not subtly.
 */
interface TypeScriptInternals {
  getFileMatcherPatterns(
    path: string,
    excludes: readonly string[] | undefined,
    includes: readonly string[] | undefined,
    useCaseSensitiveFileNames: boolean,
    currentDirectory: string,
  ): {
    readonly includeFilePatterns: readonly string[] | undefined;
    readonly includeDirectoryPattern: string | undefined;
    readonly excludePattern: string | undefined;
    readonly basePaths: readonly string[];
  };
  getSupportedExtensions(options: ts.CompilerOptions): readonly (readonly string[])[];
  changeExtension(path: string, extension: string): string;
  getNormalizedAbsolutePath(fileName: string, currentDirectory: string): string;
  getEmitModuleKind(options: ts.CompilerOptions): ts.ModuleKind;
  getEmitModuleResolutionKind(options: ts.CompilerOptions): ts.ModuleResolutionKind;
  importSyntaxAffectsModuleResolution(options: ts.CompilerOptions): boolean;
  /** A string of the values of `declarations` in `options` (the key of TypeScript's redirect caches). */
  getKeyForCompilerOptions(options: ts.CompilerOptions, declarations: readonly unknown[]): string;
  /** The option declarations TypeScript marks `affectsModuleResolution`. */
  readonly moduleResolutionOptionDeclarations: readonly unknown[];
}

const names = [
  'getFileMatcherPatterns',
  'getSupportedExtensions',
  'changeExtension',
  'getNormalizedAbsolutePath',
  'getEmitModuleKind',
  'getEmitModuleResolutionKind',
  'importSyntaxAffectsModuleResolution',
  'getKeyForCompilerOptions',
] as const;

function load(): TypeScriptInternals {
  const candidate = ts as unknown as Record<string, unknown>;
  for (const name of names) {
    if (typeof candidate[name] !== 'function') {
      throw new Error(`TypeScript ${ts.version} lacks the internal function ${name} ArchLens relies on`);
    }
  }
  if (!Array.isArray(candidate['moduleResolutionOptionDeclarations'])) {
    throw new Error(
      `TypeScript ${ts.version} lacks moduleResolutionOptionDeclarations, which ArchLens relies on`,
    );
  }
  return ts as unknown as TypeScriptInternals;
}

/** The checked internal functions of the bundled TypeScript. */
export const tsInternals: TypeScriptInternals = load();
