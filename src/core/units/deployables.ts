import type { AspireAppHostManifest, Manifest, PackageJsonManifest, WorkspaceModel } from '../model';
import { classifyImage } from './infrastructure-images';
import type { BackingCategory } from './infrastructure-images';
import { FRONTEND_FRAMEWORKS, SERVER_FRAMEWORKS, matchesPackage } from './known-packages';
import { baseName, dirOf, isUnder, joinPath } from './paths';
import { targetFolder, targetStagePaths } from './docker-targets';
import type { BackingService, DeployableDetail, ServiceUnit } from './types';

/** What {@link findDeployables} finds. */
export interface DeployableFindings {
  readonly services: readonly ServiceUnit[];
  readonly functions: readonly DeployableDetail[];
  readonly webApps: readonly DeployableDetail[];
  readonly backing: readonly BackingService[];
}

/** Start scripts that only start other packages (a monorepo root), not a program of their own. */
const ORCHESTRATING =
  /\b(?:turbo|lerna|nx|concurrently|npm-run-all|run-p|run-s|docker[ -]compose|pm2|foreman|nodemon --exec npm)\b|--workspaces?\b|\bpnpm (?:-r|--recursive|--filter)\b|\byarn workspaces?\b/;
/** Start scripts that emulate a function platform locally: the package is functions, not a server. */
const FUNCTION_EMULATORS =
  /\b(?:serverless|sls) offline\b|\bsam local\b|\bnetlify dev\b|\bvercel dev\b|\bwrangler dev\b|\bfunc start\b|\bfunctions-framework\b/;
const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Pod',
  'Rollout',
]);
const LANGUAGE_IMAGES =
  /^(?:node|python|golang|go|openjdk|eclipse-temurin|amazoncorretto|maven|gradle|mcr\.microsoft\.com\/dotnet|dotnet|ruby|php|rust|alpine|debian|ubuntu|busybox|gcr\.io\/distroless|scratch|denoland|oven\/bun)/;

const DEV_CONTAINER_DIR = /(?:^|\/)(?:\.devcontainer|\.gitpod|\.github|\.circleci|\.buildkite)\//;

/**
 * Finds what starts on its own: packages with a start script or a server `main`, Dockerfiles,
 * compose and Kubernetes workloads built from the workspace, functions, Procfile entries; and
 * tells infrastructure images (databases, brokers, gateways) apart as backing services.
 */
export function findDeployables(
  model: WorkspaceModel,
  programFolders: readonly string[] = [],
): DeployableFindings {
  const found: DeployableDetail[] = [];
  const backing: BackingService[] = [];
  const packages = model.manifests.filter((m): m is PackageJsonManifest => m.kind === 'package-json');
  const packageAt = new Map(packages.map((p) => [dirOf(p.file), p]));
  const frontAt = (path: string): boolean => {
    const pkg = packageAt.get(path);
    return pkg !== undefined && isFrontEnd(pkg);
  };
  const composeDockerfiles = new Set<string>();
  for (const manifest of model.manifests) {
    if (manifest.kind !== 'compose' || DEV_CONTAINER_DIR.test(manifest.file)) continue;
    for (const service of manifest.services) {
      // `dockerfile` is relative to the workspace root already.
      if (service.buildContext !== undefined && service.dockerfile !== undefined)
        composeDockerfiles.add(joinPath('.', service.dockerfile));
    }
  }

  // A compose service built from one target stage of a shared Dockerfile is the program that stage builds.
  const dockerfiles = new Map(
    model.manifests.flatMap((m) => (m.kind === 'dockerfile' ? [[m.file, m] as const] : [])),
  );
  const owners = [...new Set([...packageAt.keys(), ...programFolders])];
  const stageOf = (target: string | undefined, context: string, dockerfile: string) => {
    const manifest = target !== undefined ? dockerfiles.get(dockerfile) : undefined;
    if (manifest === undefined || target === undefined) return undefined;
    return targetFolder(targetStagePaths(manifest, target, context), context, owners, frontAt);
  };

  // Dockerfiles that only extend an infrastructure image (a database with its scripts copied in).
  const backingDockerfiles = new Map<string, BackingService>();
  const composeBacked = new Set<string>();
  for (const manifest of model.manifests) {
    if (manifest.kind !== 'dockerfile' || DEV_CONTAINER_DIR.test(manifest.file)) continue;
    const last = manifest.baseImages[manifest.baseImages.length - 1] ?? '';
    const category = classifyImage(last);
    if (category === undefined || manifest.baseImages.some((image) => LANGUAGE_IMAGES.test(image))) continue;
    const path = dirOf(manifest.file);
    backingDockerfiles.set(manifest.file, {
      name: baseName(path) === '.' ? last : baseName(path),
      image: last,
      category,
      file: manifest.file,
    });
  }

  for (const manifest of model.manifests) {
    switch (manifest.kind) {
      case 'package-json':
        addPackage(manifest, found);
        break;
      case 'dockerfile': {
        const path = dirOf(manifest.file);
        // Development containers (VS Code, Gitpod, CI images) are where the code is worked on, not what ships.
        if (DEV_CONTAINER_DIR.test(manifest.file)) break;
        const last = manifest.baseImages[manifest.baseImages.length - 1] ?? '';
        const category = classifyImage(last);
        const builtFromCode = manifest.baseImages.some((image) => LANGUAGE_IMAGES.test(image));
        const service = backingDockerfiles.get(manifest.file);
        if (service !== undefined) {
          backing.push(service);
          break;
        }
        if (composeDockerfiles.has(manifest.file)) break;
        const role = frontAt(path) || (category === 'gateway' && builtFromCode) ? 'web-app' : 'service';
        found.push({
          name: nameOf(path, packageAt),
          path,
          kind: 'dockerfile',
          role,
          dockerfile: manifest.file,
          source: { file: manifest.file, message: `\`${manifest.file}\` builds an image from \`${path}\`` },
        });
        break;
      }
      case 'compose':
        // A development container's compose file describes where the code is worked on, not what ships.
        if (DEV_CONTAINER_DIR.test(manifest.file)) break;
        for (const service of manifest.services) {
          if (service.buildContext !== undefined) {
            const dockerfile = dockerfileOf(service.buildContext, service.dockerfile);
            const built = backingDockerfiles.get(dockerfile);
            if (built !== undefined) {
              // Built from a database/broker image with a few scripts copied in: a backing service.
              backing.push({ ...built, name: service.name, file: manifest.file, line: service.line });
              composeBacked.add(dockerfile);
              continue;
            }
            const staged = stageOf(service.target, service.buildContext, dockerfile);
            const path = staged?.path ?? servicePath(service.buildContext, dockerfile);
            found.push({
              name: service.name,
              path,
              kind: 'compose-service',
              role: staged?.role ?? (frontAt(path) ? 'web-app' : 'service'),
              source: {
                file: manifest.file,
                line: service.line,
                message:
                  staged !== undefined
                    ? `\`${manifest.file}\`: service \`${service.name}\` is stage \`${service.target ?? ''}\` of \`${dockerfile}\`, built from \`${path}\`${staged.alongside.length > 0 ? ` (with ${staged.alongside.map((f) => `\`${f}\``).join(', ')})` : ''}`
                    : `\`${manifest.file}\`: service \`${service.name}\` is built from \`${path}\``,
              },
              environment: service.environment,
              buildContext: service.buildContext,
              dockerfile,
              ...(service.profiles !== undefined ? { profiles: service.profiles } : {}),
            });
          } else if (service.image !== undefined) {
            const category = classifyImage(service.image) ?? classifyImage(service.name);
            if (category !== undefined) {
              backing.push({
                name: service.name,
                image: service.image,
                category,
                file: manifest.file,
                line: service.line,
              });
            } else {
              const path = matchFolder(service.image, model, packages, programFolders);
              if (path !== undefined) {
                found.push({
                  name: service.name,
                  path,
                  kind: 'compose-service',
                  role: frontAt(path) ? 'web-app' : 'service',
                  source: {
                    file: manifest.file,
                    line: service.line,
                    message: `\`${manifest.file}\`: service \`${service.name}\` runs image \`${service.image}\` of \`${path}\``,
                  },
                  environment: service.environment,
                  ...(service.profiles !== undefined ? { profiles: service.profiles } : {}),
                });
              }
            }
          }
        }
        break;
      case 'kubernetes':
      case 'helm-chart':
        for (const resource of manifest.resources) {
          if (!WORKLOAD_KINDS.has(resource.kind)) continue;
          for (const image of resource.images) {
            const category = classifyImage(image);
            if (category !== undefined) {
              backing.push({
                name: resource.name,
                image,
                category,
                file: manifest.file,
                line: resource.line,
              });
              continue;
            }
            const path =
              matchFolder(image, model, packages, programFolders) ??
              matchFolder(resource.name, model, packages, programFolders);
            found.push({
              name: resource.name,
              path: path ?? `${dirOf(manifest.file)}#${resource.name}`,
              kind: manifest.kind,
              role: path !== undefined && frontAt(path) ? 'web-app' : 'service',
              source: {
                file: manifest.file,
                line: resource.line,
                message: `\`${manifest.file}\`: ${resource.kind} \`${resource.name}\` runs \`${image}\``,
              },
            });
          }
        }
        break;
      case 'procfile':
        for (const process of manifest.processes) {
          found.push({
            name: process.name,
            path: dirOf(manifest.file),
            kind: 'procfile',
            role: 'service',
            source: {
              file: manifest.file,
              line: process.line,
              message: `\`${manifest.file}\`: process \`${process.name}\` runs \`${process.command}\``,
            },
          });
        }
        break;
      case 'aspire':
        addAspireResources(manifest, model, packages, programFolders, frontAt, found, backing);
        break;
      case 'wrangler':
        found.push({
          name: manifest.name ?? baseName(dirOf(manifest.file)),
          path: dirOf(manifest.file),
          kind: 'function',
          role: 'function',
          source: { file: manifest.file, message: `\`${manifest.file}\` deploys a Cloudflare Worker` },
        });
        break;
      default:
        addFunctions(manifest, found);
    }
  }
  // A database image built from a Dockerfile and started by compose is one backing service, named by compose.
  const unique = backing.filter((b) => !composeBacked.has(b.file));
  return group(found, unique, packages);
}

/** Hosting integrations whose product names are not image names. */
const ASPIRE_INTEGRATION_CATEGORIES: Readonly<Record<string, BackingCategory>> = {
  AddYarp: 'gateway',
  AddAzureEventHubs: 'broker',
  AddAzureStorage: 'storage',
  AddAzureCosmosDB: 'database',
  AddAzurePostgresFlexibleServer: 'database',
  AddAzureSqlServer: 'database',
  AddAzureRedis: 'cache',
  AddGarnet: 'cache',
  AddQdrant: 'database',
  AddMilvus: 'database',
  AddKurrentDB: 'event-store',
};

/** An Aspire app host's projects and apps are services; its containers and integrations, infrastructure. */
function addAspireResources(
  manifest: AspireAppHostManifest,
  model: WorkspaceModel,
  packages: readonly PackageJsonManifest[],
  programFolders: readonly string[],
  frontAt: (path: string) => boolean,
  found: DeployableDetail[],
  backing: BackingService[],
): void {
  const byName = new Map(manifest.resources.map((r) => [r.name, r]));
  for (const resource of manifest.resources) {
    const at = { file: resource.file, line: resource.line };
    if (resource.kind === 'integration') {
      const category =
        classifyImage(resource.what.replace(/^Add(?:Azure)?/, '')) ??
        ASPIRE_INTEGRATION_CATEGORIES[resource.what];
      if (category !== undefined)
        backing.push({ name: resource.name, image: resource.what.replace(/^Add/, ''), category, ...at });
      continue;
    }
    if (resource.kind === 'container') {
      const image = resource.image ?? resource.what;
      const category = classifyImage(image);
      if (category !== undefined) {
        backing.push({ name: resource.name, image, category, ...at });
        continue;
      }
    }
    const path =
      resource.folder ?? matchFolder(resource.image ?? resource.name, model, packages, programFolders);
    if (path === undefined) continue;
    found.push({
      name: resource.name,
      path,
      kind: 'aspire-resource',
      role: frontAt(path) ? 'web-app' : 'service',
      environment: aspireEnvironment(resource.references, byName),
      source: {
        ...at,
        message: `the Aspire app host \`${manifest.file}\` runs \`${resource.name}\` from \`${path}\``,
      },
    });
  }
}

/**
 * The variables the app host gives a resource for what it references, as Aspire names them:
 * `services__<name>__http__0` for a program, `ConnectionStrings__<name>` for infrastructure.
 */
function aspireEnvironment(
  references: readonly string[],
  byName: ReadonlyMap<string, AspireAppHostManifest['resources'][number]>,
): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const reference of references) {
    const [server = '', database] = reference.split('/');
    const target = byName.get(server);
    if (target === undefined) continue;
    if (target.kind !== 'integration' && target.kind !== 'container') {
      environment[`services__${server}__http__0`] = `http://${server}`;
      continue;
    }
    const scheme = target.what.replace(/^Add(?:Azure)?/, '').toLowerCase();
    environment[`ConnectionStrings__${database ?? server}`] =
      `${scheme}://${server}${database !== undefined ? `/${database}` : ''}`;
  }
  return environment;
}

function addPackage(pkg: PackageJsonManifest, found: DeployableDetail[]): void {
  const path = dirOf(pkg.file);
  const start = pkg.scripts['start'] ?? pkg.scripts['start:prod'] ?? pkg.scripts['serve'];
  const name = pkg.name ?? baseName(path === '.' ? 'root' : path);
  const hasServer = Object.keys(pkg.dependencies).some((d) => matchesPackage(d, SERVER_FRAMEWORKS));
  if (start !== undefined) {
    if (ORCHESTRATING.test(start) || FUNCTION_EMULATORS.test(start)) return;
    found.push({
      name,
      path,
      kind: 'package',
      role: isFrontEnd(pkg) ? 'web-app' : 'service',
      started: true,
      source: { file: pkg.file, message: `\`${pkg.file}\`: \`${name}\` starts with \`${start}\`` },
    });
  } else if (hasServer && (pkg.main !== undefined || Object.keys(pkg.bin).length > 0)) {
    found.push({
      name,
      path,
      kind: 'package',
      role: 'service',
      source: {
        file: pkg.file,
        message: `\`${pkg.file}\`: \`${name}\` has a server framework and an entry point`,
      },
    });
  }
}

function addFunctions(manifest: Manifest, found: DeployableDetail[]): void {
  if (!('functions' in manifest)) return;
  for (const fn of manifest.functions) {
    const path = fn.handlerFile !== undefined ? dirOf(fn.handlerFile) : dirOf(manifest.file);
    const triggers = fn.events.length > 0 ? ` on ${fn.events.join(', ')}` : '';
    found.push({
      name: fn.name,
      path,
      kind: 'function',
      role: 'function',
      triggers: fn.events,
      source: {
        file: manifest.file,
        line: fn.line,
        message: `\`${manifest.file}\`: function \`${fn.name}\`${triggers}`,
      },
    });
  }
}

function isFrontEnd(pkg: PackageJsonManifest): boolean {
  const all = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
  const server = Object.keys(pkg.dependencies).some((d) => matchesPackage(d, SERVER_FRAMEWORKS));
  return !server && all.some((d) => matchesPackage(d, FRONTEND_FRAMEWORKS));
}

function nameOf(path: string, packageAt: ReadonlyMap<string, PackageJsonManifest>): string {
  return packageAt.get(path)?.name ?? (path === '.' ? 'app' : baseName(path));
}

/**
 * The workspace folder an image or workload name refers to (`acme/orders:1.2` → `services/orders`):
 * a package, a Dockerfile's folder, or else the folder of a program's entry point (Go's
 * `cmd/orders`, a Python service package), since one generic Dockerfile often builds them all.
 */
function matchFolder(
  image: string,
  model: WorkspaceModel,
  packages: readonly PackageJsonManifest[],
  programFolders: readonly string[],
): string | undefined {
  const wanted = baseName(image.replace(/[:@].*$/, '')).toLowerCase();
  if (wanted === '') return undefined;
  const dockerfileFolders = new Set(
    model.manifests.filter((m) => m.kind === 'dockerfile').map((m) => dirOf(m.file)),
  );
  // Several folders may carry the name (`models/chat`, `services/chat`): the one that builds an
  // image wins, then one a script starts, then a backend program's; otherwise the first.
  const rank = (path: string, pkg?: PackageJsonManifest): number =>
    (dockerfileFolders.has(path) ? 4 : 0) +
    (pkg !== undefined && (pkg.scripts['start'] !== undefined || pkg.scripts['start:prod'] !== undefined)
      ? 2
      : 0) +
    (programFolders.includes(path) ? 1 : 0);
  let best: { path: string; rank: number } | undefined;
  const consider = (path: string, pkg?: PackageJsonManifest): void => {
    const score = rank(path, pkg);
    if (best === undefined || score > best.rank) best = { path, rank: score };
  };
  for (const pkg of packages) {
    const path = dirOf(pkg.file);
    if (path === '.') continue;
    if (baseName(path).toLowerCase() === wanted || (pkg.name ?? '').toLowerCase().endsWith(wanted))
      consider(path, pkg);
  }
  for (const folder of dockerfileFolders)
    if (folder !== '.' && baseName(folder).toLowerCase() === wanted) consider(folder);
  for (const folder of programFolders)
    if (folder !== '.' && baseName(folder).toLowerCase() === wanted) consider(folder);
  return best?.path;
}

function group(
  found: readonly DeployableDetail[],
  backing: BackingService[],
  packages: readonly PackageJsonManifest[],
): DeployableFindings {
  const byPath = new Map<string, DeployableDetail[]>();
  const functions: DeployableDetail[] = [];
  const webApps: DeployableDetail[] = [];
  const webPaths = new Set(found.filter((d) => d.role === 'web-app').map((d) => d.path));
  for (const d of found) {
    if (d.role === 'function') functions.push(d);
    else if (d.role === 'web-app' || webPaths.has(d.path)) webApps.push(d);
    else {
      const list = byPath.get(d.path);
      if (list) list.push(d);
      else byPath.set(d.path, [d]);
    }
  }
  const folders = new Set(packages.map((p) => dirOf(p.file)));
  mergeProcfileProcesses(byPath, folders);
  const services: ServiceUnit[] = [];
  for (const [path, deployables] of byPath) {
    // A root package that only exists to hold workspaces is not a service when services live below it.
    const onlyRootPackage = path === '.' && deployables.every((d) => d.kind === 'package') && byPath.size > 1;
    if (onlyRootPackage && packages.some((p) => p.file === 'package.json' && p.workspaces.length > 0))
      continue;
    const named =
      deployables.find((d) => d.kind === 'compose-service') ??
      deployables.find((d) => d.kind === 'package') ??
      deployables[0];
    services.push({
      name: named?.name ?? path,
      path,
      hasSource:
        !path.includes('#') &&
        (folders.has(path) || deployables.some((d) => d.kind !== 'kubernetes' && d.kind !== 'helm-chart')),
      deployables,
    });
  }
  services.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { services, functions, webApps, backing };
}

/**
 * A Procfile in a sub-folder of a deployable, with no package or image of its own (Heroku's
 * `server/collaboration/Procfile` beside the app's root Dockerfile), lists processes of that
 * deployable's codebase: they join it instead of counting as another service.
 */
function mergeProcfileProcesses(
  byPath: Map<string, DeployableDetail[]>,
  packageFolders: ReadonlySet<string>,
): void {
  for (const [path, deployables] of [...byPath]) {
    if (path === '.' || packageFolders.has(path) || !deployables.every((d) => d.kind === 'procfile'))
      continue;
    let owner: string | undefined;
    for (let folder = dirOf(path); owner === undefined; folder = dirOf(folder)) {
      if (byPath.has(folder) && folder !== path) owner = folder;
      if (folder === '.') break;
    }
    if (owner === undefined) continue;
    byPath.get(owner)?.push(...deployables);
    byPath.delete(path);
  }
}

/** The Dockerfile a compose build uses: the named one, else `<context>/Dockerfile`. */
function dockerfileOf(context: string, dockerfile: string | undefined): string {
  return dockerfile !== undefined ? joinPath('.', dockerfile) : joinPath(context, 'Dockerfile');
}

/**
 * The folder a compose-built service stands for: its build context, or the folder of its
 * Dockerfile when that sits deeper inside the context (`context: .` with
 * `dockerfile: src/Services/Orders/Dockerfile` is the `src/Services/Orders` service, not the root).
 */
function servicePath(context: string, dockerfile: string): string {
  const folder = dirOf(dockerfile);
  // A plain `Dockerfile`, or one named for its folder (`apps/web/Dockerfile.web`), stands for its
  // folder; `Database/Dockerfile_Migrator` is one of several images built from the context.
  const name = baseName(dockerfile).toLowerCase();
  const own = baseName(folder).toLowerCase();
  const plain = name === 'dockerfile' || name === `dockerfile.${own}` || name === `${own}.dockerfile`;
  return plain && folder !== context && isUnder(folder, context) ? folder : context;
}
