import * as assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeWorkspace, WorkspaceEngine } from '../../../src/core';
import { scanWorkspace } from '../../../src/core/scan/scan-workspace';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';
import { RecordingFileSystem } from '../hostile/recording-file-system';

const SECRET = 'TOP-SECRET-8c1f';
const OUTSIDE = 'skipped: links outside the workspace';

/** A workspace `ws` beside a folder `elsewhere` holding secrets, both in a fresh temp folder. */
function makeTrees(): { base: string; root: string; elsewhere: string } {
  const base = nodeFs.realpathSync(nodeFs.mkdtempSync(path.join(os.tmpdir(), 'archlens-links-')));
  const root = path.join(base, 'ws');
  const elsewhere = path.join(base, 'elsewhere');
  const write = (file: string, text: string): void => {
    nodeFs.mkdirSync(path.dirname(file), { recursive: true });
    nodeFs.writeFileSync(file, text);
  };
  write(path.join(elsewhere, 'secret.txt'), SECRET);
  write(path.join(elsewhere, 'tree', 'leak.ts'), `export const s = '${SECRET}';\n`);
  write(path.join(elsewhere, 'tree', 'docker-compose.yml'), `services:\n  ${SECRET}:\n    image: x\n`);
  write(
    path.join(elsewhere, 'base', 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { paths: { [`${SECRET}/*`]: ['./*'] } } }),
  );
  write(path.join(elsewhere, 'lib', 'package.json'), JSON.stringify({ name: 'lib', main: 'index.ts' }));
  write(path.join(elsewhere, 'lib', 'index.ts'), `export const s = '${SECRET}';\n`);
  write(path.join(elsewhere, 'config.json'), JSON.stringify({ exclude: [SECRET] }));
  write(path.join(elsewhere, 'gitignore'), `${SECRET}\n`);
  write(path.join(root, 'src', 'a.ts'), "import './b';\nimport 'lib';\n");
  write(path.join(root, 'src', 'b.ts'), 'export {};\n');
  write(path.join(root, 'tsconfig.json'), JSON.stringify({ extends: './base/tsconfig.json' }));
  const link = (target: string, at: string, type?: 'dir' | 'file'): void =>
    nodeFs.symlinkSync(target, path.join(root, at), type);
  link(path.join(elsewhere, 'tree'), 'tree', 'dir');
  link(path.join(elsewhere, 'secret.txt'), 'passwd.ts', 'file');
  link(path.join(elsewhere, 'base'), 'base', 'dir');
  link(path.join(elsewhere, 'config.json'), 'archlens.config.json', 'file');
  link(path.join(elsewhere, 'gitignore'), '.gitignore', 'file');
  link('..', 'up', 'dir');
  nodeFs.mkdirSync(path.join(root, 'node_modules'));
  link(path.join(elsewhere, 'lib'), 'node_modules/lib', 'dir');
  // Links inside the workspace keep working as before.
  link('src', 'src-alias', 'dir');
  link('src/b.ts', 'b-alias.ts', 'file');
  link('.', 'src/loop', 'dir');
  return { base, root: toPosixPath(root), elsewhere };
}

describe('links out of the workspace (NodeFileSystem)', () => {
  let trees: ReturnType<typeof makeTrees>;

  beforeEach(() => {
    trees = makeTrees();
  });

  afterEach(() => {
    nodeFs.rmSync(trees.base, { recursive: true, force: true });
  });

  it('the scan skips each link whose real path leaves the root, with one warning, and keeps the others', () => {
    const result = scanWorkspace(new NodeFileSystem(), trees.root);
    assert.deepEqual(
      result.files.map((file) => file.path),
      ['b-alias.ts', 'src/a.ts', 'src/b.ts', 'tsconfig.json'],
    );
    assert.deepEqual(
      result.warnings.filter((w) => w.message === OUTSIDE).map((w) => w.file),
      ['.gitignore', 'archlens.config.json', 'base', 'passwd.ts', 'tree', 'up'],
    );
    assert.deepEqual(
      result.warnings.filter((w) => w.message !== OUTSIDE),
      [
        { file: 'src-alias', message: 'skipped: symlink to a folder that is already scanned' },
        { file: 'src/loop', message: 'skipped: symlink loop (points back to "src")' },
      ],
    );
  });

  it('the analysis reads nothing outside the root and the secret reaches no part of the model', () => {
    const fs = new RecordingFileSystem(new NodeFileSystem());
    const model = analyzeWorkspace(fs, trees.root);
    assert.deepEqual(fs.outside(trees.root), []);
    assert.ok(!JSON.stringify(model).includes(SECRET), JSON.stringify(model, null, 1));
    assert.ok(!JSON.stringify(model).includes('elsewhere'), JSON.stringify(model.warnings, null, 1));
    // A package behind a node_modules link that leaves the root is not read: known by its name only.
    const lib = model.edges.find((e) => e.specifier === 'lib');
    assert.deepEqual([lib?.to, lib?.resolution], ['lib', 'external']);
    assert.equal(model.edges.find((e) => e.specifier === './b')?.to, 'src/b.ts');
    const outside = model.warnings.filter((w) => w.message === OUTSIDE).map((w) => w.file);
    assert.deepEqual(outside, [...new Set(outside)], 'one warning per link');
  });

  it('a link out of the root created after the analysis does not enter the model on update', () => {
    const fs = new RecordingFileSystem(new NodeFileSystem());
    const engine = new WorkspaceEngine(fs, trees.root);
    engine.analyze();
    nodeFs.symlinkSync(
      path.join(trees.elsewhere, 'lib', 'index.ts'),
      path.join(trees.root, 'src', 'late.ts'),
    );
    const { model } = engine.update([{ type: 'created', path: 'src/late.ts' }]);
    assert.ok(!model.files.includes('src/late.ts'), JSON.stringify(model.files));
    assert.ok(!JSON.stringify(model).includes(SECRET));
    // The engine stats a changed path before asking the scope about it: its size is looked at,
    // never its content.
    assert.deepEqual(fs.outside(trees.root, true), []);
  });
});
