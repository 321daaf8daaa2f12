/**
 * Escaping for Mermaid flowchart text. Every label goes through `mermaidLabel`, which returns a
 * double-quoted string whose characters cannot end the label, open markup or start a directive:
 * quotes, brackets, backticks, `<`, `>`, `&`, `#`, `;`, `|`, `{`, `}` become Mermaid entity codes.
 */
const ENTITY: Readonly<Record<string, string>> = {
  '"': '#quot;',
  '#': '#35;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '`': '#96;',
  '[': '#91;',
  ']': '#93;',
  '(': '#40;',
  ')': '#41;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  ';': '#59;',
  '\\': '#92;',
};

/** A label as Mermaid node text: `"…"`, safe for any file name. Newlines become spaces. */
export function mermaidLabel(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) out += ENTITY[ch] ?? ch;
  return `"${out}"`;
}

/** Node ids are generated (`n0`, `n1`, …), never taken from file names. */
export function nodeId(index: number): string {
  return `n${index}`;
}
