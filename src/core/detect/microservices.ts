import type { ServiceUnit } from '../units';
import { ASYNC_MESSAGING_PACKAGES } from '../units/known-packages';
import { dirOf, isUnder } from '../units/paths';
import type { DetectContext } from './context';
import type { Detector } from './detector';
import { ScoreCard } from './scoring';
import type { Fact } from './scoring';
import { dependencyFacts, importsNotRead, ownBuildFile, serviceLookup } from './signals';
import { DOCUMENTED_WEIGHT, documentedStyle } from './documented-style';

const DATABASE_URL =
  /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|sqlserver|redis):\/\/(?:[^@/\s]*@)?([^/:\s]+)(?::\d+)?(?:\/([\w-]+))?/i;
const GATEWAY_NAME = /gateway|bff|edge|proxy|ingress/i;

/**
 * Microservices: several deployables, each with its own code and data, talking over the
 * network or messages. Source imports between services name a distributed monolith; one
 * database shared by all services and a one- or two-person team count against it.
 */
export const microservices: Detector = {
  id: 'microservices',
  detect(ctx: DetectContext) {
    const card = new ScoreCard('microservices');
    const documented = documentedStyle(ctx, 'microservices');
    card.add(DOCUMENTED_WEIGHT, documented);
    const services = ctx.units.services;
    const n = services.length;
    if (n >= 2) {
      card.add(
        n === 2 ? 0.35 : n === 3 ? 0.45 : 0.5,
        services.map((s) => ({
          ...(s.deployables[0]?.source ?? { file: '.', message: '' }),
          message: `Service \`${s.name}\` (\`${s.path.replace(/#.*$/, '')}\`): ${s.deployables[0]?.source.message ?? ''}`,
        })),
      );
      crossServiceImports(ctx, services, card);
      ownBuilds(ctx, services, card);
      dataOwnership(ctx, services, card);
      siblingCalls(services, card);
      gateway(ctx, services, card);
      const brokers = dependencyFacts(ctx, ASYNC_MESSAGING_PACKAGES, 'a message broker client');
      card.add(
        0.05,
        brokers.slice(0, 3).map((f) => ({ ...f, message: `Services can talk by messages: ${f.message}` })),
      );
      if (ctx.authors !== undefined && ctx.authors <= 2 && n >= 3) {
        card.against(0.05, [
          {
            file: services[0]?.deployables[0]?.source.file ?? '.',
            message: `Microservices for a tiny team: ${n} services maintained by ${ctx.authors} author${ctx.authors === 1 ? '' : 's'} in the last 12 months`,
          },
        ]);
      }
    } else if (n === 1) {
      card.note({
        ...(services[0]?.deployables[0]?.source ?? { file: '.', message: '' }),
        message: `Only one deployable: \`${services[0]?.name ?? ''}\``,
      });
    } else {
      card.note({ file: '.', message: 'No long-running deployable found' });
    }
    const note = importsNotRead(ctx);
    if (note) card.note(note);
    return card.result();
  },
};

function crossServiceImports(ctx: DetectContext, services: readonly ServiceUnit[], card: ScoreCard): void {
  if (!ctx.units.importsRead) return;
  const withSource = services.filter((s) => s.hasSource && s.path !== '.');
  if (withSource.length < 2) return;
  const serviceOf = serviceLookup(withSource);
  // A service folder nested inside another service's package (a generator's template server, a
  // worker under `src/`) is built with that package: imports between the two are one package's.
  const packageDirs = ctx.model.manifests.filter((m) => m.kind === 'package-json').map((m) => dirOf(m.file));
  const packageOf = (path: string): string =>
    packageDirs.filter((d) => isUnder(path, d)).sort((a, b) => b.length - a.length)[0] ?? '.';
  const samePackage = (a: ServiceUnit, b: ServiceUnit): boolean =>
    (isUnder(a.path, b.path) || isUnder(b.path, a.path)) && packageOf(a.path) === packageOf(b.path);
  const facts: Fact[] = [];
  const pairs = new Set<string>();
  for (const service of withSource) {
    for (const file of ctx.graph.filesUnder(service.path)) {
      if (serviceOf(file) !== service) continue;
      for (const edge of ctx.graph.out.get(file) ?? []) {
        const other = serviceOf(edge.to ?? '');
        if (other === undefined || other === service || samePackage(service, other)) continue;
        pairs.add(`${service.name}→${other.name}`);
        facts.push({
          file,
          line: edge.line,
          message: `Distributed monolith: \`${service.name}\` imports \`${edge.to ?? ''}\` from service \`${other.name}\``,
        });
      }
    }
  }
  if (facts.length === 0) {
    card.add(0.2, [
      {
        file: withSource[0]?.path ?? '.',
        message: `No source imports between the ${withSource.length} services`,
      },
    ]);
  } else {
    // How distributed the monolith is: the share of the services caught in source imports.
    const involved = new Set([...pairs].flatMap((pair) => pair.split('→')));
    card.against(Math.min(0.5, 0.15 + 0.45 * (involved.size / withSource.length)), facts);
  }
}

function dataOwnership(ctx: DetectContext, services: readonly ServiceUnit[], card: ScoreCard): void {
  const databases = ctx.units.backing.filter((b) => b.category === 'database');
  const perService = new Map<string, Fact>();
  const targets = new Set<string>();
  for (const service of services) {
    for (const d of service.deployables) {
      for (const value of Object.values(d.environment ?? {})) {
        const match = DATABASE_URL.exec(value);
        if (!match) continue;
        const target = `${match[1] ?? ''}/${match[2] ?? ''}`;
        targets.add(target);
        perService.set(service.name, {
          file: d.source.file,
          ...(d.source.line !== undefined ? { line: d.source.line } : {}),
          message: `\`${service.name}\` connects to \`${target}\``,
        });
      }
    }
  }
  if (databases.length >= 2) {
    card.add(
      0.1,
      databases.slice(0, 5).map((b) => ({
        file: b.file,
        ...(b.line !== undefined ? { line: b.line } : {}),
        message: `Data store \`${b.name}\` (\`${b.image}\`)`,
      })),
    );
  } else if (targets.size >= 2) {
    card.add(0.1, [...perService.values()]);
  }
  if (perService.size >= 2 && targets.size === 1) {
    card.against(
      0.15,
      [...perService.values()].map((f) => ({
        ...f,
        message: `Shared database: ${f.message}, like every other service`,
      })),
    );
  }
}

function siblingCalls(services: readonly ServiceUnit[], card: ScoreCard): void {
  const names = new Set(services.map((s) => s.name.toLowerCase()));
  const facts: Fact[] = [];
  for (const service of services) {
    for (const d of service.deployables) {
      for (const [key, value] of Object.entries(d.environment ?? {})) {
        const host = /^(?:https?|grpc):\/\/([\w-]+)/i.exec(value)?.[1]?.toLowerCase();
        if (host !== undefined && host !== service.name.toLowerCase() && names.has(host)) {
          facts.push({
            file: d.source.file,
            ...(d.source.line !== undefined ? { line: d.source.line } : {}),
            message: `\`${service.name}\` calls sibling service \`${host}\` (${key}=${value})`,
          });
        }
      }
    }
  }
  card.add(0.1, facts.slice(0, 6));
}

function gateway(ctx: DetectContext, services: readonly ServiceUnit[], card: ScoreCard): void {
  const backing = ctx.units.backing.find((b) => b.category === 'gateway');
  if (backing) {
    card.add(0.1, [
      {
        file: backing.file,
        ...(backing.line !== undefined ? { line: backing.line } : {}),
        message: `Gateway \`${backing.name}\` (\`${backing.image}\`) in front of the services`,
      },
    ]);
    return;
  }
  const named = services.find((s) => GATEWAY_NAME.test(s.name) || GATEWAY_NAME.test(s.path));
  if (named)
    card.add(0.1, [
      {
        ...(named.deployables[0]?.source ?? { file: '.', message: '' }),
        message: `Gateway service \`${named.name}\``,
      },
    ]);
}

/** Each service with a dependency manifest of its own builds and versions on its own. */
function ownBuilds(ctx: DetectContext, services: readonly ServiceUnit[], card: ScoreCard): void {
  const withSource = services.filter((s) => s.hasSource && s.path !== '.');
  if (withSource.length < 2) return;
  const builds = withSource.map((s) => ownBuildFile(ctx, s.path)).filter((f): f is string => f !== undefined);
  if (builds.length === withSource.length) {
    card.add(
      ctx.units.importsRead ? 0.05 : 0.15,
      builds
        .slice(0, 5)
        .map((file) => ({ file, message: `\`${file}\`: the service builds with its own dependencies` })),
    );
  }
}
