import { baseOf, dirOf } from './paths';
import { isHelmTemplate } from './helm';

/** Which reader a file goes to, by its name alone. */
export type ManifestFileKind =
  | 'package-json'
  | 'dockerfile'
  | 'procfile'
  | 'compose'
  | 'serverless-yaml'
  | 'serverless-source'
  | 'sam'
  | 'helm-chart'
  | 'helm-template'
  | 'yaml'
  | 'terraform'
  | 'azure-host'
  | 'wrangler'
  | 'csproj'
  | 'source';

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

/** The reader for a file, or `undefined` when the file is no manifest. */
export function classifyManifestFile(
  relPath: string,
  chartDirs: readonly string[] = [],
): ManifestFileKind | undefined {
  if (/(^|\/)node_modules\//.test(relPath)) return undefined;
  const base = baseOf(relPath);
  const lower = base.toLowerCase();
  if (base === 'package.json') return 'package-json';
  if (isDockerfileName(base)) return 'dockerfile';
  if (base === 'Procfile') return 'procfile';
  if (/^(?:docker-)?compose(?:[.-][\w.-]*)?\.ya?ml$/i.test(base)) return 'compose';
  if (/^serverless\.ya?ml$/i.test(base)) return 'serverless-yaml';
  if (/^serverless\.(?:ts|[cm]?js)$/i.test(base)) return 'serverless-source';
  if (/^template\.(?:ya?ml|json)$/i.test(base)) return 'sam';
  if (base === 'Chart.yaml' || base === 'Chart.yml') return 'helm-chart';
  if (lower === 'host.json') return 'azure-host';
  if (/^wrangler\.(?:toml|jsonc?)$/i.test(base)) return 'wrangler';
  if (lower.endsWith('.tf')) return 'terraform';
  if (lower.endsWith('.csproj')) return 'csproj';
  if (/\.ya?ml$/i.test(base)) return isHelmTemplate(relPath, chartDirs) ? 'helm-template' : 'yaml';
  if (SOURCE.test(base) && !/\.d\.[cm]?ts$/i.test(base)) return 'source';
  return undefined;
}

/** `Dockerfile`, `Containerfile`, `api.Dockerfile`, `Dockerfile.prod` (not `*.dockerignore`). */
export function isDockerfileName(base: string): boolean {
  const lower = base.toLowerCase();
  if (lower.endsWith('.dockerignore')) return false;
  return (
    lower === 'dockerfile' ||
    lower === 'containerfile' ||
    lower.endsWith('.dockerfile') ||
    lower.startsWith('dockerfile.') ||
    lower.startsWith('containerfile.')
  );
}

/** Names that change a manifest's reading without being one themselves. */
const SUPPORTING_FILES = new Set([
  'pnpm-workspace.yaml',
  'function.json',
  'vercel.json',
  'netlify.toml',
  'cdk.json',
]);

/**
 * Whether a change to this file may change the manifests, by its name alone (cheap; for the
 * incremental engine). Ordinary source files are not candidates: a source file that defines
 * CDK constructs or v4 Azure Functions is found by {@link isSourceManifestText} on its text.
 */
export function isManifestCandidate(relPath: string): boolean {
  const base = baseOf(relPath);
  if (SUPPORTING_FILES.has(base)) return true;
  const kind = classifyManifestFile(relPath);
  if (kind !== undefined && kind !== 'source') return true;
  // An Aspire app host builds its application in `Program.cs` (or `AppHost.cs`).
  if (/^(?:Program|AppHost)\.cs$/.test(base)) return true;
  // Functions by folder convention: a file added to or removed from `api/` or `netlify/functions/`.
  return SOURCE.test(base) && /(^|\/)(?:api|netlify\/functions|functions)\//.test(dirOf(relPath) + '/');
}
