/**
 * The resolve stage: where each import leads, exactly as TypeScript's language service
 * resolves it for the file's default project, classified as internal, external, builtin or
 * unresolved.
 */
export { createModuleResolver } from './module-resolver';
export type {
  ModuleResolver,
  ModuleResolverOptions,
  ResolvedImport,
  TypeScriptAnswer,
} from './module-resolver';
export { builtinModuleName } from './builtin-modules';
