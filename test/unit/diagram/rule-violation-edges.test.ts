import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeWorkspace, checkArchitecture } from '../../../src/core';
import {
  buildDiagram,
  toMermaid,
  violationMarks,
  type DiagramInput,
  type DiagramModel,
} from '../../../src/core/diagram';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';
import { edgeLocationItems } from '../../../src/extension/panel/edge-locations';
import { renderMessage } from '../../../src/extension/panel/diagram-message';

const fs = new NodeFileSystem();
const model = analyzeWorkspace(fs, toPosixPath(path.resolve('test/fixtures/rules/modular-monolith')));
const check = checkArchitecture(fs, model);
const input: DiagramInput = {
  model,
  detection: check.detection,
  violations: violationMarks(check.rules.violations),
};

function draw(view: 'overview' | 'deps', withViolations = true): DiagramModel {
  const result = buildDiagram(view, withViolations ? input : { ...input, violations: undefined }, {
    expanded: [],
  });
  assert.equal(result.kind, 'diagram');
  return result.model;
}

const broken = (m: DiagramModel): string[] =>
  m.edges
    .filter((e) => e.violation)
    .map((e) => `${e.id} ${(e.violations ?? []).map((v) => `${v.file}:${v.line} ${v.rule}`).join(', ')}`);

describe('boundary-rule violations as red diagram edges', function () {
  this.timeout(30_000);

  it('marks exactly the module edges that hold a violating import, with those imports and their rules', () => {
    assert.deepEqual(broken(draw('overview')), [
      'unit:.→unit:src/modules/billing src/modules/shared/currency.ts:1 modular-monolith/kernel-imports-module',
      'unit:src/modules/billing→unit:src/modules/orders src/modules/billing/invoice.ts:1 modular-monolith/module-cycle, src/modules/billing/invoice.ts:2 modular-monolith/deep-import',
      'unit:src/modules/orders→unit:src/modules/billing src/modules/orders/place-order.ts:1 modular-monolith/module-cycle',
      'unit:src/modules/orders→unit:src/modules/inventory src/modules/orders/place-order.ts:2 modular-monolith/deep-import',
    ]);
    assert.deepEqual(broken(draw('overview', false)), [], 'no violations given, none drawn');
  });

  it('marks file edges in the dependencies view, and every planted violation lands on one edge', () => {
    const deps = draw('deps');
    const onEdges = deps.edges.flatMap((e) =>
      (e.violations ?? []).map((v) => `${v.rule} ${v.file}:${v.line}`),
    );
    assert.deepEqual(
      onEdges.sort(),
      check.rules.violations.map((v) => `${v.rule} ${v.file}:${v.line}`).sort(),
    );
    const server = deps.edges.filter((e) => e.from === 'file:src/server.ts');
    assert.ok(
      server.length > 0 && server.every((e) => e.violation === undefined),
      'entering through index.ts is fine',
    );
  });

  it('draws them red in the Mermaid text, and the render message counts them per edge', () => {
    const overview = draw('overview');
    const red = overview.edges.flatMap((e, i) => (e.violation ? [i] : []));
    assert.match(toMermaid(overview), new RegExp(`linkStyle ${red.join(',')} stroke:#f85149`));
    const message = renderMessage(1, overview, { view: 'overview', expanded: [] }, 'fixture', false);
    assert.deepEqual(
      message.edges.map((e) => e.violations ?? 0),
      overview.edges.map((e) => e.violations?.length ?? 0),
    );
    const cycle = message.edges.find((e) => e.id === 'unit:src/modules/billing→unit:src/modules/orders');
    assert.match(
      cycle?.detail ?? '',
      /2 imports break boundary rules:\n {2}src\/modules\/billing\/invoice\.ts:1 {2}\.\.\/orders {2}\[modular-monolith\/module-cycle\]/,
    );
  });

  it('lists the violating import lines first on click, each with its rule and sentence, then the others', () => {
    const overview = draw('overview');
    const edge = overview.edges.find((e) => e.id === 'unit:.→unit:src/modules/billing');
    assert.ok(edge);
    const items = edgeLocationItems(edge);
    assert.deepEqual(
      items.map((i) => i.label),
      [
        'Breaking boundary rules',
        '$(error) src/modules/shared/currency.ts:1',
        'Other imports',
        'src/server.ts:2',
      ],
    );
    assert.equal(items[1]?.description, '../billing/tax  modular-monolith/kernel-imports-module');
    assert.match(items[1]?.detail ?? '', /shared kernel `src\/modules\/shared`/);
    assert.deepEqual(items[1]?.location, {
      file: 'src/modules/shared/currency.ts',
      line: 1,
      column: 21,
      text: '../billing/tax',
    });
    const clean = overview.edges.find((e) => e.id === 'unit:.→unit:src/modules/orders');
    assert.deepEqual(clean && edgeLocationItems(clean).map((i) => i.label), ['src/server.ts:4']);
  });
});
