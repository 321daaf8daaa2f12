import { seen, shortName, type Rule } from '../rule-kit';
import { signalLabel } from '../signal-labels';
import type { NextStep } from '../types';

/** "Domain boundaries unclear?" → modular monolith first, from coupling and cycles between top folders or modules. */
export const unclearBoundariesRule: Rule = (s, d) => {
  const { mutual, cycles, kind } = s.coupling;
  if (mutual.length === 0 && cycles.length === 0) return [];
  const what = kind === 'modules' ? 'modules' : 'folders';
  const steps: NextStep[] = mutual.slice(0, 5).map(({ a, b }) => ({
    text: `${what} \`${shortName(a.from)}\` and \`${shortName(b.from)}\` are coupled both ways (${a.count}:${b.count} imports): split the shared types first`,
    link: { kind: 'file', path: a.example.from, line: a.example.line },
    focus: { focus: a.from, view: 'overview' },
  }));
  for (const cycle of cycles.slice(0, 3)) {
    if (cycle.length < 3) continue;
    steps.push({
      text: `Break the cycle across ${cycle.map((g) => `\`${shortName(g)}\``).join(' → ')}`,
      link: { kind: 'diagram', focus: cycle[0] ?? '', view: 'overview' },
    });
  }
  if (kind === 'folders')
    steps.push({ text: 'Carve the code into modules with public interfaces', scaffold: { kind: 'module' } });
  const built = seen(d, 'modular-monolith') || seen(d, 'monolith');
  return [
    {
      id: 'unclear-boundaries',
      pattern: 'modular-monolith',
      fit: built && cycles.some((c) => c.length >= 3) ? 'hurts' : 'consider',
      title: `Boundaries unclear: ${mutual.length} ${what === 'modules' ? 'module' : 'folder'} pair${mutual.length === 1 ? '' : 's'} coupled both ways`,
      signals: [signalLabel.coupling(s)],
      reasoning: [
        'Parts that import each other cannot be owned, tested or extracted on their own.',
        'Draw module boundaries first (a modular monolith); extract services only along boundaries that already hold.',
      ],
      steps,
    },
  ];
};
