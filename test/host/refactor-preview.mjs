/* global document -- functions passed to page.evaluate run in the workbench page */
// Drives VS Code's refactor preview as a user does, when the tests ask for it
// (`ARCHLENS-SCREENSHOT {"name":…,"action":"refactor-preview"}`): every file row ticked by a click
// on its checkbox, the pane screenshotted, then the Apply button clicked. Answers with the rows as
// they were shown (label, level, checked) before and after ticking, so the tests can check what
// the preview listed. Driving the preview's tree with list commands from the extension host
// depended on which list had focus, and failed now and then.
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const PANE = '.bulk-edit-panel';

/** The preview's rows as shown: label, tree level, and whether the row's checkbox is ticked. */
async function readRows(page) {
  return page.$$eval(`${PANE} .monaco-list-row`, (rows) =>
    rows.map((row) => ({
      label: (row.textContent ?? '').trim(),
      level: Number(row.getAttribute('aria-level') ?? '0'),
      checked: row.querySelector('input.edit-checkbox')?.checked ?? null,
    })),
  );
}

/**
 * Waits for the preview, ticks each unticked file row (level 1) unless `tick` is `none`, screenshots the pane to
 * `<artifactsDir>/<runName>.<name>.png`, and presses Apply. Never throws.
 * @param {import('playwright-core').Page} page
 * @param {{ name: string, tick?: 'all' | 'none' }} request
 * @param {{ runName: string, artifactsDir: string, onLog: (line: string) => void }} options
 */
export async function answerRefactorPreviewRequest(page, request, options) {
  try {
    const rowsLocator = page.locator(`${PANE} .monaco-list-row`);
    await rowsLocator.first().waitFor({ state: 'visible', timeout: 20_000 });
    const shown = await readRows(page);
    const fileRows = page.locator(`${PANE} .monaco-list-row[aria-level="1"]`);
    // `tick: "none"`: Apply pressed with the rows as shown (unticked), as a user who missed them.
    const count = request.tick === 'none' ? 0 : await fileRows.count();
    for (let i = 0; i < count; i++) {
      const box = fileRows.nth(i).locator('input.edit-checkbox');
      if (!(await box.isChecked())) await box.click();
    }
    // The tree re-renders after each tick: wait until every file row shows ticked.
    if (count > 0)
      await page.waitForFunction(
        (selector) => [...document.querySelectorAll(selector)].every((input) => input.checked === true),
        `${PANE} .monaco-list-row[aria-level="1"] input.edit-checkbox`,
        { timeout: 10_000 },
      );
    const ticked = await readRows(page);
    mkdirSync(options.artifactsDir, { recursive: true });
    const file = path.join(options.artifactsDir, `${options.runName}.${request.name}.png`);
    await page.locator(PANE).screenshot({ path: file, timeout: 15_000 });
    await page.locator(`${PANE} .monaco-button`, { hasText: /^Apply$/ }).click({ timeout: 10_000 });
    options.onLog(`[driver] refactor preview ${request.name}: ${count} file row(s) ticked, applied`);
    return { ok: true, file, shown, ticked };
  } catch (error) {
    const message = error.message.split('\n')[0];
    options.onLog(`[driver] refactor preview ${request.name} failed: ${message}`);
    return { ok: false, error: message };
  }
}
