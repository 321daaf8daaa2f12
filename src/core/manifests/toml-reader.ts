/**
 * A small TOML reader for the files ArchLens needs (`wrangler.toml`, `netlify.toml`): key/value
 * pairs with bare, quoted and dotted keys; basic, literal and multi-line strings; numbers,
 * booleans and dates (kept as text); arrays (multi-line, with comments); inline tables;
 * `[tables]` and `[[arrays of tables]]`. Throws {@link TomlSyntaxError} on what it cannot read.
 */

export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

export class TomlSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export function readToml(text: string): TomlTable {
  return new TomlParser(text).document();
}

class TomlParser {
  private i = 0;

  constructor(private readonly text: string) {}

  document(): TomlTable {
    const root: TomlTable = Object.create(null) as TomlTable;
    let current = root;
    for (;;) {
      this.skip(true);
      if (this.i >= this.text.length) return root;
      if (this.text[this.i] === '[') {
        const arrayOfTables = this.text[this.i + 1] === '[';
        this.i += arrayOfTables ? 2 : 1;
        this.skip(false);
        const keys = this.key();
        this.skip(false);
        if (!this.text.startsWith(arrayOfTables ? ']]' : ']', this.i))
          throw this.error(`Expected \`${arrayOfTables ? ']]' : ']'}\``);
        this.i += arrayOfTables ? 2 : 1;
        current = arrayOfTables ? this.appendTable(root, keys) : this.table(root, keys);
      } else {
        const keys = this.key();
        this.skip(false);
        if (this.text[this.i] !== '=') throw this.error('Expected `=` after a key');
        this.i++;
        this.skip(false);
        const value = this.value();
        const last = keys[keys.length - 1] ?? '';
        this.table(current, keys.slice(0, -1))[last] = value;
      }
      this.skip(false);
      const c = this.text[this.i];
      if (c !== undefined && c !== '\n' && c !== '\r') throw this.error('Expected the end of the line');
    }
  }

  private error(message: string): TomlSyntaxError {
    return new TomlSyntaxError(this.i, message);
  }

  /** Skips blanks and comments, and newlines when `newlines`. */
  private skip(newlines: boolean): void {
    for (;;) {
      const c = this.text[this.i];
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) this.i++;
      else if (c === '#') while (this.i < this.text.length && this.text[this.i] !== '\n') this.i++;
      else return;
    }
  }

  private key(): string[] {
    const keys: string[] = [];
    for (;;) {
      this.skip(false);
      const c = this.text[this.i];
      if (c === '"' || c === "'") keys.push(this.quoted(c));
      else {
        const match = /[A-Za-z0-9_-]+/y;
        match.lastIndex = this.i;
        const found = match.exec(this.text);
        if (found === null) throw this.error('Expected a key');
        keys.push(found[0]);
        this.i += found[0].length;
      }
      this.skip(false);
      if (this.text[this.i] !== '.') return keys;
      this.i++;
    }
  }

  private table(root: TomlTable, keys: readonly string[]): TomlTable {
    let table = root;
    for (const key of keys) {
      let next = table[key];
      if (Array.isArray(next)) next = next[next.length - 1];
      if (next === undefined) {
        next = Object.create(null) as TomlTable;
        table[key] = next;
      }
      if (typeof next !== 'object' || Array.isArray(next)) throw this.error(`\`${key}\` is not a table`);
      table = next;
    }
    return table;
  }

  private appendTable(root: TomlTable, keys: readonly string[]): TomlTable {
    const parent = this.table(root, keys.slice(0, -1));
    const last = keys[keys.length - 1] ?? '';
    const list = parent[last] ?? [];
    if (!Array.isArray(list)) throw this.error(`\`${last}\` is not an array of tables`);
    const table = Object.create(null) as TomlTable;
    list.push(table);
    parent[last] = list;
    return table;
  }

  private value(): TomlValue {
    const c = this.text[this.i];
    if (c === '"' || c === "'") return this.quoted(c);
    if (c === '[') return this.array();
    if (c === '{') return this.inlineTable();
    const match = /[A-Za-z0-9_:.+-]+(?:[ T][0-9:.+Z-]+)?/y;
    match.lastIndex = this.i;
    const found = match.exec(this.text);
    if (found === null) throw this.error('Expected a value');
    this.i += found[0].length;
    const word = found[0].trim();
    if (word === 'true') return true;
    if (word === 'false') return false;
    const number = Number(word.replace(/_/g, ''));
    return /^[+-]?(?:\d[\d_]*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(word) && Number.isFinite(number)
      ? number
      : word;
  }

  private quoted(quote: string): string {
    const start = this.i;
    const triple = this.text.startsWith(quote.repeat(3), this.i);
    if (triple) {
      const end = this.text.indexOf(quote.repeat(3), this.i + 3);
      if (end < 0) throw new TomlSyntaxError(start, 'Unterminated multi-line string');
      const body = this.text.slice(this.i + 3, end).replace(/^\r?\n/, '');
      this.i = end + 3;
      return quote === '"' ? unescape(body) : body;
    }
    this.i++;
    let out = '';
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined || c === '\n') throw new TomlSyntaxError(start, 'Unterminated string');
      this.i++;
      if (c === quote) return quote === '"' ? unescape(out) : out;
      if (c === '\\' && quote === '"') {
        out += c + (this.text[this.i] ?? '');
        this.i++;
      } else out += c;
    }
  }

  private array(): TomlValue[] {
    const start = this.i;
    this.i++;
    const out: TomlValue[] = [];
    for (;;) {
      this.skip(true);
      if (this.i >= this.text.length) throw new TomlSyntaxError(start, 'Unclosed array: expected `]`');
      if (this.text[this.i] === ']') {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.skip(true);
      if (this.text[this.i] === ',') this.i++;
      else if (this.text[this.i] !== ']') throw this.error('Expected `,` or `]`');
    }
  }

  private inlineTable(): TomlTable {
    this.i++;
    const table = Object.create(null) as TomlTable;
    for (;;) {
      this.skip(false);
      if (this.text[this.i] === '}') {
        this.i++;
        return table;
      }
      const keys = this.key();
      if (this.text[this.i] !== '=') throw this.error('Expected `=` after a key');
      this.i++;
      this.skip(false);
      const value = this.value();
      this.table(table, keys.slice(0, -1))[keys[keys.length - 1] ?? ''] = value;
      this.skip(false);
      if (this.text[this.i] === ',') this.i++;
      else if (this.text[this.i] !== '}') throw this.error('Expected `,` or `}`');
    }
  }
}

function unescape(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_match, code: string) => {
    if (code.length > 1) return String.fromCodePoint(parseInt(code.slice(1), 16));
    return (
      ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\' } as Record<string, string>)[
        code
      ] ?? code
    );
  });
}
