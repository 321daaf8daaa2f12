// Drives the code-server web workbench with Debian's Chromium: the workbench runs the
// extension's tests in its extension host and reports log lines and the exit code through two
// functions the page calls (codeAutomationLog / codeAutomationExit).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import util from 'node:util';
import { chromiumPath, repoRoot } from './host-paths.mjs';
import { answerScreenshotRequest, parseScreenshotRequest } from './sidebar-screenshots.mjs';

const { chromium } = createRequire(path.join(repoRoot, 'package.json'))('playwright-core');

/** A local path as a URI on the code-server host (plain paths in the payload are ignored). */
export function remoteUri(authority, absolutePath) {
  return `vscode-remote://${authority}${absolutePath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** Resolves with `value` after `ms`; `cancel()` stops the timer. */
function delay(ms, value) {
  let timer;
  const promise = new Promise((resolve) => (timer = setTimeout(() => resolve(value), ms)));
  return { promise, cancel: () => clearTimeout(timer) };
}

/** `promise`, or a rejection naming `label` once `deadline` (epoch ms) has passed. */
async function before(deadline, label, promise) {
  const late = delay(Math.max(0, deadline - Date.now()), 'late');
  const outcome = await Promise.race([promise.then((value) => ({ value })), late.promise]);
  late.cancel();
  if (outcome === 'late') throw new Error(`${label} did not finish in time`);
  return outcome.value;
}

/** The line the tests print when they wait for the driver (see test/integration/diagram-webview-driver.test.ts). */
export const handoverMarker = 'ARCHLENS-DRIVER-READY';

/** Runs the driver's checks and writes their counts to the channel the tests wait on; never throws. */
async function runHandover(page, handover, onLog, screenshotPath) {
  let counts;
  try {
    counts = await before(Date.now() + 170_000, "the driver's checks", handover.run(page));
  } catch (caught) {
    onLog(`[driver] checks: ${caught.message}`);
    counts = { passes: 0, failures: 1 };
  }
  // The run's screenshot while the extension host still runs: once the tests end it stops, and
  // its views fall back to their welcome text (which says no analysis ran).
  await page
    .screenshot({ path: screenshotPath, timeout: 15_000 })
    .catch((caught) => onLog(`[driver] screenshot failed: ${caught.message}`));
  writeFileSync(handover.channel, JSON.stringify(counts));
  return counts;
}

/**
 * Opens the workbench on `folder` (none: an empty window), runs the tests and waits for their exit code. Everything,
 * browser start included, must finish within `timeoutMs`; a crashed page or a server that
 * exits (`serverExited`) ends the wait at once.
 * @param {{ origin: string, authority: string, folder?: string, extensionDevelopmentPath: string,
 *   extensionTestsPath: string, timeoutMs: number, screenshotPath: string,
 *   serverExited?: Promise<string>, browserHome?: string, onLog: (line: string) => void,
 *   onPhase?: (label: string) => void,
 *   handover?: { channel: string, run: (page: import('playwright-core').Page) =>
 *     Promise<{ passes: number, failures: number }> },
 *   screenshots?: Omit<Parameters<typeof answerScreenshotRequest>[2], 'onLog'> }} options
 * `handover`: when the tests print `ARCHLENS-DRIVER-READY` (they then wait, so the extension host
 * is still alive), `run` drives the page; its counts are written to `channel`, which lets the
 * tests go on, and returned as `extra`.
 * `screenshots`: the tests may ask for side bar screenshots (`ARCHLENS-SCREENSHOT …` lines, see
 * sidebar-screenshots.mjs); each is answered in the channel folder they wait on.
 * @returns {Promise<{ exitCode: number | undefined, error?: string, screenshot?: string,
 *   extra?: { passes: number, failures: number } }>}
 */
export async function runInWorkbench(options) {
  const {
    origin,
    authority,
    folder,
    extensionDevelopmentPath,
    extensionTestsPath,
    timeoutMs,
    screenshotPath,
    onLog,
  } = options;
  const onPhase = options.onPhase ?? (() => {});
  const deadline = Date.now() + timeoutMs;
  const browser = await before(
    deadline,
    'Chromium start',
    chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      timeout: timeoutMs,
      // Chromium's crash database and caches go under XDG_*: keep them in the run's temp dir.
      env: {
        ...process.env,
        ...(options.browserHome
          ? { XDG_CONFIG_HOME: options.browserHome, XDG_CACHE_HOME: options.browserHome }
          : {}),
      },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    }),
  );
  onPhase('chromium launch');
  let page;
  let exitCode;
  let error;
  let handedOver;
  // Screenshot requests are answered one after the other, in the order they were printed.
  let screenshotQueue = Promise.resolve();
  try {
    page = await before(
      deadline,
      'opening a page',
      browser.newPage({ viewport: { width: 1440, height: 900 } }),
    );
    let resolveEnd;
    const ended = new Promise((resolve) => (resolveEnd = resolve));
    await page.exposeFunction('codeAutomationLog', (_level, args) => {
      const parts = Array.isArray(args) ? args : [args];
      for (const line of util.format(...parts).split('\n')) {
        onLog(line);
        const request = options.screenshots ? parseScreenshotRequest(line) : undefined;
        if (request) {
          screenshotQueue = screenshotQueue.then(() =>
            answerScreenshotRequest(page, request, { ...options.screenshots, onLog }),
          );
        }
        if (line.startsWith(handoverMarker) && options.handover && !handedOver) {
          handedOver = runHandover(page, options.handover, onLog, screenshotPath).then((counts) => {
            onPhase('driver checks');
            return counts;
          });
        }
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveEnd({ code: Number(code) }));
    page.on('pageerror', (pageError) => onLog(`[page error] ${pageError.message}`));
    page.on('crash', () => resolveEnd({ error: 'the workbench page crashed' }));
    options.serverExited?.then((why) => resolveEnd({ error: why }));

    const payload = [
      ['extensionDevelopmentPath', remoteUri(authority, extensionDevelopmentPath)],
      ['extensionTestsPath', remoteUri(authority, extensionTestsPath)],
    ];
    // `ew=true`: an empty window, no folder (code-server would otherwise reopen the last one).
    const where = folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true';
    const url = `${origin}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await before(
      deadline,
      'loading the workbench',
      page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs }),
    );
    onPhase('page load');

    const late = delay(Math.max(0, deadline - Date.now()), {
      error: `no exit code within ${timeoutMs / 1000} s`,
    });
    const outcome = await Promise.race([ended, late.promise]);
    late.cancel();
    exitCode = outcome.code;
    error = outcome.error;
    onPhase('workbench + tests');
  } catch (caught) {
    error = caught.message;
  }

  let extra;
  if (options.handover) {
    if (handedOver) extra = await handedOver;
    else {
      onLog(`[driver] the tests never printed ${handoverMarker}: the driver's checks did not run`);
      extra = { passes: 0, failures: 1 };
    }
  }

  await screenshotQueue;
  // The page stays up after the tests end, so the screenshot shows what they left open (with a
  // handover it was taken before the extension host stopped, above).
  let screenshot = handedOver ? screenshotPath : undefined;
  if (page && !page.isClosed() && !handedOver) {
    try {
      await page.waitForTimeout(1_000);
      await page.screenshot({ path: screenshotPath, timeout: 15_000 });
      screenshot = screenshotPath;
    } catch (caught) {
      onLog(`[driver] screenshot failed: ${caught.message}`);
    }
    onPhase('screenshot');
  }
  // Playwright also kills the browser when this process exits, should close() hang.
  await before(Date.now() + 15_000, 'closing Chromium', browser.close()).catch((caught) =>
    onLog(`[driver] ${caught.message}`),
  );
  return { exitCode, error, screenshot, ...(extra ? { extra } : {}) };
}
