import { seen, verdictOf, type Rule } from '../rule-kit';
import { signalLabel } from '../signal-labels';
import type { Recommendation } from '../types';

/** At or beyond these, the domain is "complex business logic". */
const COMPLEX_FILES = 30;
const COMPLEX_ENTITIES = 8;
/** Below these, ports and adapters are ceremony. */
const THIN_FILES = 10;
const THIN_ENTITIES = 2;
const CORE_RING = /(?:^|\/)(?:domain|application|ports|core|use-?cases)$/;

/** "Complex business logic?" → hexagonal; warns on a leaky hexagon and on ceremony over a thin domain. */
export const domainComplexityRule: Rule = (s, d) => {
  const out: Recommendation[] = [];
  const { files, entities, folders } = s.domain;
  const hexagonal = verdictOf(d, 'hexagonal');
  // Leaks matter where the code means to be a hexagon, or a ring is named as a core ring.
  const leaks = s.hexagonLeaks.filter((l) => seen(d, 'hexagonal') || CORE_RING.test(l.ring));
  if (leaks.length > 0) {
    out.push({
      id: 'hexagon-leaks',
      pattern: 'hexagonal',
      fit: 'hurts',
      title: 'Leaky hexagon: the core imports infrastructure',
      signals: [signalLabel.hexagonLeaks(leaks.length), signalLabel.domain(s)],
      reasoning: [
        'The core must not import adapters or drivers: each such import ties business rules to a database, framework or SDK.',
        'Declare a port (an interface) in the core and implement it in an adapter at the edge.',
      ],
      steps: leaks.slice(0, 5).map((leak) => ({
        text: `\`${leak.from}\` imports \`${leak.to}\` from the \`${leak.ring}\` ring: put it behind a port`,
        link: { kind: 'file', path: leak.from, line: leak.line },
        scaffold: { kind: 'port', folder: leak.ring },
      })),
    });
  }
  const complex = files >= COMPLEX_FILES || entities >= COMPLEX_ENTITIES;
  if (complex) {
    const domain = folders[0];
    out.push({
      id: 'hexagonal-complex-domain',
      pattern: 'hexagonal',
      fit: hexagonal === 'yes' ? 'fits' : 'consider',
      title: `${hexagonal === 'yes' ? 'Hexagonal fits' : 'Consider ports and adapters'}: complex business logic`,
      signals: [signalLabel.domain(s)],
      reasoning: [
        'Works for complex business logic, long-lived systems and testability: the core is tested without databases or frameworks.',
        'Hurts thin CRUD services, where ports only forward to one adapter.',
      ],
      steps:
        hexagonal === 'yes'
          ? [
              {
                text: 'Add a use case that depends on a port',
                ...(domain ? { link: { kind: 'folder' as const, path: domain } } : {}),
                scaffold: { kind: 'use-case' },
              },
            ]
          : [
              {
                text: 'Put the first driver behind a port declared in the domain, with an adapter implementing it',
                ...(domain ? { link: { kind: 'folder' as const, path: domain } } : {}),
                scaffold: { kind: 'port', ...(domain ? { folder: domain } : {}) },
              },
            ],
    });
  } else if (seen(d, 'hexagonal') && files < THIN_FILES && entities <= THIN_ENTITIES) {
    out.push({
      id: 'hexagonal-thin-domain',
      pattern: 'hexagonal',
      fit: 'hurts',
      title: 'Ports and adapters over a thin domain',
      signals: [signalLabel.domain(s)],
      reasoning: [
        'Hexagonal hurts thin CRUD services: ports that only forward to one adapter and mapping code everywhere outweigh the logic they protect.',
        'Keep the rings while the domain grows; do not add ports for code that has no rules.',
      ],
      steps: [],
    });
  }
  return out;
};
