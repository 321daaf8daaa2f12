import type { BoundarySide, PathSelector } from './types';

/** A string as a regular expression that matches it literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular expression's source made case-insensitive without flags (peers take patterns as
 * strings): each letter outside a class becomes `[xX]`, each letter in a class gets its other case.
 */
export function caseless(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '\\') {
      out += source.slice(i, i + 2);
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
      out += char;
      if (/[a-z]/i.test(char)) out += otherCase(char);
    } else if (char === '[') {
      inClass = true;
      out += char;
      if (source[i + 1] === '^') out += source[++i] as string;
    } else if (char === '(' && source[i + 1] === '?') {
      // `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`: the group's syntax holds no letters to fold.
      const syntax = /^\(\?(?:<[=!]|[:=!])/.exec(source.slice(i))?.[0] ?? '(';
      out += syntax;
      i += syntax.length - 1;
    } else if (/[a-z]/i.test(char)) {
      out += `[${char}${otherCase(char)}]`;
    } else {
      out += char;
    }
  }
  return out;
}

function otherCase(char: string): string {
  const lower = char.toLowerCase();
  return lower === char ? char.toUpperCase() : lower;
}

/**
 * A glob of archlens.config.json (as `compileGlob` reads it: `*`, `?`, `**`, `{a,b}`, `[abc]`,
 * `\x`; anchored at the root) as a regular expression over relative POSIX paths. Optional
 * parts are written `(?:|…)`, not `(?:…)?`: dependency-cruiser refuses nested repetition.
 */
export function globToRegex(glob: string): string {
  let pattern = glob.trim().replace(/^\.\//, '');
  while (pattern.startsWith('/')) pattern = pattern.slice(1);
  if (pattern.endsWith('/') && pattern.length > 1) pattern = pattern.replace(/\/+$/, '');
  return `^${globBody(pattern)}$`;
}

function globBody(pattern: string): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i] as string;
    if (char === '*') {
      let end = i;
      while (pattern[end] === '*') end++;
      const atStart = i === 0 || pattern[i - 1] === '/';
      const atEnd = end === pattern.length || pattern[end] === '/';
      if (end - i >= 2 && atStart && atEnd) {
        if (end === pattern.length) {
          if (out.endsWith('/')) out = `${out.slice(0, -1)}(?:|/[\\s\\S]*)`;
          else out += '[\\s\\S]*';
          i = end;
        } else {
          out += '(?:|[\\s\\S]*/)';
          i = end + 1;
        }
      } else {
        out += '[^/]*';
        i = end;
      }
    } else if (char === '?') {
      out += '[^/]';
      i++;
    } else if (char === '\\' && i + 1 < pattern.length) {
      out += escapeRegex(pattern[i + 1] as string);
      i += 2;
    } else if (char === '{') {
      const close = matchingBrace(pattern, i);
      if (close < 0) {
        out += '\\{';
        i++;
      } else {
        out += `(?:${splitAlternatives(pattern.slice(i + 1, close))
          .map(globBody)
          .join('|')})`;
        i = close + 1;
      }
    } else if (char === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        i++;
      } else {
        let body = pattern.slice(i + 1, close);
        const negated = body.startsWith('!') || body.startsWith('^');
        if (negated) body = body.slice(1);
        out += `[${negated ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
        i = close + 1;
      }
    } else {
      out += escapeRegex(char);
      i++;
    }
  }
  return out;
}

function matchingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/** A package entry (`pg`, `@nestjs/core`, or a prefix ending in `/`) as a path pattern body. */
function packageBody(name: string): string {
  return name.endsWith('/') ? `${escapeRegex(name)}[^/]+(?:/|$)` : `${escapeRegex(name)}(?:/|$)`;
}

/**
 * A selector as a regular expression over paths relative to the workspace root. A package
 * matches as resolved into any `node_modules` (npm, pnpm, yarn) or, when not installed, by its
 * name; a built-in by its name with or without `node:`.
 */
export function selectorRegex(selector: PathSelector): string {
  switch (selector.kind) {
    case 'folder':
      return selector.path === '.' ? '^' : `^${escapeRegex(selector.path)}/`;
    case 'file':
      return `^${escapeRegex(selector.path)}$`;
    case 'pattern':
      return selector.caseless ? caseless(selector.regex) : selector.regex;
    case 'owned': {
      const prefix = selector.path === '.' ? '' : `${selector.path}/`;
      const head = selector.path === '.' ? '^' : `^${escapeRegex(prefix)}`;
      if (selector.nested.length === 0) return head;
      const rest = selector.nested.map((n) => escapeRegex(n.slice(prefix.length)));
      return `${head}(?!(?:${rest.join('|')})/)`;
    }
    case 'packages': {
      const alternatives: string[] = [];
      if (selector.names.length > 0) {
        const names = selector.names.map(packageBody).join('|');
        alternatives.push(`(?:^|(?:^|/)node_modules/)(?:${names})`);
      }
      if (selector.builtins.length > 0)
        alternatives.push(`^(?:node:)?(?:${selector.builtins.map(escapeRegex).join('|')})$`);
      return alternatives.join('|');
    }
  }
}

/** Any of the selectors, as one regular expression. */
export function anyOf(selectors: readonly PathSelector[]): string {
  const parts = selectors.map(selectorRegex);
  return parts.length === 1 ? (parts[0] as string) : parts.map((p) => `(?:${p})`).join('|');
}

/**
 * One side of a boundary as a peer's `path`: the `require` entries become look-aheads at the
 * start (every one must match somewhere in the path), then any of `include`.
 */
export function sideRegex(side: BoundarySide): string {
  const include = anyOf(side.include);
  if (side.require.length === 0) return include;
  const ahead = side.require.map((s) => `(?=[\\s\\S]*?(?:${selectorRegex(s)}))`).join('');
  return `^${ahead}[\\s\\S]*?(?:${include})`;
}
