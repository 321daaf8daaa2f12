/**
 * Escaping for Mermaid flowchart text. Every label goes through `mermaidLabel`, which returns a
 * double-quoted string that reads the same in Mermaid's SVG-text and HTML label modes and
 * cannot end the label, start a markdown string, form an entity or open a directive.
 *
 * Measured on Mermaid 12 (SVG text labels): inside `"…"` brackets, pipes, braces and `;` are
 * literal; only `#amp;`, `#lt;` and `#gt;` decode (numeric codes and `#quot;` show as
 * `&#40;`/`&quot;`); an unescaped `#word;` breaks the lexer; a leading backtick starts a
 * markdown string.
 */
const ZERO_WIDTH_SPACE = '\u200B';

const REPLACE: Readonly<Record<string, string>> = {
  // A double quote would end the label and `#quot;` is not decoded in SVG text: use the
  // full-width quotation mark, which reads the same.
  '"': '\uFF02',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  // `#` could begin an entity (`#b;`): a zero-width space after it keeps it literal.
  '#': '#' + ZERO_WIDTH_SPACE,
};

/** A label as Mermaid node, subgraph or edge text: `"…"`, safe for any file name. Newlines become spaces. */
export function mermaidLabel(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ')) out += REPLACE[ch] ?? ch;
  // `%%` may open a directive or a comment; a leading backtick opens a markdown string.
  out = out.replace(/%%/g, '%' + ZERO_WIDTH_SPACE + '%');
  if (out.startsWith('`')) out = ZERO_WIDTH_SPACE + out;
  return `"${out}"`;
}

/** Node ids are generated (`n0`, `n1`, …), never taken from file names. */
export function nodeId(index: number): string {
  return `n${index}`;
}
