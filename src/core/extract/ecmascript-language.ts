/** How oxc must read a file: its dialect and whether it is a module, a script or either. */
export interface ParseDialect {
  readonly lang: 'js' | 'jsx' | 'ts' | 'tsx' | 'dts';
  readonly sourceType: 'module' | 'commonjs' | 'unambiguous';
}

/** The JavaScript and TypeScript file endings, longest first so `.d.ts` wins over `.ts`. */
export const ECMASCRIPT_EXTENSIONS = [
  '.d.mts',
  '.d.cts',
  '.d.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.ts',
  '.jsx',
  '.mjs',
  '.cjs',
  '.js',
] as const;

/**
 * The dialect of a JavaScript or TypeScript file, from its name. Plain `.js` is read as JSX
 * because React code often keeps JSX in `.js` files and JSX is a superset of what JS allows.
 */
export function dialectOf(relPath: string): ParseDialect {
  const name = relPath.toLowerCase();
  const sourceType = /\.(?:d\.)?m[jt]s$/.test(name)
    ? 'module'
    : /\.(?:d\.)?c[jt]s$/.test(name)
      ? 'commonjs'
      : 'unambiguous';
  if (/\.d\.[cm]?ts$/.test(name)) return { lang: 'dts', sourceType: 'module' };
  if (name.endsWith('.tsx')) return { lang: 'tsx', sourceType };
  if (/\.[cm]?ts$/.test(name)) return { lang: 'ts', sourceType };
  return { lang: 'jsx', sourceType };
}

/** The dialect of an embedded `<script lang="…">` block (Vue, Svelte). */
export function dialectOfScriptLang(lang: string | undefined): ParseDialect {
  switch (lang?.toLowerCase()) {
    case 'ts':
    case 'typescript':
      return { lang: 'ts', sourceType: 'module' };
    case 'tsx':
      return { lang: 'tsx', sourceType: 'module' };
    default:
      return { lang: 'jsx', sourceType: 'module' };
  }
}
