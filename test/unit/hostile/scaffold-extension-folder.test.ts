import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { folderInRoot } from '../../../src/extension/scaffold/folder-in-root';

describe('hostile: the editor’s “Scaffold here” folder is taken only inside the analysed root', () => {
  it('gives the POSIX path relative to the root, `.` for the root itself', () => {
    assert.equal(folderInRoot('/ws', '/ws/src/adapters', path.posix), 'src/adapters');
    assert.equal(folderInRoot('/ws', '/ws', path.posix), '.');
    assert.equal(folderInRoot('C:\\ws', 'C:\\ws\\src\\adapters', path.win32), 'src/adapters');
    assert.equal(folderInRoot('/ws', '/ws/..hidden', path.posix), '..hidden');
  });

  it('refuses a folder above the root, beside it, or on another drive', () => {
    for (const folder of ['/', '/other', '/ws-2/src', '/ws/../x']) {
      assert.equal(folderInRoot('/ws', folder, path.posix), undefined, folder);
    }
    for (const folder of ['C:\\', 'C:\\x', 'D:\\ws\\src', '\\\\server\\share\\ws']) {
      assert.equal(folderInRoot('C:\\ws', folder, path.win32), undefined, folder);
    }
  });
});
