import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, asDiagramReport, COMMANDS, fixtureFolder } from '../archlens-api';
import { sidebarScreenshot } from '../driver-screenshot';

interface Node {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly context?: string;
  readonly focus?: { readonly focus: string; readonly view?: string };
  readonly children?: readonly Node[];
}
type View = 'architecture' | 'recommendations';
interface SidebarApi {
  architectureTree(): readonly Node[];
  recommendationsTree(): readonly Node[];
  treeItem(view: View, node: Node): vscode.TreeItem;
  reveal(view: View, id: string, expand?: number): Promise<boolean>;
}

const labels = (nodes: readonly Node[] | undefined): string[] => (nodes ?? []).map((n) => n.label);
const all = (nodes: readonly Node[]): Node[] => nodes.flatMap((n) => [n, ...all(n.children ?? [])]);
const byLabel = (nodes: readonly Node[], test: RegExp): Node => {
  const found = all(nodes).find((n) => test.test(n.label));
  if (!found) throw new Error(`no node matching ${String(test)} in ${labels(all(nodes)).join(' | ')}`);
  return found;
};

// Fixture: test/fixtures/workspaces/hex-leaky-ticketing, a layered monolith whose domain imports
// typeorm and the infrastructure folder.
describe('ArchLens sidebar on a leaky hexagon (hex-leaky-ticketing)', () => {
  let api: SidebarApi;
  before(async () => {
    api = (await activateArchLens()).exports as SidebarApi;
    await vscode.commands.executeCommand(COMMANDS.analyze);
  });

  it('Architecture: patterns by score with verdicts; the leaks are counter-evidence of Hexagonal', () => {
    const top = api.architectureTree();
    assert.equal(top[0]?.label, 'Monolith', labels(top).join(', '));
    assert.match(top[0]?.description ?? '', /^yes · 0\.\d\d · primary$/);
    const hexagonal = top.find((n) => n.id === 'pattern:hexagonal');
    assert.match(hexagonal?.description ?? '', /^no · /);
    assert.ok(
      labels(hexagonal?.children).includes('Leaky hexagon: src/domain/comment.ts in domain/ imports typeorm'),
      labels(hexagonal?.children).join(' | '),
    );
  });

  it('Recommendations: the leaky hexagon hurts, with the measured signals and a step at each leaking line', () => {
    const groups = api.recommendationsTree();
    assert.deepEqual(labels(groups), ['Hurts', 'Fits', 'Consider']);
    const leaky = byLabel(groups, /^Leaky hexagon/);
    const signals = leaky.children?.find((c) => c.label === 'Signals');
    assert.deepEqual(labels(signals?.children), [
      '4 imports of infrastructure or adapters from the core',
      '3 domain files, 0 entities in src/domain/',
    ]);
    const team = byLabel(groups, /^Modular monolith fits a team of \d+$/);
    const teamSignal = team.children?.find((c) => c.label === 'Signals')?.children?.[0]?.label ?? '';
    assert.match(teamSignal, /^\d+ authors? in the last 12 months \(git\)$/);
    const steps = leaky.children?.find((c) => c.label === 'Next steps')?.children ?? [];
    assert.equal(steps.length, 4);
    assert.equal(steps[0]?.description, 'src/domain/comment.ts:1 · scaffold: port');
  });

  it('a step about a folder focuses the diagram: its item calls archlens.showDiagram({ focus, view, folder })', async () => {
    const step = byLabel(api.recommendationsTree(), /^Group the code into modules/);
    const item = api.treeItem('recommendations', step);
    assert.equal(item.command?.command, COMMANDS.showDiagram);
    assert.deepEqual(item.command?.arguments, [
      { focus: 'src', view: 'overview', folder: fixtureFolder().uri.fsPath },
    ]);
    const report = await vscode.commands.executeCommand(
      item.command.command,
      ...(item.command.arguments ?? []),
    );
    assert.ok(asDiagramReport(report), `showDiagram resolved with ${JSON.stringify(report)}`);
  });

  it('a step at an import line opens the file there; Show in Diagram focuses what the step is about', () => {
    const groups = api.recommendationsTree();
    const leak = byLabel(groups, /^src\/domain\/comment\.ts imports typeorm/);
    const item = api.treeItem('recommendations', leak);
    assert.equal(item.command?.command, 'archlens.runTarget');
    assert.deepEqual(item.command?.arguments?.[0], { kind: 'file', path: 'src/domain/comment.ts', line: 1 });
    assert.equal(item.contextValue, 'step-focus-scaffold', 'inline Show in Diagram and Scaffold');
    assert.deepEqual(leak.focus, { focus: 'src/domain/comment.ts', view: 'deps' });
    // A step about two folders coupled both ways focuses the first folder, not the import line.
    const coupled = byLabel(groups, /^folders domain and infrastructure are coupled both ways/);
    assert.deepEqual(coupled.focus, { focus: 'src/domain', view: 'overview' });
  });

  it('Show in Diagram on a unit of the Architecture view passes its focus and draws', async () => {
    const units = api.architectureTree().find((n) => n.id === 'units');
    const deployable = units?.children?.find((n) => n.label === 'Deployables')?.children?.[0];
    assert.deepEqual(deployable?.focus, { focus: '.', view: 'overview' });
    const report = await vscode.commands.executeCommand('archlens.showInDiagram', deployable);
    assert.ok(asDiagramReport(report), `showDiagram resolved with ${JSON.stringify(report)}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`both views, expanded to evidence and signals, screenshotted in the ${theme} theme`, async function () {
      this.timeout(120_000);
      const name = theme === 'light' ? 'Default Light Modern' : 'Default Dark Modern';
      await vscode.workspace
        .getConfiguration('workbench')
        .update('colorTheme', name, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.view.extension.archlens');
      // Shown open: the primary pattern (default), Hexagonal's counter-evidence, the units;
      // every recommendation with its signals and steps, and the reasoning of the first.
      assert.ok(await api.reveal('architecture', 'pattern:hexagonal', 1));
      assert.ok(await api.reveal('architecture', 'units', 2));
      assert.ok(await api.reveal('architecture', 'pattern:monolith', 1));
      assert.ok(await api.reveal('recommendations', 'rec:hexagon-leaks:why', 1));
      for (const group of api.recommendationsTree())
        for (const rec of group.children ?? []) assert.ok(await api.reveal('recommendations', rec.id, 1));
      await new Promise((resolve) => setTimeout(resolve, 1_500));

      const architecture = await sidebarScreenshot(`sidebar-architecture-${theme}`, 'Architecture');
      assert.ok(architecture.ok, architecture.error);
      for (const text of ['Monolith', 'yes · 0.', 'Leaky hexagon: src/domain/comment.ts', 'Deployables'])
        assert.ok(architecture.text?.includes(text), `${text} not shown:\n${architecture.text}`);

      const recommendations = await sidebarScreenshot(`sidebar-recommendations-${theme}`, 'Recommendations');
      assert.ok(recommendations.ok, recommendations.error);
      for (const text of [
        'Leaky hexagon',
        '4 imports of infrastructure or adapters from the core',
        'Next steps',
      ])
        assert.ok(recommendations.text?.includes(text), `${text} not shown:\n${recommendations.text}`);
    });
  }
});
