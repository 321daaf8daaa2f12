import { compileNfa, type GlobMatcher, type GlobNode } from './glob-nfa';

export type { GlobMatcher } from './glob-nfa';

/**
 * Glob patterns as VS Code's `files.exclude` and `search.exclude` write them, compiled to a
 * matcher over POSIX paths relative to the workspace root (a linear-time NFA, see
 * `glob-nfa.ts`: a pattern from `archlens.config.json` cannot make it backtrack):
 *
 * - `*` any run of characters inside one path segment, `?` one character inside a segment;
 * - `**` as a whole segment: any number of segments, none included (`**` alone: everything;
 *   names may hold any character, a newline too);
 * - `{a,b}` alternatives, which may hold globs themselves and nest;
 * - `[abc]`, `[a-z]`, `[!abc]` / `[^abc]` one character of (or not of) a set;
 * - `\x` the character `x` itself.
 *
 * A pattern without `**` is anchored at the root (`dist` is only the top-level `dist`), as in
 * VS Code. A leading `./` or `/` is dropped. Unbalanced `{` or `[` is taken literally, so
 * every string compiles.
 */
export function compileGlob(glob: string): GlobMatcher {
  let pattern = glob.trim().replace(/^\.\//, '');
  while (pattern.startsWith('/')) pattern = pattern.slice(1);
  if (pattern.endsWith('/') && pattern.length > 1) pattern = pattern.replace(/\/+$/, '');
  return compileNfa(compile(pattern));
}

const anyChar = (): boolean => true;
const notSlash = (char: string): boolean => char !== '/';
const slash: GlobNode = { type: 'char', test: (char) => char === '/' };
const anyRun: GlobNode = { type: 'star', item: { type: 'char', test: anyChar } };
/** `**\/`: zero or more whole segments. */
const anySegments: GlobNode = { type: 'opt', item: { type: 'seq', items: [anyRun, slash] } };
const segmentRun: GlobNode = { type: 'star', item: { type: 'char', test: notSlash } };

/** Compiles a pattern to its tree. */
function compile(pattern: string): GlobNode {
  const out: GlobNode[] = [];
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i] as string;
    if (char === '*') {
      let end = i;
      while (pattern[end] === '*') end++;
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      const atSegmentEnd = end === pattern.length || pattern[end] === '/';
      if (end - i >= 2 && atSegmentStart && atSegmentEnd) {
        // `**/**` is `**`: a repeated globstar adds nothing (and only states to walk).
        while (out[out.length - 1] === anySegments) out.pop();
        if (out.length > 0 && end === pattern.length) {
          // `a/**` also matches `a` itself: the slash before it becomes optional with the rest.
          if (out[out.length - 1] === slash) out.pop();
          out.push({ type: 'opt', item: { type: 'seq', items: [slash, anyRun] } });
        } else if (end === pattern.length) {
          out.push(anyRun);
        } else {
          // `**/` at the start or `/**/` in the middle: zero or more whole segments.
          out.push(anySegments);
        }
        i = pattern[end] === '/' ? end + 1 : end;
        continue;
      }
      out.push(segmentRun);
      i = end;
    } else if (char === '?') {
      out.push({ type: 'char', test: notSlash });
      i++;
    } else if (char === '[') {
      const parsed = charClass(pattern, i);
      out.push(parsed ? parsed.node : literal('['));
      i = parsed ? parsed.end : i + 1;
    } else if (char === '{') {
      const close = matchingBrace(pattern, i);
      if (close === undefined) {
        out.push(literal('{'));
        i++;
        continue;
      }
      const alternatives = splitTopLevel(pattern.slice(i + 1, close));
      out.push({ type: 'alt', items: alternatives.map(compile) });
      i = close + 1;
    } else if (char === '\\' && i + 1 < pattern.length) {
      // A code point, not a UTF-16 unit: `\😀` escapes the whole emoji.
      const escaped = String.fromCodePoint(pattern.codePointAt(i + 1) as number);
      out.push(literal(escaped));
      i += 1 + escaped.length;
    } else {
      const point = String.fromCodePoint(pattern.codePointAt(i) as number);
      out.push(literal(point));
      i += point.length;
    }
  }
  return { type: 'seq', items: out };
}

function literal(char: string): GlobNode {
  return char === '/' ? slash : { type: 'char', test: (c) => c === char };
}

function classRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp('^' + source + '$', 'u');
  } catch {
    return undefined;
  }
}

/** A `[...]` class at `start`, or `undefined` when it is not closed or not a valid set. */
function charClass(pattern: string, start: number): { node: GlobNode; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < pattern.length) {
    const char = pattern[i] as string;
    if (char === ']' && !first) {
      if (body === '') return undefined;
      const source = negate ? `[^/${body}]` : `[${body}]`;
      // A range out of order (`[z-a]`, `[a-\\]`) is no set: the brackets are then literal.
      const set = classRegExp(source);
      if (set === undefined) return undefined;
      // One code point against a one-character class: nothing to backtrack.
      return { node: { type: 'char', test: (c) => set.test(c) }, end: i + 1 };
    }
    if (char === '/') return undefined;
    if (char === '-' && body !== '' && pattern[i + 1] !== ']' && i + 1 < pattern.length) {
      body += '-';
    } else {
      body +=
        char === '\\' || char === ']' || char === '[' || char === '^' || char === '-' ? '\\' + char : char;
    }
    first = false;
    i++;
  }
  return undefined;
}

function matchingBrace(pattern: string, start: number): number | undefined {
  let depth = 0;
  for (let i = start; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i;
  }
  return undefined;
}

/** Splits the inside of `{...}` on its top-level commas. */
function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (char === '\\' && i + 1 < body.length) {
      current += char + (body[i + 1] as string);
      i++;
      continue;
    }
    if (char === '{') depth++;
    else if (char === '}') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}
