import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/extract/line-index';

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and UTF-16 columns for LF, CRLF and CR', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const lines = new LineIndex(text);
    const at = (s: string) => lines.position(text.indexOf(s));
    assert.deepEqual(at('a'), { line: 1, column: 1 });
    assert.deepEqual(at('b'), { line: 1, column: 2 });
    assert.deepEqual(at('d'), { line: 2, column: 2 });
    assert.deepEqual(at('e'), { line: 3, column: 1 });
    assert.deepEqual(at('h'), { line: 4, column: 2 });
  });

  it('counts a surrogate pair as two columns', () => {
    const text = '😀x';
    assert.deepEqual(new LineIndex(text).position(text.indexOf('x')), { line: 1, column: 3 });
  });
});
