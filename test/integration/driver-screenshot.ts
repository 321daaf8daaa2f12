// Asks the host driver for a screenshot of the side bar (test/host/sidebar-screenshots.mjs): the
// extension host cannot drive the browser, so it prints a request line and waits for the answer
// the driver writes to the channel folder named by ARCHLENS_SCREENSHOT_CHANNEL.
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

/**
 * Asks for a screenshot of the side bar with only the pane titled `pane` open, saved as
 * `<run>.<name>.png` in the test artifacts; resolves with the driver's answer, or rejects when
 * none came within `ms` or the run has no driver.
 */
export async function sidebarScreenshot(name: string, pane: string, ms = 60_000): Promise<ScreenshotAnswer> {
  const channel = screenshotChannel();
  if (!channel) throw new Error('ARCHLENS_SCREENSHOT_CHANNEL is not set: this run takes no screenshots');
  const answerFile = path.join(channel, `${name}.json`);
  console.log(`ARCHLENS-SCREENSHOT ${JSON.stringify({ name, pane })}`);
  const end = Date.now() + ms;
  while (!existsSync(answerFile)) {
    if (Date.now() > end)
      throw new Error(`the driver did not answer the screenshot ${name} within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return JSON.parse(readFileSync(answerFile, 'utf8')) as ScreenshotAnswer;
}
