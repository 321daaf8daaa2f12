import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeWorkspace, detectArchitecture } from '../../../src/core';
import { compareWorkspace } from '../../../src/core/compare';
import { buildDiagram, symbolsReader, type DiagramInput } from '../../../src/core/diagram';
import { compareMessage } from '../../../src/extension/panel/compare-mode';
import { renderMessage } from '../../../src/extension/panel/diagram-message';
import { ImpactCache, withImpact } from '../../../src/extension/panel/impact-mode';
import { parseFromWebview, parseToWebview } from '../../../src/shared/protocol';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';

const shopRoot = toPosixPath(path.resolve(__dirname, '../../../../test/fixtures/impact/shop'));

function shop(): DiagramInput {
  const fs = new NodeFileSystem();
  const model = analyzeWorkspace(fs, shopRoot);
  return { model, detection: detectArchitecture(fs, model), symbols: symbolsReader(fs, shopRoot) };
}

describe('the Impact mode and Compare view messages', () => {
  const input = shop();
  const diagram = buildDiagram('overview', input, { expanded: [] });
  if (diagram.kind !== 'diagram') throw new Error('the overview should draw');
  const state = { view: 'overview' as const, expanded: [], impact: { node: 'billing' } };
  const plain = renderMessage(1, diagram.model, state, 'shop', false);

  it('paints the render message and counts the legend; the message passes the webview’s validation', () => {
    const cache = new ImpactCache();
    const message = withImpact(plain, diagram.model, input, state.impact, cache);
    assert.deepEqual(message.impact?.nodes, {
      failing: 1,
      fails: 3,
      degrades: 1,
      buildTime: 0,
      unaffected: 2,
    });
    assert.equal(message.impact?.hop, 2);
    assert.match(message.mermaid, /^ {2}class n\d+ impact_failing$/m);
    // Edges by the dependency they carry: calls red, the shared database violet, a type import grey.
    assert.match(message.mermaid, /^ {2}linkStyle [\d,]+ stroke:#f85149,stroke-width:2\.5px$/m);
    assert.match(message.mermaid, /^ {2}linkStyle \d+ stroke:#a371f7,stroke-width:2\.5px$/m);
    assert.match(
      message.mermaid,
      /^ {2}linkStyle \d+ stroke:#8b949e,stroke-width:1\.5px,stroke-dasharray:3 3$/m,
    );
    assert.notEqual(message.mermaid, plain.mermaid);
    assert.deepEqual(parseToWebview(message), message);
    // The same answer again comes from the cache: the object is the same.
    assert.equal(cache.impactOf(input, 'billing'), cache.impactOf(input, 'billing'));
  });

  it('a hop past the cascade is the whole cascade; hop 1 leaves the subscriber unaffected', () => {
    const cache = new ImpactCache();
    assert.equal(withImpact(plain, diagram.model, input, { node: 'billing', hop: 99 }, cache).impact?.hop, 2);
    assert.equal(
      withImpact(plain, diagram.model, input, { node: 'billing', hop: 1 }, cache).impact?.nodes.degrades,
      0,
    );
  });

  it('a node that names nothing draws unpainted and says why in the notes', () => {
    const message = withImpact(plain, diagram.model, input, { node: 'topic:nowhere' }, new ImpactCache());
    assert.equal(message.impact, undefined);
    assert.equal(message.mermaid, plain.mermaid);
    assert.match(message.notes[0] ?? '', /^Impact: 'topic:nowhere' names no file/);
  });

  it('the compare message carries both drawings and the three rows of figures, and validates', () => {
    const message = compareMessage(7, compareWorkspace(input), 'microservices', 'shop');
    assert.deepEqual(
      message.figures.map((f) => f.label),
      ['Today', 'Modular monolith', 'Microservices'],
    );
    assert.match(message.today.mermaid, /^flowchart LR$/m);
    assert.match(message.proposed.title, /^Microservices: \d+ parts$/);
    assert.deepEqual(parseToWebview(message), message);
  });

  it('the webview’s requests validate; a negative hop or an unknown cut does not', () => {
    assert.ok(parseFromWebview({ type: 'setImpact', impact: { node: 'unit:src/modules/billing', hop: 1 } }));
    assert.ok(parseFromWebview({ type: 'setImpact', impact: null }));
    assert.ok(parseFromWebview({ type: 'showCompare', cut: 'microservices' }));
    assert.equal(parseFromWebview({ type: 'setImpact', impact: { node: 'x', hop: -1 } }), undefined);
    assert.equal(parseFromWebview({ type: 'showCompare', cut: 'serverless' }), undefined);
  });
});
