import * as assert from 'node:assert/strict';
import { applyFocus } from '../../../src/core/diagram/focus';
import { buildDiagram, resolveFocusTarget, type DiagramInput } from '../../../src/core/diagram';
import { shopModel, shopSymbols, shopUnits } from './sample-models';

const detection = shopUnits;
const input: DiagramInput = { model: shopModel(), symbols: shopSymbols, detection };

describe('focus targets from elsewhere (recommendations, tree items)', () => {
  it('a module folder path lands on its unit node in the overview, without expanding', () => {
    const found = resolveFocusTarget(input, 'src/adapters', ['overview']);
    assert.deepEqual(found, {
      view: 'overview',
      state: { expanded: [], focus: { node: 'unit:src/adapters', direction: 'dependencies' } },
      nodeId: 'unit:src/adapters',
      exact: true,
    });
  });

  it('a unit name and a node id resolve too', () => {
    assert.equal(resolveFocusTarget(input, 'domain', ['overview'])?.nodeId, 'unit:src/domain');
    assert.equal(resolveFocusTarget(input, 'unit:src/domain', ['overview'])?.nodeId, 'unit:src/domain');
  });

  it('a file inside a collapsed module expands the nodes holding it until the file is drawn', () => {
    const found = resolveFocusTarget(
      input,
      'src/adapters/db/pg-order-repository.ts',
      ['overview'],
      'dependents',
    );
    assert.ok(found, 'resolved');
    assert.equal(found.exact, true);
    assert.equal(found.state.focus?.direction, 'dependents');
    assert.equal(found.state.expanded[0], 'unit:src/adapters');
    // The state draws the node, focused: the node and what depends on it.
    const result = buildDiagram('overview', input, found.state);
    assert.equal(result.kind, 'diagram');
    if (result.kind !== 'diagram') return;
    assert.ok(result.model.nodes.some((n) => n.id === found.nodeId));
    assert.ok(result.model.notes.some((n) => /^Focus: dependents of /.test(n)));
    assert.ok(
      result.model.edges.every((e) => e.to === found.nodeId || result.model.nodes.some((n) => n.id === e.to)),
    );
  });

  it('a path no view draws exactly falls back to the nearest node holding it', () => {
    const found = resolveFocusTarget(input, 'src/adapters/db/missing-file.ts', ['overview']);
    assert.ok(found);
    assert.equal(found.exact, false);
    assert.ok(found.nodeId.includes('src/adapters'), found.nodeId);
  });

  it('tries the views in order and gives undefined for nothing at all', () => {
    // `events` does not apply without symbols: the deps view resolves the file.
    const found = resolveFocusTarget({ model: shopModel() }, 'src/domain/order.ts', ['events', 'deps']);
    assert.equal(found?.view, 'deps');
    assert.equal(resolveFocusTarget(input, '   ', ['overview']), undefined);
    assert.equal(resolveFocusTarget(input, 'elsewhere/nothing.ts', ['layers']), undefined);
  });

  it('applyFocus keeps the model unchanged for a node that is not drawn', () => {
    const result = buildDiagram('deps', { model: shopModel() }, { expanded: [] });
    if (result.kind !== 'diagram') assert.fail('deps draws');
    assert.equal(applyFocus(result.model, { node: 'dir:nowhere', direction: 'dependencies' }), result.model);
  });
});
