import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, COMMANDS } from '../archlens-api';
import { asViewReport } from '../diagram-report';

// The diagram panel on test/fixtures/workspaces/saga-rabbitmq-orders: three services talking
// through RabbitMQ queues. The events view draws producer → queue → consumer; focus requests
// from elsewhere (`archlens.showDiagram { focus }`) open the panel focused on a node.
describe('ArchLens diagram: events and focus (saga-rabbitmq-orders)', () => {
  before(async () => {
    await activateArchLens();
  });

  it('events draws the services and the queues between them', async () => {
    const report = asViewReport(
      await vscode.commands.executeCommand(COMMANDS.showDiagram, { view: 'events' }),
    );
    assert.ok(report, 'events should resolve with the webview report');
    assert.equal(report.reason, undefined, report.reason);
    assert.equal(report.view, 'events');
    // orders, payments, inventory + three queues; every flow drawn.
    assert.ok(report.nodeCount >= 6 && report.edgeCount >= 6, JSON.stringify(report));
  });

  it('overview draws the deployables', async () => {
    const report = asViewReport(
      await vscode.commands.executeCommand(COMMANDS.showDiagram, { view: 'overview' }),
    );
    assert.ok(report && report.reason === undefined && report.nodeCount >= 3, JSON.stringify(report));
  });

  it('showDiagram { focus: a file path } opens the panel focused on the node drawing that file', async () => {
    const report = asViewReport(
      await vscode.commands.executeCommand(COMMANDS.showDiagram, {
        focus: 'services/orders/src/main.ts',
        view: 'overview',
      }),
    );
    assert.ok(report, 'a focus request should resolve with the report');
    assert.equal(report.reason, undefined, report.reason);
    assert.equal(report.state?.view, 'overview');
    assert.equal(report.state?.focus?.direction, 'dependencies');
    assert.match(report.state?.focus?.node ?? '', /orders/);
    assert.ok(report.nodeCount >= 1 && report.svgLength > 0, JSON.stringify(report));
  });

  it('showDiagram { focus: a unit name } focuses on that unit', async () => {
    const report = asViewReport(
      await vscode.commands.executeCommand(COMMANDS.showDiagram, { focus: 'payments' }),
    );
    assert.ok(report);
    assert.equal(report.reason, undefined, report.reason);
    assert.match(report.state?.focus?.node ?? '', /payments/);
  });

  it('a focus on nothing draws the view unfocused and says why', async () => {
    const report = asViewReport(
      await vscode.commands.executeCommand(COMMANDS.showDiagram, { focus: 'no/such/place.ts', view: 'deps' }),
    );
    assert.ok(report);
    assert.match(report.reason ?? '', /Nothing in the diagram holds no\/such\/place\.ts/);
    assert.equal(report.state?.focus, undefined);
    assert.ok(report.nodeCount > 0);
  });
});
