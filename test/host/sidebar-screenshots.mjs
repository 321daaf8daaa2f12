/* global document -- functions passed to page.evaluate run in the workbench page */
// Screenshots of the workbench's side bar, taken by the driver when the tests ask for one: the
// tests set the theme and expand the trees (the extension host can), then print
// `ARCHLENS-SCREENSHOT {"name":…,"pane":…}` and wait until the driver wrote its answer to
// `<ARCHLENS_SCREENSHOT_CHANNEL>/<name>.json` (the extension host cannot drive Playwright, the
// driver can).
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './host-paths.mjs';
import { answerDiagramPanelRequest } from './diagram-panel-probe.mjs';
import { answerRefactorPreviewRequest } from './refactor-preview.mjs';
import { answerGrantTrustRequest } from './trust-grant.mjs';

/** The line the tests print to ask for a screenshot (or, with `action`, another driver step). */
export const screenshotMarker = 'ARCHLENS-SCREENSHOT ';

/** Width the side bar is dragged to, so tree labels are not cut off. */
const SIDEBAR_WIDTH = 760;
/** The workbench's side bar width when nothing resized it. */
const DEFAULT_SIDEBAR_WIDTH = 300;
/** The side bar's width before the first screenshot widened it (what `restoreWidth` goes back to). */
let originalSidebarWidth;

/** Parses a request line, or undefined when the line is not one. */
export function parseScreenshotRequest(line) {
  const at = line.indexOf(screenshotMarker);
  if (at < 0) return undefined;
  try {
    const request = JSON.parse(line.slice(at + screenshotMarker.length));
    const safe = /^[a-z0-9-]+$/;
    if (typeof request.name === 'string' && safe.test(request.name)) return request;
  } catch {
    // not ours
  }
  return undefined;
}

/** Drags the sash right of the side bar until the side bar is `width` pixels wide. */
async function widenSidebar(page, width) {
  const sidebar = page.locator('.part.sidebar');
  const box = await sidebar.boundingBox();
  if (!box || Math.abs(box.width - width) < 4) return;
  const edge = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(edge - 1, y);
  await page.mouse.down();
  await page.mouse.move(edge + 40, y, { steps: 4 });
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(300);
}

/**
 * Shows only the pane titled `pane` in the side bar (the others collapsed), so its tree gets the
 * side bar's whole height.
 */
async function showOnlyPane(page, pane) {
  const headers = page.locator('.part.sidebar .pane-header');
  const count = await headers.count();
  let found = false;
  for (let i = 0; i < count; i++) {
    const header = headers.nth(i);
    const title = ((await header.locator('h3.title').textContent()) ?? '').trim();
    const expanded = (await header.getAttribute('aria-expanded')) === 'true';
    const wanted = title.toLowerCase() === pane.toLowerCase();
    if (wanted) found = true;
    if (wanted !== expanded) await header.locator('h3.title').click();
  }
  if (!found) throw new Error(`no side bar pane titled ${pane}`);
  await page.waitForTimeout(600);
}

/**
 * Answers one request: `pane` shown alone, the side bar screenshotted to
 * `<artifactsDir>/<runName>.<name>.png` and, with `updateMedia`, copied to
 * media/screenshots/<name>.png. Writes `{ ok, file?, text?, notifications?, error? }` to `<channel>/<name>.json`; never throws.
 * @param {import('playwright-core').Page} page
 * @param {{ name: string, pane?: string, restoreWidth?: boolean }} request
 * @param {{ channel: string, runName: string, artifactsDir: string, updateMedia: boolean,
 *   onLog: (line: string) => void }} options
 */
export async function answerScreenshotRequest(page, request, options) {
  let answer;
  if (request.action === 'refactor-preview') {
    answer = await answerRefactorPreviewRequest(page, request, options);
    writeAnswer(options.channel, request.name, answer);
    return;
  }
  if (request.action === 'grant-trust') {
    answer = await answerGrantTrustRequest(page, request, options);
    writeAnswer(options.channel, request.name, answer);
    return;
  }
  if (request.action === 'diagram-panel') {
    answer = await answerDiagramPanelRequest(page, request, options);
    writeAnswer(options.channel, request.name, answer);
    return;
  }
  try {
    const widthNow = (await page.locator('.part.sidebar').boundingBox())?.width;
    if (originalSidebarWidth === undefined && widthNow && widthNow > 100) originalSidebarWidth = widthNow;
    await widenSidebar(page, SIDEBAR_WIDTH);
    if (request.pane) await showOnlyPane(page, request.pane);
    // Hover and focus nothing, so no row or header shows hover colours or a focus ring by chance.
    await page.mouse.move(1400, 880);
    await page.evaluate(() => document.activeElement?.blur?.());
    await page.waitForTimeout(400);
    mkdirSync(options.artifactsDir, { recursive: true });
    const file = path.join(options.artifactsDir, `${options.runName}.${request.name}.png`);
    await page.locator('.part.sidebar').screenshot({ path: file, timeout: 15_000 });
    if (options.updateMedia) {
      const media = path.join(repoRoot, 'media', 'screenshots');
      mkdirSync(media, { recursive: true });
      copyFileSync(file, path.join(media, `${request.name}.png`));
    }
    options.onLog(`[driver] screenshot ${request.name}: ${path.relative(repoRoot, file)}`);
    // What a person sees, for the tests to check: the side bar's text and the notifications shown.
    const text = await page.locator('.part.sidebar').innerText({ timeout: 5_000 });
    const notifications = await page.$$eval(
      '.notifications-toasts .notification-list-item-message',
      (items) => items.map((item) => item.textContent ?? ''),
    );
    answer = { ok: true, file, text, notifications };
    // `restoreWidth`: the side bar back to its width, so later checks see the usual editor area.
    if (request.restoreWidth) {
      await widenSidebar(page, Math.round(originalSidebarWidth ?? DEFAULT_SIDEBAR_WIDTH));
    }
  } catch (error) {
    options.onLog(`[driver] screenshot ${request.name} failed: ${error.message.split('\n')[0]}`);
    answer = { ok: false, error: error.message.split('\n')[0] };
  }
  writeAnswer(options.channel, request.name, answer);
}

/** Writes an answer aside and renames it, so the tests never read half of one. */
function writeAnswer(channel, name, answer) {
  const answerFile = path.join(channel, `${name}.json`);
  writeFileSync(`${answerFile}.tmp`, JSON.stringify(answer));
  renameSync(`${answerFile}.tmp`, answerFile);
}
