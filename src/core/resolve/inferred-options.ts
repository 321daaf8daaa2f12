import { ts } from 'ts-morph';

/**
 * The compiler options of an inferred project (a file under no config): what VS Code's
 * TypeScript extension sends tsserver for TypeScript ≥ 5.4
 * (`inferredProjectCompilerOptions` in typescript-language-features), plus what tsserver adds
 * itself (`allowJs` in `InferredProject.setCompilerOptions`, `allowNonTsExtensions`).
 */
export const inferredProjectOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  jsx: ts.JsxEmit.ReactJSX,
  allowImportingTsExtensions: true,
  allowJs: true,
  allowNonTsExtensions: true,
};
