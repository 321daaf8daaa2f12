/**
 * Folders never scanned, at any depth: installed dependencies, build output, caches, virtual
 * environments and version-control data. Matched on the folder's name only.
 */
export const DEFAULT_EXCLUDED_FOLDERS: ReadonlySet<string> = new Set([
  // version control
  '.git',
  '.hg',
  '.svn',
  // dependencies
  'node_modules',
  'bower_components',
  'jspm_packages',
  '.pnpm-store',
  '.yarn',
  'vendor',
  // build output
  'dist',
  'build',
  'out',
  'target',
  '.output',
  // framework and tool caches
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.angular',
  '.turbo',
  '.cache',
  '.parcel-cache',
  '.vercel',
  '.netlify',
  '.serverless',
  '.aws-sam',
  '.terraform',
  '.gradle',
  // test output
  'coverage',
  '.nyc_output',
  // Python
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  // editors
  '.idea',
  '.vs',
]);

/**
 * .NET build output (`bin`, `obj`) is only excluded beside a project file: elsewhere `bin` is
 * often source (a CLI's entry scripts).
 */
export const DOTNET_OUTPUT_FOLDERS: ReadonlySet<string> = new Set(['bin', 'obj']);

/** Whether a file name is a .NET project file, which makes its sibling `bin`/`obj` build output. */
export function isDotnetProjectFile(name: string): boolean {
  return /\.(cs|fs|vb)proj$/i.test(name);
}
