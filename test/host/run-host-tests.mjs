// Runs ArchLens's integration tests inside a real VS Code extension host, offline: code-server's
// workbench driven by Debian's Chromium. Runs, in order: the development suite on each fixture
// workspace (test/integration, loaded from this repository), then the .vsix install check.
// Prints one line per run and, last, `ARCHLENS-HOST-SUMMARY {"passes":N,"failures":N,"runs":[...]}`.
// Usage: node test/host/run-host-tests.mjs [--only NAME[,NAME]] [--timeout SECONDS]
// (ARCHLENS_SKIP_VSIX=1 skips the .vsix check; for local use only.)
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { ensureHost } from './ensure-host.mjs';
import { hostileRepoBites, makeHostileRepo } from './hostile-repo.mjs';
import { repoRoot } from './host-paths.mjs';
import { runHostSuite } from './host-run.mjs';
import { runVsixCheck } from './vsix-check.mjs';
import { runWarmStart } from './warm-start-run.mjs';

export const summaryMarker = 'ARCHLENS-HOST-SUMMARY';

const { values } = parseArgs({
  options: { only: { type: 'string', multiple: true }, timeout: { type: 'string', default: '300' } },
});
const only = new Set((values.only ?? []).flatMap((v) => v.split(',')).filter(Boolean));
const timeoutMs = Number(values.timeout) * 1000;
const fixture = (name) => path.join(repoRoot, 'test', 'fixtures', 'workspaces', name);

/** A narrow window for the readability checks: the diagram panel gets about 700 px of it. */
const NARROW_WINDOW_WIDTH = 1000;

/** Development runs: the repository is the extension under test. */
const devRuns = [
  {
    name: 'dev-host-smoke',
    folder: fixture('host-smoke'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    // Each run executes the tests of one folder of test/integration (ARCHLENS_TEST_SUITE).
    env: { ARCHLENS_TEST_SUITE: 'host-smoke' },
    // The tests read the side bar as the workbench draws it (sidebar-shown.test.ts).
    sidebarScreenshots: { updateMedia: false },
    // While the tests wait: every view screenshotted (test artifacts), a file node clicked in the
    // real webview. The README's diagram pictures come from the two diagram runs below.
    webviewChecks: {
      clickNode: { label: 'domain/order.ts', file: 'order.ts' },
      interactions: {
        folderNode: 'api',
        folderChild: 'orders-handler.ts',
        fileNode: 'main.ts',
        focusNode: 'domain/order-repository.ts',
      },
      sidebarShowsAnalysis: true,
      screenshotsFor: false,
    },
  },
  {
    // The sidebar on a workspace with warnings, fits and steps: trees, recommendation signals, diagram focus links, and
    // screenshots of both views in a light and a dark theme (sidebar-screenshots.mjs).
    name: 'dev-sidebar-ticketing',
    folder: fixture('hex-leaky-ticketing'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    env: { ARCHLENS_TEST_SUITE: 'sidebar-ticketing' },
    sidebarScreenshots: { updateMedia: process.env.ARCHLENS_UPDATE_SCREENSHOTS === '1' },
  },
  {
    // No folder open: the welcome content shows and every command says why it cannot act.
    name: 'dev-empty',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    env: { ARCHLENS_TEST_SUITE: 'empty' },
    sidebarScreenshots: { updateMedia: process.env.ARCHLENS_UPDATE_SCREENSHOTS === '1' },
  },
  {
    // Events (producer → queue → consumer) and focus requests from elsewhere.
    name: 'dev-diagram-events',
    folder: fixture('saga-rabbitmq-orders'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    env: { ARCHLENS_TEST_SUITE: 'diagram-events' },
    webviewChecks: {
      mustDraw: ['overview', 'events'],
      screenshotsFor: process.env.ARCHLENS_UPDATE_SCREENSHOTS === '1' ? ['events'] : false,
    },
  },
  {
    // CQRS, layers and the rest on a hexagonal CQRS service; the README's other pictures.
    name: 'dev-diagram-cqrs',
    folder: fixture('hex-cqrs-nest-lending'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    env: { ARCHLENS_TEST_SUITE: 'diagram-cqrs' },
    webviewChecks: {
      mustDraw: ['overview', 'layers', 'cqrs', 'deps'],
      screenshotsFor:
        process.env.ARCHLENS_UPDATE_SCREENSHOTS === '1' ? ['overview', 'layers', 'cqrs', 'deps'] : false,
    },
  },
  {
    // A wide monorepo (apps/*, packages/*, examples/, .github/): every view opens readable at fit,
    // at the default window size and in a narrow window.
    name: 'dev-diagram-monorepo',
    folder: fixture('monorepo-wide'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    env: { ARCHLENS_TEST_SUITE: 'diagram-monorepo' },
    webviewChecks: {
      mustDraw: ['overview', 'deps'],
      readableAtFit: ['overview', 'layers', 'events', 'cqrs', 'deps'],
      narrowWidth: NARROW_WINDOW_WIDTH,
      // Two dozen packages under one root: folding them into packages/* would leave a useless
      // overview, so the panel may keep the node floor and say so (see nextReadableStep).
      floorAllowed: true,
      focusReduces: 'deps',
      screenshotsFor: false,
    },
  },
  ...(process.env.ARCHLENS_REAL_REPO
    ? [
        {
          // Optional, never in CI: a real repository checked out locally (not part of this one),
          // every view readable at fit at both sizes, and the README's pictures:
          // ARCHLENS_REAL_REPO=<folder> [ARCHLENS_UPDATE_SCREENSHOTS=1] --only dev-diagram-real.
          name: 'dev-diagram-real',
          folder: path.resolve(process.env.ARCHLENS_REAL_REPO),
          extensionDevelopmentPath: repoRoot,
          extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
          env: { ARCHLENS_TEST_SUITE: 'diagram-monorepo' },
          webviewChecks: {
            mustDraw: ['overview', 'deps'],
            readableAtFit: ['overview', 'layers', 'events', 'cqrs', 'deps'],
            narrowWidth: NARROW_WINDOW_WIDTH,
            focusReduces: 'deps',
            // The README's Overview (its other pictures come from the fixtures' runs).
            screenshotsFor: process.env.ARCHLENS_UPDATE_SCREENSHOTS === '1' ? ['overview'] : false,
          },
        },
      ]
    : []),
  {
    // The scaffolding code actions and commands write files: the host opens a temporary copy of
    // the fixture (copyFixture), so the repository's fixture never changes.
    name: 'dev-scaffold',
    folder: fixture('host-scaffold'),
    copyFixture: true,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    env: { ARCHLENS_TEST_SUITE: 'scaffold' },
    // The driver clicks through VS Code's refactor preview when the tests ask (refactor-preview.mjs).
    sidebarScreenshots: { updateMedia: false },
  },
  {
    // ArchLens's language-model tools invoked through vscode.lm.invokeTool and checked against the
    // CLI, on a copy of a fixture (the scaffold tool writes after the confirmation the driver answers).
    name: 'dev-assistant-tools',
    folder: fixture('hex-leaky-ticketing'),
    copyFixture: true,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    env: { ARCHLENS_TEST_SUITE: 'assistant-tools' },
    sidebarScreenshots: { updateMedia: false },
  },
  {
    // Boundary-rule violations as diagnostics, refreshed with the analysis and the baseline, and
    // their quick-fixes through the refactor preview, on a copy of a fixture with planted violations.
    name: 'dev-rules',
    folder: path.join(repoRoot, 'test', 'fixtures', 'rules', 'modular-monolith'),
    copyFixture: true,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    env: { ARCHLENS_TEST_SUITE: 'rules' },
    sidebarScreenshots: { updateMedia: false },
  },
  {
    // The hexagonal rules: their diagnostics and counts, and *Move file to the adapters ring* through
    // the refactor preview (a rename with import updates), on a copy of the hexagonal rules fixture.
    name: 'dev-rules-hexagonal',
    folder: path.join(repoRoot, 'test', 'fixtures', 'rules', 'hexagonal'),
    copyFixture: true,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    env: { ARCHLENS_TEST_SUITE: 'rules-hexagonal' },
    sidebarScreenshots: { updateMedia: false },
    // Then the driver checks the red edges of the violations in the real webview.
    webviewChecks: {
      mustDraw: ['overview', 'deps'],
      violationEdges: { view: 'overview', count: 3, firstImport: 'src/application/place-order.ts:3' },
      screenshotsFor: false,
    },
  },
  {
    // The planted violations of the other rules fixtures as diagnostics: the test swaps each
    // fixture into the copy in turn (the copy starts as the CQRS one).
    name: 'dev-rules-fixtures',
    folder: path.join(repoRoot, 'test', 'fixtures', 'rules', 'cqrs'),
    copyFixture: true,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    env: {
      ARCHLENS_TEST_SUITE: 'rules-fixtures',
      ARCHLENS_RULES_FIXTURES: path.join(repoRoot, 'test', 'fixtures', 'rules'),
    },
  },
  {
    // Impact mode and the Compare view on a workspace whose impact sets are known by
    // construction; the driver reads the Impact bar and the Compare view and screenshots them.
    name: 'dev-impact-compare',
    folder: path.join(repoRoot, 'test', 'fixtures', 'impact', 'shop'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    env: { ARCHLENS_TEST_SUITE: 'impact-compare' },
    sidebarScreenshots: { updateMedia: false },
  },
  {
    // Workspace trust on, the folder not trusted; the user grants trust in the Workspace Trust
    // editor (trust-grant.mjs) and the analysis runs again by itself.
    name: 'dev-trust-grant',
    folder: fixture('hex-leaky-ticketing'),
    copyFixture: true,
    untrusted: true,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    env: { ARCHLENS_TEST_SUITE: 'trust-grant' },
    sidebarScreenshots: { updateMedia: false },
  },
  {
    // Workspace trust on, the folder not trusted: its .vscode/settings.json tries to set restricted
    // settings, and its .git/config (made in the copy by hostile-repo.mjs) names a program.
    name: 'dev-untrusted-hostile',
    folder: fixture('untrusted-hostile'),
    copyFixture: true,
    untrusted: true,
    hostileGit: true,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    env: { ARCHLENS_TEST_SUITE: 'untrusted-hostile' },
  },
];

/**
 * A run on a temporary copy of its fixture, removed afterwards (for runs whose tests write files).
 * With `hostileGit`, the copy becomes a hostile repository: the tests get the marker's path in
 * ARCHLENS_HOSTILE_MARKER, and the driver checks afterwards that it is still absent (one more
 * test), then that a plain `git log` does write it (else the check proved nothing).
 */
async function runOnCopy(run) {
  const base = mkdtempSync(path.join(os.tmpdir(), `archlens-${run.name}-`));
  const copy = path.join(base, 'workspace');
  cpSync(run.folder, copy, { recursive: true });
  try {
    const marker = run.hostileGit ? makeHostileRepo(copy, path.join(base, 'tools')) : undefined;
    const env = marker ? { ...run.env, ARCHLENS_HOSTILE_MARKER: marker } : run.env;
    const outcome = await runHostSuite({ ...run, env, folder: copy, timeoutMs });
    if (marker) {
      const ran = existsSync(marker);
      const bites = !ran && hostileRepoBites(copy, marker);
      console.log(
        `  [driver] hostile git: program ran during the run: ${ran}; plain git log runs it: ${bites}`,
      );
      if (ran || !bites) outcome.failures += 1;
      else outcome.passes += 1;
    }
    return outcome;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

const wanted = (name) => only.size === 0 || only.has(name);

function printRun(outcome) {
  const tail = outcome.error ? ` — ${outcome.error}` : '';
  console.log(
    `host run ${outcome.name}: ${outcome.passes} passed, ${outcome.failures} failed (${outcome.seconds} s)${tail}`,
  );
}

async function main() {
  const outcomes = [];
  try {
    await ensureHost();
  } catch (error) {
    console.error(`[host] ${error.userFacing ? error.message : error.stack}`);
    outcomes.push({
      name: 'ensure-host',
      passes: 0,
      failures: 1,
      error: 'the host could not be installed',
      seconds: 0,
    });
  }

  if (outcomes.length === 0) {
    for (const run of devRuns.filter((r) => wanted(r.name))) {
      const missing = [path.join(repoRoot, 'dist', 'extension.js'), run.extensionTestsPath].filter(
        (f) => !existsSync(f),
      );
      if (missing.length > 0) {
        const outcome = {
          name: run.name,
          passes: 0,
          failures: 1,
          seconds: 0,
          error: `not built: ${missing.join(', ')} (npm run build)`,
        };
        printRun(outcome);
        outcomes.push(outcome);
        continue;
      }
      console.log(`[host] ${run.name}: ${run.folder ? path.relative(repoRoot, run.folder) : '(no folder)'}`);
      const outcome = run.copyFixture ? await runOnCopy(run) : await runHostSuite({ ...run, timeoutMs });
      printRun(outcome);
      outcomes.push(outcome);
    }
    if (wanted('dev-warm-start')) {
      // Opened twice on one workspace storage: the second opening shows the cached result first.
      console.log('[host] dev-warm-start: a generated workspace, opened, closed and opened again');
      const outcome = await runWarmStart(timeoutMs);
      printRun(outcome);
      outcomes.push(outcome);
    }
    if (wanted('vsix-install') && process.env.ARCHLENS_SKIP_VSIX !== '1') {
      console.log('[host] vsix-install: npm run package, install, test the installed extension');
      const outcome = await runVsixCheck({ folder: fixture('host-smoke'), timeoutMs });
      printRun(outcome);
      outcomes.push(outcome);
    }
  }

  const passes = outcomes.reduce((n, o) => n + o.passes, 0);
  const failures = outcomes.reduce((n, o) => n + o.failures, 0);
  const runs = outcomes.map(({ name, passes: p, failures: f, seconds, error, screenshot }) => ({
    name,
    passes: p,
    failures: f,
    seconds,
    ...(error ? { error } : {}),
    ...(screenshot ? { screenshot: path.relative(repoRoot, screenshot) } : {}),
  }));
  console.log(`${summaryMarker} ${JSON.stringify({ passes, failures, runs })}`);
  return failures > 0 || passes === 0 ? 1 : 0;
}

process.exitCode = await main();
