import type { ManifestContext } from './context';
import { positionAt } from './paths';

/**
 * Parses a JSON manifest. On a syntax error it warns with the file, line and column and returns
 * `undefined`. With `comments`, `//` and block comments and trailing commas are accepted
 * (JSONC, as in `wrangler.jsonc` and `tsconfig.json`).
 */
export function readJson(
  file: string,
  text: string,
  ctx: ManifestContext,
  options: { comments?: boolean } = {},
): { value: unknown } | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const source = options.comments === true ? blankCommentsAndTrailingCommas(body) : body;
  try {
    return { value: JSON.parse(source) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /at position (\d+)/.exec(message);
    const offset = match?.[1] !== undefined ? Number(match[1]) : source.trimEnd().length;
    const { line, column } = positionAt(source, offset);
    const reason = message
      .replace(/\s*in JSON at position \d+.*$/, '')
      .replace(/^Unexpected end of JSON input$/, 'Unexpected end of input');
    ctx.warn({ file, line, column, message: `Malformed JSON: ${reason}.` });
    return undefined;
  }
}

/**
 * Replaces comments and trailing commas with spaces, keeping every offset (so error positions
 * still point into the original text).
 */
export function blankCommentsAndTrailingCommas(text: string): string {
  const out = text.split('');
  let i = 0;
  let lastSignificant = -1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      lastSignificant = i;
      i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') out[i++] = ' ';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (; i < stop; i++) if (text[i] !== '\n') out[i] = ' ';
    } else {
      if ((ch === '}' || ch === ']') && lastSignificant >= 0 && text[lastSignificant] === ',')
        out[lastSignificant] = ' ';
      if (ch !== undefined && !/\s/.test(ch)) lastSignificant = i;
      i++;
    }
  }
  return out.join('');
}
