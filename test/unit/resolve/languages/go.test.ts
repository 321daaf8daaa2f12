import * as assert from 'node:assert/strict';
import { initTreeSitter } from '../../../../src/node/tree-sitter-runtime';
import { edgeList, edgesOf } from './support';

describe('resolve: Go', () => {
  before(() => initTreeSitter());

  it('resolves import paths under go.mod module paths to package folders, and tells std and external apart', () => {
    const files = {
      'go.work': 'go 1.22\nuse (\n\t./service\n\t./lib\n)\n',
      'service/go.mod':
        'module example.com/shop/service // the service\n\ngo 1.22\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.1\n\texample.com/shop/lib v0.0.0\n)\n',
      'service/cmd/api/main.go': [
        'package main',
        'import (',
        '\t"fmt"',
        '\t"net/http"',
        '\tstore "example.com/shop/service/internal/store"',
        '\t"example.com/shop/lib/money"',
        '\t"example.com/shop/service/internal/missing"',
        '\t"github.com/gin-gonic/gin/binding"',
        '\t_ "github.com/lib/pq"',
        ')',
        'func main() {}',
      ].join('\n'),
      'service/internal/store/store_test.go': 'package store\n',
      'service/internal/store/store.go': 'package store\n',
      'lib/go.mod': 'module example.com/shop/lib\n',
      'lib/money/money.go': 'package money\n',
    };
    assert.deepEqual(edgesOf(files), [
      ['service/cmd/api/main.go', 'fmt', 'fmt', 'builtin'],
      ['service/cmd/api/main.go', 'net/http', 'net/http', 'builtin'],
      [
        'service/cmd/api/main.go',
        'example.com/shop/service/internal/store',
        'service/internal/store/store.go',
        'internal',
      ],
      ['service/cmd/api/main.go', 'example.com/shop/lib/money', 'lib/money/money.go', 'internal'],
      ['service/cmd/api/main.go', 'example.com/shop/service/internal/missing', null, 'unresolved'],
      ['service/cmd/api/main.go', 'github.com/gin-gonic/gin/binding', 'github.com/gin-gonic/gin', 'external'],
      ['service/cmd/api/main.go', 'github.com/lib/pq', 'github.com/lib/pq', 'external'],
    ]);
    const missing = edgeList(files).find((e) => e.resolution === 'unresolved');
    assert.equal(
      missing?.reason,
      'no Go files in `service/internal/missing` (module `example.com/shop/service`)',
    );
  });
});
