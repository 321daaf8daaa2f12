import * as assert from 'node:assert/strict';
import { collapseTree, ownerIndex, treeItemId } from '../../../src/core/diagram/collapse-tree';
import { FileTree } from '../../../src/core/diagram/file-tree';

const FILES = [
  'README.ts',
  'src/app/modules/orders/a.ts',
  'src/app/modules/orders/b.ts',
  'src/app/modules/orders/domain/c.ts',
  'src/app/modules/billing/d.ts',
  'src/app/main.ts',
  'lib/util.ts',
];

describe('collapseTree', () => {
  const tree = new FileTree(FILES);

  it('walks through chains of single folders and opens folders of folders first', () => {
    const { items } = collapseTree(tree, '', { maxNodes: 3, expanded: [] });
    assert.deepEqual(items.map(treeItemId), ['dir:src/app', 'dir:lib', 'file:README.ts']);
    const wider = collapseTree(tree, '', { maxNodes: 6, expanded: [] });
    assert.deepEqual(wider.items.map(treeItemId), [
      'dir:src/app/modules/orders',
      'dir:src/app/modules/billing',
      'file:src/app/main.ts',
      'dir:lib',
      'file:README.ts',
    ]);
  });

  it('opens what the user expanded and its ancestors even beyond the limit', () => {
    const { items, opened } = collapseTree(tree, '', { maxNodes: 3, expanded: ['src/app/modules/orders'] });
    assert.ok(items.length > 3);
    assert.ok(items.map(treeItemId).includes('file:src/app/modules/orders/a.ts'));
    assert.ok(opened.includes('src/app/modules') && opened.includes('src/app/modules/orders'));
  });

  it('puts children beyond the cap in one "more" item that owns their files', () => {
    const many = new FileTree(Array.from({ length: 30 }, (_, i) => `big/f${String(i).padStart(2, '0')}.ts`));
    const { items } = collapseTree(many, '', { maxNodes: 10, expanded: ['big'] });
    assert.equal(items.length, 10);
    const more = items.at(-1);
    assert.equal(more?.kind, 'more');
    assert.equal(ownerIndex(items)('big/f29.ts'), 'more:big');
    assert.equal(ownerIndex(items)('big/f00.ts'), 'file:big/f00.ts');
  });

  it('maps each file to the nearest drawn item', () => {
    const { items } = collapseTree(tree, '', { maxNodes: 3, expanded: [] });
    const owner = ownerIndex(items);
    assert.equal(owner('src/app/modules/orders/domain/c.ts'), 'dir:src/app');
    assert.equal(owner('README.ts'), 'file:README.ts');
    assert.equal(owner('elsewhere/x.ts'), undefined);
  });
});
