/**
 * The smallest edits turning one text into another: a line diff (common lines at both ends kept,
 * then the longest common subsequence of the lines between), each changed run of lines narrowed
 * to the characters that differ. Edits applied this way touch only what a scaffold changed, so a
 * preview shows the inserted lines rather than a whole file replaced.
 */

/** Replace `[start, end)` of the old text with `text` (an insertion when `start === end`). */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A zero-based line and UTF-16 character offset in it, as editors count them. */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

/** Above this many line pairs, the middle is one replacement rather than a quadratic diff. */
const MAX_CELLS = 4_000_000;

/**
 * The changes (offsets into `before`, sorted, non-overlapping, none adjacent) that turn `before`
 * into `after`. Lines only added come out as pure insertions.
 */
export function textChanges(before: string, after: string): TextChange[] {
  if (before === after) return [];
  if (before.length === 0 || before.endsWith('\n'))
    return lineChanges(before, after)
      .map((c) => narrow(before, c))
      .filter(changesSomething);
  // The last line has no line break: diff as if both texts had one more, so that this line still
  // matches its copy in `after` followed by new lines; then take the extra break off again.
  const eol = before.includes('\r\n') || after.includes('\r\n') ? '\r\n' : '\n';
  return withoutExtraBreak(before, after, lineChanges(before + eol, after + eol))
    .map((c) => narrow(before, c))
    .filter(changesSomething);
}

/** Line-level changes: whole runs of lines of `before` replaced by runs of lines of `after`. */
function lineChanges(before: string, after: string): TextChange[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const aStarts = lineOffsets(a);
  const bStarts = lineOffsets(b);
  return diffLines(a.slice(head, a.length - tail), b.slice(head, b.length - tail)).map((hunk) => ({
    start: at(aStarts, head + hunk.aStart),
    end: at(aStarts, head + hunk.aEnd),
    text: after.slice(at(bStarts, head + hunk.bStart), at(bStarts, head + hunk.bEnd)),
  }));
}

/**
 * Changes of `before + eol` into `after + eol` as changes of `before` into `after`: only the last
 * one can reach into the extra break; it is cut at the end of `before` and takes the rest of
 * `after` (merged with those before it in the rare case the cut reaches them).
 */
function withoutExtraBreak(before: string, after: string, changes: readonly TextChange[]): TextChange[] {
  const out = [...changes];
  const last = out.at(-1);
  if (last === undefined || last.end <= before.length) return out;
  out.pop();
  let start = last.start;
  let shift = out.reduce((sum, c) => sum + c.text.length - (c.end - c.start), 0);
  const cut = () => Math.min(start, before.length, after.length - shift);
  for (let prev = out.at(-1); prev !== undefined && prev.end >= cut(); prev = out.at(-1)) {
    out.pop();
    shift -= prev.text.length - (prev.end - prev.start);
    start = prev.start;
  }
  const from = cut();
  out.push({ start: from, end: before.length, text: after.slice(from + shift) });
  return out;
}

/** Applies changes made by {@link textChanges} (or any sorted, non-overlapping ones) to `before`. */
export function applyTextChanges(before: string, changes: readonly TextChange[]): string {
  let out = '';
  let last = 0;
  for (const c of changes) {
    out += before.slice(last, c.start) + c.text;
    last = c.end;
  }
  return out + before.slice(last);
}

/**
 * Maps offsets of `text` to line and character, counting `\r\n`, `\r` and `\n` each as one line
 * break as editors do (so a CRLF file's positions are right).
 */
export function positionsIn(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */ && text.charCodeAt(i + 1) === 10) {
      starts.push(i + 2);
      i++;
    } else if (ch === 10 || ch === 13) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - (starts[lo] ?? 0) };
  };
}

/** A run of lines `[aStart, aEnd)` of the old middle replaced by `[bStart, bEnd)` of the new. */
interface Hunk {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/** The differing runs between two line lists, by longest common subsequence. */
function diffLines(a: readonly string[], b: readonly string[]): Hunk[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0 || n * m > MAX_CELLS) return [{ aStart: 0, aEnd: n, bStart: 0, bEnd: m }];
  const ids = new Map<string, number>();
  const id = (line: string) => {
    let known = ids.get(line);
    if (known === undefined) ids.set(line, (known = ids.size));
    return known;
  };
  const ai = a.map(id);
  const bi = b.map(id);
  // lcs[i * (m + 1) + j]: the common subsequence length of a[i..] and b[j..]. n * m <= MAX_CELLS
  // keeps min(n, m), the largest value, below 2^16.
  const width = m + 1;
  const lcs = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        ai[i] === bi[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: { aStart: number; bStart: number } | undefined;
  const close = () => {
    if (open) hunks.push({ aStart: open.aStart, aEnd: i, bStart: open.bStart, bEnd: j });
    open = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && ai[i] === bi[j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { aStart: i, bStart: j };
    if (j >= m || (i < n && (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))) i++;
    else j++;
  }
  close();
  return hunks;
}

/**
 * A replacement narrowed to the characters that differ (a line appended to a last line without a
 * newline becomes an insertion), never cutting a `\r\n` or a surrogate pair in two.
 */
function narrow(before: string, { start, end, text }: TextChange): TextChange {
  const old = before.slice(start, end);
  if (old.length === 0 || text.length === 0) return { start, end, text };
  const limit = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < limit && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && splitsPair(old.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
  )
    suffix++;
  if (suffix > 0 && continuesPair(old.charCodeAt(old.length - suffix))) suffix--;
  return {
    start: start + prefix,
    end: end - suffix,
    text: text.slice(prefix, text.length - suffix),
  };
}

function changesSomething(c: TextChange): boolean {
  return c.start < c.end || c.text.length > 0;
}

/** Whether a cut after this code unit could split `\r\n` or a surrogate pair. */
function splitsPair(code: number): boolean {
  return code === 13 || (code >= 0xd800 && code <= 0xdbff);
}

/** Whether a cut before this code unit could split `\r\n` or a surrogate pair. */
function continuesPair(code: number): boolean {
  return code === 10 || (code >= 0xdc00 && code <= 0xdfff);
}

/** Lines with their terminators (split after each `\n`); no empty last line. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let from = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
    lines.push(text.slice(from, nl + 1));
    from = nl + 1;
  }
  if (from < text.length) lines.push(text.slice(from));
  return lines;
}

/** Start offset of each line, and the text's length last. */
function lineOffsets(lines: readonly string[]): number[] {
  const starts = [0];
  let offset = 0;
  for (const line of lines) starts.push((offset += line.length));
  return starts;
}

function at(offsets: readonly number[], index: number): number {
  return offsets[index] ?? 0;
}
