import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDiagram, DIAGRAM_VIEW_IDS, INITIAL_STATE, toMermaid } from '../../../src/core/diagram';
import { shopModel, shopSymbols } from './sample-models';

// Golden Mermaid text of each view of the small shop model. `UPDATE_GOLDEN=1` rewrites them.
const GOLDEN_DIR = path.resolve('test/fixtures/diagram');

describe('diagram views: golden Mermaid of the shop model', () => {
  for (const view of DIAGRAM_VIEW_IDS) {
    it(`${view} matches test/fixtures/diagram/shop-${view}.mmd`, () => {
      const result = buildDiagram(view, { model: shopModel(), symbols: shopSymbols }, INITIAL_STATE);
      assert.equal(result.kind, 'diagram', result.kind === 'not-applicable' ? result.reason : '');
      if (result.kind !== 'diagram') return;
      const text = toMermaid(result.model);
      const file = path.join(GOLDEN_DIR, `shop-${view}.mmd`);
      if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(file, text);
      }
      assert.equal(text, readFileSync(file, 'utf8'));
    });
  }
});
