// The regular-expression glob compiler ArchLens used until the linear matcher replaced it, kept only as the reference
// the linear matcher in src/core/scan/glob.ts is checked against on ordinary inputs. It
// backtracks: do not use it on untrusted patterns.

/**
 * Glob patterns as VS Code's `files.exclude` and `search.exclude` write them, compiled to a
 * `RegExp` over POSIX paths relative to the workspace root:
 *
 * - `*` any run of characters inside one path segment, `?` one character inside a segment;
 * - `**` as a whole segment: any number of segments, none included (`**` alone: everything);
 * - `{a,b}` alternatives, which may hold globs themselves and nest;
 * - `[abc]`, `[a-z]`, `[!abc]` / `[^abc]` one character of (or not of) a set;
 * - `\x` the character `x` itself.
 *
 * A pattern without `**` is anchored at the root (`dist` is only the top-level `dist`), as in
 * VS Code. A leading `./` or `/` is dropped. Unbalanced `{` or `[` is taken literally, so
 * every string compiles.
 */
export function referenceGlobToRegExp(glob: string): RegExp {
  let pattern = glob.trim().replace(/^\.\//, '');
  while (pattern.startsWith('/')) pattern = pattern.slice(1);
  if (pattern.endsWith('/') && pattern.length > 1) pattern = pattern.replace(/\/+$/, '');
  return new RegExp('^' + compile(pattern) + '$', 'u');
}

/** Compiles a pattern (without anchors) to regular-expression source. */
function compile(pattern: string): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i] as string;
    if (char === '*') {
      let end = i;
      while (pattern[end] === '*') end++;
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      const atSegmentEnd = end === pattern.length || pattern[end] === '/';
      if (end - i >= 2 && atSegmentStart && atSegmentEnd) {
        if (i > 0 && end === pattern.length) {
          // `a/**` also matches `a` itself: take back the slash emitted before it.
          out = out.slice(0, -'\\/'.length) + '(?:/.*)?';
        } else {
          // `**/` at the start or `/**/` in the middle: zero or more whole segments.
          out += end === pattern.length ? '.*' : '(?:.*/)?';
        }
        i = pattern[end] === '/' ? end + 1 : end;
        continue;
      }
      out += '[^/]*';
      i = end;
    } else if (char === '?') {
      out += '[^/]';
      i++;
    } else if (char === '[') {
      const parsed = charClass(pattern, i);
      out += parsed ? parsed.source : '\\[';
      i = parsed ? parsed.end : i + 1;
    } else if (char === '{') {
      const close = matchingBrace(pattern, i);
      if (close === undefined) {
        out += '\\{';
        i++;
        continue;
      }
      const alternatives = splitTopLevel(pattern.slice(i + 1, close));
      out += '(?:' + alternatives.map(compile).join('|') + ')';
      i = close + 1;
    } else if (char === '\\' && i + 1 < pattern.length) {
      out += escapeRegExp(pattern[i + 1] as string);
      i += 2;
    } else {
      out += escapeRegExp(char);
      i++;
    }
  }
  return out;
}

function isValidClass(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/** A `[...]` class at `start`, or `undefined` when it is not closed or not a valid set. */
function charClass(pattern: string, start: number): { source: string; end: number } | undefined {
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
      if (!isValidClass(source)) return undefined;
      return { source, end: i + 1 };
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

function escapeRegExp(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? '\\' + char : char;
}
