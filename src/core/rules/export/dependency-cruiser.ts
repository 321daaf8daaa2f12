import { anyOf, sideRegex } from './regex';
import type { Boundary, BoundarySide, RuleBoundaries } from './types';

/** One `forbidden` rule of a dependency-cruiser configuration. */
export interface DependencyCruiserRule {
  readonly name: string;
  readonly comment: string;
  readonly severity: 'error' | 'warn';
  readonly from: DependencyCruiserSide;
  readonly to: DependencyCruiserSide;
}

export interface DependencyCruiserSide {
  readonly path: string;
  readonly pathNot?: string;
}

/** The part of a dependency-cruiser configuration ArchLens writes. */
export interface DependencyCruiserConfig {
  readonly forbidden: readonly DependencyCruiserRule[];
  readonly options: {
    readonly doNotFollow: { readonly path: string };
    readonly tsPreCompilationDeps: true;
    readonly tsConfig?: { readonly fileName: string };
    readonly enhancedResolveOptions: {
      readonly exportsFields: readonly string[];
      readonly conditionNames: readonly string[];
    };
  };
}

export interface DependencyCruiserOptions {
  /** The root `tsconfig.json`, so path aliases resolve as TypeScript resolves them. */
  readonly tsConfig?: string;
}

/**
 * The boundaries as a dependency-cruiser configuration: one `forbidden` rule per boundary,
 * named by the ArchLens rule id, with `path`/`pathNot` regular expressions over paths relative
 * to the workspace root (run dependency-cruiser from there). Type-only imports count, as they do
 * for ArchLens (`tsPreCompilationDeps`).
 */
export function dependencyCruiserConfig(
  rules: RuleBoundaries,
  options: DependencyCruiserOptions = {},
): DependencyCruiserConfig {
  return {
    forbidden: rules.boundaries.map(toRule),
    options: {
      doNotFollow: { path: 'node_modules' },
      tsPreCompilationDeps: true,
      ...(options.tsConfig !== undefined ? { tsConfig: { fileName: options.tsConfig } } : {}),
      enhancedResolveOptions: {
        exportsFields: ['exports'],
        conditionNames: ['import', 'require', 'node', 'default', 'types'],
      },
    },
  };
}

function toRule(boundary: Boundary): DependencyCruiserRule {
  return {
    name: boundary.rule,
    comment: boundary.comment,
    severity: boundary.severity,
    from: toSide(boundary.from),
    to: toSide(boundary.to),
  };
}

function toSide(side: BoundarySide): DependencyCruiserSide {
  return {
    path: sideRegex(side),
    ...(side.exclude.length > 0 ? { pathNot: anyOf(side.exclude) } : {}),
  };
}

/** The text of a `.dependency-cruiser.cjs` module with the configuration and what it leaves out. */
export function dependencyCruiserText(
  rules: RuleBoundaries,
  options: DependencyCruiserOptions & { readonly generator: string },
): string {
  const config = dependencyCruiserConfig(rules, options);
  const lines = [
    `// Boundary rules derived by ${options.generator} from the architecture it detected in this workspace.`,
    '// Run dependency-cruiser from the workspace root (paths are relative to it): npx depcruise .',
    '// Regenerate when the architecture changes: archlens rules --format dependency-cruiser --out .dependency-cruiser.cjs --force',
    ...rules.notExported.map((n) => `// Not exported: ${n.rule}: ${n.reason}.`),
    ...(config.forbidden.length === 0 ? ['// No rule applies: ArchLens found no units to keep apart.'] : []),
    "/** @type {import('dependency-cruiser').IConfiguration} */",
    `module.exports = ${JSON.stringify(config, null, 2)};`,
    '',
  ];
  return lines.join('\n');
}
