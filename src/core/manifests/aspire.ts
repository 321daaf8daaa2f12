import type { AspireAppHostManifest, AspireResource, AspireResourceKind } from '../model';
import type { ManifestContext } from './context';
import { baseOf, dirOf, isInside, joinPath } from './paths';

/** A project file that makes an Aspire app host: the SDK, the `IsAspireHost` property or the hosting package. */
const APP_HOST_PROJECT =
  /\bSdk\s*=\s*"Aspire\.AppHost\.Sdk\b|<IsAspireHost>\s*true\s*<\/IsAspireHost>|Include\s*=\s*"Aspire\.Hosting\.AppHost"/i;
const PROJECT_REFERENCE = /<ProjectReference\s+Include\s*=\s*"([^"]+\.csproj)"/gi;
const BUILDER = /\bvar\s+(\w+)\s*=\s*DistributedApplication\.CreateBuilder\s*\(/;
/** Methods that add a program of the workspace, by kind. */
const PROGRAMS: Readonly<Record<string, AspireResourceKind>> = {
  AddProject: 'project',
  AddCSharpApp: 'project',
  AddNpmApp: 'node-app',
  AddNodeApp: 'node-app',
  AddJavaScriptApp: 'node-app',
  AddViteApp: 'node-app',
  AddPythonApp: 'python-app',
  AddUvicornApp: 'python-app',
  AddExecutable: 'executable',
  AddDockerfile: 'dockerfile',
  AddContainer: 'container',
};
/** Hosting integrations that add infrastructure (a broker, a database, a cache, a gateway …). */
const INTEGRATION =
  /^Add(?:RabbitMQ|Kafka|Nats|AzureServiceBus|AzureEventHubs|Redis|Valkey|Garnet|Postgres|SqlServer|MySql|MongoDB|Oracle|AzureCosmosDB|AzurePostgresFlexibleServer|AzureSqlServer|AzureRedis|AzureStorage|Elasticsearch|Qdrant|Milvus|Keycloak|Seq|Yarp|KurrentDB|EventStore|Minio)$/;

/**
 * Reads a .NET Aspire app host: a `.csproj` with the app host SDK, and the C# files of its folder
 * that build the distributed application (`builder.AddProject<Projects.Basket_API>("basket-api")`,
 * `builder.AddRabbitMQ("eventbus")`, `.WithReference(…)`). Read as text, never run. `undefined`
 * for any other project file.
 */
export function parseAspireAppHost(
  file: string,
  text: string,
  ctx: ManifestContext,
): AspireAppHostManifest | undefined {
  if (!APP_HOST_PROJECT.test(text)) return undefined;
  const hostDir = dirOf(file);
  const projects = referencedProjects(file, text, ctx);
  const sources = ctx.files.filter(
    (f) =>
      f.endsWith('.cs') &&
      isInside(f, hostDir) &&
      !/(?:^|\/)(?:bin|obj)\//.test(f.slice(hostDir === '.' ? 0 : hostDir.length + 1)),
  );
  const resources: AspireResource[] = [];
  for (const source of sources) {
    const code = ctx.readText(source);
    if (code === undefined || !/\bDistributedApplication\b/.test(code)) continue;
    resources.push(...readResources(source, code, hostDir, projects, ctx));
  }
  return { kind: 'aspire', file, resources };
}

/** `Projects.Basket_API` names: the generated type name of each referenced (or present) project. */
function referencedProjects(file: string, text: string, ctx: ManifestContext): Map<string, string> {
  const byTypeName = new Map<string, string>();
  for (const project of ctx.files.filter((f) => f.endsWith('.csproj')))
    byTypeName.set(projectTypeName(project), project);
  // The app host's own references win over a same-named project elsewhere.
  for (const match of text.matchAll(PROJECT_REFERENCE)) {
    const path = joinPath(dirOf(file), match[1] ?? '');
    if (path !== undefined && ctx.has(path)) byTypeName.set(projectTypeName(path), path);
  }
  return byTypeName;
}

/** The type Aspire generates for a project: its file name without `.csproj`, `.` and `-` as `_`. */
function projectTypeName(project: string): string {
  return baseOf(project)
    .replace(/\.csproj$/i, '')
    .replace(/[^A-Za-z0-9_]/g, '_');
}

interface Statement {
  readonly text: string;
  readonly offset: number;
}

function readResources(
  source: string,
  code: string,
  hostDir: string,
  projects: ReadonlyMap<string, string>,
  ctx: ManifestContext,
): AspireResource[] {
  const clean = withoutComments(code);
  const builder = BUILDER.exec(clean)?.[1] ?? 'builder';
  const lineAt = lineIndex(code);
  const variables = new Map<string, string>();
  const found: { resource: Omit<AspireResource, 'references'>; references: string[] }[] = [];
  const byName = new Map<string, string[]>();
  const add = new RegExp(
    `\\b${builder}\\s*\\.\\s*(Add\\w+)\\s*(?:<\\s*([\\w.]+)\\s*>)?\\s*\\(\\s*"([^"]+)"\\s*(?:,\\s*@?"([^"]*)")?(?:\\s*,\\s*@?"([^"]*)")?`,
  );
  for (const statement of statements(clean)) {
    // `var ordersDb = postgres.AddDatabase("ordersdb")`: a database of a server already added.
    const child = /^\s*var\s+(\w+)\s*=\s*(\w+)\s*\.\s*AddDatabase\s*\(\s*"([^"]+)"/.exec(statement.text);
    const parent = child ? variables.get(child[2] ?? '') : undefined;
    if (child && parent !== undefined) variables.set(child[1] ?? '', `${parent}/${child[3] ?? ''}`);
    const call = add.exec(statement.text);
    if (call) {
      const [, method = '', typeArgument, name = '', second, third] = call;
      const kind = PROGRAMS[method] ?? (INTEGRATION.test(method) ? 'integration' : undefined);
      if (kind !== undefined) {
        const assigned = /^\s*var\s+(\w+)\s*=/.exec(statement.text)?.[1];
        if (assigned !== undefined) variables.set(assigned, name);
        const folder = programFolder(kind, typeArgument, second, third, hostDir, projects, ctx);
        const references: string[] = [];
        found.push({
          resource: {
            name,
            kind,
            file: source,
            line: lineAt(statement.offset + call.index),
            what:
              typeArgument ??
              (kind === 'container'
                ? (second ?? method)
                : kind === 'integration'
                  ? method
                  : (second ?? method)),
            ...(folder !== undefined ? { folder } : {}),
            ...(kind === 'container' && second !== undefined ? { image: second } : {}),
          },
          references,
        });
        byName.set(name, references);
        if (assigned !== undefined) byName.set(`var:${assigned}`, references);
      }
    }
    // `.WithReference(x)` on the statement's resource, or `api.WithReference(x)` later.
    const target = call
      ? found[found.length - 1]?.references
      : byName.get(`var:${/^\s*(\w+)\s*\./.exec(statement.text)?.[1] ?? ''}`);
    if (target === undefined) continue;
    for (const reference of statement.text.matchAll(/\.\s*WithReference\s*\(\s*(\w+)/g)) {
      const name = variables.get(reference[1] ?? '');
      if (name !== undefined && !target.includes(name)) target.push(name);
    }
  }
  return found.map(({ resource, references }) => ({ ...resource, references }));
}

function programFolder(
  kind: AspireResourceKind,
  typeArgument: string | undefined,
  second: string | undefined,
  third: string | undefined,
  hostDir: string,
  projects: ReadonlyMap<string, string>,
  ctx: ManifestContext,
): string | undefined {
  if (kind === 'integration' || kind === 'container') return undefined;
  if (kind === 'project') {
    const project =
      typeArgument !== undefined
        ? projects.get(typeArgument.replace(/^(?:global::)?Projects\./, ''))
        : second !== undefined
          ? joinPath(hostDir, second)
          : undefined;
    return project !== undefined && ctx.has(project) ? dirOf(project) : undefined;
  }
  // AddExecutable(name, command, workingDirectory); the others take the app's folder (or script) second.
  const written = kind === 'executable' ? third : second;
  if (written === undefined) return undefined;
  const path = joinPath(hostDir, written);
  if (path === undefined) return undefined;
  if (ctx.has(path)) return dirOf(path);
  return ctx.files.some((f) => isInside(f, path)) ? path : undefined;
}

/** The code with `//` and `/* … *\/` comments blanked (same length, so offsets keep their lines). */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"/g, (match) =>
    match.startsWith('"') ? match : match.replace(/[^\n]/g, ' '),
  );
}

/** Statements split at `;` outside strings, with their offsets. */
function statements(code: string): Statement[] {
  const out: Statement[] = [];
  let start = 0;
  let inString = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"' && code[i - 1] !== '\\') inString = !inString;
    else if (c === ';' && !inString) {
      out.push({ text: code.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  if (start < code.length) out.push({ text: code.slice(start), offset: start });
  return out;
}

function lineIndex(code: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
