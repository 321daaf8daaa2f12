/**
 * Turns template text (written with single quotes, semicolons and two-space indentation) into
 * the workspace's style. Templates only quote identifiers and fixed messages, so swapping quote
 * characters and trailing semicolons is safe on them; user code copied in keeps its own text.
 */
import type { CodeStyle } from './code-style';

/** Re-styles a template and ends it with one newline in the workspace's line ending. */
export function render(template: string, style: CodeStyle): string {
  const lines = template.replace(/^\n/, '').replace(/\s+$/, '').split('\n');
  const out = lines.map((line) => {
    const lead = /^( {2})*/.exec(line)?.[0] ?? '';
    let body = line.slice(lead.length);
    if (style.quote === '"') body = body.replace(/'/g, '"');
    if (!style.semicolons && body.endsWith(';') && !/^\s*for\s*\(/.test(body)) body = body.slice(0, -1);
    return style.indent.repeat(lead.length / 2) + body;
  });
  return out.join(style.eol) + style.eol;
}

/** Re-styles one line of template (no trailing newline). */
export function renderLine(template: string, style: CodeStyle): string {
  return render(template, style).slice(0, -style.eol.length);
}
