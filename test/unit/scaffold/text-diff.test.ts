import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  applyTextChanges,
  positionsIn,
  textChanges,
  type TextChange,
} from '../../../src/core/scaffold/text-diff';

/** Applies changes from the last to the first, independently of `applyTextChanges`. */
function applyBackwards(before: string, changes: readonly TextChange[]): string {
  let out = before;
  for (const c of [...changes].reverse()) out = out.slice(0, c.start) + c.text + out.slice(c.end);
  return out;
}

function assertWellFormed(before: string, changes: readonly TextChange[]): void {
  let last = -1;
  for (const c of changes) {
    assert.ok(c.start <= c.end && c.end <= before.length, `in range: ${JSON.stringify(c)}`);
    assert.ok(c.start > last, `sorted, neither overlapping nor adjacent: ${JSON.stringify(changes)}`);
    assert.ok(c.start < c.end || c.text.length > 0, 'no empty change');
    for (const cut of [c.start, c.end])
      assert.ok(!(before[cut - 1] === '\r' && before[cut] === '\n'), `no \\r\\n cut at ${cut}`);
    last = c.end;
  }
}

/** The text of lines joined by `eol`, with or without a final line break. */
function joined(lines: readonly string[], eol: string, finalEol: boolean): string {
  return lines.join(eol) + (finalEol && lines.length > 0 ? eol : '');
}

type Edit =
  | { readonly op: 'insert'; readonly at: number; readonly lines: string[] }
  | { readonly op: 'delete'; readonly at: number; readonly count: number }
  | { readonly op: 'replace'; readonly at: number; readonly count: number; readonly lines: string[] };

// Few distinct lines, so repeated lines make the alignment ambiguous.
const line = fc.constantFrom('', 'a', 'b', '}', '  x,', 'import y;', 'const z = 1;');
const lines = fc.array(line, { maxLength: 25 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(30),
    lines: fc.array(line, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(30), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({
    op: fc.constant('replace' as const),
    at: fc.nat(30),
    count: fc.integer({ min: 1, max: 4 }),
    lines: fc.array(line, { minLength: 1, maxLength: 4 }),
  }),
);

function edited(original: readonly string[], edits: readonly Edit[]): string[] {
  const out = [...original];
  for (const e of edits) {
    const at = Math.min(e.at, out.length);
    if (e.op === 'insert') out.splice(at, 0, ...e.lines);
    else if (e.op === 'delete') out.splice(at, e.count);
    else out.splice(at, e.count, ...e.lines);
  }
  return out;
}

describe('textChanges: the smallest edits between two texts', () => {
  it('applied to the old text, the changes give the new one; sorted, apart, never cutting a CRLF', () => {
    fc.assert(
      fc.property(
        lines,
        fc.array(edit, { maxLength: 5 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        (original, edits, eol, finalBefore, finalAfter) => {
          const before = joined(original, eol, finalBefore);
          const after = joined(edited(original, edits), eol, finalAfter);
          const changes = textChanges(before, after);
          assertWellFormed(before, changes);
          assert.equal(applyBackwards(before, changes), after);
          assert.equal(applyTextChanges(before, changes), after);
          if (before === after) assert.deepEqual(changes, []);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('lines only inserted (anywhere, repeated or not, final newline or not) come out as insertions only', () => {
    fc.assert(
      fc.property(
        lines,
        fc.array(fc.record({ at: fc.nat(30), lines: fc.array(line, { minLength: 1, maxLength: 3 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (original, inserts, eol, finalEol) => {
          const before = joined(original, eol, finalEol);
          const after = joined(
            edited(
              original,
              inserts.map((i) => ({ op: 'insert', ...i })),
            ),
            eol,
            finalEol || original.length === 0,
          );
          const changes = textChanges(before, after);
          assert.ok(
            changes.every((c) => c.start === c.end),
            `only insertions: ${JSON.stringify({ before, after, changes })}`,
          );
          assert.equal(applyBackwards(before, changes), after);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('an import line and a registration line become two insertions, nothing else touched', () => {
    const before = [
      "import { bus } from './bus';",
      "import { PlaceOrder } from './place-order';",
      '',
      'bus.register(PlaceOrder, new PlaceOrderHandler());',
      '',
    ].join('\n');
    const importLine = "import { CancelOrder } from './cancel-order';\n";
    const registration = 'bus.register(CancelOrder, new CancelOrderHandler());\n';
    const afterImports = before.indexOf('\n\n') + 1;
    const afterRegistration = before.length;
    const after =
      before.slice(0, afterImports) +
      importLine +
      before.slice(afterImports, afterRegistration) +
      registration;
    assert.deepEqual(textChanges(before, after), [
      { start: afterImports, end: afterImports, text: importLine },
      { start: afterRegistration, end: afterRegistration, text: registration },
    ]);
  });

  it('a line appended to a file without a final newline is an insertion after its last character', () => {
    assert.deepEqual(textChanges('a\nb', 'a\nb\nc'), [{ start: 3, end: 3, text: '\nc' }]);
    assert.deepEqual(textChanges('a\r\nb', 'a\r\nb\r\nc'), [{ start: 4, end: 4, text: '\r\nc' }]);
  });

  it('empty texts: nothing, everything inserted, everything deleted', () => {
    assert.deepEqual(textChanges('', ''), []);
    assert.deepEqual(textChanges('same\n', 'same\n'), []);
    assert.deepEqual(textChanges('', 'a\nb\n'), [{ start: 0, end: 0, text: 'a\nb\n' }]);
    assert.deepEqual(textChanges('a\nb\n', ''), [{ start: 0, end: 4, text: '' }]);
  });

  it('a changed line is narrowed to the characters that differ', () => {
    assert.deepEqual(textChanges('x\nconst a = 1;\ny\n', 'x\nconst a = 2;\ny\n'), [
      { start: 12, end: 13, text: '2' },
    ]);
  });

  it('a huge middle falls back to one replacement, still exact', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old ${i}`).join('\n');
    const after = Array.from({ length: 3000 }, (_, i) => `new ${i}`).join('\n');
    const changes = textChanges(`head\n${before}\ntail\n`, `head\n${after}\ntail\n`);
    assert.equal(changes.length, 1);
    assert.equal(applyTextChanges(`head\n${before}\ntail\n`, changes), `head\n${after}\ntail\n`);
  });
});

describe('positionsIn: offsets to line and character', () => {
  it('counts \\r\\n, \\r and \\n each as one line break', () => {
    const at = positionsIn('ab\r\ncd\ref\ngh');
    assert.deepEqual(at(0), { line: 0, character: 0 });
    assert.deepEqual(at(2), { line: 0, character: 2 });
    assert.deepEqual(at(4), { line: 1, character: 0 });
    assert.deepEqual(at(6), { line: 1, character: 2 });
    assert.deepEqual(at(7), { line: 2, character: 0 });
    assert.deepEqual(at(10), { line: 3, character: 0 });
    assert.deepEqual(at(12), { line: 3, character: 2 });
  });

  it('a change planned on a CRLF file lands where its offset is', () => {
    const before = 'one\r\ntwo\r\nthree';
    const after = 'one\r\ntwo\r\nadded\r\nthree';
    const [change] = textChanges(before, after);
    assert.ok(change);
    assert.deepEqual(change, { start: 10, end: 10, text: 'added\r\n' });
    assert.deepEqual(positionsIn(before)(change.start), { line: 2, character: 0 });
  });

  it('agrees with counting line breaks before the offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', '\r\n') }), fc.nat(), (text, n) => {
        const offset = n % (text.length + 1);
        if (text[offset - 1] === '\r' && text[offset] === '\n') return;
        const head = text.slice(0, offset);
        const breaks = head.match(/\r\n|\r|\n/g) ?? [];
        const lineStart = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r')) + 1;
        assert.deepEqual(positionsIn(text)(offset), {
          line: breaks.length,
          character: offset - lineStart,
        });
      }),
    );
  });
});
