import * as assert from 'node:assert/strict';
import { extractImports, extractSymbols } from '../../../src/core/extract';
import { findScriptBlocks } from '../../../src/core/extract/script-blocks';

function found(relPath: string, text: string): string[] {
  const result = extractImports(relPath, text);
  assert.deepEqual(result.errors, []);
  return result.imports.map((i) => `${i.line}:${i.column} ${i.kind} ${i.specifier}`);
}

describe('Vue and Svelte components', () => {
  it('reads <script> and <script setup lang="ts"> of a .vue file at their real positions', () => {
    const text = [
      '<template>',
      '  <div>{{ msg }} <!-- <script>import x from "no"</script> --></div>',
      '</template>',
      '<script>',
      "import Child from './Child.vue';",
      'export default { components: { Child } };',
      '</script>',
      '<script setup lang="ts">',
      "import type { Props } from './props';",
      "const store = await import('./store');",
      'const n: number = 1;',
      '</script>',
      '<style>.a { color: red }</style>',
    ].join('\n');
    assert.deepEqual(found('src/App.vue', text), [
      '5:19 static ./Child.vue',
      '9:28 type ./props',
      '10:28 dynamic ./store',
    ]);
  });

  it('skips HTML comments holding a script tag and counts <script src> as an import', () => {
    const text =
      "<!-- <script>import a from './no'</script> -->\n<script lang=\"ts\" src='./logic.ts'></script>";
    assert.deepEqual(found('C.vue', text), ['2:23 static ./logic.ts']);
  });

  it('reports syntax errors of a script block at file positions', () => {
    const text =
      '<template><p/></template>\n<script lang="ts">\nimport a from \'./a\';\nconst = ;\n</script>';
    const result = extractImports('Broken.vue', text);
    assert.deepEqual(
      result.imports.map((i) => `${i.line}:${i.column} ${i.kind} ${i.specifier}`),
      ['3:15 static ./a'],
    );
    assert.equal(result.errors[0]?.line, 4);
  });

  it('reads module and instance scripts of a .svelte file', () => {
    const text = [
      '<script context="module" lang="ts">',
      "  export { helper } from './helper';",
      '</script>',
      '',
      '<script lang="ts">',
      "  import Button from './Button.svelte';",
      '  let { x }: { x: number } = $props();',
      '</script>',
      '',
      "<button on:click={() => import('./not-a-script')}>{x}</button>",
    ].join('\n');
    assert.deepEqual(found('src/Widget.svelte', text), [
      '2:26 reexport ./helper',
      '6:22 static ./Button.svelte',
    ]);
  });

  it('parses JSX in a plain script block', () => {
    const text = "<script>\nimport h from 'h';\nexport const V = () => <div>{h}</div>;\n</script>";
    assert.deepEqual(found('V.vue', text), ['2:15 static h']);
  });

  it('extracts symbols from script blocks at file lines', () => {
    const text =
      '<template/>\n<script setup lang="ts">\nexport class Store { load() {} }\nbus.emit(\'ready\');\n</script>';
    const symbols = extractSymbols('S.vue', text);
    assert.deepEqual(
      symbols.classes.map((c) => [c.name, c.line, c.methods]),
      [['Store', 3, ['load']]],
    );
    assert.deepEqual(symbols.calls, [
      { name: 'emit', receiver: 'bus', line: 4, firstStringArgument: 'ready' },
    ]);
  });
});

describe('findScriptBlocks', () => {
  it('finds contents, lang and unterminated blocks', () => {
    const text = "<script lang='tsx'>a</script><SCRIPT>b</SCRIPT >\n<scripting/><script>c";
    const blocks = findScriptBlocks(text);
    assert.deepEqual(
      blocks.map((b) => [b.content, b.lang, text.slice(b.contentStart, b.contentStart + b.content.length)]),
      [
        ['a', 'tsx', 'a'],
        ['b', undefined, 'b'],
        ['c', undefined, 'c'],
      ],
    );
  });
});
