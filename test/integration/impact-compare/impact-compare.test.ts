import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, fixtureUri } from '../archlens-api';
import { readDiagramPanel } from '../driver-screenshot';

// The diagram's Impact mode and Compare view on test/fixtures/impact/shop: four modules in one
// deployable; orders calls billing, publishes order.placed to Kafka for notify; reports reads
// billing's database. Painted by the host, drawn by the real webview, read back by the driver.

interface ImpactReport {
  readonly svgLength: number;
  readonly nodeCount: number;
  readonly state?: { readonly impact?: { readonly node: string; readonly hop?: number } };
  readonly impact?: {
    readonly target: string;
    readonly hop: number;
    readonly maxHops: number;
    readonly nodes: Record<'failing' | 'fails' | 'degrades' | 'buildTime' | 'unaffected', number>;
    readonly files: Record<'fails' | 'degrades' | 'buildTime' | 'direct' | 'transitive', number>;
  };
  readonly compare?: { readonly cut: string; readonly costs: Record<string, number> };
}

async function showImpact(arg: unknown): Promise<ImpactReport> {
  const report = (await vscode.commands.executeCommand('archlens.showImpact', arg)) as
    ImpactReport | undefined;
  assert.ok(report, 'archlens.showImpact should resolve with the webview report');
  return report;
}

describe('ArchLens Impact mode and Compare view (impact/shop)', () => {
  before(async () => {
    await activateArchLens();
  });

  it('Impact of the billing module: it red, its importers red, the topic subscriber amber, the rest grey', async () => {
    const report = await showImpact({ target: 'billing' });
    assert.ok(report.svgLength > 0 && report.nodeCount >= 7, JSON.stringify(report));
    assert.deepEqual(report.impact?.nodes, {
      failing: 1,
      fails: 3,
      degrades: 1,
      buildTime: 0,
      unaffected: 2,
    });
    assert.deepEqual(report.impact?.files, { fails: 4, degrades: 1, buildTime: 1, direct: 4, transitive: 2 });
    assert.equal(report.impact?.target, 'billing');
    assert.equal(report.impact?.hop, 2);
  });

  it('the webview shows the legend with its counts and the hop; its stepper shows one hop less', async () => {
    await showImpact({ target: 'billing' });
    const panel = await readDiagramPanel('impact-billing', '◀ Hop');
    assert.ok(panel.ok, panel.error);
    const bar = panel.panels?.['impact'] ?? '';
    assert.match(bar, /Impact of billing/);
    assert.match(bar, /Failing: 1.*Fails with it: 3.*Degrades: 1.*Build time only: 0.*Unaffected: 2/s);
    assert.match(bar, /Hop 2 of 2/);
    assert.ok(
      panel.buttons?.includes('◀ Hop') && panel.buttons.includes('Exit Impact'),
      JSON.stringify(panel.buttons),
    );
    // The click above asked the host for hop 1: notify, reached at hop 2, is no longer amber.
    const after = await readDiagramPanel('impact-billing-hop-1');
    assert.match(after.panels?.['impact'] ?? '', /Degrades: 0.*Hop 1 of 2/s);
  });

  it('from the explorer: a folder of a module is that module', async () => {
    const report = await showImpact(fixtureUri('src/modules/billing'));
    assert.equal(report.impact?.target, 'billing');
    assert.equal(report.state?.impact?.node, 'src/modules/billing');
  });

  it('from the Architecture view: a unit node is its folder; a file of the explorer is that file', async () => {
    const unit = await showImpact({ id: 'unit', label: 'orders', focus: { focus: 'src/modules/orders' } });
    assert.equal(unit.impact?.target, 'orders');
    const file = await showImpact(fixtureUri('src/shared/db.ts'));
    assert.equal(file.impact?.target, 'src/shared/db.ts');
    assert.ok((file.impact?.files.fails ?? 0) >= 5, JSON.stringify(file.impact));
  });

  it('a backing service fails: the database red, everything that needs it red', async () => {
    const report = await showImpact({ target: 'postgres' });
    assert.ok(report.impact, JSON.stringify(report));
    assert.equal(report.impact.nodes.failing, 1);
    assert.equal(report.impact.files.fails, 7);
  });

  it('Compare draws today beside the modular monolith with the figures of the three cuts', async () => {
    const report = (await vscode.commands.executeCommand('archlens.compare')) as ImpactReport | undefined;
    assert.ok(report?.compare, JSON.stringify(report));
    assert.equal(report.compare.cut, 'modular-monolith');
    assert.deepEqual(Object.keys(report.compare.costs), ['today', 'modular-monolith', 'microservices']);
    assert.ok(report.nodeCount >= 4, JSON.stringify(report));
    const panel = await readDiagramPanel('compare', 'Microservices');
    assert.ok(panel.ok, panel.error);
    const view = panel.panels?.['compare'] ?? '';
    assert.match(view, /Today: \d+ parts/);
    assert.match(view, /Modular monolith: \d+ parts/);
    assert.match(view, /Crossed imports/);
    assert.match(view, /cost = 1 per moved file/);
    // The click above switched the right-hand diagram to microservices.
    const switched = await readDiagramPanel('compare-microservices', 'Close Compare');
    assert.match(switched.panels?.['compare'] ?? '', /Microservices: \d+ parts/);
    const closed = await readDiagramPanel('compare-closed');
    assert.equal(closed.panels?.['compare'] ?? '', '');
  });
});
