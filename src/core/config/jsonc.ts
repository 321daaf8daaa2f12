/**
 * A small parser for JSON with comments and trailing commas (JSONC, as in `tsconfig.json`),
 * which reports where each value and key stands so that warnings can point into the file.
 */

/** A 1-based position in the text. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** A JSON value as parsed. Objects have no prototype, so a `__proto__` key is plain data. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The result of {@link parseJsonc}. */
export type JsoncResult =
  | {
      readonly ok: true;
      readonly value: JsonValue;
      /** Where the value at a path (`[]`, `['exclude']`, `['exclude', 2]`) starts. */
      readonly positionOf: (path: readonly (string | number)[]) => TextPosition | undefined;
      /** Where the key of the property at a path (`['exclude']`) starts. */
      readonly keyPositionOf: (path: readonly (string | number)[]) => TextPosition | undefined;
      /** Keys written twice in one object (the last one counts, as in `JSON.parse`). */
      readonly duplicateKeys: readonly {
        readonly path: readonly (string | number)[];
        readonly at: TextPosition;
      }[];
    }
  | { readonly ok: false; readonly message: string; readonly at: TextPosition };

class ParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses JSONC text. Never throws: broken text gives a message and its position. */
export function parseJsonc(text: string): JsoncResult {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const toPosition = (offset: number): TextPosition => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 };
  };

  const positions = new Map<string, number>();
  const keyPositions = new Map<string, number>();
  const duplicateKeys: { path: (string | number)[]; at: TextPosition }[] = [];
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    throw new ParseError(message, at);
  };
  const describe = (at: number): string =>
    at >= text.length ? 'end of file' : `"${String.fromCodePoint(text.codePointAt(at) as number)}"`;

  const skipTrivia = (): void => {
    for (;;) {
      const char = text[pos];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\uFEFF') pos++;
      else if (char === '/' && text[pos + 1] === '/') {
        while (pos < text.length && text[pos] !== '\n') pos++;
      } else if (char === '/' && text[pos + 1] === '*') {
        const end = text.indexOf('*/', pos + 2);
        if (end < 0) fail('unterminated comment');
        pos = end + 2;
      } else return;
    }
  };

  const parseValue = (path: (string | number)[]): JsonValue => {
    skipTrivia();
    positions.set(JSON.stringify(path), pos);
    const char = text[pos];
    if (char === '{') return parseObject(path);
    if (char === '[') return parseArray(path);
    if (char === '"') return parseString();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return parseNumber();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    return fail(`expected a value but found ${describe(pos)}`);
  };

  const parseObject = (path: (string | number)[]): JsonValue => {
    const object = Object.create(null) as { [key: string]: JsonValue };
    const seen = new Set<string>();
    pos++;
    for (;;) {
      skipTrivia();
      if (text[pos] === '}') {
        pos++;
        return object;
      }
      if (text[pos] !== '"') fail(`expected a property name in double quotes but found ${describe(pos)}`);
      const keyAt = pos;
      const key = parseString();
      skipTrivia();
      if (text[pos] !== ':') fail(`expected ":" after the property name but found ${describe(pos)}`);
      pos++;
      const childPath = [...path, key];
      keyPositions.set(JSON.stringify(childPath), keyAt);
      if (seen.has(key)) duplicateKeys.push({ path: childPath, at: toPosition(keyAt) });
      seen.add(key);
      object[key] = parseValue(childPath);
      skipTrivia();
      if (text[pos] === ',') pos++;
      else if (text[pos] !== '}') fail(`expected "," or "}" after a property but found ${describe(pos)}`);
    }
  };

  const parseArray = (path: (string | number)[]): JsonValue => {
    const array: JsonValue[] = [];
    pos++;
    for (;;) {
      skipTrivia();
      if (text[pos] === ']') {
        pos++;
        return array;
      }
      array.push(parseValue([...path, array.length]));
      skipTrivia();
      if (text[pos] === ',') pos++;
      else if (text[pos] !== ']')
        fail(`expected "," or "]" after an array element but found ${describe(pos)}`);
    }
  };

  const parseString = (): string => {
    const start = pos;
    pos++;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (pos >= text.length || code === 10 || code === 13) fail('unterminated string', start);
      if (code === 0x22) break;
      if (code === 0x5c) pos++;
      else if (code < 0x20) fail('control character in a string');
      pos++;
    }
    pos++;
    try {
      return JSON.parse(text.slice(start, pos)) as string;
    } catch {
      return fail('invalid escape in a string', start);
    }
  };

  const parseNumber = (): number => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!match) return fail(`invalid number`);
    pos += match[0].length;
    return Number(match[0]);
  };

  try {
    const value = parseValue([]);
    skipTrivia();
    if (pos < text.length) fail(`unexpected ${describe(pos)} after the end of the value`);
    return {
      ok: true,
      value,
      positionOf: (path) => {
        const offset = positions.get(JSON.stringify(path));
        return offset === undefined ? undefined : toPosition(offset);
      },
      keyPositionOf: (path) => {
        const offset = keyPositions.get(JSON.stringify(path));
        return offset === undefined ? undefined : toPosition(offset);
      },
      duplicateKeys,
    };
  } catch (error) {
    if (error instanceof ParseError)
      return { ok: false, message: error.message, at: toPosition(error.offset) };
    // Only a stack overflow on absurdly deep nesting can land here.
    return { ok: false, message: 'nested too deeply', at: toPosition(pos) };
  }
}
