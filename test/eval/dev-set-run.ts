import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { DetectionResult } from '../../src/core/model';
import {
  devEntrySchema,
  emptyHalf,
  formatHalf,
  scoreEntry,
  splitOf,
  type HalfScore,
  type Split,
} from './dev-set';

/** Where the repositories are checked out (`node test/eval/checkout.mjs` puts them there). */
export function checkoutRoot(): string {
  return process.env['ARCHLENS_REAL_WORLD_DIR'] ?? '/tmp/rw';
}

/**
 * Runs the bundled CLI (`detect <dir> --json --no-git`) on every checked-out repository of the
 * development set and prints tune and validation side by side; results go to `<list>.results.json`.
 * `--split tune` runs one half only. Exit 0: the score is reported, not enforced.
 */
export function evalDevSet(listFile: string, cli: string, only: Split | undefined): number {
  const list = z.array(devEntrySchema).parse(JSON.parse(readFileSync(listFile, 'utf8')));
  const halves: Record<Split, HalfScore> = {
    tune: emptyHalf(0),
    validation: emptyHalf(0),
  };
  const counted: Record<Split, number> = { tune: 0, validation: 0 };
  const records: Record<string, unknown>[] = [];
  for (const entry of list) {
    const split = splitOf(entry.repo);
    if (only !== undefined && split !== only) continue;
    const dir = path.join(checkoutRoot(), entry.name, entry.subdir);
    if (!existsSync(dir)) {
      process.stdout.write(`skip ${entry.name}: ${dir} is not checked out\n`);
      continue;
    }
    const started = Date.now();
    const run = spawnSync(process.execPath, [cli, 'detect', dir, '--json', '--no-git'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 600_000,
    });
    const seconds = (Date.now() - started) / 1000;
    if (run.status !== 0) {
      process.stdout.write(`FAIL ${entry.name}: exit ${run.status}\n${run.stderr}\n`);
      records.push({ name: entry.name, split, error: run.stderr, seconds });
      continue;
    }
    const result = JSON.parse(run.stdout) as DetectionResult;
    counted[split]++;
    scoreEntry(halves[split], entry, result);
    records.push({
      name: entry.name,
      split,
      seconds,
      primary: result.primary,
      verdicts: Object.fromEntries(result.patterns.map((p) => [p.id, `${p.verdict} ${p.score.toFixed(2)}`])),
      // A build before the system stage prints no `system`.
      parts: ((result as Partial<DetectionResult>).system?.parts ?? []).map((p) => `${p.path}: ${p.role}`),
    });
    process.stdout.write(
      `${split.padEnd(10)} ${entry.name} (${seconds.toFixed(1)} s): primary=${result.primary ?? 'null'} ${result.patterns
        .filter((p) => p.verdict !== 'no')
        .map((p) => `${p.id}=${p.verdict}`)
        .join(' ')}\n`,
    );
  }
  writeFileSync(listFile.replace(/\.json$/, '.results.json'), JSON.stringify(records, null, 2) + '\n');
  for (const split of ['tune', 'validation'] as const) {
    if (only !== undefined && split !== only) continue;
    const half = { ...halves[split], repositories: counted[split] };
    process.stdout.write(`\n${formatHalf(split, half)}`);
  }
  return 0;
}
