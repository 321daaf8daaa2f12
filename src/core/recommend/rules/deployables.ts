import { seen, shortName, TINY_TEAM, type Rule } from '../rule-kit';
import { signalLabel } from '../signal-labels';
import type { DetectionResult } from '../../model';
import type { Recommendation } from '../types';

/**
 * "Independent deploys needed?" → microservices, measured as deployables and release configs;
 * warns on microservices for a tiny team and on services importing each other's source.
 */
export const deployablesRule: Rule = (s, d) => {
  const out: Recommendation[] = [];
  const micro = seen(d, 'microservices');
  if (s.crossServiceImports.length > 0) {
    out.push({
      id: 'distributed-monolith',
      pattern: 'microservices',
      fit: 'hurts',
      title: "Distributed monolith: services import each other's source",
      signals: [signalLabel.crossServiceImports(s), signalLabel.deployables(s)],
      reasoning: [
        "Services that import each other's source must be built and released together: the cost of microservices without their independence.",
        'Share code only through versioned packages, and call other services over their API or through messages.',
      ],
      steps: s.crossServiceImports.slice(0, 5).map((l) => ({
        text: `\`${shortName(l.from)}\` imports \`${shortName(l.to)}\`'s source (${l.count}×): publish the shared part as a versioned package or call \`${shortName(l.to)}\`'s API`,
        link: { kind: 'file', path: l.example.from, line: l.example.line },
        focus: { focus: l.from, view: 'overview' },
      })),
    });
  }
  if (micro && s.team.known && s.team.authors <= TINY_TEAM && s.deployables.count >= 2) {
    const services = s.deployables.names.slice(0, 2);
    out.push({
      id: 'microservices-tiny-team',
      pattern: 'microservices',
      fit: 'hurts',
      title: `Microservices for a tiny team: ${s.deployables.count} deployables, ${s.team.authors} author${s.team.authors === 1 ? '' : 's'}`,
      signals: [signalLabel.team(s), signalLabel.deployables(s), signalLabel.releaseConfigs(s)],
      reasoning: [
        'Microservices hurt small teams: every service adds a pipeline, a deploy, monitoring and network failure modes to look after.',
        'One or two people rarely need independent deploy cadences; modules in one deployable keep the boundaries at a fraction of the cost.',
      ],
      steps: [
        {
          text: `Consider merging ${services.map((n) => `\`${n}\``).join(' and ')} into modules of one deployable`,
          link: { kind: 'diagram', focus: deployablePath(d, services[0] ?? ''), view: 'overview' },
          scaffold: { kind: 'module' },
        },
      ],
    });
  }
  const independent =
    s.deployables.count >= 2 &&
    s.releaseConfigs >= 2 &&
    s.crossServiceImports.length === 0 &&
    (!s.team.known || s.team.authors > TINY_TEAM);
  if (independent) {
    out.push({
      id: 'independent-deploys',
      pattern: 'microservices',
      fit: micro ? 'fits' : 'consider',
      title: `Independent deploys: ${s.deployables.count} deployables with ${s.releaseConfigs} release configs`,
      signals: [signalLabel.deployables(s), signalLabel.releaseConfigs(s), signalLabel.team(s)],
      reasoning: [
        'Works for teams that need separate deploy cadences and clear domains, with the ops capacity to run them.',
        'Hurts without tracing, observability and plans for partial failure.',
      ],
      steps: [],
    });
  }
  return out;
};

/** The folder of the deployable named `name` (what the diagram focuses on), or the name when unknown. */
function deployablePath(d: DetectionResult, name: string): string {
  return d.units.deployables.find((u) => u.name === name)?.path ?? name;
}
