import * as assert from 'node:assert/strict';
import { extractImports, extractorFor } from '../../../src/core/extract';
import { dialectOf } from '../../../src/core/extract/ecmascript-language';
import { LineIndex } from '../../../src/core/extract/line-index';
import { scanImports } from '../../../src/core/extract/scan-imports';

/** `line:column kind specifier` for each import: compact and exact. */
function found(relPath: string, text: string): string[] {
  const result = extractImports(relPath, text);
  assert.deepEqual(result.errors, [], `unexpected errors in ${relPath}`);
  return result.imports.map((i) => `${i.line}:${i.column} ${i.kind} ${i.specifier}`);
}

/** The same file read through the AST only, skipping the module record. */
function foundByAst(relPath: string, text: string): string[] {
  const lines = new LineIndex(text);
  return scanImports(relPath, text, dialectOf(relPath), (o) => lines.position(o), {
    mode: 'ast',
  }).imports.map((i) => `${i.line}:${i.column} ${i.kind} ${i.specifier}`);
}

describe('extractImports', () => {
  it('finds a static import at the opening quote of its specifier', () => {
    assert.deepEqual(found('a.ts', "import { a } from './a';\n"), ['1:19 static ./a']);
    assert.deepEqual(found('a.ts', '\n\n  import def, * as ns from "pkg/sub";'), ['3:28 static pkg/sub']);
  });

  it('finds a side-effect import as static', () => {
    assert.deepEqual(found('a.ts', "import './polyfill';"), ['1:8 static ./polyfill']);
    assert.deepEqual(found('a.ts', "import {} from './empty';"), ['1:16 static ./empty']);
  });

  it('marks `import type` and all-type specifier lists as type, mixed lists as static', () => {
    const text = [
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "import { type D, E } from './d';",
      "import type F from './f';",
      "import type * as G from './g';",
      "import type {} from './h';",
      "import type from './default-named-type';",
    ].join('\n');
    assert.deepEqual(found('a.ts', text), [
      '1:24 type ./a',
      '2:32 type ./b',
      '3:27 static ./d',
      '4:20 type ./f',
      '5:25 type ./g',
      '6:21 type ./h',
      '7:18 static ./default-named-type',
    ]);
  });

  it('finds re-exports, type-only ones as type', () => {
    const text = [
      "export * from './all';",
      "export * as ns from './ns';",
      "export { a, b as c } from './named';",
      "export { default } from './default';",
      "export type { T } from './types';",
      "export type * from './all-types';",
      "export type * as types from './ns-types';",
      "export { type U, type V } from './inline-types';",
      "export { type W, x } from './mixed';",
      'export { local };',
      'const local = 1;',
    ].join('\n');
    assert.deepEqual(found('a.ts', text), [
      '1:15 reexport ./all',
      '2:21 reexport ./ns',
      '3:27 reexport ./named',
      '4:25 reexport ./default',
      '5:24 type ./types',
      '6:20 type ./all-types',
      '7:29 type ./ns-types',
      '8:32 type ./inline-types',
      '9:27 reexport ./mixed',
    ]);
  });

  it('does not count re-exporting an imported binding as a second import', () => {
    const text =
      "import type { A } from './a';\nimport { b } from './b';\nexport type { A };\nexport { b as c };";
    assert.deepEqual(found('a.ts', text), ['1:24 type ./a', '2:19 static ./b']);
  });

  it('finds `export {} from` (a side-effect re-export the module record omits)', () => {
    assert.deepEqual(found('a.ts', "export {} from './side';"), ['1:16 reexport ./side']);
  });

  it('finds dynamic imports with a literal or plain template, and skips computed ones', () => {
    const text = [
      "const a = import('./lazy');",
      'const b = import(`./tpl`);',
      'const c = import(`./${name}`);',
      "const d = import('./' + name);",
      'const e = import(name);',
      "const f = import('./json', { with: { type: 'json' } });",
      "const g = await import( /* webpackChunkName: 'x' */ './chunk');",
    ].join('\n');
    assert.deepEqual(found('a.mjs', text), [
      '1:18 dynamic ./lazy',
      '2:18 dynamic ./tpl',
      '6:18 dynamic ./json',
      '7:53 dynamic ./chunk',
    ]);
  });

  it('decodes escapes in a dynamic import specifier', () => {
    assert.deepEqual(found('a.ts', "import('./\\u0041');"), ['1:8 dynamic ./A']);
  });

  it('finds require calls of the identifier `require` with a literal only', () => {
    const text = [
      "const a = require('./a');",
      'const b = require(`./b`);',
      'const c = require(name);',
      "const d = require.resolve('./d');",
      "const e = module.require('./e');",
      "// require('./in-comment')",
      'const f = "require(\'./in-string\')";',
      "if (x) require('./g').init();",
    ].join('\n');
    assert.deepEqual(found('a.cjs', text), ['1:19 require ./a', '2:19 require ./b', '8:16 require ./g']);
  });

  it('finds `import x = require()` as require, and its type-only form as type', () => {
    const text = "import fs = require('fs');\nimport type T = require('./t');\nimport N = Other.Name;";
    assert.deepEqual(found('a.ts', text), ['1:21 require fs', '2:25 type ./t']);
  });

  it('finds `import()` in type positions as type', () => {
    const text = [
      "let a: typeof import('./a');",
      "type B = import('./b').Shape<string>;",
      "function f(x: import('./c')['default']): void {}",
      "const real = import('./d');",
    ].join('\n');
    assert.deepEqual(found('a.ts', text), [
      '1:22 type ./a',
      '2:17 type ./b',
      '3:22 type ./c',
      '4:21 dynamic ./d',
    ]);
  });

  it('parses JSX in .js and .jsx files', () => {
    const text =
      "import React from 'react';\nexport const App = () => <div className=\"x\">{require('./icon')}</div>;";
    assert.deepEqual(found('app.js', text), ['1:19 static react', '2:54 require ./icon']);
    assert.deepEqual(found('app.jsx', text), ['1:19 static react', '2:54 require ./icon']);
  });

  it('reads .tsx generics, .mts, .cts and .d.ts files', () => {
    assert.deepEqual(found('c.tsx', "import { x } from './x';\nconst f = <T,>(a: T) => <b>{a}</b>;"), [
      '1:19 static ./x',
    ]);
    assert.deepEqual(found('m.mts', "import x from './x.mjs';\nawait x();"), ['1:15 static ./x.mjs']);
    assert.deepEqual(found('c.cts', "import x = require('./x.cjs');\nreturn;"), ['1:20 require ./x.cjs']);
    assert.deepEqual(found('t.d.ts', "import type { X } from './x';\nexport declare const y: X;"), [
      '1:24 type ./x',
    ]);
    assert.deepEqual(found('T.D.TS', "declare module 'm' { export * from './inner'; }"), [
      '1:36 reexport ./inner',
    ]);
  });

  it('counts columns in UTF-16 code units after emoji and CJK text', () => {
    const text =
      "// 😀 中文 — notes\nconst s = '日本語'; import('./a');\n/* 🎉🎉 */ import { b } from './b';";
    // '😀' is two UTF-16 units, each CJK character one; oxc reports UTF-16 offsets.
    assert.deepEqual(found('u.ts', text), ['2:25 dynamic ./a', '3:30 static ./b']);
    assert.deepEqual(foundByAst('u.ts', text), ['2:25 dynamic ./a', '3:30 static ./b']);
  });

  it('handles CRLF and lone CR line endings', () => {
    assert.deepEqual(found('a.ts', "// x\r\nimport a from './a';\r\nimport b from './b';"), [
      '2:15 static ./a',
      '3:15 static ./b',
    ]);
    assert.deepEqual(found('a.ts', "// x\rimport a from './a';"), ['2:15 static ./a']);
  });

  it('returns the imports around a syntax error, and the error with its position', () => {
    const text = "import a from './a';\nclass {\nimport c from './c';";
    const result = extractImports('broken.ts', text);
    assert.deepEqual(
      result.imports.map((i) => `${i.line}:${i.column} ${i.kind} ${i.specifier}`),
      ['1:15 static ./a', '3:15 static ./c'],
    );
    assert.ok(result.errors.length >= 1);
    assert.equal(result.errors[0]?.file, 'broken.ts');
    assert.match(result.errors[0]?.message ?? '', /^Syntax error: /);
    assert.equal(result.errors[0]?.line, 3);
    assert.equal(result.errors[0]?.column, 8);
  });

  it('keeps every import kind of a file that ends mid-statement', () => {
    const result = extractImports('broken.js', "import a from 'a';\nconst x = require('./x');\nfoo(");
    assert.deepEqual(
      result.imports.map((i) => `${i.line}:${i.column} ${i.kind} ${i.specifier}`),
      ['1:15 static a', '2:19 require ./x'],
    );
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0]?.line, 3);
  });

  it('reads every import kind of a broken file with the tolerant parser', () => {
    const text = [
      "import type { A } from './a';",
      "import { type B, c } from './b';",
      "export * from './all';",
      "export type { T } from './t';",
      "import fs = require('fs');",
      "let x: typeof import('./q');",
      "const d = import('./d'), r = require('./r');",
      'function (',
    ].join('\n');
    const result = extractImports('broken.ts', text);
    assert.deepEqual(
      result.imports.map((i) => `${i.line}:${i.column} ${i.kind} ${i.specifier}`),
      [
        '1:24 type ./a',
        '2:27 static ./b',
        '3:15 reexport ./all',
        '4:24 type ./t',
        '5:21 require fs',
        '6:22 type ./q',
        '7:18 dynamic ./d',
        '7:38 require ./r',
      ],
    );
    assert.equal(result.errors[0]?.line, 8);
  });

  it('returns nothing, without throwing, for other files and empty text', () => {
    assert.deepEqual(extractImports('README.md', "import x from 'y'"), { imports: [], errors: [] });
    assert.deepEqual(extractImports('a.ts', ''), { imports: [], errors: [] });
  });

  it('reads a large generated file exactly', () => {
    const count = 5000;
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      lines.push(
        i % 2 === 0 ? `import { v${i} } from './m${i}';` : `export const f${i} = () => import('./d${i}');`,
      );
    }
    const imports = extractImports('big.ts', lines.join('\n')).imports;
    assert.equal(imports.length, count);
    assert.deepEqual(imports[count - 2], {
      specifier: `./m${count - 2}`,
      line: count - 1,
      column: 23,
      kind: 'static',
    });
    assert.deepEqual(imports[count - 1], {
      specifier: `./d${count - 1}`,
      line: count,
      column: 35,
      kind: 'dynamic',
    });
  });

  it('reads every construct the same way through the module record and through the AST', () => {
    const samples = [
      "import a, { type B } from './a';\nimport type { C } from './c';\nimport './s';\nimport {} from './e';",
      "export * from './x';\nexport type { Y } from './y';\nexport { type Z, w } from './z';\nexport * as q from './q';",
      "const a = import('./a');\nconst b = import(`./b`);\nconst c = import(`./${c}`);\nimport type {} from './t';",
      "// 😀\nimport { x } from './x';\n/* 中文 */ export { y } from './y';",
      'const a = require(\'./a\'), b = require("./b\\u0041\\"");\nrequire();\nrequire(x);\nrequire(1);',
      'const c = require(`./c`);',
      "import fs = require('fs');\nconst p = require('path');\nfoo.require('no');",
      "// require('no')\nconst s = \"require('no')\";\nconst r = require<typeof import('./t')>('./generic');",
    ];
    for (const text of samples) assert.deepEqual(foundByAst('s.ts', text), found('s.ts', text), text);
    for (const text of samples.slice(4, 5))
      assert.deepEqual(foundByAst('s.js', text), found('s.js', text), text);
  });
});

describe('extractorFor', () => {
  it('picks the extractor by extension, case-insensitively', () => {
    assert.equal(extractorFor('src/a.ts')?.id, 'ecmascript');
    assert.equal(extractorFor('src/a.D.TS')?.id, 'ecmascript');
    assert.equal(extractorFor('src/a.cjs')?.id, 'ecmascript');
    assert.equal(extractorFor('src/App.vue')?.id, 'vue');
    assert.equal(extractorFor('src/App.svelte')?.id, 'svelte');
    assert.equal(extractorFor('src/a.json'), undefined);
    assert.equal(extractorFor('src/ts'), undefined);
  });
});
