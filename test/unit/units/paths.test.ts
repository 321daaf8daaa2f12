import * as assert from 'node:assert/strict';
import { childOf, dirOf, isTestFile, isUnder, joinPath } from '../../../src/core/units/paths';

describe('units: paths', () => {
  it('names the child folder (or file) of a folder that a path lies in', () => {
    assert.equal(childOf('src/a/b.ts', 'src'), 'src/a');
    assert.equal(childOf('src/a.ts', 'src'), 'src/a.ts');
    assert.equal(childOf('src/a/b.ts', '.'), 'src');
    assert.equal(childOf('srcx/a.ts', 'src'), undefined);
    assert.equal(childOf('src', 'src'), undefined);
  });

  it('handles the root and relative segments', () => {
    assert.equal(dirOf('a.ts'), '.');
    assert.equal(joinPath('services/a', '../b/./c'), 'services/b/c');
    assert.equal(joinPath('.', '.'), '.');
    assert.ok(isUnder('src/a.ts', '.'));
    assert.ok(!isUnder('srcx/a.ts', 'src'));
  });

  it('recognises test files', () => {
    assert.ok(isTestFile('src/a.test.ts'));
    assert.ok(isTestFile('test/a.ts'));
    assert.ok(isTestFile('src/__tests__/a.ts'));
    assert.ok(!isTestFile('src/testing-utils.ts'));
    // Other languages' conventions.
    assert.ok(isTestFile('app/domains/audit/crud_test.go'));
    assert.ok(isTestFile('tests/api/test_orders.py'));
    assert.ok(isTestFile('app/orders/orders_test.py'));
    assert.ok(isTestFile('app/conftest.py'));
    assert.ok(isTestFile('Src/Modules/Orders/Tests/OrdersModuleTester.cs'));
    assert.ok(isTestFile('src/Orders/Acme.Orders.IntegrationTests/Common/Fixture.cs'));
    assert.ok(isTestFile('orders/src/integrationTest/java/acme/OrdersIT.java'));
    assert.ok(!isTestFile('app/domains/audit/crud.go'));
    assert.ok(!isTestFile('app/contest.py'));
    assert.ok(!isTestFile('src/Latest/Feed.cs'));
    assert.ok(!isTestFile('services/latest/src/main/java/acme/Latest.java'));
  });
});
