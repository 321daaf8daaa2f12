// Asks the host driver for a screenshot of the side bar (test/host/sidebar-screenshots.mjs) or to
// click through VS Code's refactor preview (test/host/refactor-preview.mjs): the extension host
// cannot drive the browser, so it prints a request line and waits for the answer the driver
// writes to the channel folder named by ARCHLENS_SCREENSHOT_CHANNEL.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The driver's answer: the file it wrote, and the side bar's text and the notifications it saw. */
export interface ScreenshotAnswer {
  readonly ok: boolean;
  readonly file?: string;
  readonly text?: string;
  readonly notifications?: readonly string[];
  readonly error?: string;
}

/** The channel folder, or undefined when the run has no driver that takes screenshots. */
export function screenshotChannel(): string | undefined {
  return process.env['ARCHLENS_SCREENSHOT_CHANNEL'] || undefined;
}

/** Prints a request for the driver and waits for its answer (rejects after `ms`, or without a driver). */
async function askDriver<T>(request: { name: string } & Record<string, string>, ms: number): Promise<T> {
  const channel = screenshotChannel();
  if (!channel) throw new Error('ARCHLENS_SCREENSHOT_CHANNEL is not set: this run has no driver channel');
  const answerFile = path.join(channel, `${request.name}.json`);
  console.log(`ARCHLENS-SCREENSHOT ${JSON.stringify(request)}`);
  const end = Date.now() + ms;
  while (!existsSync(answerFile)) {
    if (Date.now() > end) throw new Error(`the driver did not answer ${request.name} within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return JSON.parse(readFileSync(answerFile, 'utf8')) as T;
}

/**
 * Asks for a screenshot of the side bar with only the pane titled `pane` open, saved as
 * `<run>.<name>.png` in the test artifacts (with `restoreWidth`, the side bar is dragged back to its
 * width afterwards); resolves with the driver's answer, or rejects when
 * none came within `ms` or the run has no driver.
 */
export function sidebarScreenshot(
  name: string,
  pane: string,
  ms = 60_000,
  restoreWidth = false,
): Promise<ScreenshotAnswer> {
  return askDriver<ScreenshotAnswer>({ name, pane, ...(restoreWidth ? { restoreWidth: 'yes' } : {}) }, ms);
}

/** A row of VS Code's refactor preview as the driver saw it. */
export interface RefactorPreviewRow {
  readonly label: string;
  /** 1 for a file, 2 for an edit inside it. */
  readonly level: number;
  readonly checked: boolean | null;
}

/** The driver's answer to a refactor-preview request: the rows before and after ticking. */
export interface RefactorPreviewAnswer {
  readonly ok: boolean;
  readonly file?: string;
  readonly shown?: readonly RefactorPreviewRow[];
  readonly ticked?: readonly RefactorPreviewRow[];
  readonly error?: string;
}

/**
 * Asks the driver to tick every file row of the refactor preview with the mouse (none with
 * `tick: 'none'`) and press Apply
 * (test/host/refactor-preview.mjs); the preview's pane is screenshotted as `<run>.<name>.png`.
 */
export function applyInRefactorPreview(
  name: string,
  ms = 60_000,
  tick: 'all' | 'none' = 'all',
): Promise<RefactorPreviewAnswer> {
  return askDriver<RefactorPreviewAnswer>({ name, action: 'refactor-preview', tick }, ms);
}

/** The driver's answer to a diagram-panel request: the status line and buttons it saw. */
export interface DiagramPanelAnswer {
  readonly ok: boolean;
  readonly file?: string;
  readonly text?: string;
  readonly buttons?: readonly string[];
  /** The text of each region marked `data-probe-text` (the Impact bar, the Compare view), by its name. */
  readonly panels?: Readonly<Record<string, string>>;
  /** Whether a quick input showed after clicking the button named in the request. */
  readonly quickInput?: boolean;
  readonly error?: string;
}

/**
 * Asks the driver to read the diagram panel (status line and buttons, test/host/diagram-panel-probe.mjs)
 * and, with `click`, to click the button with that text; the editor area is screenshotted as `<run>.<name>.png`.
 */
export function readDiagramPanel(name: string, click?: string, ms = 60_000): Promise<DiagramPanelAnswer> {
  return askDriver<DiagramPanelAnswer>({ name, action: 'diagram-panel', ...(click ? { click } : {}) }, ms);
}

/** Asks the driver to click Trust in VS Code's Workspace Trust editor (test/host/trust-grant.mjs). */
export function grantTrustInEditor(name: string, ms = 60_000): Promise<{ ok: boolean; error?: string }> {
  return askDriver<{ ok: boolean; error?: string }>({ name, action: 'grant-trust' }, ms);
}
