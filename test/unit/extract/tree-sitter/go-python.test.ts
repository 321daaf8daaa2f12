import * as assert from 'node:assert/strict';
import { extractImports, extractSymbols } from '../../../../src/core/extract';
import { initTreeSitter } from '../../../../src/node/tree-sitter-runtime';

const imports = (file: string, text: string) =>
  extractImports(file, text).imports.map((i) => [i.specifier, i.line, i.column, ...(i.name ? [i.name] : [])]);

describe('tree-sitter: Go and Python', () => {
  before(() => initTreeSitter());

  it('reads Go import declarations and blocks, aliased, blank and dot imports', () => {
    const text = [
      'package main',
      '',
      'import "fmt"',
      'import (',
      '\t"net/http"',
      '\tdb "example.com/app/internal/db" // the store',
      '\t_ "github.com/lib/pq"',
      '\t. "strings"',
      ')',
      '',
      'func main() { http.ListenAndServe(":8080", nil) }',
    ].join('\n');
    assert.deepEqual(imports('main.go', text), [
      ['fmt', 3, 8],
      ['net/http', 5, 2],
      ['example.com/app/internal/db', 6, 5],
      ['github.com/lib/pq', 7, 4],
      ['strings', 8, 4],
    ]);
    assert.deepEqual(extractImports('main.go', text).declares, ['main']);
    const symbols = extractSymbols('main.go', text);
    assert.equal(symbols.package, 'main');
    assert.deepEqual(
      symbols.functions.map((f) => [f.name, f.line]),
      [['main', 11]],
    );
    assert.deepEqual(symbols.calls, [
      { name: 'ListenAndServe', line: 11, receiver: 'http', firstStringArgument: ':8080' },
    ]);
  });

  it('reads Go structs (embedded fields) and interfaces', () => {
    const symbols = extractSymbols(
      'r.go',
      'package store\ntype Repo interface { Save(o Order) error }\ntype pg struct { Base; *sql.DB; name string }\n',
    );
    assert.deepEqual(
      symbols.interfaces.map((i) => [i.name, i.members]),
      [['Repo', ['Save']]],
    );
    assert.deepEqual(
      symbols.classes.map((c) => [c.name, c.exported, c.implements]),
      [['pg', false, ['Base', 'sql.DB']]],
    );
  });

  it('reads Python imports: plain, aliased, from-imports per name, relative, wildcard, nested in functions', () => {
    const text = [
      'import os, sys as system',
      'import a.b.c',
      'from . import sibling',
      'from ..pkg.mod import thing as t, other',
      'from fastapi import (',
      '    FastAPI,',
      ')',
      'from .x import *',
      'from __future__ import annotations',
      'def work():',
      '    import json',
      'try:',
      '    import ujson',
      'except ImportError:',
      '    pass',
    ].join('\n');
    assert.deepEqual(imports('app/main.py', text), [
      ['os', 1, 8],
      ['sys', 1, 12],
      ['a.b.c', 2, 8],
      ['.', 3, 15, 'sibling'],
      ['..pkg.mod', 4, 23, 'thing'],
      ['..pkg.mod', 4, 35, 'other'],
      ['fastapi', 6, 5, 'FastAPI'],
      ['.x', 8, 6],
      ['json', 11, 12],
      ['ujson', 13, 12],
    ]);
  });

  it('reads Python apps, Celery tasks and classes with bases', () => {
    const text = [
      'from fastapi import FastAPI',
      'app = FastAPI()',
      '@app.get("/items")',
      'async def items(): ...',
      '@shared_task(bind=True)',
      'def work(self, order_id): ...',
      'class Repo(Base, metaclass=Meta):',
      '    def save(self): ...',
    ].join('\n');
    const symbols = extractSymbols('main.py', text);
    assert.deepEqual(symbols.annotations, [
      { name: 'get', line: 3, on: 'items' },
      { name: 'shared_task', line: 5, on: 'work' },
    ]);
    assert.deepEqual(
      symbols.functions.map((f) => [f.name, f.async, f.parameters]),
      [
        ['items', true, []],
        ['work', false, ['self', 'order_id']],
      ],
    );
    assert.deepEqual(
      symbols.classes.map((c) => [c.name, c.extends, c.implements, c.methods]),
      [['Repo', 'Base', [], ['save']]],
    );
    assert.deepEqual(
      symbols.calls
        .filter((c) => c.name === 'FastAPI' || c.name === 'shared_task')
        .map((c) => [c.name, c.line]),
      [
        ['FastAPI', 2],
        ['shared_task', 5],
      ],
    );
  });

  it('reads Python imports around broken code, and none from docstrings or comments', () => {
    const text = [
      'import os',
      'def broken(:',
      '    pass',
      '"""',
      'import not_an_import',
      '"""',
      '# import commented',
      'from a import (  # a comment (with a parenthesis',
      '    b,',
      ')',
      'import c \\',
      '    .d',
      'import sys',
    ].join('\n');
    const result = extractImports('bad.py', text);
    assert.deepEqual(
      result.imports.map((i) => [i.specifier, i.line, i.name]),
      [
        ['os', 1, undefined],
        ['a', 9, 'b'],
        ['c.d', 11, undefined],
        ['sys', 13, undefined],
      ],
    );
    assert.deepEqual(result.errors, []);
  });
});
