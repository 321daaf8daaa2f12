import type { FunctionDefinition, FunctionFolderManifest } from '../model';
import type { ManifestContext } from './context';
import { asString, isRecord } from './context';
import { baseOf, dirOf, isInside, joinPath, withoutExtension } from './paths';
import { readTomlFile } from './toml-file';

const FUNCTION_SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const NOT_A_FUNCTION = /\.d\.[cm]?ts$|\.(?:test|spec)\.[^/]+$/;

/**
 * Functions by folder convention: Vercel `api/**` (only in a project with a `vercel.json` or a
 * `vercel` dependency, so that any other `api/` folder is not taken for one) and Netlify
 * `netlify/functions/*` (or the folder `netlify.toml` names, with its `schedule`s).
 */
export function parseFunctionFolders(ctx: ManifestContext): FunctionFolderManifest[] {
  return [...vercelFolders(ctx), ...netlifyFolders(ctx)];
}

function vercelFolders(ctx: ManifestContext): FunctionFolderManifest[] {
  const roots = new Set<string>();
  for (const file of ctx.files) {
    if (baseOf(file) === 'vercel.json') roots.add(dirOf(file));
    else if (baseOf(file) === 'package.json' && dependsOnVercel(ctx.readText(file))) roots.add(dirOf(file));
  }
  const out: FunctionFolderManifest[] = [];
  for (const root of roots) {
    const apiDir = joinPath(root, 'api') ?? 'api';
    const functions: FunctionDefinition[] = [];
    for (const file of ctx.files) {
      if (
        !isInside(file, apiDir) ||
        file === apiDir ||
        !FUNCTION_SOURCE.test(file) ||
        NOT_A_FUNCTION.test(file)
      )
        continue;
      const route = withoutExtension(file.slice(apiDir.length + 1));
      if (
        route
          .split('/')
          .some((segment) => segment.startsWith('_') || segment.startsWith('.') || segment === 'node_modules')
      )
        continue;
      functions.push({ name: route, handlerFile: file, events: ['http'] });
    }
    if (functions.length > 0)
      out.push({ kind: 'function-folder', file: apiDir, platform: 'vercel', functions });
    const routes = nextRouteHandlers(ctx, root);
    if (routes.length > 0)
      out.push({ kind: 'function-folder', file: root, platform: 'vercel', functions: routes });
  }
  return out;
}

/** `app/**\/route.ts` (App Router) and `pages/api/**` (Pages Router), at the project root or under `src/`. */
const NEXT_ROUTE = /^(?:src\/)?(?:app\/(?:.+\/)?route|pages\/api\/.+)\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * A Next.js project whose `vercel.json` declares its functions (`functions` settings or `crons`)
 * runs each route handler as a Vercel Function; `crons` paths run on a schedule. A Next app that
 * is only hosted on Vercel declares no functions: its route handlers are the app's server side.
 */
function nextRouteHandlers(ctx: ManifestContext, root: string): FunctionDefinition[] {
  const packageText = ctx.readText(joinPath(root, 'package.json') ?? 'package.json');
  if (packageText === undefined || !/"next"\s*:/.test(packageText)) return [];
  const vercel = readVercelJson(ctx, root);
  if (vercel === undefined || (vercel['functions'] === undefined && vercel['crons'] === undefined)) return [];
  const cronPaths = vercelCronPaths(vercel);
  const functions: FunctionDefinition[] = [];
  const prefix = root === '.' ? '' : `${root}/`;
  for (const file of ctx.files) {
    if (!file.startsWith(prefix) || NOT_A_FUNCTION.test(file)) continue;
    const inProject = file.slice(prefix.length);
    if (!NEXT_ROUTE.test(inProject) || inProject.includes('/node_modules/')) continue;
    const route = routePath(inProject);
    functions.push({ name: route, handlerFile: file, events: [cronPaths.has(route) ? 'schedule' : 'http'] });
  }
  return functions;
}

/** The URL path of a route file: route groups `(x)` and private folders dropped. */
function routePath(inProject: string): string {
  const segments = withoutExtension(inProject.replace(/^src\//, ''))
    .split('/')
    .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith('@'));
  if (segments[0] === 'app') segments.shift();
  if (segments[0] === 'pages') segments.shift();
  if (segments[segments.length - 1] === 'route' || segments[segments.length - 1] === 'index') segments.pop();
  return `/${segments.join('/')}`;
}

/** The project's `vercel.json` as an object; undefined when absent or malformed (it only loses its functions). */
function readVercelJson(ctx: ManifestContext, root: string): Record<string, unknown> | undefined {
  const text = ctx.readText(joinPath(root, 'vercel.json') ?? 'vercel.json');
  if (text === undefined) return undefined;
  try {
    const json: unknown = JSON.parse(text);
    return isRecord(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

function vercelCronPaths(vercel: Record<string, unknown>): Set<string> {
  const paths = new Set<string>();
  const crons = Array.isArray(vercel['crons']) ? vercel['crons'] : [];
  for (const cron of crons) {
    const path = isRecord(cron) ? asString(cron['path']) : undefined;
    if (path !== undefined) paths.add(path.replace(/\?.*$/, ''));
  }
  return paths;
}

function dependsOnVercel(text: string | undefined): boolean {
  if (text === undefined || !text.includes('vercel')) return false;
  try {
    const json: unknown = JSON.parse(text);
    if (!isRecord(json)) return false;
    return ['dependencies', 'devDependencies'].some((key) => {
      const deps = json[key];
      return isRecord(deps) && (deps['vercel'] !== undefined || deps['@vercel/node'] !== undefined);
    });
  } catch {
    return false; // the package-json parser reports it
  }
}

function netlifyFolders(ctx: ManifestContext): FunctionFolderManifest[] {
  const folders = new Map<string, Map<string, string>>();
  for (const file of ctx.files) {
    if (baseOf(file) === 'netlify.toml') {
      const text = ctx.readText(file);
      // Warnings for a malformed netlify.toml are given once, here.
      const config = text !== undefined ? readTomlFile(file, text, ctx) : undefined;
      const build = isRecord(config?.['build']) ? config['build'] : {};
      const functionsConfig = isRecord(config?.['functions']) ? config['functions'] : {};
      const directory =
        asString(functionsConfig['directory']) ?? asString(build['functions']) ?? 'netlify/functions';
      const folder = joinPath(dirOf(file), directory);
      if (folder === undefined) continue;
      const schedules = new Map<string, string>();
      for (const [name, settings] of Object.entries(functionsConfig)) {
        const schedule = isRecord(settings) ? asString(settings['schedule']) : undefined;
        if (schedule !== undefined) schedules.set(name, schedule);
      }
      folders.set(folder, schedules);
    }
    const conventional = /^(?:(.*)\/)?netlify\/functions\//.exec(file);
    if (conventional !== null) {
      const folder = joinPath(conventional[1] ?? '.', 'netlify/functions') ?? 'netlify/functions';
      if (!folders.has(folder)) folders.set(folder, new Map());
    }
  }
  const out: FunctionFolderManifest[] = [];
  for (const [folder, schedules] of folders) {
    const functions: FunctionDefinition[] = [];
    const seen = new Set<string>();
    for (const file of ctx.files) {
      if (!isInside(file, folder) || !FUNCTION_SOURCE.test(file) || NOT_A_FUNCTION.test(file)) continue;
      const parts = file.slice(folder.length + 1).split('/');
      const [first, second] = parts;
      if (first === undefined) continue;
      let name: string | undefined;
      if (parts.length === 1) name = withoutExtension(first);
      else if (
        parts.length === 2 &&
        second !== undefined &&
        ['index', first].includes(withoutExtension(second))
      )
        name = first;
      if (name === undefined || seen.has(name)) continue;
      seen.add(name);
      functions.push({ name, handlerFile: file, events: [schedules.has(name) ? 'schedule' : 'http'] });
    }
    if (functions.length > 0)
      out.push({ kind: 'function-folder', file: folder, platform: 'netlify', functions });
  }
  return out;
}
