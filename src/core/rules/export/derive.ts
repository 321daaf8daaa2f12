import { HANDLER_FILE } from '../../detect/event-driven';
import { INFRASTRUCTURE_BUILTINS, INFRASTRUCTURE_PACKAGES } from '../../units/known-packages';
import { isUnder, joinPath } from '../../units/paths';
import { ruleDefinition, type RuleId, type RulePattern } from '../catalogue';
import { severityOf } from '../check-rules';
import { PROJECTION, QUERY_SIDE, WRITE_SIDE } from '../cqrs';
import { PUBLISH } from '../event-driven';
import { COMPOSITION_STEM, ringKind, ruledHexagons } from '../hexagonal';
import { layeredRootsOf, RANK } from '../layered-monolith';
import { CONTRACT } from '../microservices';
import { ruledModules } from '../modular-monolith';
import { sharedKernelsOf } from '../shared-kernels';
import type { RuleInput } from '../rule-context';
import { splitByAllowed } from './allowed';
import { globToRegex } from './regex';
import type { Boundary, BoundarySide, NotExported, PathSelector, RuleBoundaries } from './types';

/** Test files: the import graph the rules read has no edge from or to one. */
const TESTS: PathSelector = {
  kind: 'pattern',
  name: 'tests',
  regex: String.raw`(?:^|/)(?:__tests__|__mocks__|tests?|spec|e2e)/|\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$`,
  caseless: false,
  globs: ['**/{__tests__,__mocks__,test,tests,spec,e2e}/**', '**/*.{test,spec,e2e-spec}.*'],
};

/** Tests and declaration files, which the rules of rings and layers do not read. */
const NOT_SOURCE: readonly PathSelector[] = [
  TESTS,
  {
    kind: 'pattern',
    name: 'declarations',
    regex: String.raw`\.d\.ts$`,
    caseless: false,
    globs: ['**/*.d.ts'],
  },
];

/** The same test as `isPortFile` of the rings: a `port`/`ports` segment or name part. */
export const PORT: PathSelector = {
  kind: 'pattern',
  name: 'ports',
  regex: String.raw`(?:^|[/.\-_])ports?(?:[/.\-_]|$)`,
  caseless: true,
  globs: [
    '**/port/**',
    '**/ports/**',
    '**/*[.-_]port[.-_]*',
    '**/*[.-_]ports[.-_]*',
    '**/port[.-_]*',
    '**/ports[.-_]*',
  ],
};

/** Why a rule cannot be said as a file-to-file boundary in a peer's rule file. */
const CANNOT: Partial<Record<RuleId, string>> = {
  'modular-monolith/module-cycle':
    'whether an import between two modules closes a cycle depends on every other import between the modules (the module graph), not on the two files; dependency-cruiser and eslint-plugin-boundaries judge one import at a time',
};

/**
 * The rules `archlens check` applies to this workspace, as boundaries between paths: the same
 * units (rings, modules, layers, services, sides, handlers, producers) the rules read, the
 * config's severities (rules at `off` are left out), pinned patterns, and allowed edges (as
 * exceptions). A boundary is a snapshot of the units: rerun the export when they change.
 */
export function deriveBoundaries(input: RuleInput): RuleBoundaries {
  const pinned = input.config.pattern === undefined ? undefined : new Set([input.config.pattern].flat());
  const raw: Omit<Boundary, 'severity'>[] = [];
  const notExported: NotExported[] = [];
  const families: readonly [RulePattern, (input: RuleInput) => Omit<Boundary, 'severity'>[] | undefined][] = [
    ['hexagonal', hexagonal],
    ['modular-monolith', modularMonolith],
    ['layered-monolith', layered],
    ['microservices', microservices],
    ['cqrs', cqrs],
    ['serverless', serverless],
    ['event-driven', eventDriven],
  ];
  for (const [pattern, derive] of families) {
    if (pinned && !pinned.has(pattern)) continue;
    const found = derive(input);
    if (found === undefined) continue;
    raw.push(...found);
    for (const [rule, reason] of Object.entries(CANNOT) as [RuleId, string][])
      if (ruleDefinition(rule).pattern === pattern && severityOf(input.config, rule) !== 'off')
        notExported.push({ rule, reason });
  }
  const allowed = input.config.allow ?? [];
  // Files set aside from the backend (front ends, tools, tests, scripts) import nothing the rules read.
  const setAside = input.ctx.system.setAside.filter((s) => s.path !== '.').map((s) => folder(s.path));
  const boundaries: Boundary[] = [];
  for (const boundary of raw) {
    const severity = severityOf(input.config, boundary.rule);
    if (severity === 'off') continue;
    const exceptions = allowed.filter((a) => a.rule === undefined || a.rule === boundary.rule);
    const sourcesOnly = {
      ...boundary,
      severity,
      from: { ...boundary.from, exclude: distinct([...boundary.from.exclude, TESTS, ...setAside]) },
      to: { ...boundary.to, exclude: distinct([...boundary.to.exclude, TESTS]) },
    };
    boundaries.push(...splitByAllowed(sourcesOnly, exceptions));
  }
  return {
    boundaries,
    notExported,
    allowed: allowed.map((a) => ({
      ...(a.rule !== undefined ? { rule: a.rule } : {}),
      from: a.from,
      to: a.to,
    })),
  };
}

function side(include: readonly PathSelector[], exclude: readonly PathSelector[] = []): BoundarySide {
  return { include: distinct(include), exclude: distinct(exclude), require: [] };
}

function distinct(selectors: readonly PathSelector[]): PathSelector[] {
  const seen = new Set<string>();
  return selectors.filter((s) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const folder = (path: string): PathSelector => ({ kind: 'folder', path });
const file = (path: string): PathSelector => ({ kind: 'file', path });

function pattern(name: string, regex: RegExp, globs: readonly string[]): PathSelector {
  return { kind: 'pattern', name, regex: regex.source, caseless: regex.flags.includes('i'), globs };
}

/** The files of `path` that no nested unit (of `all`) owns. */
function owned(path: string, all: readonly string[]): PathSelector {
  const nested = all.filter((p) => p !== path && isUnder(p, path));
  return nested.length === 0 ? folder(path) : { kind: 'owned', path, nested };
}

function hexagonal(input: RuleInput): Omit<Boundary, 'severity'>[] | undefined {
  const verdict = input.detection.patterns.find((p) => p.id === 'hexagonal')?.verdict ?? 'no';
  const hexagons = ruledHexagons(input.ctx.units.hexagons, verdict);
  if (hexagons.length === 0) return undefined;
  const entryFiles = input.ctx.system.entryPoints.map((e) => e.file);
  const out: Omit<Boundary, 'severity'>[] = [];
  for (const hexagon of hexagons) {
    const core = hexagon.rings.filter((r) => ringKind(r) === 'core').map((r) => r.folder);
    const adapters = hexagon.rings.filter((r) => ringKind(r) === 'adapter').map((r) => r.folder);
    const where = `of the hexagon at \`${hexagon.root}\``;
    if (core.length > 0) {
      out.push({
        rule: 'hexagonal/core-imports-infrastructure',
        comment: `the core rings ${list(core)} ${where} import no driver or framework package`,
        from: side(core.map(folder), NOT_SOURCE),
        to: side([
          {
            kind: 'packages',
            names: [...new Set(INFRASTRUCTURE_PACKAGES)],
            builtins: [...new Set(INFRASTRUCTURE_BUILTINS)],
          },
        ]),
      });
      if (adapters.length > 0)
        out.push({
          rule: 'hexagonal/core-imports-adapter',
          comment: `the core rings ${list(core)} ${where} import none of its adapter rings ${list(adapters)} (ports excepted)`,
          from: side(core.map(folder), NOT_SOURCE),
          to: side(adapters.map(folder), [PORT]),
        });
    }
    // The composition root may know every adapter: entry points, wiring files by name, and the
    // folders or files the hexagon was found wired by.
    const roots: PathSelector[] = [
      ...entryFiles.map(file),
      pattern(
        'composition-roots',
        new RegExp(
          String.raw`(?:^|/)(?:${COMPOSITION_STEM.source.replace(/^\^|\$$/g, '')})(?:\.[^/]*|)$`,
          'i',
        ),
        [
          `**/{${COMPOSITION_STEM.source
            .replace(/^\^\(\?:|\)\$$/g, '')
            .split('|')
            .join(',')}}{,.*}`,
        ],
      ),
      ...hexagon.compositionRoots.flatMap((r) => [folder(r), file(r)]),
    ];
    for (const adapter of adapters) {
      const others = adapters.filter((a) => a !== adapter);
      if (others.length === 0) continue;
      out.push({
        rule: 'hexagonal/adapter-imports-adapter',
        comment: `the adapter ring \`${adapter}\` ${where} imports none of the other adapter rings ${list(others)} (ports and the composition root excepted)`,
        from: side([folder(adapter)], [...NOT_SOURCE, ...roots]),
        to: side(others.map(folder), [PORT]),
      });
    }
  }
  return out;
}

function modularMonolith(input: RuleInput): Omit<Boundary, 'severity'>[] | undefined {
  const verdict = input.detection.patterns.find((p) => p.id === 'modular-monolith')?.verdict ?? 'no';
  const found = ruledModules(input.ctx.units.services, input.ctx.units.modules, verdict);
  const kernels = sharedKernelsOf(input.ctx.graph, found, input.config);
  const modules = found.filter((m) => !kernels.some((k) => k.path === m.path));
  if (modules.length < 2 || !input.ctx.units.importsRead) return undefined;
  const paths = modules.map((m) => m.path);
  const out: Omit<Boundary, 'severity'>[] = [];
  for (const kernel of kernels)
    out.push({
      rule: 'modular-monolith/kernel-imports-module',
      comment: `the shared kernel \`${kernel.path}\` imports none of the modules ${list(paths)}`,
      from: side([folder(kernel.path)]),
      to: side(paths.map(folder)),
    });
  for (const module of modules) {
    const globs = input.config.publicFiles?.[module.path];
    let open: readonly PathSelector[];
    let face: string;
    if (globs !== undefined) {
      open = globs.map((g) => {
        const rooted = isUnder(g.replace(/^\.\//, ''), module.path) ? g : joinPath(module.path, g);
        return {
          kind: 'pattern',
          name: `${module.name}-public`,
          regex: globToRegex(rooted),
          caseless: false,
          globs: [rooted],
        } as const;
      });
      face = `its public files by rules.publicFiles (${globs.map((g) => `\`${g}\``).join(', ')})`;
    } else if (module.declaredPublic.length > 0) {
      open = module.declaredPublic.map(file);
      face = `its public face ${list(module.declaredPublic)}`;
    } else if (module.publicFace.length <= 1) {
      // Nothing declared and at most one file used from outside: that file is its face today.
      if (module.publicFace.length === 0) continue;
      open = module.publicFace.map(file);
      face = `the one file other modules use, ${list(module.publicFace)}`;
    } else {
      open = [];
      face = 'no public face (none declared: add an index.ts or name its public files in rules.publicFiles)';
    }
    out.push({
      rule: 'modular-monolith/deep-import',
      comment: `module \`${module.name}\` (\`${module.path}\`) is entered from other modules only through ${face}${module.kind === 'package' ? '; its package name resolves to its entry file' : ''}`,
      from: side(paths.map(folder), [owned(module.path, paths)]),
      to: side([owned(module.path, paths)], open),
    });
  }
  return out;
}

function layered(input: RuleInput): Omit<Boundary, 'severity'>[] | undefined {
  if (!input.ctx.units.importsRead) return undefined;
  const roots = layeredRootsOf(input);
  if (roots.length === 0) return undefined;
  const out: Omit<Boundary, 'severity'>[] = [];
  for (const { root, layers } of roots) {
    for (const [layerFolder, role] of layers) {
      const above = [...layers].filter(([, r]) => RANK[r] < RANK[role]).map(([f]) => f);
      if (above.length === 0) continue;
      out.push({
        rule: 'layered-monolith/upward-import',
        comment: `the ${role} layer \`${layerFolder}\` of \`${root}\` imports none of the layers above it, ${list(above)}`,
        from: side([folder(layerFolder)], NOT_SOURCE),
        to: side(above.map(folder)),
      });
    }
  }
  return out;
}

function microservices(input: RuleInput): Omit<Boundary, 'severity'>[] | undefined {
  const { units } = input.ctx;
  const services = units.services.filter((s) => s.hasSource && s.path !== '.');
  if (services.length < 2 || !units.importsRead) return undefined;
  const paths = services.map((s) => s.path);
  const contract = pattern('contracts', CONTRACT, [
    '**/{contract,contracts,proto,protos,protobuf,schema,schemas,events,integration-events,api-contracts,idl}/**',
  ]);
  return services.map((service) => ({
    rule: 'microservices/cross-service-import' as const,
    comment: `service \`${service.name}\` (\`${service.path}\`) imports no other service's source, only contracts`,
    from: side([owned(service.path, paths)]),
    to: side(paths.filter((p) => p !== service.path).map(folder), [owned(service.path, paths), contract]),
  }));
}

function cqrs(input: RuleInput): Omit<Boundary, 'severity'>[] | undefined {
  const { graph, units } = input.ctx;
  if (!units.importsRead) return undefined;
  const side_ = (f: string): 'query' | 'write' | undefined => {
    if (PROJECTION.test(f)) return undefined;
    const query = QUERY_SIDE.test(f);
    const write = WRITE_SIDE.test(f);
    return query === write ? undefined : query ? 'query' : 'write';
  };
  if (!graph.scripts.some((f) => side_(f) === 'query') || !graph.scripts.some((f) => side_(f) === 'write'))
    return undefined;
  const query = pattern('query-side', QUERY_SIDE, [
    '**/{query,queries,read,read-side,readside,read-model,read-models}/**',
    '**/*{.,-,_}query{,.handler,-handler,_handler}.*',
  ]);
  const write = pattern('write-side', WRITE_SIDE, [
    '**/{command,commands,write,write-side,writeside}/**',
    '**/*{.,-,_}command{,.handler,-handler,_handler}.*',
    '**/*{.,-,_}write{,.,-,_}{repository,repo,store,model}.*',
  ]);
  const projection = pattern('projections', PROJECTION, [
    '**/{projection,projections,projector,projectors}/**',
    '**/*{.,-,_}{projection,projector}.*',
  ]);
  return [
    {
      rule: 'cqrs/query-imports-write-side',
      comment:
        'the query side (by folder or name) imports nothing of the write side; projections are on neither side',
      from: side([query], [write, projection]),
      to: side([write], [query, projection]),
    },
  ];
}

function serverless(input: RuleInput): Omit<Boundary, 'severity'>[] | undefined {
  const handlers = new Set<string>();
  for (const manifest of input.ctx.model.manifests) {
    if (!('functions' in manifest)) continue;
    for (const fn of manifest.functions) if (fn.handlerFile !== undefined) handlers.add(fn.handlerFile);
  }
  if (handlers.size < 2) return undefined;
  const files = [...handlers].sort().map(file);
  return [
    {
      rule: 'serverless/handler-imports-handler',
      comment: `the function handlers named by the manifests (${handlers.size}) import no other handler`,
      from: side(files),
      to: side(files),
    },
  ];
}

function eventDriven(input: RuleInput): Omit<Boundary, 'severity'>[] | undefined {
  const { graph, units } = input.ctx;
  if (!units.importsRead) return undefined;
  const consumers = graph.scripts.filter((f) => HANDLER_FILE.test(f));
  if (consumers.length === 0) return undefined;
  const consumerSet = new Set(consumers);
  // Which file publishes is read from its calls, which a peer cannot read: the producers are
  // listed by name as found today.
  const producers = graph.scripts.filter(
    (f) => !consumerSet.has(f) && (input.ctx.symbols(f)?.calls.some((c) => PUBLISH.has(c.name)) ?? false),
  );
  if (producers.length === 0) return [];
  return [
    {
      rule: 'event-driven/producer-imports-consumer',
      comment: `the files that publish events or messages today (${producers.length}, by their calls) import no consumer (listeners, subscribers, consumers, workers); export again when producers change`,
      from: side(producers.map(file)),
      to: side([
        pattern('consumers', HANDLER_FILE, [
          '**/{listeners,subscribers,consumers,subscriptions,workers}/**',
          '**/*{.,-}{listener,subscriber,subscription,subscriptions,consumer,event-handler,events-handler}.*',
          '**/on-*.*',
        ]),
      ]),
    },
  ];
}

function list(paths: readonly string[]): string {
  return paths.map((p) => `\`${p}\``).join(', ');
}
