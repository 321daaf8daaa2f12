/**
 * The workspace's code style, so generated code reads like the user's own: quotes, semicolons,
 * indentation, line endings, and whether relative imports carry `.js`. Taken from Prettier's
 * config, then EditorConfig, then sampled from existing files.
 */
import type { ScaffoldWorkspace } from './types';
import { readText, tsFiles } from './workspace-files';

export interface CodeStyle {
  readonly quote: "'" | '"';
  readonly semicolons: boolean;
  /** One level of indentation: spaces or a tab. */
  readonly indent: string;
  readonly eol: '\n' | '\r\n';
  /** Relative specifiers end with `.js` (ESM with NodeNext resolution). */
  readonly jsExtension: boolean;
}

const SAMPLE = 30;

/** Reads the style of the workspace; defaults to single quotes, semicolons, two spaces, LF. */
export function readCodeStyle(ws: ScaffoldWorkspace): CodeStyle {
  const samples = tsFiles(ws)
    .slice(0, SAMPLE)
    .map((f) => readText(ws, f))
    .filter((t): t is string => t !== undefined);
  const sampled = sampleStyle(samples);
  const prettier = prettierStyle(ws);
  const editor = editorConfigStyle(ws);
  return {
    quote: prettier.quote ?? sampled.quote ?? "'",
    semicolons: prettier.semicolons ?? sampled.semicolons ?? true,
    indent: prettier.indent ?? editor.indent ?? sampled.indent ?? '  ',
    eol: prettier.eol ?? editor.eol ?? sampled.eol ?? '\n',
    jsExtension: sampled.jsExtension ?? false,
  };
}

type Partial<T> = { -readonly [K in keyof T]?: T[K] };

/** Counts the habits of the given files. */
export function sampleStyle(texts: readonly string[]): Partial<CodeStyle> {
  let single = 0;
  let double = 0;
  let semi = 0;
  let bare = 0;
  let crlf = 0;
  let lf = 0;
  let withJs = 0;
  let without = 0;
  let tabs = 0;
  let spaces = 0;
  let minSpaces = Number.POSITIVE_INFINITY;
  for (const text of texts) {
    if (text.includes('\r\n')) crlf++;
    else if (text.includes('\n')) lf++;
    for (const line of text.split(/\r?\n/)) {
      const imp = /^\s*(?:import|export)\b.*\bfrom\s+(['"])([^'"]+)\1\s*(;?)\s*$/.exec(line);
      if (imp) {
        if (imp[1] === "'") single++;
        else double++;
        if (imp[3] === ';') semi++;
        else bare++;
        const spec = imp[2] ?? '';
        if (spec.startsWith('.')) {
          if (/\.(m|c)?js$/.test(spec)) withJs++;
          else without++;
        }
      } else if (/^\s*(?:const|let|return|throw)\b.*[^,{([]\s*$/.test(line)) {
        if (line.trimEnd().endsWith(';')) semi++;
        else bare++;
      }
      const lead = /^(\t+|[ ]+)(\S)/.exec(line);
      if (lead !== null && lead[2] !== '*') {
        const ws = lead[1] ?? '';
        if (ws.startsWith('\t')) tabs++;
        else {
          spaces++;
          minSpaces = Math.min(minSpaces, ws.length);
        }
      }
    }
  }
  const style: Partial<CodeStyle> = {};
  if (single + double > 0) style.quote = double > single ? '"' : "'";
  if (semi + bare > 0) style.semicolons = semi >= bare;
  if (crlf + lf > 0) style.eol = crlf > lf ? '\r\n' : '\n';
  if (withJs + without > 0) style.jsExtension = withJs > without;
  if (tabs > spaces) style.indent = '\t';
  else if (spaces > 0) style.indent = ' '.repeat(Math.min(minSpaces, 8));
  return style;
}

function prettierStyle(ws: ScaffoldWorkspace): Partial<CodeStyle> {
  let config: Record<string, unknown> | undefined;
  for (const name of ['.prettierrc', '.prettierrc.json']) {
    const text = readText(ws, name);
    if (text === undefined) continue;
    try {
      config = JSON.parse(text) as Record<string, unknown>;
    } catch {
      config = undefined;
    }
    break;
  }
  if (config === undefined) {
    const pkg = readText(ws, 'package.json');
    try {
      const prettier =
        pkg === undefined ? undefined : (JSON.parse(pkg) as Record<string, unknown>)['prettier'];
      if (prettier && typeof prettier === 'object') config = prettier as Record<string, unknown>;
    } catch {
      // No style from a malformed package.json.
    }
  }
  if (config === undefined) return {};
  const style: Partial<CodeStyle> = {
    // Prettier's defaults apply once a config exists.
    quote: config['singleQuote'] === true ? "'" : '"',
    semicolons: config['semi'] !== false,
  };
  if (config['useTabs'] === true) style.indent = '\t';
  else if (typeof config['tabWidth'] === 'number') style.indent = ' '.repeat(config['tabWidth']);
  else style.indent = '  ';
  if (config['endOfLine'] === 'crlf') style.eol = '\r\n';
  else if (config['endOfLine'] === 'lf' || config['endOfLine'] === undefined) style.eol = '\n';
  return style;
}

function editorConfigStyle(ws: ScaffoldWorkspace): Partial<CodeStyle> {
  const text = readText(ws, '.editorconfig');
  if (text === undefined) return {};
  const style: Partial<CodeStyle> = {};
  let applies = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const section = /^\[(.*)\]$/.exec(line);
    if (section) {
      const glob = section[1] ?? '';
      applies = glob === '*' || /\bts\b/.test(glob) || glob === '*.{js,ts}';
      continue;
    }
    if (!applies) continue;
    const [key, value] = line.split('=').map((s) => s.trim().toLowerCase());
    if (key === 'indent_style') style.indent = value === 'tab' ? '\t' : (style.indent ?? '  ');
    if (key === 'indent_size' && value && /^\d+$/.test(value) && style.indent !== '\t') {
      style.indent = ' '.repeat(Number(value));
    }
    if (key === 'end_of_line') style.eol = value === 'crlf' ? '\r\n' : '\n';
  }
  return style;
}
