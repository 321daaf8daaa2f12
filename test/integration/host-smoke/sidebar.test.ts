import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateArchLens, COMMANDS, fixtureFolder } from '../archlens-api';

interface Node {
  readonly label: string;
  readonly description?: string;
  readonly children?: readonly Node[];
}
interface SidebarApi {
  architectureTree(): readonly Node[];
  recommendationsTree(): readonly Node[];
}

const labels = (nodes: readonly Node[] | undefined): string[] => (nodes ?? []).map((n) => n.label);

describe('ArchLens sidebar', () => {
  let api: SidebarApi;
  before(async () => {
    api = (await activateArchLens()).exports as SidebarApi;
    await vscode.commands.executeCommand(COMMANDS.analyze);
  });

  it('shows every pattern and the units in the Architecture view', () => {
    const top = api.architectureTree();
    assert.ok(labels(top).includes('Hexagonal (ports and adapters)'), labels(top).join(', '));
    const units = top.find((n) => n.label === 'Units');
    const layers = units?.children?.find((n) => n.label === 'Layers');
    assert.deepEqual(labels(layers?.children).sort(), ['adapters', 'domain']);
  });

  it('recommends from measured signals, with their values', () => {
    const groups = api.recommendationsTree();
    assert.ok(groups.length > 0, 'no recommendation groups');
    const recs = groups.flatMap((g) => g.children ?? []);
    const signals = recs.flatMap((r) => r.children?.find((c) => c.label === 'Signals')?.children ?? []);
    assert.ok(
      signals.some((s) => /^\d+ authors? in the last 12 months \(git\)$|^team size unknown: /.test(s.label)),
      labels(signals).join(' | '),
    );
    assert.ok(
      signals.some((s) => s.label === '0 deployables'),
      labels(signals).join(' | '),
    );
  });

  it('opens the file of a tree target at its line', async () => {
    const folder = fixtureFolder();
    await vscode.commands.executeCommand(
      'archlens.runTarget',
      { kind: 'file', path: 'domain/order.ts', line: 2 },
      folder.uri,
    );
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor && path.basename(editor.document.uri.fsPath), 'order.ts');
    assert.equal(editor?.selection.active.line, 1);
  });
});
