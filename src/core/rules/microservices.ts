import type { Evidence } from '../model';
import type { ServiceUnit } from '../units';
import { serviceLookup } from '../detect/signals';
import { code, findingAt, unitFact, type PatternRules, type RuleFinding } from './rule-context';

/** Folders services may share: contracts, schemas, events, generated clients of an API. */
export const CONTRACT =
  /(?:^|\/)(?:contracts?|proto|protos|protobuf|schemas?|events|integration-events|api-contracts|idl)\//i;

/**
 * Microservices rules: a service imports no other service's source, only contracts or
 * published packages. When services import each other's source both ways, the messages name
 * the distributed monolith.
 */
export const microservicesRules: PatternRules = {
  pattern: 'microservices',
  verdictOf: 'microservices',
  check(input) {
    const { graph, units } = input.ctx;
    const services = units.services.filter((s) => s.hasSource && s.path !== '.');
    if (services.length < 2 || !units.importsRead) return undefined;
    const serviceOf = serviceLookup(services);
    const describe = (s: ServiceUnit): Evidence => {
      const source = s.deployables[0]?.source;
      return unitFact(
        source?.file ?? s.path,
        `Service ${code(s.name)} (${code(s.path)}): ${source?.message ?? 'deployed on its own'}`,
        source?.line,
      );
    };
    const raw: { edge: Parameters<typeof findingAt>[1]; from: ServiceUnit; to: ServiceUnit }[] = [];
    for (const service of services) {
      for (const file of graph.filesUnder(service.path)) {
        if (serviceOf(file) !== service) continue;
        for (const edge of graph.out.get(file) ?? []) {
          const other = serviceOf(edge.to ?? '');
          if (other === undefined || other === service || CONTRACT.test(edge.to ?? '')) continue;
          raw.push({ edge, from: service, to: other });
        }
      }
    }
    const pairs = new Set(raw.map((r) => `${r.from.path}\u0000${r.to.path}`));
    const mutual = [...pairs].some((p) => {
      const [a, b] = p.split('\u0000');
      return pairs.has(`${b ?? ''}\u0000${a ?? ''}`);
    });
    const involved = new Set(raw.flatMap((r) => [r.from.path, r.to.path]));
    const distributed =
      mutual || involved.size * 2 > services.length
        ? ` ${involved.size} of ${services.length} services import each other's source: a distributed monolith.`
        : '';
    const findings: RuleFinding[] = raw.map(({ edge, from, to }) =>
      findingAt(
        'microservices/cross-service-import',
        edge,
        `${code(edge.from)} (service ${code(from.name)}) imports ${code(edge.to ?? '')} from the source of service ${code(to.name)}: share a contract or a published package instead.${distributed}`,
        [describe(from), describe(to)],
      ),
    );
    return { units: `${services.length} services`, findings };
  },
};
