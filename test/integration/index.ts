// Entry of the integration tests inside a VS Code extension host (code-server's, or desktop
// VS Code's through @vscode/test-electron): runs every `*.test.js` of one suite folder with mocha
// and prints the counts in one fixed line the drivers parse. Each suite folder belongs to one
// fixture workspace; `ARCHLENS_TEST_SUITE` names it (default `host-smoke`).
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Prefix of the line with mocha's counts, e.g. `ARCHLENS-RESULT {"passes":4,"failures":0,...}`. */
export const RESULT_MARKER = 'ARCHLENS-RESULT';

/** Counts printed after the run; drivers fail the run when the line is missing. */
export interface RunCounts {
  passes: number;
  failures: number;
  pending: number;
  tests: number;
}

function findTestFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Runs the suite; rejects when a test fails or none was found (the host then exits with 1). */
/** The suite folder the host was started for; only a plain folder name is accepted. */
function suiteDir(): string {
  const suite = process.env.ARCHLENS_TEST_SUITE ?? 'host-smoke';
  if (!/^[a-z0-9-]+$/.test(suite)) throw new Error(`ARCHLENS_TEST_SUITE is not a suite name: ${suite}`);
  return path.join(__dirname, suite);
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, slow: 10_000 });
  const dir = suiteDir();
  const files = findTestFiles(dir);
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      console.log(`${RESULT_MARKER} ${JSON.stringify({ passes: 0, failures: 0, pending: 0, tests: 0 })}`);
      reject(new Error(`no *.test.js files under ${dir}`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats;
        const counts: RunCounts = {
          passes: stats?.passes ?? 0,
          failures: stats?.failures ?? failures,
          pending: stats?.pending ?? 0,
          tests: stats?.tests ?? 0,
        };
        console.log(`${RESULT_MARKER} ${JSON.stringify(counts)}`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
