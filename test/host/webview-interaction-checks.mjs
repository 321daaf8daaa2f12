/* global document, Event, getComputedStyle, getSelection -- functions passed to frame.evaluate run in the webview page */
// How the diagram answers the mouse and the panel's size, checked by the driver in the real
// workbench: a double-click expands and does nothing else (no editor, no side bar switch), a drag
// across a label selects no text, the drawing refits when the panel is resized, and focus mode
// marks the focused node and its neighbours so that the change shows.
import path from 'node:path';

/** Polls until `probe()` returns a value other than undefined, or throws after `ms`. */
export async function waitFor(label, ms, probe) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`${label}: not within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const nodeSelector = (label) => `g.archlens-node[aria-label="${label.replace(/["\\]/g, '\\$&')}"]`;

/** What the workbench shows around the panel: editor groups, tabs, and the side bar's title. */
async function workbenchState(page) {
  return page.evaluate(() => ({
    groups: document.querySelectorAll('.part.editor .editor-group-container').length,
    tabs: [...document.querySelectorAll('.part.editor .tabs-container .tab')].map(
      (tab) => tab.getAttribute('aria-label') ?? tab.textContent ?? '',
    ),
    sidebar: document.querySelector('.part.sidebar .composite.title h2')?.textContent?.trim() ?? '',
  }));
}

/** The labels of the drawn nodes and the status line. */
async function drawing(frame) {
  return frame.evaluate(() => ({
    labels: [...document.querySelectorAll('#canvas svg g.archlens-node')].map((n) =>
      n.getAttribute('aria-label'),
    ),
    status: document.getElementById('status')?.textContent ?? '',
  }));
}

/**
 * The canvas's transform and the pan and zoom a fit gives at the viewport's present size (the
 * rule of PanZoom.fit: 12 px margins, never above 100 %, centred).
 */
async function fitDeviation(frame) {
  return frame.evaluate(() => {
    const svg = document.querySelector('#canvas svg');
    const viewport = document.getElementById('viewport');
    const canvas = document.getElementById('canvas');
    const viewBox = svg.viewBox.baseVal;
    const box = viewport.getBoundingClientRect();
    const zoom = Math.min(1, (box.width - 24) / viewBox.width, (box.height - 24) / viewBox.height);
    const expected = {
      zoom,
      panX: (box.width - viewBox.width * zoom) / 2,
      panY: (box.height - viewBox.height * zoom) / 2,
    };
    const match = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(canvas.style.transform);
    const actual = match
      ? { panX: Number(match[1]), panY: Number(match[2]), zoom: Number(match[3]) }
      : undefined;
    return { expected, actual, viewport: { width: box.width, height: box.height } };
  });
}

/** Picks a focus direction in the toolbar, as a user does (the status line is rewritten after). */
async function setFocusPicker(frame, value) {
  await frame.evaluate((direction) => {
    const picker = document.getElementById('focus-picker');
    if (picker.value === direction) return;
    document.getElementById('status').textContent = '';
    picker.value = direction;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

function assertFitted(state, when) {
  const { expected, actual } = state;
  if (!actual) throw new Error(`${when}: the canvas has no transform`);
  const off =
    Math.abs(actual.zoom - expected.zoom) > 0.01 * expected.zoom ||
    Math.abs(actual.panX - expected.panX) > 2 ||
    Math.abs(actual.panY - expected.panY) > 2;
  if (off) throw new Error(`${when}: not fitted: ${JSON.stringify(state)}`);
}

/**
 * Runs the interaction checks on a drawn overview.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Frame} frame the diagram webview's frame
 * @param {(name: string, body: () => Promise<void>) => Promise<void>} check
 * @param {{ folderNode: string, folderChild: string, fileNode: string, focusNode: string,
 *   artifactsDir: string, runName: string }} options
 * `folderNode`: a folder node that both opens (reveals) and expands; `folderChild`: a node its
 * expansion draws. `fileNode`: a file node that does not expand. `focusNode`: a node with at least
 * one dependency.
 */
export async function runInteractionChecks(page, frame, check, options) {
  const shot = (name) =>
    page.screenshot({
      path: path.join(options.artifactsDir, `${options.runName}.${name}.png`),
      timeout: 15_000,
    });

  await check(`webview: double-clicking the file node ${options.fileNode} opens no editor`, async () => {
    const before = await workbenchState(page);
    await frame.locator(nodeSelector(options.fileNode)).dblclick({ timeout: 10_000 });
    await page.waitForTimeout(1_500);
    const after = await workbenchState(page);
    if (after.groups !== before.groups || after.tabs.length !== before.tabs.length)
      throw new Error(`editors changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    const selected = await frame.evaluate(() => getSelection()?.toString() ?? '');
    if (selected) throw new Error(`the double-click selected text: ${JSON.stringify(selected)}`);
  });

  await check('webview: dragging across a node label selects no text', async () => {
    const label = frame.locator(`${nodeSelector(options.fileNode)} text`).first();
    const box = await label.boundingBox();
    if (!box) throw new Error('the label has no box');
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 60, box.y + box.height / 2 + 10, { steps: 6 });
    await page.mouse.up();
    const selected = await frame.evaluate(() => getSelection()?.toString() ?? '');
    if (selected) throw new Error(`the drag selected ${JSON.stringify(selected)}`);
  });

  await check('webview: resizing the panel refits the diagram', async () => {
    await frame.locator('#fit').click();
    await page.waitForTimeout(300);
    assertFitted(await fitDeviation(frame), 'after Fit');
    const size = page.viewportSize();
    await page.setViewportSize({
      width: Math.round(size.width * 0.85),
      height: Math.round(size.height * 0.8),
    });
    try {
      await page.waitForTimeout(1_200);
      const state = await fitDeviation(frame);
      await shot('diagram-resized');
      assertFitted(state, `after resizing to ${JSON.stringify(state.viewport)}`);
    } finally {
      await page.setViewportSize(size);
      await page.waitForTimeout(800);
    }
  });

  await check(
    `webview: focus mode on ${options.focusNode} marks it and its neighbours and draws fewer nodes`,
    async () => {
      const unfocused = (await drawing(frame)).labels.length;
      await frame.locator(nodeSelector(options.focusNode)).click({ timeout: 10_000 });
      await setFocusPicker(frame, 'dependencies');
      const marks = await waitFor('the focused drawing', 20_000, async () => {
        const state = await frame.evaluate((selector) => {
          const status = document.getElementById('status')?.textContent ?? '';
          if (!/nodes, .* edges/.test(status)) return undefined;
          const target = document.querySelector(selector);
          const shape = (node) => node?.querySelector('rect, path, polygon, circle');
          const width = (node) => (shape(node) ? parseFloat(getComputedStyle(shape(node)).strokeWidth) : 0);
          const others = [...document.querySelectorAll('#canvas svg g.archlens-node')].filter(
            (n) => n !== target,
          );
          return {
            status,
            targetClasses: target?.getAttribute('class') ?? '',
            targetStroke: width(target),
            otherStrokes: others.map(width),
            near: others.filter((n) => n.classList.contains('focus-near')).length,
            nodes: others.length + 1,
          };
        }, nodeSelector(options.focusNode));
        return state ?? undefined;
      });
      await shot('diagram-focus');
      if (!/\bfocus-target\b/.test(marks.targetClasses))
        throw new Error(`no focus mark: ${JSON.stringify(marks)}`);
      if (marks.near < 1) throw new Error(`no neighbour marked: ${JSON.stringify(marks)}`);
      if (!(marks.nodes < unfocused))
        throw new Error(`focus drew ${marks.nodes} nodes, unfocused ${unfocused}: ${JSON.stringify(marks)}`);
      if (!marks.otherStrokes.every((w) => w < marks.targetStroke))
        throw new Error(`the focused node is not drawn apart: ${JSON.stringify(marks)}`);
      await setFocusPicker(frame, 'off');
      await waitFor('the unfocused drawing', 20_000, async () => {
        const { status, labels } = await drawing(frame);
        return /nodes, .* edges/.test(status) && labels.includes(options.folderNode) ? true : undefined;
      });
    },
  );

  await check(
    `webview: double-clicking the folder node ${options.folderNode} expands it, and opens or reveals nothing`,
    async () => {
      await setFocusPicker(frame, 'off');
      await waitFor(`${options.folderNode} drawn`, 20_000, async () =>
        (await drawing(frame)).labels.includes(options.folderNode) ? true : undefined,
      );
      // The ArchLens side bar first, so a switch to the Explorer would show.
      const archlensIcon = page.locator('.part.activitybar .action-item a[aria-label^="ArchLens"]').first();
      if (!/archlens/i.test((await workbenchState(page)).sidebar))
        await archlensIcon.click({ timeout: 10_000 });
      await page.waitForTimeout(800);
      const before = await workbenchState(page);
      if (!/archlens/i.test(before.sidebar))
        throw new Error(`the ArchLens side bar is not shown: ${before.sidebar}`);
      await frame.locator(nodeSelector(options.folderNode)).dblclick({ timeout: 10_000 });
      await waitFor(`${options.folderChild} drawn`, 20_000, async () =>
        (await drawing(frame)).labels.includes(options.folderChild) ? true : undefined,
      );
      await page.waitForTimeout(1_500);
      const after = await workbenchState(page);
      await shot('diagram-double-click');
      if (after.sidebar !== before.sidebar)
        throw new Error(`the side bar switched from ${before.sidebar} to ${after.sidebar}`);
      if (after.groups !== before.groups || after.tabs.length !== before.tabs.length)
        throw new Error(`editors changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    },
  );
}

/**
 * Focus mode on a real repository, whose labels the run does not know: in `view`, the first of
 * the drawn nodes whose focus on its dependencies draws it with at least one neighbour; the
 * focused drawing must have fewer nodes than the view, mark the node, and is screenshotted.
 */
export async function checkFocusReduces(page, frame, check, options) {
  await check(
    `webview: focus mode on a node of the ${options.view} view draws its neighbourhood, marked`,
    async () => {
      const before = await drawing(frame);
      for (const label of before.labels.slice(0, 8)) {
        await frame.locator(nodeSelector(label)).first().click({ timeout: 10_000 });
        await setFocusPicker(frame, 'dependencies');
        const after = await waitFor('the focused drawing', 20_000, async () => {
          const shown = await frame.evaluate(() => ({
            status: document.getElementById('status')?.textContent ?? '',
            nodes: document.querySelectorAll('#canvas svg g.archlens-node').length,
            target: document.querySelectorAll('#canvas svg g.archlens-node.focus-target').length,
            near: document.querySelectorAll('#canvas svg g.archlens-node.focus-near').length,
          }));
          return /nodes, .* edges/.test(shown.status) ? shown : undefined;
        });
        if (after.target === 1 && after.near >= 1) {
          await page.screenshot({
            path: path.join(options.artifactsDir, `${options.runName}.diagram-${options.view}-focus.png`),
            timeout: 15_000,
          });
          options.onLog(`[driver] focus on ${label}: ${after.nodes} of ${before.labels.length} nodes`);
          await setFocusPicker(frame, 'off');
          if (!(after.nodes < before.labels.length))
            throw new Error(`focus on ${label} drew ${after.nodes} nodes of ${before.labels.length}`);
          return;
        }
        await setFocusPicker(frame, 'off');
        await waitFor('the unfocused drawing', 20_000, async () =>
          (await drawing(frame)).labels.length === before.labels.length ? true : undefined,
        );
      }
      throw new Error(`no node of ${before.labels.slice(0, 8).join(', ')} has a dependency to focus on`);
    },
  );
}
