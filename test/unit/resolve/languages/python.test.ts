import * as assert from 'node:assert/strict';
import { initTreeSitter } from '../../../../src/node/tree-sitter-runtime';
import { edgeList, edgesOf } from './support';

describe('resolve: Python', () => {
  before(() => initTreeSitter());

  it('resolves absolute, from and relative imports in a src layout', () => {
    const files = {
      'pyproject.toml': '[project]\nname = "shop"\n',
      'src/shop/__init__.py': '',
      'src/shop/orders/__init__.py': '',
      'src/shop/orders/models.py': '',
      'src/shop/orders/service.py': [
        'import os',
        'import shop.orders.models',
        'from shop.orders import models',
        'from shop.orders.models import Order',
        'from . import models as m',
        'from .models import Order',
        'from .. import orders',
        'from ..billing import invoices',
        'from shop.orders.nothing import X',
        'import fastapi',
        'from sqlalchemy.orm import Session',
      ].join('\n'),
      'src/shop/billing/invoices.py': '',
    };
    const from = 'src/shop/orders/service.py';
    assert.deepEqual(edgesOf(files), [
      [from, 'os', 'os', 'builtin'],
      [from, 'shop.orders.models', 'src/shop/orders/models.py', 'internal'],
      [from, 'shop.orders', 'src/shop/orders/models.py', 'internal'],
      [from, 'shop.orders.models', 'src/shop/orders/models.py', 'internal'],
      [from, '.', 'src/shop/orders/models.py', 'internal'],
      [from, '.models', 'src/shop/orders/models.py', 'internal'],
      [from, '..', 'src/shop/orders/__init__.py', 'internal'],
      // `billing` has no __init__.py: a namespace package, its module found all the same.
      [from, '..billing', 'src/shop/billing/invoices.py', 'internal'],
      [from, 'shop.orders.nothing', null, 'unresolved'],
      [from, 'fastapi', 'fastapi', 'external'],
      [from, 'sqlalchemy.orm', 'sqlalchemy', 'external'],
    ]);
    const missing = edgeList(files).find((e) => e.resolution === 'unresolved');
    assert.equal(missing?.reason, 'no module `shop.orders.nothing` in the workspace package `shop`');
  });

  it('finds packages beside a manage.py, and lets an installed package win over a plain folder of that name', () => {
    const edges = edgesOf({
      'site/manage.py': 'import django',
      'site/shop/__init__.py': '',
      'site/shop/views.py': 'from orders.models import Order\nimport alembic.config',
      'site/orders/__init__.py': '',
      'site/orders/models.py': '',
      'alembic/env.py': '',
    });
    assert.deepEqual(edges, [
      ['site/manage.py', 'django', 'django', 'external'],
      ['site/shop/views.py', 'orders.models', 'site/orders/models.py', 'internal'],
      ['site/shop/views.py', 'alembic.config', 'alembic', 'external'],
    ]);
  });
});
