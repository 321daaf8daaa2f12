/**
 * The evaluation program behind `npm run eval` (bundled by `build.mjs`):
 * - no arguments: detection in-process on every `test/fixtures/workspaces/*` with an
 *   `expected.json`; prints precision/recall per pattern and exits 1 unless every label matches;
 * - `--dev-set [list.json] [--split tune|validation] [--cli dist/cli.js]`: the development set of real repositories,
 *   tune and validation halves scored apart (macro-F1 over seven patterns, primary right);
 * - `--real-world <list.json> [--only name]`: runs the bundled CLI (`detect <dir> --json --no-git`)
 *   on each checked-out repository of the list and prints the same table (exit 0: the real-world
 *   score is reported, not enforced).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { analyzeWorkspace, detectArchitecture, type DetectionResult } from '../../src/core';
import { NodeFileSystem } from '../../src/node/node-file-system';
import { toPosixPath } from '../../src/node/paths';
import { initTreeSitter } from '../../src/node/tree-sitter-runtime';
import { evalDevSet } from './dev-set-run';
import { expectedSchema, type Expected } from './labels';
import { emptyScoreboard, formatScoreboard, isPerfect, scoreWorkspace } from './score-labels';

const FIXTURES = path.resolve('test/fixtures/workspaces');

function readExpected(file: string): Expected {
  return expectedSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

function detectInProcess(dir: string): DetectionResult {
  const fs = new NodeFileSystem();
  const root = toPosixPath(dir);
  return detectArchitecture(fs, analyzeWorkspace(fs, root));
}

function verdictLine(result: DetectionResult): string {
  return result.patterns
    .filter((p) => p.verdict !== 'no')
    .map((p) => `${p.id}=${p.verdict}(${p.score.toFixed(2)})`)
    .join(' ');
}

function evalFixtures(): number {
  const names = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(FIXTURES, d.name, 'expected.json')))
    .map((d) => d.name)
    .sort();
  const board = emptyScoreboard();
  for (const name of names) {
    const expected = readExpected(path.join(FIXTURES, name, 'expected.json'));
    const result = detectInProcess(path.join(FIXTURES, name));
    scoreWorkspace(board, name, expected, result);
  }
  process.stdout.write(`Fixture workspaces: ${names.length}\n\n${formatScoreboard(board)}`);
  if (names.length === 0 || !isPerfect(board)) {
    process.stdout.write('\nFAIL: detection is below 100 % on the labelled fixtures.\n');
    return 1;
  }
  process.stdout.write('\nOK: every fixture label matches.\n');
  return 0;
}

const realWorldEntry = z
  .object({
    name: z.string(),
    repo: z.string(),
    commit: z.string(),
    language: z.string(),
    dir: z.string(),
    quote: z.string(),
    source: z.string(),
    expected: expectedSchema,
  })
  .strict();

/** One repository's run, kept in `results.json` next to the list for the write-up. */
interface RunRecord {
  readonly name: string;
  readonly primary: string | null;
  readonly verdicts: Record<string, string>;
  readonly seconds: number;
  readonly error?: string;
}

function evalRealWorld(listFile: string, only: string | undefined): number {
  const list = z.array(realWorldEntry).parse(JSON.parse(readFileSync(listFile, 'utf8')));
  const cli = path.join(__dirname, 'cli.js');
  const board = emptyScoreboard();
  const resultsFile = listFile.replace(/\.json$/, '.results.json');
  const previous: RunRecord[] = existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as RunRecord[])
    : [];
  const records = new Map(previous.map((r) => [r.name, r]));
  for (const entry of list) {
    if (only !== undefined && entry.name !== only) continue;
    if (!existsSync(entry.dir)) {
      process.stdout.write(`skip ${entry.name}: ${entry.dir} is not checked out\n`);
      continue;
    }
    const started = Date.now();
    const run = spawnSync(process.execPath, [cli, 'detect', entry.dir, '--json', '--no-git'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const seconds = (Date.now() - started) / 1000;
    if (run.status !== 0) {
      process.stdout.write(`FAIL ${entry.name}: exit ${run.status}\n${run.stderr}\n`);
      records.set(entry.name, { name: entry.name, primary: null, verdicts: {}, seconds, error: run.stderr });
      continue;
    }
    const result = JSON.parse(run.stdout) as DetectionResult;
    scoreWorkspace(board, entry.name, entry.expected, result);
    const verdicts = Object.fromEntries(
      result.patterns.map((p) => [p.id, `${p.verdict} ${p.score.toFixed(2)}`]),
    );
    records.set(entry.name, { name: entry.name, primary: result.primary, verdicts, seconds });
    process.stdout.write(
      `${entry.name} (${seconds.toFixed(1)} s): primary=${result.primary ?? 'null'} ${verdictLine(result)}\n`,
    );
  }
  writeFileSync(resultsFile, JSON.stringify([...records.values()], null, 2) + '\n');
  process.stdout.write(`\n${formatScoreboard(board)}`);
  return 0;
}

function main(argv: readonly string[]): number {
  const devAt = argv.indexOf('--dev-set');
  if (devAt >= 0) {
    const splitAt = argv.indexOf('--split');
    const split = splitAt >= 0 ? argv[splitAt + 1] : undefined;
    if (split !== undefined && split !== 'tune' && split !== 'validation')
      throw new Error('--split takes tune or validation');
    // `--cli <file>` scores another build of the CLI (a previous version, for a before/after).
    const cliAt = argv.indexOf('--cli');
    const listArg = argv[devAt + 1];
    return evalDevSet(
      path.resolve(listArg !== undefined && !listArg.startsWith('--') ? listArg : 'test/eval/dev-set.json'),
      cliAt >= 0 ? path.resolve(argv[cliAt + 1] ?? '') : path.join(__dirname, 'cli.js'),
      split,
    );
  }
  const at = argv.indexOf('--real-world');
  if (at >= 0) {
    const file = argv[at + 1];
    if (file === undefined) throw new Error('--real-world needs a list file');
    const onlyAt = argv.indexOf('--only');
    return evalRealWorld(path.resolve(file), onlyAt >= 0 ? argv[onlyAt + 1] : undefined);
  }
  return evalFixtures();
}

void initTreeSitter().then(() => {
  process.exitCode = main(process.argv.slice(2));
});
