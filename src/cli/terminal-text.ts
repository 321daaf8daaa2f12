import type { CliIO } from './io';

/**
 * Keeps terminal control codes of workspace-derived text (file and folder names, manifest
 * fields, messages quoting them) off the terminal: ESC ] 0 ; … BEL retitles a terminal, CSI
 * (ESC [ or the one-character C1 code U+009B) moves the cursor, recolours, or worse. Applied to
 * everything a command writes, since any line may quote a name.
 */

// C0 except tab and newline (the CLI's own layout), DEL, and C1. CR only alone: CR LF is a line
// end (a scaffold preview prints CRLF files), a lone CR lets a line overwrite what came before.
// eslint-disable-next-line no-control-regex -- matching control codes is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/g;

/** Each control code as visible text: `\x1b`, `\x07`, `\x9b`. */
export function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * JSON text with DEL and C1 codes escaped as `\u00XX` (JSON.stringify escapes only C0). Those
 * codes can only stand inside JSON strings, so the data stays exactly the same.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// The one control sequence the CLI itself writes: redraw the progress line in place.
const PROGRESS_REDRAW = '\r\x1b[K';

/** `io` with both streams made terminal-safe; stdout as JSON when the command prints JSON. */
export function terminalSafeIO(io: CliIO, stdoutIsJson: boolean): CliIO {
  return {
    ...io,
    stdout: (text) => io.stdout(stdoutIsJson ? escapeJsonControls(text) : visibleControls(text)),
    stderr: (text) => io.stderr(text.split(PROGRESS_REDRAW).map(visibleControls).join(PROGRESS_REDRAW)),
  };
}
