import * as assert from 'node:assert/strict';
import { folderNode, plainEdge } from './sample-models';
import type { DiagramModel } from '../../../src/core/diagram';
import { applyFocus } from '../../../src/core/diagram/focus';

const node = folderNode;
const edge = plainEdge;

// api → app → domain, api → domain, web → api; tools stands apart.
const model: DiagramModel = {
  view: 'overview',
  title: 'Overview',
  direction: 'LR',
  groups: [],
  nodes: ['web', 'api', 'app', 'domain', 'tools'].map(node),
  edges: [edge('api', 'app'), edge('app', 'domain'), edge('api', 'domain'), edge('web', 'api')],
  breadcrumb: [],
  notes: [],
};

const emphasis = (m: DiagramModel) => Object.fromEntries(m.nodes.map((n) => [n.id, n.emphasis]));

describe('focus mode marks what it keeps', () => {
  it('dependencies: the focused node, what it imports directly (near) and what it reaches further (far)', () => {
    const focused = applyFocus(model, { node: 'web', direction: 'dependencies' });
    assert.deepEqual(emphasis(focused), { web: 'focus', api: 'near', app: 'far', domain: 'far' });
  });

  it('dependents: the same marks the other way round', () => {
    const focused = applyFocus(model, { node: 'domain', direction: 'dependents' });
    assert.deepEqual(emphasis(focused), { domain: 'focus', app: 'near', api: 'near', web: 'far' });
  });

  it('without a focus no node carries a mark', () => {
    assert.deepEqual(emphasis(applyFocus(model, undefined)), {
      web: undefined,
      api: undefined,
      app: undefined,
      domain: undefined,
      tools: undefined,
    });
  });

  it('keeps two steps around the focused node and says how many further nodes it left out', () => {
    // a → b → c → d → e, and x beside: a focus on a draws a, b, c only.
    const chain: DiagramModel = {
      ...model,
      nodes: ['a', 'b', 'c', 'd', 'e', 'x'].map(node),
      edges: [edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('d', 'e')],
    };
    const focused = applyFocus(chain, { node: 'a', direction: 'dependencies' });
    assert.deepEqual(emphasis(focused), { a: 'focus', b: 'near', c: 'far' });
    assert.deepEqual(
      focused.edges.map((e) => e.id),
      ['a→b', 'b→c'],
    );
    assert.match(focused.notes.at(-1) ?? '', /2 nodes further away are not drawn/);
  });
});
