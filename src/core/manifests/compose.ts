import type { ComposeManifest, ComposeService } from '../model';
import type { ManifestContext } from './context';
import { asString, isRecord, scalarText } from './context';
import { dirOf, joinPath } from './paths';
import { readYamlDocuments } from './yaml-reader';

/**
 * Reads a docker-compose file: each service with its image, build context and Dockerfile (both
 * relative to the workspace root), ports, `depends_on` (list or map), environment (list or
 * map), the profiles it starts under, and the line of its key.
 */
export function parseCompose(file: string, text: string, ctx: ManifestContext): ComposeManifest | undefined {
  const document = readYamlDocuments(file, text, ctx)[0];
  if (document === undefined || !isRecord(document.value)) return undefined;
  const services = document.value['services'];
  if (!isRecord(services)) return undefined;
  const baseDir = dirOf(file);
  const out: ComposeService[] = [];
  for (const [name, definition] of Object.entries(services)) {
    if (!isRecord(definition)) continue;
    const line = document.lineOf(['services', name]);
    const image = asString(definition['image']);
    const build = buildOf(definition['build'], baseDir);
    out.push({
      name,
      ...(line !== undefined ? { line } : {}),
      ...(image !== undefined ? { image } : {}),
      ...build,
      ports: portsOf(definition['ports']),
      dependsOn: Array.isArray(definition['depends_on'])
        ? definition['depends_on'].filter((item): item is string => typeof item === 'string')
        : isRecord(definition['depends_on'])
          ? Object.keys(definition['depends_on'])
          : [],
      environment: environmentOf(definition['environment']),
      ...profilesOf(definition['profiles']),
    });
  }
  return { kind: 'compose', file, services: out };
}

function profilesOf(profiles: unknown): { profiles?: string[] } {
  if (!Array.isArray(profiles)) return {};
  const names = profiles.filter((p): p is string => typeof p === 'string');
  return names.length > 0 ? { profiles: names } : {};
}

function buildOf(
  build: unknown,
  baseDir: string,
): { buildContext?: string; dockerfile?: string; target?: string } {
  const context =
    typeof build === 'string' ? build : isRecord(build) ? (asString(build['context']) ?? '.') : undefined;
  if (context === undefined) return {};
  // A remote context (git URL) names no workspace folder.
  const buildContext =
    /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@')
      ? undefined
      : joinPath(baseDir, context);
  if (buildContext === undefined) return {};
  const dockerfileName = isRecord(build) ? asString(build['dockerfile']) : undefined;
  const dockerfile = dockerfileName !== undefined ? joinPath(buildContext, dockerfileName) : undefined;
  const target = isRecord(build) ? asString(build['target']) : undefined;
  return {
    buildContext,
    ...(dockerfile !== undefined ? { dockerfile } : {}),
    ...(target !== undefined ? { target } : {}),
  };
}

/** Short syntax as written; long syntax as `published:target[/protocol]`. */
function portsOf(ports: unknown): string[] {
  if (!Array.isArray(ports)) return [];
  const out: string[] = [];
  for (const port of ports) {
    const short = scalarText(port);
    if (short !== undefined) out.push(short);
    else if (isRecord(port)) {
      const target = scalarText(port['target']);
      if (target === undefined) continue;
      const published = scalarText(port['published']);
      const protocol = asString(port['protocol']);
      out.push(
        `${published !== undefined ? `${published}:` : ''}${target}${protocol !== undefined && protocol !== 'tcp' ? `/${protocol}` : ''}`,
      );
    }
  }
  return out;
}

function environmentOf(environment: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(environment)) {
    for (const entry of environment) {
      if (typeof entry !== 'string') continue;
      const eq = entry.indexOf('=');
      const key = eq < 0 ? entry : entry.slice(0, eq);
      if (key !== '__proto__') out[key] = eq < 0 ? '' : entry.slice(eq + 1);
    }
  } else if (isRecord(environment)) {
    for (const [key, value] of Object.entries(environment)) {
      if (key !== '__proto__') out[key] = scalarText(value) ?? '';
    }
  }
  return out;
}
