// Drives the code-server web workbench with Debian's Chromium: the workbench runs the
// extension's tests in its extension host and reports log lines and the exit code through two
// functions the page calls (codeAutomationLog / codeAutomationExit).
import { createRequire } from 'node:module';
import path from 'node:path';
import util from 'node:util';
import { chromiumPath, repoRoot } from './host-paths.mjs';

const { chromium } = createRequire(path.join(repoRoot, 'package.json'))('playwright-core');

/** A local path as a URI on the code-server host (plain paths in the payload are ignored). */
export function remoteUri(authority, absolutePath) {
  return `vscode-remote://${authority}${absolutePath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/**
 * Opens the workbench on `folder`, runs the tests and waits for their exit code.
 * @param {{ origin: string, authority: string, folder: string, extensionDevelopmentPath: string,
 *   extensionTestsPath: string, timeoutMs: number, screenshotPath: string,
 *   onLog: (line: string) => void }} options
 * @returns {Promise<{ exitCode: number | undefined, timedOut: boolean, screenshot?: string }>}
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
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    let resolveExit;
    const exited = new Promise((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationLog', (_level, args) => {
      const parts = Array.isArray(args) ? args : [args];
      for (const line of util.format(...parts).split('\n')) onLog(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    page.on('pageerror', (error) => onLog(`[page error] ${error.message}`));

    const payload = [
      ['extensionDevelopmentPath', remoteUri(authority, extensionDevelopmentPath)],
      ['extensionTestsPath', remoteUri(authority, extensionTestsPath)],
    ];
    const url = `${origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([exited, timeout]);
    clearTimeout(timer);

    // The page stays up after the tests end, so the screenshot shows what they left open.
    let screenshot;
    try {
      await page.waitForTimeout(1_000);
      await page.screenshot({ path: screenshotPath });
      screenshot = screenshotPath;
    } catch (error) {
      onLog(`[driver] screenshot failed: ${error.message}`);
    }
    return outcome === 'timeout'
      ? { exitCode: undefined, timedOut: true, screenshot }
      : { exitCode: outcome, timedOut: false, screenshot };
  } finally {
    await browser.close().catch(() => {});
  }
}
