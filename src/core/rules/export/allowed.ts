import type { RulesConfig } from '../../config/rules-schema';
import { escapeRegex, globToRegex } from './regex';
import type { Boundary, PathSelector } from './types';

type AllowedEdge = NonNullable<RulesConfig['allow']>[number];

/**
 * A path of `rules.allow` as `check` matches it: the glob, or the folder, file or package written
 * plainly and everything under it. On the `to` side a package also matches as resolved into a
 * `node_modules` folder.
 */
export function allowedSelector(written: string, end: 'from' | 'to'): PathSelector {
  const plain = written.trim().replace(/^\.\//, '').replace(/\/+$/, '');
  const under = escapeRegex(plain);
  const regex = [
    globToRegex(written),
    `^${under}(?:/|$)`,
    ...(end === 'to' ? [`(?:^|/)node_modules/${under}(?:/|$)`] : []),
  ].join('|');
  return { kind: 'pattern', name: `allowed-${end}`, regex, caseless: false, globs: [plain, `${plain}/**`] };
}

/**
 * A boundary less the allowed edges, as boundaries a peer can say (each end tested on its own):
 * for an edge allowed from F to T, one boundary for the files outside F, and one for the files
 * in F that leaves out T. Exact, and doubles the boundaries per allowed edge that applies.
 */
export function splitByAllowed(boundary: Boundary, allowed: readonly AllowedEdge[]): Boundary[] {
  let parts: Boundary[] = [boundary];
  for (const edge of allowed) {
    const from = allowedSelector(edge.from, 'from');
    const to = allowedSelector(edge.to, 'to');
    const note = ` (allowed: \`${edge.from}\` → \`${edge.to}\`${edge.reason !== undefined ? `, ${edge.reason}` : ''})`;
    parts = parts.flatMap((part) => [
      { ...part, from: { ...part.from, exclude: [...part.from.exclude, from] } },
      {
        ...part,
        comment: part.comment + note,
        from: { ...part.from, require: [...part.from.require, from] },
        to: { ...part.to, exclude: [...part.to.exclude, to] },
      },
    ]);
  }
  return parts;
}
