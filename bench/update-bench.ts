// In-process benchmark of ArchLens's incremental update: a cold `WorkspaceEngine.analyze()`,
// then, per run, one file "touched" (same bytes, new mtime) and one file modified (an import and
// an export appended), each fed to `engine.update([{ type: 'changed', path }])` and timed.
// The changes live in an overlay over the real file system, so nothing on disk is written.
// Built by bench/run.mjs with esbuild into bench/.work/update-bench.js.
// With --warm: only warm starts from the analysis cache (in memory), nothing changed and the file
// changed, after the cold analysis that writes it.
// After each modify, the boundary rules: their quick recheck over the changed imports (what the
// editor's diagnostics wait for) and the whole re-assessment (detection, recommendations, rules).
// Usage: node bench/.work/update-bench.js <dir> [--runs N] [--file <relative path>] [--cold-only|--warm]
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { WorkspaceEngine, checkRules } from '../src/core';
import { assessWithRuleState } from '../src/core/pipeline/detect-architecture';
import { recheckRules } from '../src/core/pipeline/recheck-rules';
import type { AnalysisCacheStore } from '../src/core/cache';
import type { DirEntry, FileStat, FileSystemPort, ProgressReport, ProgressSink } from '../src/core/ports';
import { NodeFileSystem } from '../src/node/node-file-system';

/** A FileSystemPort that answers from in-memory overrides first, then from the disk. */
class OverlayFileSystem implements FileSystemPort {
  private readonly overrides = new Map<string, { bytes: Uint8Array; mtimeMs: number }>();

  constructor(private readonly base: FileSystemPort) {}

  write(file: string, bytes: Uint8Array): void {
    this.overrides.set(file, { bytes, mtimeMs: Date.now() + this.overrides.size });
  }

  readFile(file: string): Uint8Array | undefined {
    return this.overrides.get(file)?.bytes ?? this.base.readFile(file);
  }

  readDirectory(dir: string): readonly DirEntry[] | undefined {
    return this.base.readDirectory(dir);
  }

  stat(file: string): FileStat | undefined {
    const override = this.overrides.get(file);
    if (override) return { kind: 'file', size: override.bytes.length, mtimeMs: override.mtimeMs };
    return this.base.stat(file);
  }

  realpath(file: string): string {
    return this.base.realpath(file);
  }
}

/** The analysis cache in memory (the whole-process row times the one on disk). */
class MemoryStore implements AnalysisCacheStore {
  text: string | undefined;
  read(): string | undefined {
    return this.text;
  }
  write(text: string): void {
    this.text = text;
  }
}

/**
 * Warm starts in process: a cold analysis that writes the snapshot, then per run a new engine's
 * `analyze()` from it with nothing changed, and with one file changed (an import appended).
 */
function warmStarts(
  fs: OverlayFileSystem,
  root: string,
  target: string,
  original: Uint8Array,
  edited: Uint8Array,
  runs: number,
): Record<string, unknown> {
  const store = new MemoryStore();
  const cache = { store, version: 'bench' };
  let started = performance.now();
  new WorkspaceEngine(fs, root, { cache }).analyze();
  const coldWithCacheMs = performance.now() - started;
  const snapshot = store.text;
  const unchangedMs: number[] = [];
  const oneFileMs: number[] = [];
  let kinds = '';
  for (let run = 0; run < runs; run++) {
    store.text = snapshot;
    started = performance.now();
    const unchanged = new WorkspaceEngine(fs, root, { cache });
    unchanged.analyze();
    unchangedMs.push(performance.now() - started);
    fs.write(`${root}/${target}`, edited);
    started = performance.now();
    const changed = new WorkspaceEngine(fs, root, { cache });
    changed.analyze();
    oneFileMs.push(performance.now() - started);
    kinds = `${unchanged.warmStartReport.kind}, ${changed.warmStartReport.kind} (${changed.warmStartReport.filesRead} read, ${changed.warmStartReport.filesResolved} resolved)`;
    fs.write(`${root}/${target}`, original);
  }
  return {
    coldWithCacheMs,
    snapshotBytes: snapshot?.length,
    warmUnchangedMs: unchangedMs,
    warmOneFileMs: oneFileMs,
    warmUnchangedMedianMs: median(unchangedMs),
    warmOneFileMedianMs: median(oneFileMs),
    warmKinds: kinds,
  };
}

/** Wall and CPU time of one stage of the cold analysis. */
interface StageTime {
  wallMs: number;
  cpuMs: number;
}

/**
 * Times the stages of the cold analysis from its progress reports: a stage runs from the first
 * report of its phase to the first report of the next phase. The parse stage reads and resolves
 * imports in one pass (the resolver works while the parse helpers read the next files).
 */
class StageClock implements ProgressSink {
  readonly stages: Record<string, StageTime> = {};
  private phase: string | undefined;
  private wallAt = 0;
  private cpuAt = 0;

  report(progress: ProgressReport): void {
    if (progress.phase !== this.phase) this.switchTo(progress.phase);
  }

  /** Ends the stage under way (at the end of the analysis). */
  finish(): void {
    this.switchTo(undefined);
  }

  private switchTo(phase: string | undefined): void {
    const wall = performance.now();
    const usage = process.cpuUsage();
    const cpu = (usage.user + usage.system) / 1000;
    if (this.phase !== undefined) {
      const stage = (this.stages[this.phase] ??= { wallMs: 0, cpuMs: 0 });
      stage.wallMs += wall - this.wallAt;
      stage.cpuMs += cpu - this.cpuAt;
    }
    this.phase = phase;
    this.wallAt = wall;
    this.cpuAt = cpu;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function main(): void {
  const args = process.argv.slice(2);
  const dirArg = args.find(
    (a, i) => !a.startsWith('--') && !['--runs', '--file'].includes(args[i - 1] ?? ''),
  );
  if (!dirArg) {
    process.stderr.write('usage: update-bench.js <dir> [--runs N] [--file <relative path>]\n');
    process.exit(2);
  }
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1])) : 5;
  const fileAt = args.indexOf('--file');
  const root = path.resolve(dirArg).split(path.sep).join('/');
  const fs = new OverlayFileSystem(new NodeFileSystem());

  const clock = new StageClock();
  const coldStart = performance.now();
  const engine = new WorkspaceEngine(fs, root, { progress: clock });
  const model = engine.analyze();
  const coldMs = performance.now() - coldStart;
  clock.finish();
  if (args.includes('--cold-only')) {
    // Only the cold analysis and its stages (to compare resolution timings across builds).
    process.stdout.write(
      JSON.stringify({
        root,
        files: model.files.length,
        edges: model.edges.length,
        coldMs,
        stages: clock.stages,
      }) + '\n',
    );
    return;
  }
  const rssAfterCold = process.memoryUsage().rss;

  // The file to change: given, or the first TS/JS file at or after the middle of the sorted list
  // that has an internal import (so the change is a real one in the middle of the graph).
  const importers = new Set(model.edges.filter((e) => e.resolution === 'internal').map((e) => e.from));
  const sources = model.files.filter(
    (f) => /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(f) && !/\.d\.[cm]?ts$/.test(f),
  );
  const middle = Math.floor(sources.length / 2);
  const target =
    fileAt >= 0
      ? (args[fileAt + 1] ?? '')
      : ([...sources.slice(middle), ...sources.slice(0, middle)].find((f) => importers.has(f)) ??
        sources[middle]);
  if (!target) throw new Error('no source file to change');
  const absolute = `${root}/${target}`;
  const original = fs.readFile(absolute);
  if (!original) throw new Error(`cannot read ${absolute}`);
  const originalText = new TextDecoder().decode(original);
  // An import that resolves inside the workspace: the file's first internal import, again.
  const firstInternal = model.edges.find((e) => e.from === target && e.resolution === 'internal');
  const extraImport = firstInternal ? firstInternal.specifier : './does-not-exist';

  if (args.includes('--warm')) {
    // Only the warm starts (run apart, so that the update process's peak memory is its own).
    const warm = warmStarts(
      fs,
      root,
      target,
      original,
      new TextEncoder().encode(`${originalText}\nimport * as __archlensWarm from '${extraImport}';\n`),
      runs,
    );
    process.stdout.write(JSON.stringify({ root, file: target, ...warm }) + '\n');
    return;
  }

  const team = { known: false, reason: 'bench' } as const;
  let started = performance.now();
  let assessed = assessWithRuleState(fs, model, { team });
  const assessColdMs = performance.now() - started;
  started = performance.now();
  checkRules(assessed.ruleState);
  const rulesColdMs = performance.now() - started;

  const touchMs: number[] = [];
  const modifyMs: number[] = [];
  const diagnosticsMs: number[] = [];
  const assessMs: number[] = [];
  let addedEdges = 0;
  let rechecked = true;
  for (let run = 0; run < runs; run++) {
    fs.write(absolute, original);
    started = performance.now();
    engine.update([{ type: 'changed', path: target }]);
    touchMs.push(performance.now() - started);

    const edited = `${originalText}\nimport * as __archlensBench${run} from '${extraImport}';\nexport const __archlensBenchValue${run} = __archlensBench${run};\n`;
    fs.write(absolute, new TextEncoder().encode(edited));
    started = performance.now();
    const { delta, model: updated } = engine.update([{ type: 'changed', path: target }]);
    modifyMs.push(performance.now() - started);
    addedEdges = delta.addedEdges.length;
    // What the analysis worker does next: the quick recheck (the diagnostics), then the whole result.
    started = performance.now();
    rechecked = recheckRules(fs, assessed.ruleState, delta, [target]) !== undefined && rechecked;
    diagnosticsMs.push(performance.now() - started);
    started = performance.now();
    assessed = assessWithRuleState(fs, updated, { team });
    assessMs.push(performance.now() - started);
    // Back to the original for the next run (untimed).
    fs.write(absolute, original);
    assessed = assessWithRuleState(fs, engine.update([{ type: 'changed', path: target }]).model, { team });
  }

  const counts: Record<string, number> = { internal: 0, external: 0, builtin: 0, unresolved: 0 };
  for (const edge of model.edges) counts[edge.resolution] = (counts[edge.resolution] ?? 0) + 1;
  process.stdout.write(
    JSON.stringify({
      root,
      files: model.files.length,
      edges: model.edges.length,
      edgesByResolution: counts,
      warnings: model.warnings.length,
      coldMs,
      stages: clock.stages,
      rssAfterColdMb: rssAfterCold / 1024 / 1024,
      file: target,
      runs,
      touchMs,
      modifyMs,
      touchMedianMs: median(touchMs),
      modifyMedianMs: median(modifyMs),
      addedEdgesOnModify: addedEdges,
      assessColdMs,
      rulesColdMs,
      // The quick recheck applies (imports changed only); else the diagnostics wait for the whole result.
      rechecked,
      diagnosticsAfterUpdateMs: diagnosticsMs,
      diagnosticsAfterUpdateMedianMs: rechecked ? median(diagnosticsMs) : median(assessMs),
      assessAfterUpdateMs: assessMs,
      assessAfterUpdateMedianMs: median(assessMs),
    }) + '\n',
  );
}

main();
