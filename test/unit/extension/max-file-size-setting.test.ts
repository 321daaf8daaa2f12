import * as assert from 'node:assert/strict';
import { explicitSetting, maxFileSizeSetting } from '../../../src/extension/util/explicit-setting';

// `archlens.maxFileSize` has a default in package.json, so `get()` always answers, and the
// default used to override `maxFileSize` of archlens.config.json. Only a value the user set
// (user, workspace or folder settings, as `inspect()` tells them apart) may override the file.

describe('extension settings: archlens.maxFileSize set by the user, or not at all', () => {
  it('the package.json default alone is no value: archlens.config.json decides', () => {
    assert.equal(maxFileSizeSetting({ key: 'archlens.maxFileSize', defaultValue: 1048576 }), undefined);
    assert.equal(maxFileSizeSetting(undefined), undefined);
  });

  it('a value in user, workspace or folder settings wins, the most specific first', () => {
    assert.equal(maxFileSizeSetting({ key: 'k', defaultValue: 1048576, globalValue: 2048 }), 2048);
    assert.equal(
      maxFileSizeSetting({ key: 'k', defaultValue: 1048576, globalValue: 2048, workspaceValue: 4096 }),
      4096,
    );
    assert.equal(
      maxFileSizeSetting({ key: 'k', globalValue: 2048, workspaceValue: 4096, workspaceFolderValue: 8192 }),
      8192,
    );
  });

  it('a set value that is not a positive integer counts as not set', () => {
    for (const bad of [0, -5, 1.5, '4096', null]) {
      assert.equal(
        maxFileSizeSetting({ key: 'k', defaultValue: 1048576, workspaceValue: bad }),
        undefined,
        String(bad),
      );
    }
  });

  it('explicitSetting: undefined layers are skipped, the default never counts', () => {
    assert.equal(explicitSetting({ key: 'k', defaultValue: 1, globalValue: undefined }), undefined);
    assert.deepEqual(explicitSetting({ key: 'k', defaultValue: [], globalValue: ['a'] }), ['a']);
  });
});
