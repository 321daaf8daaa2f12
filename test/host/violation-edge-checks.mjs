/* global document, getComputedStyle -- functions passed to frame.evaluate run in the webview page */
// The driver's check of boundary-rule violations in the diagram: in the given view, exactly the
// expected edges are marked as violations and drawn red, the others are not; clicking one shows
// the quick pick that lists the violating imports first (its title counts them).
import path from 'node:path';
import { waitFor } from './webview-interaction-checks.mjs';

/** The colour Mermaid's linkStyle gives violation edges (`stroke:#f85149`), as computed. */
const RED = 'rgb(248, 81, 73)';

/**
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Frame} frame the diagram webview, showing `view`
 * @param {{ view: string, count: number, firstImport: string }} expected `firstImport`: the
 *   `file:line` the quick pick lists first for the first red edge
 * @param {{ artifactsDir: string, runName: string, onLog: (line: string) => void }} options
 */
export async function checkViolationEdges(page, frame, expected, options) {
  const edges = await frame.evaluate((red) => {
    const paths = [...document.querySelectorAll('#canvas svg path.archlens-edge')];
    return paths.map((p) => ({
      violation: p.classList.contains('archlens-violation'),
      red: getComputedStyle(p).stroke === red,
    }));
  }, RED);
  const marked = edges.filter((e) => e.violation);
  options.onLog(`[driver] ${expected.view}: ${edges.length} edges, ${marked.length} marked as violations`);
  if (marked.length !== expected.count)
    throw new Error(`expected ${expected.count} violation edges, found ${marked.length} of ${edges.length}`);
  if (!marked.every((e) => e.red)) throw new Error('a violation edge is not drawn red');
  if (edges.some((e) => !e.violation && e.red)) throw new Error('an edge that breaks no rule is drawn red');
  if (edges.length === marked.length) throw new Error('every edge is a violation: nothing to tell apart');

  // A path is hit only on its thin stroke: the click goes to the element itself, as a pointer's would.
  await frame.locator('#canvas svg path.archlens-violation').first().dispatchEvent('click');
  const widget = page.locator('.quick-input-widget').first();
  await widget.waitFor({ state: 'visible', timeout: 15_000 });
  const shown = await waitFor('the violation quick pick', 10_000, async () => {
    const title =
      (await widget
        .locator('.quick-input-title')
        .textContent()
        .catch(() => '')) ?? '';
    const rows = await widget.locator('.monaco-list-row').allTextContents();
    return /breaking (a boundary rule|boundary rules)/.test(title) && rows.length > 0
      ? { title, rows }
      : undefined;
  });
  await page.screenshot({
    path: path.join(options.artifactsDir, `${options.runName}.violation-edge-pick.png`),
    timeout: 15_000,
  });
  await page.keyboard.press('Escape');
  options.onLog(`[driver] violation quick pick: ${shown.title} | ${shown.rows.join(' | ')}`);
  if (!shown.rows.some((row) => row.includes('Breaking boundary rules')))
    throw new Error(`no "Breaking boundary rules" section: ${shown.rows.join(' | ')}`);
  const first = shown.rows.find((row) => /:\d+/.test(row)) ?? '';
  if (!first.includes(expected.firstImport))
    throw new Error(`the first import listed is ${first}, not ${expected.firstImport}`);
}
