import { z } from 'zod';
import type { FileSystemPort } from '../ports';
import type { RuleReport, Violation } from './types';
import { RULE_IDS } from './catalogue';

/** The default name of the baseline file, at the workspace root. */
export const BASELINE_FILE_NAME = 'archlens.baseline.json';

/**
 * One known violation: the rule, the importing file and what it imports. No line, so moving an
 * import within its file keeps it known; `count` when the file imports the same target more than once.
 */
export interface BaselineEntry {
  readonly rule: string;
  readonly file: string;
  readonly target: string;
  readonly count?: number;
}

export interface Baseline {
  readonly version: 1;
  readonly violations: readonly BaselineEntry[];
}

/** The shape of archlens.baseline.json, published as `schemas/archlens.baseline.schema.json`. */
export const baselineSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1, { error: 'must be 1' }),
    violations: z.array(
      z
        .object({
          rule: z.string({ error: 'must be a rule id' }),
          file: z.string({ error: 'must be a relative path' }),
          target: z.string({ error: 'must be a file or package name' }),
          count: z.number().int().min(2, { error: 'must be an integer of at least 2' }).optional(),
        })
        .strict(),
      { error: 'must be an array of { rule, file, target } objects' },
    ),
  })
  .strict()
  .describe('Known violations of the ArchLens boundary rules: archlens check reports only the others.');

/** The JSON schema of archlens.baseline.json. */
export function baselineJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(baselineSchema, { target: 'draft-07' }) as Record<string, unknown>;
}

/** A baseline file that cannot be used: its text is not JSON or not the baseline shape. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

/** Reads a baseline file's text; throws {@link BaselineError} saying what is wrong and where. */
export function parseBaseline(text: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BaselineError(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = (issue?.path ?? [])
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('');
    throw new BaselineError(
      `${where === '' ? 'the file' : `"${where.replace(/^\./, '')}"`} ${issue?.message ?? 'is not valid'}`,
    );
  }
  const unknown = parsed.data.violations.find((v) => !(RULE_IDS as readonly string[]).includes(v.rule));
  if (unknown) throw new BaselineError(`unknown rule "${unknown.rule}" (for ${unknown.file})`);
  return { version: 1, violations: parsed.data.violations };
}

/** The baseline of a report: one entry per rule, file and target, sorted, as stable text. */
export function baselineOf(
  violations: readonly { readonly rule: string; readonly file: string; readonly target: string }[],
): Baseline {
  const counts = new Map<string, { entry: BaselineEntry; count: number }>();
  for (const v of violations) {
    const key = keyOf(v);
    const found = counts.get(key);
    if (found) found.count++;
    else counts.set(key, { entry: { rule: v.rule, file: v.file, target: v.target }, count: 1 });
  }
  const entries = [...counts.values()]
    .map(({ entry, count }) => (count > 1 ? { ...entry, count } : entry))
    .sort((a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.target, b.target));
  return { version: 1, violations: entries };
}

/** The baseline as the file holds it: two-space JSON, a newline at the end. */
export function baselineText(baseline: Baseline): string {
  return JSON.stringify(baseline, null, 2) + '\n';
}

/** A report split by a baseline: new violations, the known ones, and entries that no longer occur. */
export interface BaselineComparison {
  readonly fresh: readonly Violation[];
  readonly known: readonly Violation[];
  /** Baseline occurrences fixed since (the baseline can be updated to drop them). */
  readonly fixed: number;
}

/** Splits violations into new and known; within one key, the first `count` by place are the known ones. */
export function compareWithBaseline(report: RuleReport, baseline: Baseline | undefined): BaselineComparison {
  if (!baseline) return { fresh: report.violations, known: [], fixed: 0 };
  const left = new Map<string, number>();
  for (const entry of baseline.violations)
    left.set(keyOf(entry), (left.get(keyOf(entry)) ?? 0) + (entry.count ?? 1));
  const fresh: Violation[] = [];
  const known: Violation[] = [];
  for (const v of report.violations) {
    const key = keyOf(v);
    const n = left.get(key) ?? 0;
    if (n > 0) {
      left.set(key, n - 1);
      known.push(v);
    } else fresh.push(v);
  }
  const fixed = [...left.values()].reduce((sum, n) => sum + n, 0);
  return { fresh, known, fixed };
}

/** A stable fingerprint of a violation (rule, file, target), for SARIF and the editor. */
export function fingerprintOf(v: Pick<Violation, 'rule' | 'file' | 'target'>): string {
  // FNV-1a, 64 bits as two 32-bit halves: stable across runs and platforms, no crypto needed.
  const text = keyOf(v);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

function keyOf(v: { readonly rule: string; readonly file: string; readonly target: string }): string {
  return `${v.rule}\u0000${v.file}\u0000${v.target}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The workspace's archlens.baseline.json, when there is a usable one; `undefined` when there is
 * none or it cannot be read (`archlens check` says why, the views just draw every violation).
 */
export function readWorkspaceBaseline(fs: FileSystemPort, root: string): Baseline | undefined {
  const bytes = fs.readFile(`${root}/${BASELINE_FILE_NAME}`);
  if (bytes === undefined) return undefined;
  try {
    return parseBaseline(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}
