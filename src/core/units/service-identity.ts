import type { GraphIndex } from './graph-index';
import { isSourceFile } from './languages';
import { isUnder } from './paths';
import { reach } from './reach';
import type { DeployableDetail, ServiceUnit, UnitSource } from './types';

/** Why something that starts was not counted as a backend service. */
export type NotAServiceReason =
  | 'not-backend'
  | 'no-backend-code'
  | 'all-in-one'
  | 'library'
  | 'image-not-built-here'
  | 'test-runner'
  | 'not-shipped';

/** Compose profiles of what does not ship: services that start only under these are set aside. */
const OFF_PATH_PROFILES =
  /^(?:deprecated|legacy|old|tests?|e2e|integration|debug|tools?|tooling|ci|docs?|demo|bench(?:mark)?s?|dev-tools|monitoring-dev)$/i;
/** Browser and load-test runners: an image of these runs tests against the system, it is not part of it. */
const TEST_RUNNER =
  /(?:^|[/._-])(?:playwright|cypress|selenium|puppeteer|webdriver|e2e|k6|locust|jmeter|gatling|artillery)(?:$|[/._-])/i;

/** A part of the system that is not backend code (a CLI, a front end, tooling), by folder. */
export interface NonBackendPart {
  readonly path: string;
  /** A library part: only a package that no script starts is set aside for it. */
  readonly library?: true;
  /** What it is, as reports say it: `command-line tool`, `web front end`, … */
  readonly what: string;
}

/** A would-be service that is something else, with the sentence that says what. */
export interface NotAService {
  readonly name: string;
  readonly path: string;
  readonly reason: NotAServiceReason;
  readonly source: UnitSource;
  readonly message: string;
}

/** What {@link identifyServices} returns. */
export interface ServiceIdentity {
  readonly services: readonly ServiceUnit[];
  readonly notServices: readonly NotAService[];
}

/**
 * Tells which of the things that start are backend services of their own, from the code each
 * one runs rather than from how many manifests mention it:
 * - a package the system stage found to be a command-line tool, a front end or tooling is not one,
 *   nor is a library that depends on a server framework but that no script starts;
 * - a compose service whose Dockerfile folder holds no code runs the code of its build context;
 * - a package whose code other code of the workspace imports is a library or module of that
 *   code (a `package.json` per module of one app), not a service, whatever its scripts say;
 * - an image that owns no backend code (a base, demo or tool image, or a front end's) is no
 *   backend service, and one that only bundles the code of services below it is an all-in-one
 *   image of those services;
 * - workloads of images that map to no folder count only when the workspace builds no service
 *   itself (otherwise they are the same services under registry names, or third-party ones).
 */
export function identifyServices(
  found: readonly ServiceUnit[],
  graph: GraphIndex,
  nonBackend: readonly NonBackendPart[] = [],
): ServiceIdentity {
  const code = graph.sources.filter(isSourceFile);
  const codeUnder = (folder: string): number => code.filter((f) => isUnder(f, folder)).length;
  const notServices: NotAService[] = [];
  const notBackend = new Map(nonBackend.map((p) => [p.path, p]));

  const byPath = new Map<string, ServiceUnit>();
  const add = (service: ServiceUnit): void => {
    const existing = byPath.get(service.path);
    byPath.set(
      service.path,
      existing === undefined
        ? service
        : { ...existing, deployables: [...existing.deployables, ...service.deployables] },
    );
  };
  for (const service of found) {
    const offPath = offPathReason(service);
    if (offPath !== undefined) {
      notServices.push(described(service, offPath.reason, offPath.message));
      continue;
    }
    const part = notBackend.get(service.path);
    const unstarted = service.deployables.every((d) => d.kind === 'package' && d.started !== true);
    const what = part === undefined || (part.library === true && !unstarted) ? undefined : part.what;
    if (what !== undefined) {
      notServices.push(
        part?.library === true
          ? described(
              service,
              'library',
              `\`${service.path}\` is a library: its package depends on a server framework, but no script starts it`,
            )
          : described(service, 'not-backend', `\`${service.path}\` is a ${what}, not a backend service`),
      );
      continue;
    }
    if (service.path.includes('#') || codeUnder(service.path) > 0) {
      add(service);
      continue;
    }
    const moved = rehomeToContext(service, codeUnder);
    for (const s of moved) add(s);
  }

  for (const service of [...byPath.values()]) {
    if (!service.deployables.every((d) => d.kind === 'package')) continue;
    const importer = outsideImporter(service.path, graph);
    if (importer === undefined) continue;
    byPath.delete(service.path);
    notServices.push(
      described(
        service,
        'library',
        `\`${service.path}\` is imported by \`${importer}\`: a library or module of that code, not a service`,
      ),
    );
  }

  // Deepest first, so each service owns what no deeper service owns.
  const located = [...byPath.values()].filter((s) => !s.path.includes('#'));
  located.sort((a, b) => depth(b.path) - depth(a.path) || (a.path < b.path ? -1 : 1));
  const kept: ServiceUnit[] = [];
  for (const service of located) {
    const deeper = kept.filter((k) => k.path !== service.path && isUnder(k.path, service.path));
    const ownCode = code.filter((f) => isUnder(f, service.path) && !deeper.some((k) => isUnder(f, k.path)));
    // Beside services below it, code those services import is theirs (a Go `cmd/app` and the
    // `internal/` it imports), and a launcher script (a file that imports no code of the workspace
    // and that none imports) is how an all-in-one image starts them: neither is code of its own.
    const theirs = deeper.length === 0 ? new Set<string>() : reachedFrom(deeper, code, graph);
    const own =
      deeper.length === 0
        ? ownCode.length > 0
        : ownCode.some((f) => !theirs.has(f) && !isLoneScript(f, graph));
    if (own) {
      kept.push(service);
    } else if (deeper.length > 0) {
      notServices.push(
        described(
          service,
          'all-in-one',
          `\`${service.path}\` bundles ${deeper.map((k) => `\`${k.path}\``).join(', ')}: an all-in-one image of those services, not another service`,
        ),
      );
    } else {
      notServices.push(
        described(
          service,
          'no-backend-code',
          `\`${service.path}\` holds no backend code: an image of tools, a base or a front end, not a backend service`,
        ),
      );
    }
  }
  for (const service of byPath.values()) {
    if (!service.path.includes('#')) continue;
    if (kept.length === 0) kept.push(service);
    else
      notServices.push(
        described(
          service,
          'image-not-built-here',
          `\`${service.name}\` runs an image that maps to no folder here; the services built here are counted instead`,
        ),
      );
  }
  kept.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  notServices.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { services: kept, notServices };
}

/** Compose services built from a context whose Dockerfile folder has no code: the context is what runs. */
function rehomeToContext(service: ServiceUnit, codeUnder: (folder: string) => number): ServiceUnit[] {
  const stay: DeployableDetail[] = [];
  const moved = new Map<string, DeployableDetail[]>();
  for (const d of service.deployables) {
    const context = d.buildContext;
    if (context !== undefined && context !== service.path && codeUnder(context) > 0) {
      moved.set(context, [...(moved.get(context) ?? []), { ...d, path: context }]);
    } else stay.push(d);
  }
  const out: ServiceUnit[] = [];
  if (stay.length > 0) out.push({ ...service, deployables: stay });
  for (const [path, deployables] of moved)
    out.push({ name: deployables[0]?.name ?? path, path, hasSource: true, deployables });
  return out;
}

/** A code file outside `folder` that imports code inside it, if any. */
export function outsideImporter(folder: string, graph: GraphIndex): string | undefined {
  if (folder === '.') return undefined;
  for (const file of graph.filesUnder(folder)) {
    if (!isSourceFile(file)) continue;
    if (!isUnder(file, folder)) continue;
    for (const edge of graph.in.get(file) ?? []) if (!isUnder(edge.from, folder)) return edge.from;
  }
  return undefined;
}

/** A test runner's image, or a compose service that starts only under profiles of what does not ship. */
function offPathReason(service: ServiceUnit): { reason: NotAServiceReason; message: string } | undefined {
  const runner = service.deployables.every(
    (d) => TEST_RUNNER.test(d.name) || (d.dockerfile !== undefined && TEST_RUNNER.test(d.dockerfile)),
  );
  if (runner)
    return {
      reason: 'test-runner',
      message: `\`${service.name}\` runs tests against the system (\`${service.deployables[0]?.dockerfile ?? service.name}\`), it is not part of it`,
    };
  const profiles = service.deployables.map((d) => d.profiles ?? []);
  if (profiles.every((list) => list.length > 0 && list.every((p) => OFF_PATH_PROFILES.test(p))))
    return {
      reason: 'not-shipped',
      message: `\`${service.name}\` starts only under the compose profile${profiles[0]?.length === 1 ? '' : 's'} ${(profiles[0] ?? []).map((p) => `\`${p}\``).join(', ')}: not part of the system that ships`,
    };
  return undefined;
}

/** Every file the code under the given services imports, directly or not. */
function reachedFrom(
  services: readonly ServiceUnit[],
  code: readonly string[],
  graph: GraphIndex,
): Set<string> {
  const seen = new Set<string>();
  for (const file of code) if (services.some((s) => isUnder(file, s.path))) reach(file, graph, seen);
  return seen;
}

/** A file with no import edge to or from other files of the workspace, and no package import: a launcher. */
function isLoneScript(file: string, graph: GraphIndex): boolean {
  return (
    (graph.in.get(file) ?? []).length === 0 &&
    (graph.out.get(file) ?? []).every((e) => e.to === null) &&
    (graph.externals.get(file) ?? []).every((e) => e.resolution === 'builtin')
  );
}

function described(service: ServiceUnit, reason: NotAServiceReason, message: string): NotAService {
  const first = service.deployables[0];
  return {
    name: service.name,
    path: service.path,
    reason,
    source: {
      file: first?.source.file ?? service.path,
      ...(first?.source.line !== undefined ? { line: first.source.line } : {}),
      message,
    },
    message,
  };
}

function depth(path: string): number {
  return path === '.' ? 0 : path.split('/').length;
}
