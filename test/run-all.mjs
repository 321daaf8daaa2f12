// Runs every test tier and prints the totals in its last lines, in the form CI reads:
//   unit: N passed, N failed
//   integration: N passed, N failed
//   N passed, N failed
// Expects a fresh `npm run build` (the `npm test` script does it). Exits 1 when anything failed
// or no test ran. ARCHLENS_SKIP_HOST=1 skips the extension-host tier (local convenience only).
import { spawn } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mochaBin = path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');

/** Runs a Node script, echoing its output, and returns the JSON after `marker` on its last such line. */
function runNode(args, marker) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let found;
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith(marker + ' ')) continue;
        try {
          found = JSON.parse(line.slice(marker.length + 1));
        } catch {
          // a broken line counts as none
        }
      }
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, result: found }));
  });
}

/** Turns a child's outcome into counts; a crash or a missing result line is one failure. */
function tally(name, { code, result }) {
  const passes = result?.passes ?? 0;
  let failures = result?.failures ?? 0;
  if ((code !== 0 || !result) && failures === 0) {
    console.error(`[run-all] ${name}: exit code ${code}${result ? '' : ', no result line'}`);
    failures = 1;
  }
  return { passes, failures };
}

const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

const unitStarted = Date.now();
console.log('[run-all] unit tests (mocha, out/test/unit)');
const unit = tally(
  'unit',
  await runNode(
    [mochaBin, '--reporter', path.join(repoRoot, 'test', 'host', 'mocha-result-reporter.cjs')],
    'ARCHLENS-RESULT',
  ),
);
const unitSeconds = seconds(unitStarted);

let integration;
let integrationSeconds = '0.0';
if (process.env.ARCHLENS_SKIP_HOST === '1') {
  console.log('[run-all] ARCHLENS_SKIP_HOST=1: extension-host tests skipped');
} else {
  const started = Date.now();
  console.log('[run-all] integration tests (VS Code extension host)');
  integration = tally(
    'integration',
    await runNode([path.join(repoRoot, 'test', 'host', 'run-host-tests.mjs')], 'ARCHLENS-HOST-SUMMARY'),
  );
  integrationSeconds = seconds(started);
}

const passes = unit.passes + (integration?.passes ?? 0);
const failures = unit.failures + (integration?.failures ?? 0);
console.log(`[run-all] took: unit ${unitSeconds} s, integration ${integrationSeconds} s`);
console.log(`unit: ${unit.passes} passed, ${unit.failures} failed`);
console.log(
  integration
    ? `integration: ${integration.passes} passed, ${integration.failures} failed`
    : 'integration: skipped (ARCHLENS_SKIP_HOST=1)',
);
console.log(`${passes} passed, ${failures} failed`);
process.exitCode = failures > 0 || passes === 0 ? 1 : 0;
