import type { Manifest, Warning } from '../model';
import { parseAspireAppHost } from './aspire';
import { parseAzureFunctionsHost, parseAzureFunctionsSource } from './azure-functions';
import { parseCdk } from './cdk';
import type { ManifestFileKind } from './classify';
import { classifyManifestFile } from './classify';
import { parseCompose } from './compose';
import type { ManifestContext, ManifestInput } from './context';
import { createManifestContext } from './context';
import { parseDockerfile } from './dockerfile';
import { parseFunctionFolders } from './function-folders';
import { parseHelmChart } from './helm';
import { looksLikeKubernetes, parseKubernetes } from './kubernetes';
import { parsePackageJson } from './package-json';
import { baseOf, dirOf } from './paths';
import { parseProcfile } from './procfile';
import { parsePulumi } from './pulumi';
import { looksLikeSamTemplate, parseSamTemplate } from './sam';
import { parseServerlessYaml } from './serverless';
import { parseServerlessTypeScript } from './serverless-typescript';
import { parseSst } from './sst';
import { parseTerraform } from './terraform';
import { parseWrangler } from './wrangler';

export { isManifestCandidate, classifyManifestFile, isDockerfileName } from './classify';
export type { ManifestInput, ManifestContext } from './context';
export { createManifestContext } from './context';
export {
  parseAspireAppHost,
  parseAzureFunctionsHost,
  parseAzureFunctionsSource,
  parseCdk,
  parseCompose,
  parseDockerfile,
  parseFunctionFolders,
  parseHelmChart,
  parseKubernetes,
  parsePackageJson,
  parseProcfile,
  parsePulumi,
  parseSamTemplate,
  parseServerlessYaml,
  parseServerlessTypeScript,
  parseSst,
  parseTerraform,
  parseWrangler,
};
export { untemplate } from './helm';
export { readYamlDocuments, MAX_ALIAS_COUNT } from './yaml-reader';

/** What the manifests stage returns. */
export interface ManifestsResult {
  /** Sorted by file, then kind. */
  readonly manifests: Manifest[];
  /** Sorted by file, then line, then column. */
  readonly warnings: Warning[];
}

export { isSourceManifestText } from './source-markers';

/**
 * Reads every manifest of a workspace statically (nothing is run): package.json, Dockerfiles,
 * compose, Kubernetes, Helm, Serverless, SAM (by content, under any name), CDK, SST, Terraform,
 * Azure Functions, Wrangler, .NET Aspire app hosts,
 * function folders and Procfiles. Malformed manifests become warnings and are skipped.
 */
export function parseManifests(input: ManifestInput): ManifestsResult {
  const ctx = createManifestContext(input);
  const files = [...new Set(input.files)].sort(compare);
  const chartDirs = files.filter((file) => /^Chart\.ya?ml$/.test(baseOf(file))).map(dirOf);
  const manifests: Manifest[] = [];
  for (const file of files) {
    const kind = classifyManifestFile(file, chartDirs);
    if (kind === undefined || kind === 'helm-template') continue;
    if (kind === 'source' && input.mayDeclareFunctions?.(file) === false) continue;
    const text = ctx.readText(file);
    if (text === undefined) continue;
    try {
      manifests.push(...read(kind, file, text, ctx));
    } catch (error) {
      // A reader bug must not stop the stage: say which file, go on.
      const reason = error instanceof Error ? error.message : String(error);
      ctx.warn({ file, message: `Skipped: this manifest could not be read (${reason}).` });
    }
  }
  try {
    manifests.push(...parseFunctionFolders(ctx));
  } catch (error) {
    ctx.warn({
      file: '.',
      message: `Skipped function folders (${error instanceof Error ? error.message : String(error)}).`,
    });
  }
  manifests.sort((a, b) => compare(a.file, b.file) || compare(a.kind, b.kind));
  return { manifests, warnings: sortWarnings(ctx.warnings) };
}

function read(kind: ManifestFileKind, file: string, text: string, ctx: ManifestContext): Manifest[] {
  const one = (manifest: Manifest | undefined): Manifest[] => (manifest === undefined ? [] : [manifest]);
  switch (kind) {
    case 'package-json':
      return one(parsePackageJson(file, text, ctx));
    case 'dockerfile':
      return one(parseDockerfile(file, text, ctx));
    case 'procfile':
      return one(parseProcfile(file, text, ctx));
    case 'compose':
      return one(parseCompose(file, text, ctx));
    case 'serverless-yaml':
      return one(parseServerlessYaml(file, text, ctx));
    case 'serverless-source':
      return one(parseServerlessTypeScript(file, text, ctx));
    case 'sam': {
      const sam = parseSamTemplate(file, text, ctx);
      if (sam !== undefined || /\.json$/i.test(file) || !looksLikeKubernetes(text)) return one(sam);
      return one(parseKubernetes(file, text, ctx));
    }
    case 'helm-chart':
      return one(parseHelmChart(file, text, ctx));
    case 'yaml':
      // SAM and CloudFormation templates go by many names (`shoppingcart-service.yaml`, `infra/api.yml`).
      if (looksLikeSamTemplate(text)) return one(parseSamTemplate(file, text, ctx));
      return looksLikeKubernetes(text) ? one(parseKubernetes(file, text, ctx)) : [];
    case 'terraform':
      return one(parseTerraform(file, text, ctx));
    case 'azure-host':
      return one(parseAzureFunctionsHost(file, text, ctx));
    case 'wrangler':
      return one(parseWrangler(file, text, ctx));
    case 'csproj':
      return one(parseAspireAppHost(file, text, ctx));
    case 'source':
      return [
        ...one(parseCdk(file, text, ctx)),
        ...one(parseAzureFunctionsSource(file, text, ctx)),
        ...one(parseSst(file, text, ctx)),
        ...one(parsePulumi(file, text, ctx)),
      ];
    case 'helm-template':
      return [];
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortWarnings(warnings: readonly Warning[]): Warning[] {
  const seen = new Set<string>();
  const unique = warnings.filter((warning) => {
    const key = JSON.stringify([warning.file, warning.line, warning.column, warning.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      compare(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compare(a.message, b.message),
  );
}
