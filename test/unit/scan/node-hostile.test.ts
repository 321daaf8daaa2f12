import * as assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/core/scan/scan-workspace';
import { readSourceText } from '../../../src/core/scan/read-text';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';

const FIXTURE = path.resolve('test/fixtures/hostile');

describe('scanWorkspace on a real hostile tree (NodeFileSystem)', () => {
  let dir: string;
  let root: string;

  before(() => {
    dir = nodeFs.mkdtempSync(path.join(os.tmpdir(), 'archlens-hostile-'));
    nodeFs.cpSync(FIXTURE, dir, { recursive: true });
    // Created here rather than committed: git cannot hold a loop portably, and Windows
    // forbids these names.
    nodeFs.symlinkSync('.', path.join(dir, 'loop'), 'dir');
    nodeFs.symlinkSync('..', path.join(dir, 'src', 'up'), 'dir');
    nodeFs.symlinkSync('src', path.join(dir, 'src-alias'), 'dir');
    nodeFs.symlinkSync('nowhere', path.join(dir, 'dangling'));
    nodeFs.symlinkSync('self', path.join(dir, 'self'));
    nodeFs.writeFileSync(path.join(dir, 'odd', 'say "hi".ts'), 'export {};\n');
    nodeFs.writeFileSync(path.join(dir, 'odd', 'back\\slash.ts'), 'export {};\n');
    root = toPosixPath(dir);
  });

  after(() => {
    nodeFs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists what is in scope and skips each hostile entry with one warning', () => {
    const result = scanWorkspace(new NodeFileSystem(), root, { maxFileSize: 4096 });
    assert.deepEqual(
      result.files.map((file) => file.path),
      [
        '.gitattributes',
        '.gitignore',
        'README.md',
        'archlens.config.json',
        'assets/logo.png',
        'keep.log',
        'odd/(group)/layout.ts',
        'odd/[id]/page.tsx',
        'odd/back\\slash.ts',
        "odd/it's #1.ts",
        'odd/my file.ts',
        'odd/say "hi".ts',
        'odd/ünïcödé 😀.ts',
        'package.json',
        'pkg/.gitignore',
        'pkg/keep.ts',
        'src/bom.ts',
        'src/latin1.py',
        'src/ok.ts',
      ],
    );
    assert.deepEqual(result.warnings, [
      {
        file: 'archlens.config.json',
        message: 'unknown key "exlude" (did you mean "exclude"?); ignored',
        line: 4,
        column: 3,
      },
      { file: 'dangling', message: 'skipped: broken symlink or symlink loop' },
      { file: 'loop', message: 'skipped: symlink loop (points back to ".")' },
      { file: 'self', message: 'skipped: broken symlink or symlink loop' },
      { file: 'src-alias', message: 'skipped: symlink to a folder that is already scanned' },
      { file: 'src/big.js', message: 'skipped: 4.9 KiB is over the 4 KiB limit (maxFileSize)' },
      { file: 'src/up', message: 'skipped: symlink loop (points back to ".")' },
    ]);
    const ok = result.files.find((file) => file.path === 'src/ok.ts');
    assert.equal(ok?.size, 'export const ok = 1;\n'.length);
    assert.equal(ok?.language, 'typescript');
    assert.ok((ok?.mtimeMs ?? 0) > 0);
  });

  it('reads each listed file or warns once why not', () => {
    const fs = new NodeFileSystem();
    const result = scanWorkspace(fs, root);
    const outcomes = Object.fromEntries(
      ['src/bom.ts', 'src/latin1.py', 'assets/logo.png', 'odd/ünïcödé 😀.ts'].map((rel) => {
        const read = readSourceText(fs, `${root}/${rel}`, rel, result.maxFileSize);
        return [rel, 'text' in read ? read.text : read.warning.message];
      }),
    );
    assert.deepEqual(outcomes, {
      'src/bom.ts': 'export const bom = 1;\n',
      'src/latin1.py': 'skipped: not valid UTF-8',
      'assets/logo.png': 'skipped: binary file',
      'odd/ünïcödé 😀.ts': 'export {};\n',
    });
  });
});
