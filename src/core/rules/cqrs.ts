import { code, findingAt, unitFact, type PatternRules, type RuleFinding } from './rule-context';

const SCRIPT = String.raw`\.[cm]?[jt]sx?$`;
/** The query side: `queries/`, `read/`, `read-models/`, `*.query.ts`, `*.query-handler.ts`. */
export const QUERY_SIDE = new RegExp(
  String.raw`(?:^|\/)(?:quer(?:y|ies)|read|read-side|readside|read-models?)\/|[.\-_]query(?:[.\-_]handler)?${SCRIPT}`,
  'i',
);
/** Projections carry the write side's changes into the read model: they may read both. */
export const PROJECTION = new RegExp(
  String.raw`(?:^|\/)(?:projections?|projectors?)\/|[.\-_](?:projection|projector)${SCRIPT}`,
  'i',
);
/** The write side: `commands/`, `write/`, `*.command.ts`, `*.command-handler.ts`, `*.write-repository.ts`. */
export const WRITE_SIDE = new RegExp(
  String.raw`(?:^|\/)(?:commands?|write|write-side|writeside)\/|[.\-_]command(?:[.\-_]handler)?${SCRIPT}|[.\-_]write[.\-_]?(?:repository|repo|store|model)${SCRIPT}`,
  'i',
);

/**
 * CQRS rules: where the code has a query side and a write side (by folders and file names),
 * the query side imports no command, command handler or write-side repository. Projections,
 * which carry writes into the read model, are on neither side.
 */
export const cqrsRules: PatternRules = {
  pattern: 'cqrs',
  verdictOf: 'cqrs',
  check(input) {
    const { graph, units } = input.ctx;
    if (!units.importsRead) return undefined;
    const side = (file: string): 'query' | 'write' | undefined => {
      if (PROJECTION.test(file)) return undefined;
      const query = QUERY_SIDE.test(file);
      const write = WRITE_SIDE.test(file);
      return query === write ? undefined : query ? 'query' : 'write';
    };
    const queries = graph.scripts.filter((f) => side(f) === 'query');
    const writes = graph.scripts.filter((f) => side(f) === 'write');
    if (queries.length === 0 || writes.length === 0) return undefined;
    const findings: RuleFinding[] = [];
    for (const file of queries) {
      for (const edge of graph.out.get(file) ?? []) {
        const target = edge.to ?? '';
        if (side(target) !== 'write') continue;
        findings.push(
          findingAt(
            'cqrs/query-imports-write-side',
            edge,
            `${code(file)} is on the query side and imports ${code(target)} from the write side: queries read their own read model, not commands, command handlers or write repositories.`,
            [
              unitFact(file, `${code(file)} is on the query side (by its folder or name)`),
              unitFact(target, `${code(target)} is on the write side (by its folder or name)`),
            ],
          ),
        );
      }
    }
    return { units: `${queries.length} query-side and ${writes.length} write-side files`, findings };
  },
};
