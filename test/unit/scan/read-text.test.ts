import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';
import { readSourceText } from '../../../src/core/scan/read-text';

const MiB = 1024 * 1024;

describe('readSourceText', () => {
  it('reads UTF-8 text, unicode included', () => {
    const fs = new MemoryFileSystem({ '/w/a.ts': 'const café = "😀";\n' });
    assert.deepEqual(readSourceText(fs, '/w/a.ts', 'a.ts', MiB), { text: 'const café = "😀";\n' });
  });

  it('drops a UTF-8 byte order mark', () => {
    const fs = new MemoryFileSystem({ '/w/a.ts': new Uint8Array([0xef, 0xbb, 0xbf, 0x78]) });
    assert.deepEqual(readSourceText(fs, '/w/a.ts', 'a.ts', MiB), { text: 'x' });
  });

  it('skips a binary file (NUL byte in the first 8 KiB)', () => {
    const fs = new MemoryFileSystem({ '/w/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) });
    assert.deepEqual(readSourceText(fs, '/w/logo.png', 'logo.png', MiB), {
      warning: { file: 'logo.png', message: 'skipped: binary file' },
    });
  });

  it('does not look for NUL past the first 8 KiB', () => {
    const bytes = new Uint8Array(9000).fill(0x61);
    bytes[8500] = 0;
    const fs = new MemoryFileSystem({ '/w/a.txt': bytes });
    const read = readSourceText(fs, '/w/a.txt', 'a.txt', MiB);
    assert.ok('text' in read);
    assert.equal(read.text.length, 9000);
  });

  it('skips text that is not UTF-8', () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9]); // "café" in Latin-1
    const fs = new MemoryFileSystem({ '/w/a.py': latin1 });
    assert.deepEqual(readSourceText(fs, '/w/a.py', 'a.py', MiB), {
      warning: { file: 'a.py', message: 'skipped: not valid UTF-8' },
    });
  });

  it('skips UTF-16 text with a clear reason', () => {
    const fs = new MemoryFileSystem({ '/w/a.cs': new Uint8Array([0xff, 0xfe, 0x61, 0x00]) });
    assert.deepEqual(readSourceText(fs, '/w/a.cs', 'a.cs', MiB), {
      warning: { file: 'a.cs', message: 'skipped: UTF-16 text; only UTF-8 is read' },
    });
  });

  it('skips a file over the cap, and reads one exactly at it', () => {
    const fs = new MemoryFileSystem({ '/w/big.js': 'x'.repeat(2048), '/w/edge.js': 'y'.repeat(1024) });
    assert.deepEqual(readSourceText(fs, '/w/big.js', 'big.js', 1024), {
      warning: { file: 'big.js', message: 'skipped: 2 KiB is over the 1 KiB limit (maxFileSize)' },
    });
    assert.ok('text' in readSourceText(fs, '/w/edge.js', 'edge.js', 1024));
  });

  it('warns about a file that cannot be read', () => {
    const fs = new MemoryFileSystem({});
    assert.deepEqual(readSourceText(fs, '/w/gone.ts', 'gone.ts', MiB), {
      warning: { file: 'gone.ts', message: 'skipped: cannot be read' },
    });
  });
});
