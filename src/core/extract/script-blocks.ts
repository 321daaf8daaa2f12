/** One `<script>` element of a single-file component (Vue, Svelte). */
export interface ScriptBlock {
  /** UTF-16 offset of the first character of the content in the whole file. */
  readonly contentStart: number;
  readonly content: string;
  /** The `lang` attribute (`ts`, `tsx`), when present. */
  readonly lang?: string;
  /** The `src` attribute's value and the offset of its opening quote, when present. */
  readonly src?: { readonly value: string; readonly offset: number };
}

const SCRIPT_OPEN = /<script(?=[\s>/])|<!--/gi;
const SCRIPT_CLOSE = /<\/script\s*>/gi;
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/**
 * The `<script>` blocks of a Vue or Svelte file (`<script>`, `<script setup>`,
 * `<script context="module">`), in file order. HTML comments are skipped; an unterminated
 * block runs to the end of the file.
 */
export function findScriptBlocks(text: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  SCRIPT_OPEN.lastIndex = 0;
  for (let match = SCRIPT_OPEN.exec(text); match !== null; match = SCRIPT_OPEN.exec(text)) {
    if (match[0] === '<!--') {
      const close = text.indexOf('-->', match.index + 4);
      if (close === -1) break;
      SCRIPT_OPEN.lastIndex = close + 3;
      continue;
    }
    const tagEnd = endOfTag(text, match.index + match[0].length);
    const attributes = text.slice(match.index + match[0].length, tagEnd);
    const attributesStart = match.index + match[0].length;
    const selfClosing = attributes.trimEnd().endsWith('/');
    const contentStart = Math.min(tagEnd + 1, text.length);
    let contentEnd = contentStart;
    let next = contentStart;
    if (!selfClosing) {
      SCRIPT_CLOSE.lastIndex = contentStart;
      const close = SCRIPT_CLOSE.exec(text);
      contentEnd = close === null ? text.length : close.index;
      next = close === null ? text.length : close.index + close[0].length;
    }
    const { lang, src } = readAttributes(attributes, attributesStart);
    blocks.push({
      contentStart,
      content: text.slice(contentStart, contentEnd),
      ...(lang !== undefined ? { lang } : {}),
      ...(src !== undefined ? { src } : {}),
    });
    SCRIPT_OPEN.lastIndex = next;
  }
  return blocks;
}

/** The offset of the `>` closing a start tag, skipping quoted attribute values. */
function endOfTag(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return text.length;
}

function readAttributes(
  attributes: string,
  base: number,
): { lang?: string; src?: { value: string; offset: number } } {
  let lang: string | undefined;
  let src: { value: string; offset: number } | undefined;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attributes); m !== null; m = ATTRIBUTE.exec(attributes)) {
    const name = (m[1] ?? '').toLowerCase();
    const value = m[2] ?? m[3] ?? m[4];
    if (value === undefined) continue;
    if (name === 'lang') lang = value;
    else if (name === 'src') {
      // The quote (or the value itself when unquoted) sits right before the value's text.
      const valueEnd = m.index + m[0].length - (m[4] === undefined ? 1 : 0);
      const quoteOffset = valueEnd - value.length - (m[4] === undefined ? 1 : 0);
      src = { value, offset: base + quoteOffset };
    }
  }
  return { ...(lang !== undefined ? { lang } : {}), ...(src !== undefined ? { src } : {}) };
}
