import * as assert from 'node:assert/strict';
import { buildDiagram, toMermaid } from '../../../src/core/diagram';
import { mermaidLabel } from '../../../src/core/report/mermaid-text';
import { internal, modelOf } from './sample-models';

const NASTY = [
  'src/a"b.ts',
  'src/x#b;c.ts',
  'src/`tick`.ts',
  'src/<script>alert(1)</script>.ts',
  'src/[x](y){z}|w;.ts',
  'src/%%{init: {"securityLevel":"loose"}}%%.ts',
  'src/ü 日本 🙂.ts',
  'src/a\\b & c.ts',
  'src/line\nbreak.ts',
];

/** What a quoted label's inside may not contain in Mermaid's grammar. */
function assertSafeLabel(label: string): void {
  assert.match(label, /^"[^"\n\r]*"$/s, `quoted, no inner quote or newline: ${label}`);
  const inner = label.slice(1, -1);
  assert.ok(!/#\w+;/.test(inner.replace(/#(amp|lt|gt);/g, '')), `no entity but amp/lt/gt: ${label}`);
  assert.ok(!/[<>]/.test(inner), `no raw angle bracket: ${label}`);
  assert.ok(!inner.includes('%%'), `no directive: ${label}`);
  assert.ok(!inner.startsWith('`'), `no markdown string: ${label}`);
}

describe('Mermaid escaping', () => {
  it('makes every nasty name a safe quoted label that keeps its visible characters', () => {
    for (const name of NASTY) {
      const label = mermaidLabel(name);
      assertSafeLabel(label);
      const shown = label
        .slice(1, -1)
        .replace(/\u200B/g, '')
        .replace(/#amp;/g, '&')
        .replace(/#lt;/g, '<')
        .replace(/#gt;/g, '>')
        .replace(/\uFF02/g, '"');
      assert.equal(shown, name.replace(/\n/g, ' '));
    }
  });

  it('escapes node labels, edge labels and subgraph titles of a whole diagram', () => {
    const files = [...NASTY, 'src/domain/"d".ts', 'src/adapters/<a>.ts'];
    const model = modelOf(files, [
      internal(NASTY[0] ?? '', NASTY[3] ?? ''),
      internal('src/adapters/<a>.ts', 'src/domain/"d".ts'),
    ]);
    for (const view of ['deps', 'layers'] as const) {
      const result = buildDiagram(view, { model }, { expanded: ['dir:src'] });
      assert.equal(result.kind, 'diagram');
      if (result.kind !== 'diagram') continue;
      const text = toMermaid(result.model);
      for (const label of text.match(/"[^"]*"/g) ?? []) assertSafeLabel(label);
      assert.ok(!text.includes('<script>'), 'no raw markup');
      // Ids never come from file names.
      for (const line of text.split('\n').filter((l) => /^\s+n\d/.test(l)))
        assert.match(line.trim(), /^n\d+[[(>{/\\]|^n\d+ e\d+@/);
    }
  });
});
