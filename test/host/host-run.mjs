// One integration run: a fresh code-server on a fixture folder, the workbench in Chromium running
// the tests of one extension, the mocha counts read from the log, a screenshot, a clean stop.
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { makeRunDirs, removeRunDirs, startCodeServer } from './code-server.mjs';
import { artifactsDir } from './host-paths.mjs';
import { runWebviewChecks } from './webview-checks.mjs';
import { runInWorkbench } from './workbench.mjs';

/** The line the tests entry prints when mocha ends: `ARCHLENS-RESULT {"passes":N,"failures":N,...}`. */
export const resultMarker = 'ARCHLENS-RESULT ';

/** Reads the counts from a log line, or undefined when it is not the result line. */
export function parseResultLine(line) {
  const at = line.indexOf(resultMarker);
  if (at < 0) return undefined;
  try {
    const stats = JSON.parse(line.slice(at + resultMarker.length));
    if (typeof stats.passes === 'number' && typeof stats.failures === 'number') return stats;
  } catch {
    // not ours
  }
  return undefined;
}

/**
 * Runs one suite in the host (on `folder`, or in an empty window without one) and returns its outcome; never throws for a test failure.
 * @param {{ name: string, folder?: string, extensionDevelopmentPath: string, extensionTestsPath: string,
 *   extensionsDir?: string, dirs?: ReturnType<typeof makeRunDirs>, env?: Record<string, string>,
 *   timeoutMs?: number, webviewChecks?: Omit<Parameters<typeof runWebviewChecks>[1], 'runName' | 'artifactsDir' | 'onLog'>,
 *   sidebarScreenshots?: { updateMedia: boolean }, untrusted?: boolean, port?: number }} suite
 * `webviewChecks`: after the tests, drive the diagram webview from the driver (see webview-checks.mjs);
 * its checks count as tests of the run.
 * `sidebarScreenshots`: the tests may ask the driver for side bar screenshots (see
 * sidebar-screenshots.mjs); they find the channel in ARCHLENS_SCREENSHOT_CHANNEL.
 * `untrusted`: workspace trust on and the folder not trusted (Restricted Mode).
 * `port`: code-server's port (default: a free one; see startCodeServer).
 * @returns {Promise<{ name: string, passes: number, failures: number, exitCode: number | undefined,
 *   error?: string, seconds: number, screenshot?: string, log: string }>}
 */
export async function runHostSuite(suite) {
  const started = Date.now();
  mkdirSync(artifactsDir, { recursive: true });
  const logPath = path.join(artifactsDir, `${suite.name}.log`);
  const log = createWriteStream(logPath);
  const dirs = suite.dirs ?? makeRunDirs(suite.name, { untrusted: suite.untrusted === true });
  let stats;
  const onLog = (line) => {
    log.write(line + '\n');
    const parsed = parseResultLine(line);
    if (parsed) stats = parsed;
    else console.log(`  ${line}`);
  };

  const outcome = { name: suite.name, passes: 0, failures: 0, exitCode: undefined, log: logPath };
  let server;
  let extra;
  const channel = path.join(dirs.tmp, 'driver-checks.json');
  const screenshotChannel = path.join(dirs.tmp, 'screenshots');
  mkdirSync(screenshotChannel, { recursive: true });
  const phases = [];
  let phaseStart = Date.now();
  const phase = (label) => {
    phases.push(`${label} ${((Date.now() - phaseStart) / 1000).toFixed(1)} s`);
    phaseStart = Date.now();
  };
  try {
    server = await startCodeServer({
      folder: suite.folder,
      dirs,
      extensionsDir: suite.extensionsDir,
      // The tests wait for this file when the driver drives the webview (webviewChecks).
      env: {
        ...suite.env,
        ...(suite.webviewChecks ? { ARCHLENS_DRIVER_CHANNEL: channel } : {}),
        ...(suite.sidebarScreenshots ? { ARCHLENS_SCREENSHOT_CHANNEL: screenshotChannel } : {}),
      },
      logFile: path.join(artifactsDir, `${suite.name}.code-server.log`),
      workspaceTrust: suite.untrusted === true,
      ...(suite.port === undefined ? {} : { port: suite.port }),
    });
    phase('code-server start');
    const result = await runInWorkbench({
      origin: server.origin,
      authority: server.authority,
      folder: suite.folder,
      extensionDevelopmentPath: suite.extensionDevelopmentPath,
      extensionTestsPath: suite.extensionTestsPath,
      timeoutMs: suite.timeoutMs ?? 300_000,
      screenshotPath: path.join(artifactsDir, `${suite.name}.png`),
      onLog,
      onPhase: phase,
      serverExited: server.exited,
      browserHome: dirs.tmp,
      ...(suite.sidebarScreenshots
        ? {
            screenshots: {
              channel: screenshotChannel,
              runName: suite.name,
              artifactsDir,
              updateMedia: suite.sidebarScreenshots.updateMedia,
            },
          }
        : {}),
      ...(suite.webviewChecks
        ? {
            handover: {
              channel,
              run: (page) =>
                runWebviewChecks(page, { ...suite.webviewChecks, runName: suite.name, artifactsDir, onLog }),
            },
          }
        : {}),
    });
    extra = result.extra;
    outcome.exitCode = result.exitCode;
    outcome.screenshot = result.screenshot;
    if (result.error) outcome.error = result.error;
  } catch (error) {
    outcome.error = `host did not start: ${error.message}`;
  } finally {
    if (server) await server.stop();
    if (!suite.dirs) removeRunDirs(dirs);
    phase('stop');
    console.log(`  [driver] ${suite.name} timings: ${phases.join(', ')}`);
    await new Promise((resolve) => log.end(resolve));
  }

  if (stats) {
    outcome.passes = stats.passes;
    outcome.failures = stats.failures;
  }
  if (!outcome.error && !stats) outcome.error = 'the tests entry printed no ARCHLENS-RESULT line';
  if (!outcome.error && outcome.exitCode !== 0 && outcome.failures === 0) {
    outcome.error = `run() ended with exit code ${outcome.exitCode}`;
  }
  if (!outcome.error && outcome.passes + outcome.failures === 0) outcome.error = 'no test ran';
  // The driver's own checks in the page the tests left open count as tests too.
  if (extra) {
    outcome.passes += extra.passes;
    outcome.failures += extra.failures;
  }
  // A run that broke counts as one failure, so the totals can never look green.
  if (outcome.error && outcome.failures === 0) outcome.failures = 1;
  outcome.seconds = Math.round((Date.now() - started) / 100) / 10;
  return outcome;
}
