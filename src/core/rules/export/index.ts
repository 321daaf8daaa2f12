export type * from './types';
export { deriveBoundaries } from './derive';
export {
  dependencyCruiserConfig,
  dependencyCruiserText,
  type DependencyCruiserConfig,
  type DependencyCruiserOptions,
  type DependencyCruiserRule,
} from './dependency-cruiser';
export {
  eslintBoundariesConfig,
  eslintBoundariesText,
  type EslintBoundariesConfig,
} from './eslint-boundaries';
export { caseless, escapeRegex, globToRegex, selectorRegex } from './regex';
