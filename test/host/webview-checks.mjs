/* global document, Event, getComputedStyle -- functions passed to frame.evaluate run in the webview page */
// Checks run by the driver after the tests, in the page they left open: the extension host
// cannot drive Playwright, the driver can. They find the diagram webview (VS Code nests it in an
// iframe inside an iframe), draw each view and screenshot it, click a file node and check that the
// workbench opened that file. Each check counts as one test in the run's totals.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './host-paths.mjs';
import { checkViolationEdges } from './violation-edge-checks.mjs';
import { checkFocusReduces, runInteractionChecks, waitFor } from './webview-interaction-checks.mjs';

/** The views of the picker, in its order. */
const VIEWS = ['overview', 'layers', 'events', 'cqrs', 'deps'];

/** The frame that holds the diagram's canvas. */
async function diagramFrame(page) {
  return waitFor('the diagram webview frame', 30_000, async () => {
    for (const frame of page.frames()) {
      if (await frame.$('#canvas svg').catch(() => null)) return frame;
    }
    return undefined;
  });
}

/** Switches the webview's view picker and waits for the drawing (or the reason it declines). */
async function showView(frame, view) {
  await frame.evaluate((id) => {
    const picker = document.getElementById('view-picker');
    if (picker.value === id) return; // already drawn; the picker sends nothing for the same view
    // Cleared here, written again by the webview once it drew the view or declined it.
    document.getElementById('status').textContent = '';
    picker.value = id;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
  }, view);
  return waitFor(`the ${view} view`, 30_000, async () => {
    const state = await frame.evaluate(() => {
      const status = document.getElementById('status');
      const svg = document.querySelector('#canvas svg');
      return {
        view: document.getElementById('view-picker')?.value,
        status: status?.textContent ?? '',
        reason: status?.classList.contains('reason') ?? false,
        nodes: svg ? svg.querySelectorAll('g.node').length : 0,
        hasSvg: svg !== null,
      };
    });
    if (state.view !== view || state.status === '' || /^Drawing /.test(state.status)) return undefined;
    if (state.reason || /Could not draw/.test(state.status)) return state;
    if (state.hasSvg && state.nodes > 0 && /nodes, .* edges/.test(state.status)) return state;
    return undefined;
  });
}

/**
 * The median height of node labels on screen as drawn now (their font size times the canvas's
 * zoom) and the editor's font size from VS Code's theme variables.
 */
async function labelsOnScreen(frame) {
  return frame.evaluate(() => {
    const sizes = [...document.querySelectorAll('#canvas svg g.node text')]
      .map((t) => t.getBoundingClientRect().height)
      .filter((h) => h > 0)
      .sort((a, b) => a - b);
    const fontPx =
      parseFloat(getComputedStyle(document.body).getPropertyValue('--vscode-editor-font-size')) || 14;
    const zoom = Number(
      /scale\(([-\d.e]+)\)/.exec(document.getElementById('canvas').style.transform)?.[1] ?? 1,
    );
    const fonts = [...document.querySelectorAll('#canvas svg g.node text')]
      .map((t) => parseFloat(getComputedStyle(t).fontSize))
      .filter((f) => f > 0)
      .sort((a, b) => a - b);
    const font = fonts[Math.floor(fonts.length / 2)] ?? 0;
    return {
      labelPx: font * zoom,
      boxPx: sizes[Math.floor(sizes.length / 2)] ?? 0,
      fontPx,
      zoom,
      nodes: fonts.length,
    };
  });
}

/** Draws, screenshots and (for `readableAtFit`) measures every view; `suffix` names the size. */
async function checkEveryView(page, frame, check, options, suffix) {
  const where = suffix === '' ? '' : ` (${suffix.slice(1)} window)`;
  for (const view of VIEWS) {
    await check(
      `webview: ${view} view draws an SVG or says why not, and is screenshotted${where}`,
      async () => {
        // Another view first, so that picking this one draws (and measures) it at this size.
        if (suffix !== '') await showView(frame, view === 'overview' ? 'deps' : 'overview');
        const state = await showView(frame, view);
        if (/Could not draw/.test(state.status)) throw new Error(state.status);
        if (state.reason && options.mustDraw?.includes(view)) throw new Error(`declined: ${state.status}`);
        await page.waitForTimeout(500);
        const file = path.join(options.artifactsDir, `${options.runName}.diagram-${view}${suffix}.png`);
        await page.screenshot({ path: file, timeout: 15_000 });
        const copy = Array.isArray(options.screenshotsFor)
          ? options.screenshotsFor.includes(view)
          : options.screenshotsFor;
        if (copy && !state.reason) {
          // For the README: the editor area alone (the panel), not the whole workbench.
          const editor = path.join(options.artifactsDir, `${options.runName}.diagram-${view}.editor.png`);
          await page.locator('.part.editor').screenshot({ path: editor, timeout: 15_000 });
          const media = path.join(repoRoot, 'media', 'screenshots');
          mkdirSync(media, { recursive: true });
          copyFileSync(editor, path.join(media, `${options.mediaPrefix ?? 'diagram'}-${view}.png`));
        }
        options.onLog(
          `[driver] ${view}${suffix}: ${state.reason ? `declined (${state.status})` : `${state.nodes} nodes`}`,
        );
      },
    );
    if (options.readableAtFit?.includes(view))
      await check(
        `webview: ${view} labels at fit are at least the editor's font size${options.floorAllowed ? ', or the view says it kept the 8-node floor' : ''}${where}`,
        async () => {
          // A view that does not apply to this workspace draws nothing to measure.
          if (await frame.evaluate(() => document.getElementById('status')?.classList.contains('reason')))
            return;
          await frame.locator('#fit').click();
          await page.waitForTimeout(400);
          const measured = await labelsOnScreen(frame);
          options.onLog(`[driver] ${view}${suffix} readability: ${JSON.stringify(measured)}`);
          const notes = await frame.evaluate(() => document.getElementById('notes')?.textContent ?? '');
          // The other way out: the panel kept the node floor (a view folded into a few groups says
          // nothing) and says so; only where the run allows it (`floorAllowed`).
          const atFloor = /Not collapsed further: that would leave fewer than/.test(notes);
          if (atFloor && options.floorAllowed) {
            options.onLog(
              `[driver] ${view}${suffix}: kept at the node floor, labels ${measured.labelPx.toFixed(1)} px`,
            );
            if (measured.nodes < 8) throw new Error(`at the floor with only ${measured.nodes} nodes`);
            return;
          }
          if (!(measured.labelPx >= measured.fontPx))
            throw new Error(
              `labels ${measured.labelPx.toFixed(1)} px on screen, editor font ${measured.fontPx} px`,
            );
        },
      );
  }
}

/**
 * Runs the webview checks; never throws.
 * @param {import('playwright-core').Page} page
 * @param {{ runName: string, artifactsDir: string, onLog: (line: string) => void,
 *   clickNode?: { label: string, file: string }, screenshotsFor?: boolean | string[],
 *   mustDraw?: string[], interactions?: { folderNode: string, folderChild: string, fileNode: string,
 *   focusNode: string } }} options
 * `clickNode`: the node to click (its label) and the file name the editor tab must show.
 * `screenshotsFor`: when true, each drawn view's screenshot is also copied to media/screenshots;
 *   a list of views copies only those (runs on different fixtures share the README's pictures).
 * `mustDraw`: views that must draw an SVG on this fixture (declining fails the check).
 * `readableAtFit`: views whose node labels, fitted, must be at least the editor's font size.
 * `floorAllowed`: a view whose labels read smaller may pass when the panel says it did not
 *   collapse further because that would leave fewer than 8 nodes (and it draws at least 8).
 * `narrowWidth`: when set, every view is drawn, screenshotted and measured again with the window
 *   this many pixels wide.
 * `mediaPrefix`: the README pictures' name (`<mediaPrefix>-<view>.png`, default `diagram`).
 * `interactions`: the nodes for the double-click, drag, resize and focus checks
 *   (webview-interaction-checks.mjs).
 * `focusReduces`: a view in which focus mode on one of its nodes must draw fewer nodes, marked
 *   (checkFocusReduces: for real repositories, whose node labels the run does not know).
 * `sidebarShowsAnalysis`: at the end, the ArchLens side bar must show the analysis (the
 *   Recommendations pane not its pre-analysis welcome text).
 * `violationEdges`: the view, how many of its edges break boundary rules, and the import the
 *   first one's quick pick lists first (violation-edge-checks.mjs).
 * @returns {Promise<{ passes: number, failures: number }>}
 */
export async function runWebviewChecks(page, options) {
  const { onLog } = options;
  let passes = 0;
  let failures = 0;
  const check = async (name, body) => {
    try {
      await body();
      passes++;
      onLog(`[driver] ✔ ${name}`);
    } catch (error) {
      failures++;
      onLog(`[driver] ✘ ${name}: ${error.message.split('\n')[0]}`);
    }
  };

  let frame;
  await check('webview: the diagram panel is found inside the nested webview iframes', async () => {
    frame = await diagramFrame(page);
  });
  if (!frame) return { passes, failures: failures + VIEWS.length + 1 };

  mkdirSync(options.artifactsDir, { recursive: true });
  await checkEveryView(page, frame, check, options, '');
  if (options.narrowWidth) {
    // The same views in a narrow window (the panel about half as wide): each is picked again, so
    // the panel measures and collapses it at this size.
    const size = page.viewportSize();
    await page.setViewportSize({ width: options.narrowWidth, height: size.height });
    await page.waitForTimeout(800);
    try {
      await checkEveryView(page, frame, check, { ...options, screenshotsFor: false }, '.narrow');
    } finally {
      await page.setViewportSize(size);
      await page.waitForTimeout(800);
    }
  }

  if (options.clickNode) {
    const { label, file } = options.clickNode;
    await check(`webview: clicking the node ${label} opens ${file} in an editor`, async () => {
      await showView(frame, 'overview');
      // The webview names each node with its label (aria-label) for screen readers.
      const node = frame.locator(`g.archlens-node[aria-label="${label.replace(/["\\]/g, '\\$&')}"]`);
      const count = await node.count();
      if (count !== 1) throw new Error(`expected one node labelled ${label}, found ${count}`);
      // The workbench's tabs that show a file (the active editor of each group).
      const activeTitles = () =>
        page.$$eval('.tabs-container .tab.active', (tabs) =>
          tabs.map((tab) => tab.getAttribute('aria-label') ?? tab.textContent ?? ''),
        );
      if ((await activeTitles()).some((title) => title.includes(file)))
        throw new Error(`${file} was already the active editor before the click`);
      await node.click({ timeout: 10_000 });
      await waitFor(`an editor tab for ${file}`, 15_000, async () =>
        (await activeTitles()).some((title) => title.includes(file)) ? true : undefined,
      );
      await page.screenshot({
        path: path.join(options.artifactsDir, `${options.runName}.diagram-click.png`),
        timeout: 15_000,
      });
    });
  }
  if (options.violationEdges) {
    const expected = options.violationEdges;
    await check(
      `webview: ${expected.count} edges of the ${expected.view} view are red violations, listed on click`,
      async () => {
        await showView(frame, expected.view);
        await checkViolationEdges(page, frame, expected, options);
      },
    );
  }
  if (options.interactions) {
    await showView(frame, 'overview');
    await runInteractionChecks(page, frame, check, {
      ...options.interactions,
      artifactsDir: options.artifactsDir,
      runName: options.runName,
    });
  }
  if (options.focusReduces) {
    await showView(frame, options.focusReduces);
    await checkFocusReduces(page, frame, check, {
      view: options.focusReduces,
      artifactsDir: options.artifactsDir,
      runName: options.runName,
      onLog,
    });
  }
  if (options.sidebarShowsAnalysis) {
    await check(
      'workbench: after the checks the ArchLens side bar still shows the analysis, not its pre-analysis text',
      async () => {
        const icon = page.locator('.part.activitybar .action-item a[aria-label^="ArchLens"]').first();
        const title = await page
          .locator('.part.sidebar .composite.title h2')
          .textContent()
          .catch(() => '');
        if (!/archlens/i.test(title ?? '')) await icon.click({ timeout: 10_000 });
        await page.waitForTimeout(800);
        const text = await page.locator('.part.sidebar').innerText({ timeout: 5_000 });
        await page.screenshot({
          path: path.join(options.artifactsDir, `${options.runName}.sidebar-live.png`),
          timeout: 15_000,
        });
        if (/Recommendations appear after an analysis/.test(text))
          throw new Error(`the Recommendations pane says no analysis ran: ${JSON.stringify(text)}`);
      },
    );
  }
  return { passes, failures };
}
