import { seen, SMALL_TEAM, shortName, type Rule } from '../rule-kit';
import { signalLabel } from '../signal-labels';
import type { NextStep } from '../types';

const SMALL_TEAM_REASONS = [
  'Works: a team under ~15 people ships one deployable without coordinating releases or running distributed systems.',
  'A modular monolith keeps clear ownership (each module owns its domain behind a public interface) and is a good step before extracting services.',
  'Hurts when parts need separate deploy cadences or one part must scale far beyond the rest: then extract that module.',
];

/** "Team under ~15 people?" → monolith / modular monolith; a large team → independent deploys. */
export const teamSizeRule: Rule = (s, d) => {
  const signals = [signalLabel.team(s), signalLabel.deployables(s)];
  if (!s.team.known) {
    return [
      {
        id: 'team-unknown-modular-monolith',
        pattern: 'modular-monolith',
        fit: 'consider',
        title: 'Modular monolith: a safe default (team size unknown)',
        signals,
        reasoning: [
          'The team size could not be measured, so ArchLens cannot say whether separate deploys pay off.',
          'Start simple; earn complexity: a modular monolith with events between modules is a fine default.',
        ],
        steps: moduleSteps(s, d),
      },
    ];
  }
  if (s.team.authors < SMALL_TEAM) {
    return [
      {
        id: 'team-modular-monolith',
        pattern: 'modular-monolith',
        fit: 'fits',
        title: `Modular monolith fits a team of ${s.team.authors}`,
        signals,
        reasoning: SMALL_TEAM_REASONS,
        steps: moduleSteps(s, d),
      },
    ];
  }
  return [
    {
      id: 'team-independent-deploys',
      pattern: 'microservices',
      fit: 'consider',
      title: `A team of ${s.team.authors} may need independent deploys`,
      signals,
      reasoning: [
        'Large teams with clear domains gain from deploying parts on their own cadence.',
        'Microservices need ops capacity, tracing and plans for partial failure; extract along module boundaries that already hold.',
      ],
      steps: s.coupling.eventOnly.map((g) => ({
        text: `Consider extracting \`${shortName(g)}\`: it already talks to the rest only through events`,
        link: { kind: 'folder', path: g },
        scaffold: { kind: 'service' },
      })),
    },
  ];
};

function moduleSteps(s: Parameters<Rule>[0], d: Parameters<Rule>[1]): NextStep[] {
  if (s.coupling.kind === 'modules') {
    const first = s.coupling.groups[0];
    return first === undefined
      ? []
      : [
          {
            text: `Check that imports between the ${s.coupling.groups.length} modules land on their public files`,
            link: { kind: 'diagram', focus: first, view: 'overview' },
          },
        ];
  }
  if (seen(d, 'microservices')) return [];
  const parent = s.coupling.groups[0]?.split('/').slice(0, -1).join('/') ?? '';
  return [
    {
      text: 'Group the code into modules, each with a public API, a service and a repository',
      ...(parent === '' ? {} : { link: { kind: 'folder' as const, path: parent } }),
      scaffold: { kind: 'module', ...(parent === '' ? {} : { folder: parent }) },
    },
  ];
}
