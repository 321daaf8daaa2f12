/**
 * A small HCL (Terraform) reader: blocks with labels and attributes, as raw expression text.
 * It knows strings (with `${…}` interpolation), heredocs, the three comment forms and nested
 * brackets, enough to find blocks and their literal attributes; it evaluates nothing.
 */

export interface HclAttribute {
  readonly name: string;
  /** The expression as written (comments included). */
  readonly raw: string;
  /** The value, when the expression is one quoted string (interpolations kept as written). */
  readonly text?: string;
  readonly line: number;
}

export interface HclBlock {
  /** `resource`, `data`, `module`, …; empty for the file itself. */
  readonly type: string;
  readonly labels: readonly string[];
  readonly line: number;
  readonly attributes: ReadonlyMap<string, HclAttribute>;
  readonly blocks: readonly HclBlock[];
}

/** A syntax error at a character offset. */
export class HclSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a whole file; throws {@link HclSyntaxError} when it is malformed. */
export function readHcl(text: string): HclBlock {
  return new HclParser(text).file();
}

interface MutableBlock {
  type: string;
  labels: string[];
  line: number;
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
}

class HclParser {
  private i = 0;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) this.lineStarts.push(k + 1);
  }

  file(): HclBlock {
    const root: MutableBlock = { type: '', labels: [], line: 1, attributes: new Map(), blocks: [] };
    this.body(root, false);
    return root;
  }

  private lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  private body(block: MutableBlock, closing: boolean): void {
    const openedAt = this.i;
    for (;;) {
      this.skipSpace(true);
      const c = this.text[this.i];
      if (c === undefined) {
        if (closing) throw new HclSyntaxError(openedAt - 1, 'Unclosed block: expected `}`');
        return;
      }
      if (c === '}') {
        if (!closing) throw new HclSyntaxError(this.i, 'Unexpected `}`');
        this.i++;
        return;
      }
      const start = this.i;
      const name = this.identifier();
      if (name === undefined) throw new HclSyntaxError(this.i, 'Expected an attribute or a block');
      this.skipSpace(false);
      if (this.text[this.i] === '=' && this.text[this.i + 1] !== '=') {
        this.i++;
        const raw = this.expression();
        const text = literalString(raw);
        block.attributes.set(name, {
          name,
          raw,
          ...(text !== undefined ? { text } : {}),
          line: this.lineAt(start),
        });
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.skipSpace(false);
        if (this.text[this.i] === '"') {
          const from = this.i;
          this.skipString();
          labels.push(literalString(this.text.slice(from, this.i)) ?? this.text.slice(from + 1, this.i - 1));
          continue;
        }
        const label = this.identifier();
        if (label === undefined) break;
        labels.push(label);
      }
      if (this.text[this.i] !== '{') throw new HclSyntaxError(this.i, 'Expected `=` or `{`');
      this.i++;
      const child: MutableBlock = {
        type: name,
        labels,
        line: this.lineAt(start),
        attributes: new Map(),
        blocks: [],
      };
      this.body(child, true);
      block.blocks.push(child);
    }
  }

  private identifier(): string | undefined {
    const match = /[A-Za-z_][\w-]*/y;
    match.lastIndex = this.i;
    const found = match.exec(this.text);
    if (found === null) return undefined;
    this.i += found[0].length;
    return found[0];
  }

  /** Skips blanks and comments; newlines only when `newlines`. */
  private skipSpace(newlines: boolean): void {
    for (;;) {
      const c = this.text[this.i];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.i++;
      else if (c === '#' || (c === '/' && this.text[this.i + 1] === '/')) {
        while (this.i < this.text.length && this.text[this.i] !== '\n') this.i++;
      } else if (c === '/' && this.text[this.i + 1] === '*') this.skipBlockComment();
      else return;
    }
  }

  private skipBlockComment(): void {
    const end = this.text.indexOf('*/', this.i + 2);
    if (end < 0) throw new HclSyntaxError(this.i, 'Unterminated comment');
    this.i = end + 2;
  }

  /** An expression up to the end of its line (or the `}` closing a one-line block), brackets balanced. */
  private expression(): string {
    const start = this.i;
    const closers: string[] = [];
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined) {
        if (closers.length > 0)
          throw new HclSyntaxError(
            start,
            `Unclosed bracket: expected \`${closers[closers.length - 1] ?? ''}\``,
          );
        break;
      }
      if (closers.length === 0 && (c === '\n' || c === '}')) break;
      if (c === '"') this.skipString();
      else if (
        c === '<' &&
        this.text[this.i + 1] === '<' &&
        /<<-?[A-Za-z_]/y.test(this.text.slice(this.i, this.i + 4))
      )
        this.skipHeredoc();
      else if (c === '#' || (c === '/' && this.text[this.i + 1] === '/')) {
        while (this.i < this.text.length && this.text[this.i] !== '\n') this.i++;
      } else if (c === '/' && this.text[this.i + 1] === '*') this.skipBlockComment();
      else {
        if (c === '(') closers.push(')');
        else if (c === '[') closers.push(']');
        else if (c === '{') closers.push('}');
        else if (c === ')' || c === ']' || c === '}') {
          if (closers.pop() !== c) throw new HclSyntaxError(this.i, `Unexpected \`${c}\``);
        }
        this.i++;
      }
    }
    return this.text.slice(start, this.i).trim();
  }

  private skipString(): void {
    const start = this.i;
    this.i++;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined || c === '\n') throw new HclSyntaxError(start, 'Unterminated string');
      if (c === '\\') this.i += 2;
      else if (c === '"') {
        this.i++;
        return;
      } else if ((c === '$' || c === '%') && this.text[this.i + 1] === '{') {
        this.i += 2;
        this.skipTemplate(start);
      } else this.i++;
    }
  }

  /** The inside of `${ … }`: may hold strings and braces of its own. */
  private skipTemplate(stringStart: number): void {
    let depth = 1;
    while (depth > 0) {
      const c = this.text[this.i];
      if (c === undefined) throw new HclSyntaxError(stringStart, 'Unterminated interpolation');
      if (c === '"') this.skipString();
      else {
        if (c === '{') depth++;
        else if (c === '}') depth--;
        this.i++;
      }
    }
  }

  private skipHeredoc(): void {
    const match = /<<-?([A-Za-z_][\w-]*)/y;
    match.lastIndex = this.i;
    const found = match.exec(this.text);
    const delimiter = found?.[1] ?? '';
    const start = this.i;
    const lineEnd = this.text.indexOf('\n', this.i);
    if (lineEnd < 0) throw new HclSyntaxError(start, 'Unterminated heredoc');
    let cursor = lineEnd + 1;
    for (;;) {
      const next = this.text.indexOf('\n', cursor);
      const line = this.text.slice(cursor, next < 0 ? this.text.length : next);
      if (line.trim() === delimiter) {
        this.i = next < 0 ? this.text.length : next;
        return;
      }
      if (next < 0) throw new HclSyntaxError(start, `Unterminated heredoc: expected ${delimiter}`);
      cursor = next + 1;
    }
  }
}

/** The text of an expression that is exactly one quoted string. */
function literalString(raw: string): string | undefined {
  const pattern = /^"((?:[^"\\]|\\.)*)"$/;
  const match = pattern.exec(raw) ?? pattern.exec(raw.replace(/\s*(#|\/\/)[^"]*$/, '').trim());
  if (match?.[1] === undefined) return undefined;
  return match[1].replace(/\\(["\\nt])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}
