import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseJsonc } from '../../../src/core/config/jsonc';

describe('parseJsonc', () => {
  it('parses what JSON.parse parses, to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const parsed = parseJsonc(text);
        assert.ok(parsed.ok, text);
        assert.deepEqual(JSON.parse(JSON.stringify(parsed.value)), JSON.parse(text));
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '/', '*', '\n', '1', 'a', '\\', ' '),
        }),
        (text) => {
          const parsed = parseJsonc(text);
          if (!parsed.ok) assert.ok(parsed.at.line >= 1 && parsed.at.column >= 1);
        },
      ),
    );
  });

  it('rejects what JSON rejects, trailing commas and comments aside', () => {
    for (const text of [
      '{a:1}',
      "{'a':1}",
      '[1,,2]',
      '[,]',
      '{,}',
      '01',
      '1.',
      '.5',
      '+1',
      'tru',
      'NaN',
      '"a\nb"',
      '"\\x"',
      '[1] 2',
    ]) {
      assert.equal(parseJsonc(text).ok, false, text);
    }
  });

  it('reads strings with escapes and unicode', () => {
    const parsed = parseJsonc('"a\\"b\\u00e9\\n😀"');
    assert.ok(parsed.ok);
    assert.equal(parsed.value, 'a"bé\n😀');
  });

  it('gives positions of values and keys, counted in UTF-16 columns', () => {
    const parsed = parseJsonc('{\n  "a": [1, {"b": true}],\r\n  "c": null // x\n}');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.positionOf([]), { line: 1, column: 1 });
    assert.deepEqual(parsed.positionOf(['a']), { line: 2, column: 8 });
    assert.deepEqual(parsed.positionOf(['a', 1, 'b']), { line: 2, column: 18 });
    assert.deepEqual(parsed.keyPositionOf(['c']), { line: 3, column: 3 });
    assert.equal(parsed.positionOf(['missing']), undefined);
  });

  it('does not overflow the stack on deep nesting', () => {
    const parsed = parseJsonc('['.repeat(100000));
    assert.equal(parsed.ok, false);
  });
});
