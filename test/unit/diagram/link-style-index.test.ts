import * as assert from 'node:assert/strict';
import { folderNode, plainEdge } from './sample-models';
import { toMermaid, type DiagramModel } from '../../../src/core/diagram';

const node = folderNode;
const edge = plainEdge;

describe('Mermaid linkStyle numbers the links as written', () => {
  it('an edge whose end is not drawn takes no number, so a red edge after it keeps its own (payload overview)', () => {
    const model: DiagramModel = {
      view: 'overview',
      title: 'Overview',
      direction: 'LR',
      groups: [],
      nodes: ['a', 'b', 'c'].map(node),
      // a → gone is left out of the text; b → c is the second model edge but the first link.
      edges: [edge('a', 'gone'), edge('b', 'c', true)],
      breadcrumb: [],
      notes: [],
    };
    const text = toMermaid(model);
    const links = text.split('\n').filter((line) => /-->|-\.->|==>/.test(line));
    assert.equal(links.length, 1, text);
    assert.match(text, /linkStyle 0 /, text);
    assert.doesNotMatch(text, /linkStyle 1 /, text);
  });
});
