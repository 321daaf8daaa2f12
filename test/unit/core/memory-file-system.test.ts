import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';

describe('MemoryFileSystem', () => {
  it('lists folders implied by files and reads files back', () => {
    const fs = new MemoryFileSystem({ '/w/src/a.ts': 'export {}', '/w/src/lib/b.ts': 'x' });
    assert.deepEqual(fs.readDirectory('/w/src'), [
      { name: 'a.ts', kind: 'file' },
      { name: 'lib', kind: 'directory' },
    ]);
    assert.equal(new TextDecoder().decode(fs.readFile('/w/src/a.ts')), 'export {}');
    assert.equal(fs.stat('/w/src/lib')?.kind, 'directory');
    assert.equal(fs.stat('/w/missing'), undefined);
  });

  it('follows symlinks and stops on a loop', () => {
    const fs = new MemoryFileSystem({
      '/w/real/a.ts': 'a',
      '/w/alias': { link: '/w/real' },
      '/w/loop': { link: '/w/loop' },
    });
    assert.equal(fs.realpath('/w/alias/a.ts'), '/w/real/a.ts');
    assert.equal(fs.readDirectory('/w')?.find((e) => e.name === 'alias')?.kind, 'symlink');
    assert.equal(fs.stat('/w/loop'), undefined);
  });
});
