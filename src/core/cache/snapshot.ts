import { z } from 'zod';
import type { RawImport } from '../extract';
import type { ImportKind, Manifest, Resolution, Warning } from '../model';
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
      /** The packages or namespaces the file declares (Java, Kotlin, C#, Go). */
      readonly declares?: readonly string[];
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
  /**
   * The manifests and warnings of the model it was taken from: only for showing the previous
   * result at once (`WorkspaceEngine.cachedModel`), never taken over by an analysis.
   */
  readonly model?: { readonly manifests: readonly Manifest[]; readonly warnings: readonly Warning[] };
}

const kinds: ReadonlySet<string> = new Set([
  'static',
  'type',
  'dynamic',
  'require',
  'reexport',
] satisfies ImportKind[]);
const resolutions: ReadonlySet<string> = new Set([
  'internal',
  'external',
  'builtin',
  'unresolved',
] satisfies Resolution[]);

/** The small top of a snapshot, checked with zod; the large tables are checked by hand below. */
const header = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number(),
  version: z.string(),
  optionsKey: z.string(),
  root: z.string(),
  writtenAt: z.number(),
  answers: z.array(z.unknown()),
  files: z.array(z.unknown()),
  resolverWarnings: z.array(z.unknown()),
  model: z.object({ manifests: z.array(z.unknown()), warnings: z.array(z.unknown()) }).optional(),
  inputs: z.object({
    listings: z.array(z.unknown()),
    reads: z.array(z.unknown()),
    stats: z.array(z.unknown()),
    realpaths: z.array(z.unknown()),
  }),
});

interface StoredAnswer {
  t: string | null;
  r: Resolution;
  v?: 'workspace';
  n?: string;
}

interface StoredFile {
  p: string;
  s: number;
  m: number;
  h?: string;
  /** Specifier, line, column, kind and, for Python `from m import name`, the name. */
  i?: ([string, number, number, ImportKind] | [string, number, number, ImportKind, string])[];
  /** The packages or namespaces the file declares. */
  k?: string[];
  e?: Warning[];
  d?: boolean;
  w?: Warning;
  /** Indexes into `answers`, one per import. */
  a?: number[];
}

interface Stored {
  format: string;
  formatVersion: number;
  version: string;
  optionsKey: string;
  root: string;
  writtenAt: number;
  answers: StoredAnswer[];
  files: StoredFile[];
  resolverWarnings: Warning[];
  model?: { manifests: Manifest[]; warnings: Warning[] };
  inputs: {
    listings: [string, string[] | null][];
    reads: [string, string | null][];
    stats: [string, string | null][];
    realpaths: [string, string][];
  };
}

/**
 * Hand-written checks of the large tables: zod's per-element cost made reading a snapshot of
 * 7,000 files take longer than scanning them. Each throws {@link Malformed} naming the place.
 */
class Malformed extends Error {}

function fail(where: string): never {
  throw new Malformed(where);
}

function isRecordValue(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkWarning(value: unknown, where: string): Warning {
  if (!isRecordValue(value) || typeof value['file'] !== 'string' || typeof value['message'] !== 'string')
    fail(where);
  const line = value['line'];
  const column = value['column'];
  if (line !== undefined && typeof line !== 'number') fail(where);
  if (column !== undefined && typeof column !== 'number') fail(where);
  return {
    file: value['file'],
    message: value['message'],
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
  };
}

/** A manifest as far as the preview needs it to be one: its file and kind (the rest is shown as is). */
function checkManifest(value: unknown, where: string): Manifest {
  if (!isRecordValue(value) || typeof value['file'] !== 'string' || typeof value['kind'] !== 'string')
    fail(where);
  return value as unknown as Manifest;
}

function checkAnswer(value: unknown, where: string): ResolvedImport {
  if (!isRecordValue(value)) fail(where);
  const { t, r, v, n } = value;
  if ((t !== null && typeof t !== 'string') || typeof r !== 'string' || !resolutions.has(r)) fail(where);
  if ((v !== undefined && v !== 'workspace') || (n !== undefined && typeof n !== 'string')) fail(where);
  return {
    to: t,
    resolution: r as Resolution,
    ...(v === 'workspace' ? { via: v } : {}),
    ...(typeof n === 'string' ? { reason: n } : {}),
  };
}

function checkImports(value: unknown, where: string): RawImport[] {
  if (!Array.isArray(value)) fail(where);
  return value.map((item: unknown) => {
    if (!Array.isArray(item) || (item.length !== 4 && item.length !== 5)) fail(where);
    const [specifier, line, column, kind, name] = item as unknown[];
    if (
      typeof specifier !== 'string' ||
      !Number.isInteger(line) ||
      !Number.isInteger(column) ||
      typeof kind !== 'string' ||
      !kinds.has(kind) ||
      (name !== undefined && typeof name !== 'string')
    )
      fail(where);
    return {
      specifier,
      line: line as number,
      column: column as number,
      kind: kind as ImportKind,
      ...(typeof name === 'string' ? { name } : {}),
    };
  });
}

function checkPairs<T>(
  value: readonly unknown[],
  where: string,
  second: (v: unknown) => v is T,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of value) {
    if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string' || !second(item[1]))
      fail(where);
    out.set(item[0], item[1]);
  }
  return out;
}

const isHashOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isString = (v: unknown): v is string => typeof v === 'string';
const isListing = (v: unknown): v is string[] | null =>
  v === null || (Array.isArray(v) && v.every((e) => typeof e === 'string'));

/** What a snapshot must have been written for. */
export interface SnapshotKey {
  readonly version: string;
  readonly optionsKey: string;
  readonly root: string;
}

/** The snapshot as text (JSON). */
export function encodeSnapshot(snapshot: AnalysisSnapshot): string {
  const answerIds = new Map<string, number>();
  const answers: StoredAnswer[] = [];
  const files: StoredFile[] = [];
  for (const [path, file] of snapshot.files) {
    const row: StoredFile = { p: path, s: file.size, m: file.mtimeMs };
    if (file.hash !== undefined) row.h = file.hash;
    const extraction = file.extraction;
    if (extraction && 'warning' in extraction) row.w = extraction.warning;
    else if (extraction) {
      row.i = extraction.imports.map((imp) =>
        imp.name === undefined
          ? [imp.specifier, imp.line, imp.column, imp.kind]
          : [imp.specifier, imp.line, imp.column, imp.kind, imp.name],
      );
      if (extraction.declares !== undefined && extraction.declares.length > 0)
        row.k = [...extraction.declares];
      if (extraction.errors.length > 0) row.e = [...extraction.errors];
      if (extraction.declaresFunctions) row.d = true;
      if (file.answers) {
        row.a = file.answers.map((to) => {
          const entry: StoredAnswer = { t: to.to, r: to.resolution };
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
    ...(snapshot.model
      ? { model: { manifests: [...snapshot.model.manifests], warnings: [...snapshot.model.warnings] } }
      : {}),
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
  const parsed = header.safeParse(json);
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
  try {
    return { snapshot: decodeTables(data) };
  } catch (error) {
    if (error instanceof Malformed) return { problem: `it is malformed (${error.message})` };
    throw error;
  }
}

function decodeTables(data: z.infer<typeof header>): AnalysisSnapshot {
  const answers = data.answers.map((a, i) => checkAnswer(a, `answers.${i}`));
  const files = new Map<string, CachedFile>();
  for (const [index, value] of data.files.entries()) {
    const where = `files.${index}`;
    if (!isRecordValue(value)) fail(where);
    const { p, s: size, m, h, i, e, d, w, a, k } = value;
    if (typeof p !== 'string' || typeof size !== 'number' || typeof m !== 'number') fail(where);
    if (h !== undefined && typeof h !== 'string') fail(where);
    if (d !== undefined && typeof d !== 'boolean') fail(where);
    if (files.has(p)) fail(`${p} is listed twice`);
    let extraction: CachedExtraction | undefined;
    let fileAnswers: ResolvedImport[] | undefined;
    if (w !== undefined) extraction = { warning: checkWarning(w, where) };
    else if (i !== undefined) {
      const imports = checkImports(i, where);
      if (e !== undefined && !Array.isArray(e)) fail(where);
      if (k !== undefined && !(Array.isArray(k) && k.every((x: unknown) => typeof x === 'string')))
        fail(where);
      extraction = {
        imports,
        errors: (e ?? []).map((x: unknown) => checkWarning(x, where)),
        declaresFunctions: d === true,
        ...(Array.isArray(k) ? { declares: k as string[] } : {}),
      };
      if (a !== undefined) {
        if (!Array.isArray(a) || a.length !== imports.length)
          fail(`the answers of ${p} do not match its imports`);
        fileAnswers = a.map((id: unknown) => {
          const found = typeof id === 'number' ? answers[id] : undefined;
          return found ?? fail(`an answer of ${p} is missing`);
        });
      }
    }
    files.set(p, {
      size,
      mtimeMs: m,
      ...(typeof h === 'string' ? { hash: h } : {}),
      ...(extraction ? { extraction } : {}),
      ...(fileAnswers ? { answers: fileAnswers } : {}),
    });
  }
  const inputs = data.inputs;
  return {
    version: data.version,
    optionsKey: data.optionsKey,
    root: data.root,
    writtenAt: data.writtenAt,
    files,
    resolverWarnings: data.resolverWarnings.map((x, n) => checkWarning(x, `resolverWarnings.${n}`)),
    ...(data.model
      ? {
          model: {
            manifests: data.model.manifests.map((x, n) => checkManifest(x, `model.manifests.${n}`)),
            warnings: data.model.warnings.map((x, n) => checkWarning(x, `model.warnings.${n}`)),
          },
        }
      : {}),
    resolverInputs: {
      listings: checkPairs(inputs.listings, 'inputs.listings', isListing),
      reads: checkPairs(inputs.reads, 'inputs.reads', isHashOrNull),
      stats: checkPairs(inputs.stats, 'inputs.stats', isHashOrNull),
      realpaths: checkPairs(inputs.realpaths, 'inputs.realpaths', isString),
    },
  };
}
