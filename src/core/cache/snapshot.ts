import { z } from 'zod';
import type { RawImport } from '../extract';
import type { ImportKind, Resolution, Warning } from '../model';
import type { ResolvedImport } from '../resolve';
import type { ResolverInputs } from './resolver-inputs';

/** Bumped whenever the layout below or the meaning of a field changes. */
export const SNAPSHOT_FORMAT_VERSION = 1;
const FORMAT = 'archlens-analysis-cache';

/** What reading one source file gave, as the engine keeps it. */
export type CachedExtraction =
  | {
      readonly imports: readonly RawImport[];
      readonly errors: readonly Warning[];
      readonly declaresFunctions: boolean;
    }
  | { readonly warning: Warning };

/** One scanned file as it was when the snapshot was written. */
export interface CachedFile {
  readonly size: number;
  readonly mtimeMs: number;
  /** For source files: the content hash and what reading it gave. */
  readonly hash?: string;
  readonly extraction?: CachedExtraction;
  /** For extracted files: where each import (in `imports` order) led. */
  readonly answers?: readonly ResolvedImport[];
}

/** The engine's state after an analysis, as the next start needs it. */
export interface AnalysisSnapshot {
  /** ArchLens version, the options that shape a result, and the root: all must match to be used. */
  readonly version: string;
  readonly optionsKey: string;
  readonly root: string;
  /** When it was written (ms since the epoch): files modified since then are read again. */
  readonly writtenAt: number;
  readonly files: ReadonlyMap<string, CachedFile>;
  readonly resolverWarnings: readonly Warning[];
  readonly resolverInputs: ResolverInputs;
}

const warning = z.object({
  file: z.string(),
  message: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
});
const kinds = ['static', 'type', 'dynamic', 'require', 'reexport'] as const satisfies readonly ImportKind[];
const resolutions = [
  'internal',
  'external',
  'builtin',
  'unresolved',
] as const satisfies readonly Resolution[];
const rawImport = z.tuple([z.string(), z.number().int(), z.number().int(), z.enum(kinds)]);
const answer = z.object({
  t: z.string().nullable(),
  r: z.enum(resolutions),
  v: z.literal('workspace').optional(),
  n: z.string().optional(),
});
const fileRow = z.object({
  p: z.string(),
  s: z.number(),
  m: z.number(),
  h: z.string().optional(),
  i: z.array(rawImport).optional(),
  e: z.array(warning).optional(),
  d: z.boolean().optional(),
  w: warning.optional(),
  /** Indexes into `answers`, one per import. */
  a: z.array(z.number().int().nonnegative()).optional(),
});
const stored = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number(),
  version: z.string(),
  optionsKey: z.string(),
  root: z.string(),
  writtenAt: z.number(),
  answers: z.array(answer),
  files: z.array(fileRow),
  resolverWarnings: z.array(warning),
  inputs: z.object({
    listings: z.array(z.tuple([z.string(), z.array(z.string()).nullable()])),
    reads: z.array(z.tuple([z.string(), z.string().nullable()])),
    stats: z.array(z.tuple([z.string(), z.string().nullable()])),
    realpaths: z.array(z.tuple([z.string(), z.string()])),
  }),
});
type Stored = z.infer<typeof stored>;

/** What a snapshot must have been written for. */
export interface SnapshotKey {
  readonly version: string;
  readonly optionsKey: string;
  readonly root: string;
}

/** The snapshot as text (JSON). */
export function encodeSnapshot(snapshot: AnalysisSnapshot): string {
  const answerIds = new Map<string, number>();
  const answers: Stored['answers'] = [];
  const files: Stored['files'] = [];
  for (const [path, file] of snapshot.files) {
    const row: Stored['files'][number] = { p: path, s: file.size, m: file.mtimeMs };
    if (file.hash !== undefined) row.h = file.hash;
    const extraction = file.extraction;
    if (extraction && 'warning' in extraction) row.w = extraction.warning;
    else if (extraction) {
      row.i = extraction.imports.map((imp) => [imp.specifier, imp.line, imp.column, imp.kind]);
      if (extraction.errors.length > 0) row.e = [...extraction.errors];
      if (extraction.declaresFunctions) row.d = true;
      if (file.answers) {
        row.a = file.answers.map((to) => {
          const entry: Stored['answers'][number] = { t: to.to, r: to.resolution };
          if (to.via) entry.v = to.via;
          if (to.reason !== undefined) entry.n = to.reason;
          const key = JSON.stringify(entry);
          let id = answerIds.get(key);
          if (id === undefined) {
            id = answers.length;
            answers.push(entry);
            answerIds.set(key, id);
          }
          return id;
        });
      }
    }
    files.push(row);
  }
  const inputs = snapshot.resolverInputs;
  const value: Stored = {
    format: FORMAT,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    version: snapshot.version,
    optionsKey: snapshot.optionsKey,
    root: snapshot.root,
    writtenAt: snapshot.writtenAt,
    answers,
    files,
    resolverWarnings: [...snapshot.resolverWarnings],
    inputs: {
      listings: [...inputs.listings].map(([k, v]) => [k, v === null ? null : [...v]]),
      reads: [...inputs.reads],
      stats: [...inputs.stats],
      realpaths: [...inputs.realpaths],
    },
  };
  return JSON.stringify(value);
}

/**
 * The snapshot in `text`, checked: well-formed, of this format, written by this version for
 * these options and this root, every import with its answer. Otherwise why it cannot be used.
 */
export function decodeSnapshot(
  text: string,
  key: SnapshotKey,
): { readonly snapshot: AnalysisSnapshot } | { readonly problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'it is not valid JSON' };
  }
  const head = z.object({ format: z.literal(FORMAT), formatVersion: z.number() }).safeParse(json);
  if (!head.success) return { problem: 'it is not an ArchLens analysis cache' };
  if (head.data.formatVersion !== SNAPSHOT_FORMAT_VERSION) {
    return {
      problem: `it has layout ${head.data.formatVersion}, this build reads ${SNAPSHOT_FORMAT_VERSION}`,
    };
  }
  const parsed = stored.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      problem: `it is malformed (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown'})`,
    };
  }
  const data = parsed.data;
  if (data.version !== key.version) return { problem: `it was written by ArchLens ${data.version}` };
  if (data.root !== key.root) return { problem: 'it was written for another folder' };
  if (data.optionsKey !== key.optionsKey) return { problem: 'it was written with other options' };
  const answers: ResolvedImport[] = data.answers.map((a) => ({
    to: a.t,
    resolution: a.r,
    ...(a.v ? { via: a.v } : {}),
    ...(a.n !== undefined ? { reason: a.n } : {}),
  }));
  const files = new Map<string, CachedFile>();
  for (const row of data.files) {
    if (files.has(row.p)) return { problem: `it lists ${row.p} twice` };
    let extraction: CachedExtraction | undefined;
    let fileAnswers: ResolvedImport[] | undefined;
    if (row.w) extraction = { warning: row.w };
    else if (row.i) {
      extraction = {
        imports: row.i.map(([specifier, line, column, kind]) => ({ specifier, line, column, kind })),
        errors: row.e ?? [],
        declaresFunctions: row.d === true,
      };
      if (row.a) {
        if (row.a.length !== row.i.length)
          return { problem: `the answers of ${row.p} do not match its imports` };
        fileAnswers = [];
        for (const id of row.a) {
          const found = answers[id];
          if (found === undefined) return { problem: `an answer of ${row.p} is missing` };
          fileAnswers.push(found);
        }
      }
    }
    files.set(row.p, {
      size: row.s,
      mtimeMs: row.m,
      ...(row.h !== undefined ? { hash: row.h } : {}),
      ...(extraction ? { extraction } : {}),
      ...(fileAnswers ? { answers: fileAnswers } : {}),
    });
  }
  return {
    snapshot: {
      version: data.version,
      optionsKey: data.optionsKey,
      root: data.root,
      writtenAt: data.writtenAt,
      files,
      resolverWarnings: data.resolverWarnings,
      resolverInputs: {
        listings: new Map(data.inputs.listings),
        reads: new Map(data.inputs.reads),
        stats: new Map(data.inputs.stats),
        realpaths: new Map(data.inputs.realpaths),
      },
    },
  };
}
