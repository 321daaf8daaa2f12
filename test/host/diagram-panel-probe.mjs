/* global document -- functions passed to frame.evaluate run in the webview page */
// Reads the diagram panel as a user sees it, when the tests ask
// (`ARCHLENS-SCREENSHOT {"name":…,"action":"diagram-panel"}`): the status line and the buttons the
// panel shows, a screenshot of the editor area, and, with `"click":"<button text>"`, clicks that
// button and reports whether the workbench then showed a quick input (VS Code's Open Folder dialog
// in the web workbench is one).
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const BUTTONS = '#status button, #status vscode-button, [data-probe-text] vscode-button';

/** The frame of the diagram webview: the one with the panel's status line. */
async function panelFrame(page, ms) {
  const end = Date.now() + ms;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.$('#viewport #canvas').catch(() => null)) return frame;
    }
    if (Date.now() > end) throw new Error(`no diagram webview within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * @param {import('playwright-core').Page} page
 * @param {{ name: string, click?: string }} request
 * @param {{ runName: string, artifactsDir: string, onLog: (line: string) => void }} options
 */
export async function answerDiagramPanelRequest(page, request, options) {
  try {
    const frame = await panelFrame(page, 20_000);
    // Give the webview the time it takes to draw or to say why not.
    await page.waitForTimeout(1_500);
    const read = () =>
      frame.evaluate(
        (BUTTONS) => ({
          status: document.getElementById('status')?.textContent?.trim() ?? '',
          buttons: [...document.querySelectorAll(BUTTONS)].map((b) => b.textContent?.trim() ?? ''),
          // Other regions that name themselves for the probe (the Impact bar, the Compare view).
          panels: Object.fromEntries(
            [...document.querySelectorAll('[data-probe-text]')].map((e) => [
              e.getAttribute('data-probe-text'),
              // innerText: what is shown, without the CSS of the SVGs' style elements.
              (e.innerText ?? e.textContent ?? '').trim().replace(/\s+/g, ' '),
            ]),
          ),
        }),
        BUTTONS,
      );
    const shown = await read();
    mkdirSync(options.artifactsDir, { recursive: true });
    const file = path.join(options.artifactsDir, `${options.runName}.${request.name}.png`);
    await page.locator('.part.editor').screenshot({ path: file, timeout: 15_000 });
    let quickInput = false;
    if (request.click) {
      await frame.locator(BUTTONS, { hasText: request.click }).first().click({ timeout: 5_000 });
      quickInput = await page
        .locator('.quick-input-widget')
        .first()
        .waitFor({ state: 'visible', timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      await page.keyboard.press('Escape');
    }
    options.onLog(`[driver] diagram panel ${request.name}: ${JSON.stringify(shown)}`);
    return { ok: true, file, text: shown.status, buttons: shown.buttons, panels: shown.panels, quickInput };
  } catch (error) {
    const message = error.message.split('\n')[0];
    options.onLog(`[driver] diagram panel ${request.name} failed: ${message}`);
    return { ok: false, error: message };
  }
}
