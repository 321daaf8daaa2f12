import type { Boundary, BoundarySide, PathSelector, RuleBoundaries } from './types';

/** One element of `boundaries/elements`: the files of a unit, matched by a glob on the whole path. */
export interface EslintBoundariesElement {
  readonly type: string;
  readonly pattern: string | readonly string[];
  readonly mode: 'full';
}

/** One `boundaries/element-types` rule: files of `from` may not import files of `disallow`. */
export interface EslintBoundariesTypeRule {
  readonly from: readonly string[];
  readonly disallow: readonly string[];
  readonly message: string;
}

/** One `boundaries/external` rule: files of `from` may not import these packages. */
export interface EslintBoundariesExternalRule {
  readonly from: readonly string[];
  readonly disallow: readonly string[];
  readonly message: string;
}

/** The flat-config object ArchLens writes (the plugin itself is imported by the config file). */
export interface EslintBoundariesConfig {
  readonly files: readonly string[];
  readonly settings: {
    readonly 'boundaries/include': readonly string[];
    readonly 'boundaries/elements': readonly EslintBoundariesElement[];
  };
  readonly rules: {
    readonly 'boundaries/element-types'?: readonly [
      1 | 2,
      { readonly default: 'allow'; readonly rules: readonly EslintBoundariesTypeRule[] },
    ];
    readonly 'boundaries/external'?: readonly [
      1 | 2,
      { readonly default: 'allow'; readonly rules: readonly EslintBoundariesExternalRule[] },
    ];
  };
}

/** What the eslint-plugin-boundaries export could not say, besides the rules no peer can say. */
export interface EslintBoundariesExport {
  readonly config: EslintBoundariesConfig;
  /** Sentences for the comment of the config file. */
  readonly notes: readonly string[];
}

const SOURCES = ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'];

/**
 * The boundaries as an eslint-plugin-boundaries flat config: every unit a boundary names (a
 * folder, a file, a name pattern) becomes an element type, and each boundary a
 * `boundaries/element-types` rule (or a `boundaries/external` rule for packages).
 *
 * The plugin gives each file one element, the first that matches, so elements are ordered
 * files first, then the exceptions by name (tests, ports, contracts, projections), then folders
 * deepest first, then the name patterns of sides: where units overlap, the most specific wins
 * and the rules of the others do not reach those files. Allowed edges of `rules.allow` are
 * pairs of paths the plugin cannot say: they are listed in the notes.
 */
export function eslintBoundariesConfig(rules: RuleBoundaries): EslintBoundariesExport {
  const elements = new ElementTable();
  const typeRules: EslintBoundariesTypeRule[] = [];
  const externalRules: EslintBoundariesExternalRule[] = [];
  const notes: string[] = [];
  let severity: 1 | 2 = 1;
  const seen = new Set<string>();
  for (const boundary of rules.boundaries) {
    // A boundary split by an allowed edge: the plugin keeps the whole boundary (see the notes).
    if (boundary.from.require.length > 0) continue;
    if (boundary.severity === 'error') severity = 2;
    // Exceptions are elements of their own, so their files are of no other type; an exception
    // that is itself a unit of the side (a module among all modules) leaves that type out.
    const excludedFrom = new Set(boundary.from.exclude.map((e) => elements.add(e, true)));
    for (const excluded of boundary.to.exclude) elements.add(excluded, true);
    const from = typesOf(elements, boundary.from).filter((t) => !excludedFrom.has(t));
    const message = `${boundary.rule}: ${boundary.comment}`;
    const packages = boundary.to.include.filter((s) => s.kind === 'packages');
    if (packages.length > 0) {
      const names = packages.flatMap((p) => [
        ...p.names.map((n) => (n.endsWith('/') ? `${n}*` : n)),
        ...p.builtins,
        ...p.builtins.map((b) => `node:${b}`),
      ]);
      externalRules.push({ from, disallow: names, message });
    }
    const to = typesOf(elements, {
      ...boundary.to,
      include: boundary.to.include.filter((s) => s.kind !== 'packages'),
    });
    if (to.length > 0) {
      const key = JSON.stringify([from, to]);
      if (!seen.has(key)) typeRules.push({ from, disallow: to, message });
      seen.add(key);
    }
  }
  for (const edge of rules.allowed)
    notes.push(
      `the allowed edge ${edge.from} -> ${edge.to}${edge.rule !== undefined ? ` (${edge.rule})` : ''} is a pair of paths eslint-plugin-boundaries cannot say: add an eslint-disable-next-line boundaries/element-types comment on that import`,
    );
  if (rules.boundaries.some((b) => b.severity === 'warn') && severity === 2)
    notes.push('rules at warn are reported at error: the plugin has one severity per ESLint rule');
  return {
    config: {
      files: SOURCES,
      settings: { 'boundaries/include': SOURCES, 'boundaries/elements': elements.list() },
      rules: {
        ...(typeRules.length > 0
          ? { 'boundaries/element-types': [severity, { default: 'allow', rules: typeRules }] as const }
          : {}),
        ...(externalRules.length > 0
          ? { 'boundaries/external': [severity, { default: 'allow', rules: externalRules }] as const }
          : {}),
      },
    },
    notes,
  };
}

function typesOf(elements: ElementTable, side: BoundarySide): string[] {
  return [...new Set(side.include.filter((s) => s.kind !== 'packages').map((s) => elements.add(s, false)))];
}

interface Entry {
  readonly type: string;
  readonly patterns: readonly string[];
  /** 0 files, 1 exceptions by name, 2 folders (deepest first), 3 name patterns. */
  readonly tier: number;
  readonly depth: number;
  readonly order: number;
}

/** The element types, one per distinct selector, named for what they hold. */
class ElementTable {
  private readonly entries = new Map<string, Entry>();
  private readonly names = new Set<string>();

  add(selector: PathSelector, exception: boolean): string {
    const key = JSON.stringify(selector);
    const known = this.entries.get(key);
    if (known) return known.type;
    const { patterns, tier, depth, hint } = describe(selector, exception);
    let type = slug(hint);
    for (let n = 2; this.names.has(type); n++) type = `${slug(hint)}-${n}`;
    this.names.add(type);
    this.entries.set(key, { type, patterns, tier, depth, order: this.entries.size });
    return type;
  }

  list(): EslintBoundariesElement[] {
    return [...this.entries.values()]
      .sort((a, b) => a.tier - b.tier || b.depth - a.depth || a.order - b.order)
      .map((e) => ({
        type: e.type,
        pattern: e.patterns.length === 1 ? (e.patterns[0] as string) : e.patterns,
        mode: 'full',
      }));
  }
}

function describe(
  selector: PathSelector,
  exception: boolean,
): { patterns: readonly string[]; tier: number; depth: number; hint: string } {
  switch (selector.kind) {
    case 'file':
      return { patterns: [selector.path], tier: 0, depth: 0, hint: selector.path.replace(/\.[^./]+$/, '') };
    case 'folder':
    case 'owned':
      // Units nested in an `owned` folder are elements of their own, matched before it (deeper).
      return {
        patterns: [selector.path === '.' ? '**' : `${selector.path}/**`],
        tier: 2,
        depth: selector.path.split('/').length,
        hint: selector.path,
      };
    case 'pattern':
      return {
        patterns: selector.globs,
        tier: exception ? 1 : 3,
        depth: 0,
        hint: selector.globs[0] ?? 'pattern',
      };
    case 'packages':
      return { patterns: [], tier: 3, depth: 0, hint: 'packages' };
  }
}

function slug(text: string): string {
  return (
    text
      .replace(/\*\*\/?|\{[^}]*\}|\[[^\]]*\]|[*?]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'root'
  );
}

/** The text of an `eslint.config.mjs` fragment with the config and what it leaves out. */
export function eslintBoundariesText(rules: RuleBoundaries, options: { readonly generator: string }): string {
  const { config, notes } = eslintBoundariesConfig(rules);
  const lines = [
    `// Boundary rules derived by ${options.generator} from the architecture it detected in this workspace,`,
    '// for eslint-plugin-boundaries (flat config). Spread `archlensBoundaries` into eslint.config.mjs;',
    '// resolve TypeScript imports with eslint-import-resolver-typescript (settings["import/resolver"]).',
    '// Each file belongs to one element (the first that matches): where units overlap, the most specific wins.',
    ...rules.notExported.map((n) => `// Not exported: ${n.rule}: ${n.reason}.`),
    ...notes.map((n) => `// Note: ${n}.`),
    "import boundaries from 'eslint-plugin-boundaries';",
    '',
    // Paths are relative to the workspace root, where this file is written.
    `const archlensBoundaries = ${JSON.stringify(
      {
        ...config,
        settings: { ...config.settings, 'boundaries/root-path': '__ROOT__' },
        plugins: { boundaries: '__BOUNDARIES__' },
      },
      null,
      2,
    )
      .replace('"__BOUNDARIES__"', 'boundaries')
      .replace('"__ROOT__"', 'import.meta.dirname')};`,
    '',
    'export default [archlensBoundaries];',
    '',
  ];
  return lines.join('\n');
}

export type { Boundary };
