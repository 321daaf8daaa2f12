#!/usr/bin/env node
// ArchLens's benchmark: on each workspace, side by side and in the same run, ArchLens's cold
// analysis (whole CLI process), its one-file update (in process), the floor (read + parse every
// file with oxc-parser), the TypeScript API baseline, and the peers dependency-cruiser, madge and
// skott. Each whole-process row is run N times (round-robin, so load drift hits every row alike);
// reports the median wall time, peak memory and edge counts, checks the targets, writes JSON to
// bench/results/. See bench/README.md.
//
// Usage: npm run bench [-- <dir>...] [--synthetic 1k|10k|50k]... [--runs N] [--only ids]
//        [--skip ids] [--timeout S] [--slow S] [--no-peers] [--update-file <relative path>]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWorkspace } from './generate-workspace.mjs';
import { GNU_TIME, measure, median } from './lib/measure.mjs';
import { bundleBenchTool } from './lib/bundle-tool.mjs';
import { ensurePeers, peerRows } from './lib/peers.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchDir);
const peersDir = path.join(benchDir, '.peers');
const workRoot = path.join(benchDir, '.work');
const resultsDir = path.join(benchDir, 'results');
const cli = path.join(repoRoot, 'dist', 'cli.js');

const options = parseArgs(process.argv.slice(2));
mkdirSync(workRoot, { recursive: true });
mkdirSync(resultsDir, { recursive: true });

const workspaces = [];
for (const size of options.synthetic) {
  const started = Date.now();
  const { dir, summary, cached } = ensureWorkspace(size);
  log(
    `synthetic ${size}: ${dir} (${summary.sourceFiles} source files, ${summary.packages} packages; ${cached ? 'cached' : `generated in ${((Date.now() - started) / 1000).toFixed(1)} s`})`,
  );
  workspaces.push({ name: `synthetic-${size}`, dir, synthetic: size });
}
for (const dir of options.dirs) {
  const absolute = path.resolve(dir);
  if (!existsSync(absolute)) fail(`no such folder: ${dir}`);
  workspaces.push({ name: path.basename(absolute), dir: absolute });
}
if (workspaces.length === 0) {
  log('no folder given: benchmarking the 10k synthetic workspace (pass folders or --synthetic 1k|10k|50k)');
  const { dir } = ensureWorkspace('10k');
  workspaces.push({ name: 'synthetic-10k', dir, synthetic: '10k' });
}

const peerVersions = options.peers ? ensurePeers(peersDir) : {};
const updateBench = buildUpdateBench();
const grammarBench = buildGrammarBench();
const detectExists = existsSync(cli) && hasSubcommand('detect');
const checkExists = existsSync(cli) && hasSubcommand('check');
const environment = {
  node: process.version,
  node22: peerVersions.node22,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  loadAverageAtStart: os.loadavg(),
  peakMemorySource: GNU_TIME
    ? '/usr/bin/time -v (max RSS of the largest process)'
    : 'summed RSS of the process tree, polled from /proc',
  versions: peerVersions,
  archlens: readVersion(),
  runs: options.runs,
};

// --busy: a second process keeps one core busy for the whole run (a loaded machine).
const busy = options.busy ? spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }) : undefined;
if (busy) {
  environment.busyProcess = 'node -e "for (;;) {}" (one core kept busy for the whole run)';
  process.on('exit', () => busy.kill());
}
const report = { startedAt: new Date().toISOString(), environment, workspaces: [] };
const stamp = report.startedAt.replace(/[:.]/g, '-');
const resultFile = path.join(resultsDir, `bench-${stamp}.json`);
// Written after every workspace, so a long run that is stopped keeps what it measured.
for (const workspace of workspaces) {
  report.workspaces.push(await benchWorkspace(workspace));
  writeFileSync(resultFile, JSON.stringify(report, null, 2) + '\n');
}
busy?.kill();
report.finishedAt = new Date().toISOString();
writeFileSync(resultFile, JSON.stringify(report, null, 2) + '\n');
writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
log(`results written to ${path.relative(process.cwd(), resultFile)}`);

/** Benchmarks one workspace: every row, N rounds, then the table and the targets. */
async function benchWorkspace(workspace) {
  const slug = workspace.name.replace(/[^A-Za-z0-9_.-]+/g, '-');
  const workDir = path.join(workRoot, 'runs', slug);
  mkdirSync(workDir, { recursive: true });
  log(`\n=== ${workspace.name}: ${workspace.dir}`);

  const rows = [
    {
      id: 'archlens',
      label: 'ArchLens cold (graph --json)',
      command: process.execPath,
      args: () => [cli, 'graph', workspace.dir, '--json'],
      kind: 'archlens',
    },
    {
      // Prepared by one run that writes the cache (below); then nothing changes between runs.
      id: 'archlens-warm',
      label: 'ArchLens warm start, nothing changed (graph --json --cache)',
      command: process.execPath,
      args: (_out, dir) => [cli, 'graph', workspace.dir, '--json', '--cache', path.join(dir, 'cache')],
      kind: 'archlens',
    },
    ...(detectExists
      ? [
          {
            id: 'archlens-detect',
            label: 'ArchLens detect (detect --json)',
            command: process.execPath,
            args: () => [cli, 'detect', workspace.dir, '--json'],
            kind: 'archlens',
          },
        ]
      : []),
    ...(checkExists
      ? [
          {
            // Exits 1 when the workspace breaks a boundary rule: that is a run that worked.
            id: 'archlens-check',
            label: 'ArchLens check (check --format json)',
            command: process.execPath,
            args: () => [cli, 'check', workspace.dir, '--format', 'json'],
            okExitCodes: [0, 1],
            kind: 'archlens',
          },
        ]
      : []),
    ...(existsSync(cli) && hasSubcommand('compare')
      ? [
          {
            id: 'archlens-compare',
            label: 'ArchLens compare (compare --json)',
            command: process.execPath,
            args: () => [cli, 'compare', workspace.dir, '--json'],
            kind: 'archlens',
          },
        ]
      : []),
    {
      id: 'floor',
      label: 'floor: read + oxc parseSync',
      command: process.execPath,
      args: () => [path.join(benchDir, 'floor.mjs'), workspace.dir],
      stdoutToFile: true,
      edges: (text) => {
        const r = JSON.parse(text);
        return { files: r.files, edges: undefined };
      },
      kind: 'baseline',
    },
    {
      // Java, Kotlin, C#, Go and Python: header extraction vs whole-file parse (tree-sitter).
      id: 'grammars',
      label: 'grammars: tree-sitter, header vs whole file',
      command: process.execPath,
      args: () => [grammarBench, workspace.dir],
      stdoutToFile: true,
      edges: (text) => {
        const r = JSON.parse(text);
        return { files: r.files, edges: undefined, grammars: r.languages };
      },
      kind: 'baseline',
    },
    {
      id: 'ts-api',
      label: 'TS API: preProcessFile + resolveModuleName',
      command: process.execPath,
      args: () => [path.join(benchDir, 'ts-api.mjs'), workspace.dir],
      stdoutToFile: true,
      edges: (text) => {
        const r = JSON.parse(text);
        return { files: r.files, edges: r.imports, internal: r.resolved - r.external };
      },
      kind: 'baseline',
    },
    ...(options.peers
      ? peerRows({ peersDir, benchDir, dir: workspace.dir }).map((p) => ({
          ...p,
          kind: 'peer',
          cwd: workspace.dir,
        }))
      : []),
  ].filter((row) => selected(row.id));

  if (!existsSync(cli)) log(`dist/cli.js is missing (npm run build failed?): the ArchLens rows will fail`);

  // The in-process update benchmark (also gives ArchLens's edge counts).
  let update;
  if (selected('archlens-update')) {
    log('ArchLens one-file update (in process) …');
    const outFile = path.join(workDir, 'update.json');
    const m = await measure({
      command: process.execPath,
      args: [
        updateBench,
        workspace.dir,
        '--runs',
        String(Math.max(5, options.runs)),
        ...(options.updateFile ? ['--file', options.updateFile] : []),
      ],
      stdoutFile: outFile,
      workDir,
      timeoutMs: options.timeoutMs,
    });
    if (m.ok) {
      update = { ...JSON.parse(readFileSync(outFile, 'utf8')), peakRssMb: m.peakRssMb, processMs: m.ms };
      log(
        `  cold in process ${fmtMs(update.coldMs)}, touch ${fmtMs(update.touchMedianMs)}, modify ${fmtMs(update.modifyMedianMs)} (${update.file})`,
      );
      log(
        `  after the modify: rules rechecked in ${fmtMs(update.diagnosticsAfterUpdateMedianMs)}, whole re-assessment ${fmtMs(update.assessAfterUpdateMedianMs)}`,
      );
      const stages = Object.entries(update.stages ?? {})
        .map(([stage, t]) => `${stage} ${fmtMs(t.wallMs)} (cpu ${fmtMs(t.cpuMs)})`)
        .join(', ');
      if (stages) log(`  stages of the cold analysis: ${stages}, load ${os.loadavg()[0].toFixed(1)}`);
    } else {
      update = { error: errorText(m) };
      log(`  failed: ${update.error}`);
    }
    if (selected('archlens-warm') && !update.error) {
      const warmFile = path.join(workDir, 'warm.json');
      const w = await measure({
        command: process.execPath,
        args: [
          updateBench,
          workspace.dir,
          '--warm',
          '--runs',
          String(Math.max(5, options.runs)),
          ...(options.updateFile ? ['--file', options.updateFile] : []),
        ],
        stdoutFile: warmFile,
        workDir,
        timeoutMs: options.timeoutMs,
      });
      if (w.ok) {
        const warm = JSON.parse(readFileSync(warmFile, 'utf8'));
        delete warm.root;
        delete warm.file;
        Object.assign(update, warm, { warmPeakRssMb: w.peakRssMb });
        log(
          `  warm starts in process: nothing changed ${fmtMs(update.warmUnchangedMedianMs)}, one file changed ${fmtMs(update.warmOneFileMedianMs)} (${update.warmKinds})`,
        );
      } else log(`  warm starts failed: ${errorText(w)}`);
    }
  }

  if (rows.some((row) => row.id === 'archlens-warm')) {
    rmSync(path.join(workDir, 'cache'), { recursive: true, force: true });
    spawnSync(
      process.execPath,
      [cli, 'graph', workspace.dir, '--json', '--cache', path.join(workDir, 'cache')],
      {
        stdio: 'ignore',
        timeout: options.timeoutMs,
      },
    );
  }
  const results = new Map(
    rows.map((row) => [row.id, { row, times: [], cpus: [], peaks: [], errors: [], counts: undefined }]),
  );
  for (let round = 1; round <= options.runs; round++) {
    for (const row of rows) {
      const result = results.get(row.id);
      if (result.errors.length > 0) continue;
      if (round > 1 && result.times.length > 0 && result.times[0] > options.slowMs) continue;
      const outFile = path.join(workDir, `${row.id}.out`);
      const m = await measure({
        command: row.command,
        args: row.args(outFile, workDir),
        cwd: row.cwd,
        stdoutFile: row.stdoutToFile ? outFile : undefined,
        workDir,
        timeoutMs: options.timeoutMs,
        ...(row.okExitCodes ? { okExitCodes: row.okExitCodes } : {}),
      });
      if (!m.ok) {
        result.errors.push(errorText(m));
        log(`  ${row.label}: FAILED (${errorText(m).split('\n')[0]})`);
        continue;
      }
      result.times.push(m.ms);
      if (m.cpuMs !== undefined) result.cpus.push(m.cpuMs);
      if (m.peakRssMb !== undefined) result.peaks.push(m.peakRssMb);
      if (row.edges && result.counts === undefined && existsSync(outFile)) {
        try {
          result.counts = row.edges(readFileSync(outFile, 'utf8'));
        } catch (error) {
          result.counts = { error: String(error) };
        }
      }
      log(
        `  [${round}/${options.runs}] ${row.label}: ${fmtMs(m.ms)} (cpu ${fmtMs(m.cpuMs)}), ${fmtMb(m.peakRssMb)}, load ${os.loadavg()[0].toFixed(1)}`,
      );
    }
  }
  if (update && !update.error) {
    const archlens = results.get('archlens');
    if (archlens)
      archlens.counts = {
        files: update.files,
        edges: update.edges,
        internal: update.edgesByResolution.internal,
      };
  }

  const summary = summarize(workspace, results, update);
  printTable(workspace, summary);
  return summary;
}

/** Medians, ratios and targets of one workspace. */
function summarize(workspace, results, update) {
  const rows = [];
  for (const { row, times, cpus, peaks, errors, counts } of results.values()) {
    rows.push({
      id: row.id,
      label: row.label,
      kind: row.kind,
      runs: times.length,
      medianMs: times.length > 0 ? median(times) : undefined,
      minMs: times.length > 0 ? Math.min(...times) : undefined,
      maxMs: times.length > 0 ? Math.max(...times) : undefined,
      timesMs: times,
      cpuMedianMs: cpus.length > 0 ? median(cpus) : undefined,
      peakRssMb: peaks.length > 0 ? Math.max(...peaks) : undefined,
      counts,
      error: errors[0],
    });
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const floor = byId.get('floor')?.medianMs;
  // A peer that timed out took at least the timeout: it still bounds "faster than the fastest".
  for (const row of rows) if (row.error?.startsWith('timed out')) row.atLeastMs = options.timeoutMs;
  const peerMs = (r) => r.medianMs ?? r.atLeastMs;
  const peers = rows.filter((r) => r.kind === 'peer' && peerMs(r) !== undefined);
  const fastestPeer = peers.sort((a, b) => peerMs(a) - peerMs(b))[0];
  const atLeast = fastestPeer !== undefined && fastestPeer.medianMs === undefined ? '≥ ' : '';
  for (const row of rows) {
    if (row.medianMs === undefined) continue;
    if (floor) row.timesFloor = row.medianMs / floor;
    if (fastestPeer) row.fasterThanFastestPeer = peerMs(fastestPeer) / row.medianMs;
  }

  const archlens = byId.get('archlens');
  const detect = byId.get('archlens-detect');
  const files = byId.get('floor')?.counts?.files ?? archlens?.counts?.files ?? 0;
  const memoryLimitMb = files >= 30_000 ? 1536 : 400;
  const targets = [];
  const target = (name, measured, pass, detail) =>
    targets.push({ name, measured, status: measured === undefined ? 'N/A' : pass ? 'PASS' : 'MISS', detail });
  const cold = archlens?.medianMs;
  target(
    'cold analysis within 1.5× of the floor',
    cold && floor ? cold / floor : undefined,
    cold / floor <= 1.5,
    cold && floor ? `${(cold / floor).toFixed(2)}× floor` : 'needs ArchLens and floor rows',
  );
  target(
    'cold analysis ≥ 8× faster than the fastest peer',
    cold && fastestPeer ? peerMs(fastestPeer) / cold : undefined,
    fastestPeer && peerMs(fastestPeer) / cold >= 8,
    cold && fastestPeer
      ? `${atLeast}${(peerMs(fastestPeer) / cold).toFixed(1)}× faster than ${fastestPeer.label}${atLeast ? ' (timed out)' : ''}`
      : 'needs ArchLens and peer rows',
  );
  const updateMs =
    update && !update.error ? Math.max(update.touchMedianMs, update.modifyMedianMs) : undefined;
  target(
    'one-file update under 50 ms',
    updateMs,
    updateMs < 50,
    updateMs !== undefined
      ? `touch ${fmtMs(update.touchMedianMs)}, modify ${fmtMs(update.modifyMedianMs)}`
      : 'needs the update row',
  );
  const warmRow = byId.get('archlens-warm');
  target(
    'warm start, nothing changed: checked result within 0.3 s (whole process)',
    warmRow?.medianMs,
    warmRow?.medianMs <= 300,
    warmRow?.medianMs !== undefined
      ? `${fmtMs(warmRow.medianMs)} (in process ${fmtMs(update?.warmUnchangedMedianMs)}; one file changed ${fmtMs(update?.warmOneFileMedianMs)})`
      : 'needs the warm row',
  );
  const peak = Math.max(archlens?.peakRssMb ?? 0, update?.peakRssMb ?? 0) || undefined;
  target(
    `peak memory under ${memoryLimitMb >= 1024 ? '1.5 GB' : '400 MB'}`,
    peak,
    peak < memoryLimitMb,
    peak !== undefined ? `${fmtMb(peak)} (CLI and update process)` : 'needs an ArchLens row',
  );
  if (detect) {
    const share = detect.medianMs !== undefined && cold ? (detect.medianMs - cold) / cold : undefined;
    target(
      'detection adds ≤ 10 % to the engine',
      share,
      share <= 0.1,
      share !== undefined
        ? `${(share * 100).toFixed(1)} % (detect ${fmtMs(detect.medianMs)} vs graph ${fmtMs(cold)})`
        : 'needs both ArchLens rows',
    );
  }
  const check = byId.get('archlens-check');
  if (check && detect) {
    const share =
      check.medianMs !== undefined && detect.medianMs !== undefined
        ? (check.medianMs - detect.medianMs) / detect.medianMs
        : undefined;
    target(
      'check costs ≤ 10 % more than detect',
      share,
      share <= 0.1,
      share !== undefined
        ? `${(share * 100).toFixed(1)} % (check ${fmtMs(check.medianMs)} vs detect ${fmtMs(detect.medianMs)}; in process: the rules ${fmtMs(update?.rulesColdMs)} of the assessment's ${fmtMs(update?.assessColdMs)})`
        : 'needs both rows',
    );
  }
  const diagnosticsMs = update && !update.error ? update.diagnosticsAfterUpdateMedianMs : undefined;
  target(
    "the changed file's diagnostics current ≤ 50 ms after the update",
    diagnosticsMs,
    diagnosticsMs <= 50,
    diagnosticsMs !== undefined
      ? `${fmtMs(diagnosticsMs)} from the update to the rules' result (${update.rechecked ? 'quick recheck' : 'no quick recheck: the whole re-assessment'}; whole re-assessment ${fmtMs(update.assessAfterUpdateMedianMs)})`
      : 'needs the update row',
  );
  const compare = byId.get('archlens-compare');
  if (compare) {
    const ratio = compare.medianMs !== undefined && cold ? compare.medianMs / cold : undefined;
    target(
      'compare within 2× the cold analysis',
      ratio,
      ratio <= 2,
      ratio !== undefined
        ? `${ratio.toFixed(2)}× (compare ${fmtMs(compare.medianMs)} vs graph ${fmtMs(cold)})`
        : 'needs both ArchLens rows',
    );
  }
  return {
    name: workspace.name,
    dir: workspace.dir,
    synthetic: workspace.synthetic,
    files,
    loadAverageAtEnd: os.loadavg(),
    rows,
    update,
    fastestPeer: fastestPeer?.id,
    targets,
  };
}

function printTable(workspace, summary) {
  const header = [
    'row',
    'median',
    'min–max',
    'cpu',
    'runs',
    'peak RSS',
    'edges (internal)',
    '× floor',
    'vs fastest peer',
  ];
  const lines = [header];
  for (const row of summary.rows) {
    if (row.error && row.medianMs === undefined) {
      lines.push([row.label, 'FAILED', '', '', '', '', '', '', row.error.split('\n')[0].slice(0, 60)]);
      continue;
    }
    const edges =
      row.counts?.edges !== undefined
        ? `${fmtInt(row.counts.edges)}${row.counts.internal !== undefined ? ` (${fmtInt(row.counts.internal)})` : ''}`
        : row.counts?.files !== undefined
          ? `${fmtInt(row.counts.files)} files`
          : '';
    lines.push([
      row.label,
      fmtMs(row.medianMs),
      `${fmtMs(row.minMs)}–${fmtMs(row.maxMs)}`,
      fmtMs(row.cpuMedianMs),
      String(row.runs),
      fmtMb(row.peakRssMb),
      edges,
      row.timesFloor !== undefined ? `${row.timesFloor.toFixed(2)}×` : '',
      row.fasterThanFastestPeer !== undefined ? `${row.fasterThanFastestPeer.toFixed(1)}× faster` : '',
    ]);
  }
  const u = summary.update;
  if (u && !u.error) {
    lines.push([
      `ArchLens one-file update (in process, ${u.runs} runs)`,
      `touch ${fmtMs(u.touchMedianMs)}`,
      `modify ${fmtMs(u.modifyMedianMs)}`,
      '',
      String(u.runs),
      fmtMb(u.peakRssMb),
      `+${u.addedEdgesOnModify} on modify`,
      '',
      `cold in-process ${fmtMs(u.coldMs)}`,
    ]);
    if (u.warmUnchangedMedianMs !== undefined)
      lines.push([
        `ArchLens warm start (in process, ${u.warmUnchangedMs.length} runs)`,
        `same ${fmtMs(u.warmUnchangedMedianMs)}`,
        `1 file ${fmtMs(u.warmOneFileMedianMs)}`,
        '',
        String(u.warmUnchangedMs.length),
        '',
        '',
        '',
        `cold + cache ${fmtMs(u.coldWithCacheMs)}`,
      ]);
  } else if (u) {
    lines.push([
      'ArchLens one-file update',
      'FAILED',
      '',
      '',
      '',
      '',
      '',
      '',
      u.error.split('\n')[0].slice(0, 60),
    ]);
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  console.log(
    `\n${workspace.name} — ${fmtInt(summary.files)} JS/TS files — ${workspace.dir}${options.busy ? ' — with a second busy process' : ''} — load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const [n, line] of lines.entries()) {
    console.log(
      line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '),
    );
    if (n === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  }
  const grammars = summary.rows.find((r) => r.id === 'grammars')?.counts?.grammars;
  for (const [id, g] of Object.entries(grammars ?? {})) {
    console.log(
      `grammar ${id}: ${g.files} files, ${(g.bytes / 1e6).toFixed(1)} MB; header ${g.headerMs} ms (${g.headerMBps} MB/s), whole file ${g.wholeMs} ms (${g.wholeMBps} MB/s); imports differ in ${g.differ} files${g.firstDiffering ? ` (first: ${g.firstDiffering})` : ''}`,
    );
  }
  console.log('Targets:');
  for (const t of summary.targets) console.log(`  ${t.status.padEnd(4)}  ${t.name}: ${t.detail}`);
}

function buildUpdateBench() {
  const outfile = path.join(workRoot, 'update-bench.js');
  const result = bundleBenchTool(repoRoot, path.join(benchDir, 'update-bench.ts'), outfile);
  if (!result.ok) log(`could not build the update bench:\n${result.stderr}`);
  return outfile;
}

function buildGrammarBench() {
  const outfile = path.join(workRoot, 'grammar-parse.js');
  const result = bundleBenchTool(repoRoot, path.join(benchDir, 'grammar-parse.ts'), outfile);
  if (!result.ok) log(`could not build the grammar bench:\n${result.stderr}`);
  return outfile;
}

function hasSubcommand(name) {
  const r = spawnSync(process.execPath, [cli, name, '--help'], { encoding: 'utf8', timeout: 30_000 });
  const text = `${r.stdout}${r.stderr}`;
  return r.status === 0 && text.includes(name) && !/unknown (sub)?command/i.test(text);
}

function readVersion() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    return { version: JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version, commit };
  } catch {
    return undefined;
  }
}

function parseArgs(argv) {
  const parsed = {
    dirs: [],
    synthetic: [],
    runs: 3,
    only: undefined,
    skip: new Set(),
    timeoutMs: 600_000,
    slowMs: 150_000,
    peers: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${arg} needs a value`);
      return v;
    };
    if (arg === '--synthetic') parsed.synthetic.push(...value().split(','));
    else if (arg === '--runs') parsed.runs = Math.max(1, Number(value()));
    else if (arg === '--only') parsed.only = new Set(value().split(','));
    else if (arg === '--skip') for (const id of value().split(',')) parsed.skip.add(id);
    else if (arg === '--timeout') parsed.timeoutMs = Number(value()) * 1000;
    else if (arg === '--slow') parsed.slowMs = Number(value()) * 1000;
    else if (arg === '--no-peers') parsed.peers = false;
    else if (arg === '--busy') parsed.busy = true;
    else if (arg === '--update-file') parsed.updateFile = value();
    else if (arg === '--help' || arg === '-h') {
      console.log(readFileSync(path.join(benchDir, 'README.md'), 'utf8'));
      process.exit(0);
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else parsed.dirs.push(arg);
  }
  if (parsed.only && ![...parsed.only].some((id) => peerIds().includes(id))) parsed.peers = false;
  return parsed;
}

function peerIds() {
  return ['dependency-cruiser', 'madge', 'skott'];
}

function selected(id) {
  return (options.only === undefined || options.only.has(id)) && !options.skip.has(id);
}

function errorText(m) {
  if (m.timedOut) return `timed out after ${Math.round(options.timeoutMs / 1000)} s`;
  const lines = m.stderrTail.trim().split('\n');
  const errorLine = lines.find((l) => /error/i.test(l)) ?? lines.at(-1) ?? '';
  return `exit ${m.exitCode}: ${errorLine.trim()}`;
}

function fmtMs(ms) {
  if (ms === undefined) return '';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

function fmtMb(mb) {
  return mb === undefined ? '' : `${Math.round(mb)} MB`;
}

function fmtInt(n) {
  return n === undefined ? '' : n.toLocaleString('en-US');
}

function log(message) {
  process.stderr.write(message + '\n');
}

function fail(message) {
  log(`bench: ${message}`);
  process.exit(2);
}
