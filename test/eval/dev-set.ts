/**
 * The development set of real repositories: labels written before ArchLens ran on them, split
 * once and for all by a hash of the repository name into *tune* (rules may change from what these
 * show) and *validation* (scored at the end of a round and reported, never used to pick a rule).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { PATTERN_IDS, type DetectionResult, type PatternId, type Verdict } from '../../src/core/model';

/** The seven patterns macro-F1 is taken over (event sourcing and saga are scored, not averaged). */
export const SCORED_PATTERNS = [
  'monolith',
  'modular-monolith',
  'microservices',
  'event-driven',
  'cqrs',
  'serverless',
  'hexagonal',
] as const satisfies readonly PatternId[];

const verdict = z.enum(['yes', 'partial', 'no']);

export const devEntrySchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9._-]+$/),
    repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/),
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    subdir: z.string(),
    language: z.string(),
    kind: z.enum(['production', 'example', 'template', 'library', 'tool']),
    files: z.number().int().nonnegative(),
    quote: z.string().min(1),
    source: z.string(),
    evidence: z.string(),
    labels: z.partialRecord(z.enum(PATTERN_IDS), verdict),
    primary: z.enum(PATTERN_IDS).nullable(),
  })
  .strict();

export type DevEntry = z.infer<typeof devEntrySchema>;
export type Split = 'tune' | 'validation';

/** The half a repository belongs to: validation when the first byte of sha256(owner/name) is 0 mod 3. */
export function splitOf(repo: string): Split {
  const first = createHash('sha256').update(repo.toLowerCase()).digest()[0] ?? 0;
  return first % 3 === 0 ? 'validation' : 'tune';
}

/** Counts of one pattern over one half (positive = `yes`; `partial` labels are not scored). */
export interface PatternCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface HalfScore {
  readonly repositories: number;
  readonly patterns: Record<PatternId, PatternCounts>;
  primaryRight: number;
  readonly misses: string[];
}

export function emptyHalf(repositories: number): HalfScore {
  return {
    repositories,
    patterns: Object.fromEntries(PATTERN_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0, tn: 0 }])) as Record<
      PatternId,
      PatternCounts
    >,
    primaryRight: 0,
    misses: [],
  };
}

/** Adds one repository's result to its half. */
export function scoreEntry(half: HalfScore, entry: DevEntry, result: DetectionResult): void {
  const said = new Map<PatternId, Verdict>(result.patterns.map((p) => [p.id, p.verdict]));
  for (const id of PATTERN_IDS) {
    const label = entry.labels[id];
    if (label === undefined || label === 'partial') continue;
    const yes = said.get(id) === 'yes';
    const counts = half.patterns[id];
    if (label === 'yes' && yes) counts.tp++;
    else if (label === 'yes') {
      counts.fn++;
      half.misses.push(`${entry.name}: ${id} labelled yes, said ${said.get(id) ?? 'no'}`);
    } else if (yes) {
      counts.fp++;
      half.misses.push(`${entry.name}: ${id} labelled no, said yes`);
    } else counts.tn++;
  }
  if (result.primary === entry.primary) half.primaryRight++;
  else
    half.misses.push(`${entry.name}: primary ${entry.primary ?? 'null'}, said ${result.primary ?? 'null'}`);
}

/** F1 of one pattern; `undefined` when the half has no positive label and no positive verdict. */
export function f1(counts: PatternCounts): number | undefined {
  const denominator = 2 * counts.tp + counts.fp + counts.fn;
  return denominator === 0 ? undefined : (2 * counts.tp) / denominator;
}

/** The mean F1 over {@link SCORED_PATTERNS} that have one. */
export function macroF1(half: HalfScore): number | undefined {
  const values = SCORED_PATTERNS.map((id) => f1(half.patterns[id])).filter(
    (v): v is number => v !== undefined,
  );
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
}

const fixed = (value: number | undefined): string => (value === undefined ? '—' : value.toFixed(2));

/** One half as Markdown: per-pattern counts, precision, recall, F1, then macro-F1 and primary. */
export function formatHalf(name: Split, half: HalfScore): string {
  const lines = [
    `### ${name} (${half.repositories} repositories)`,
    '',
    '| pattern | TP | FP | FN | TN | precision | recall | F1 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const id of PATTERN_IDS) {
    const c = half.patterns[id];
    const precision = c.tp + c.fp === 0 ? undefined : c.tp / (c.tp + c.fp);
    const recall = c.tp + c.fn === 0 ? undefined : c.tp / (c.tp + c.fn);
    lines.push(
      `| ${id} | ${c.tp} | ${c.fp} | ${c.fn} | ${c.tn} | ${fixed(precision)} | ${fixed(recall)} | ${fixed(f1(c))} |`,
    );
  }
  lines.push(
    '',
    `macro-F1 (seven patterns): **${fixed(macroF1(half))}**; primary right: **${half.primaryRight}/${half.repositories}**`,
  );
  if (half.misses.length > 0) lines.push('', 'Misses:', ...half.misses.map((m) => `- ${m}`));
  return lines.join('\n') + '\n';
}
