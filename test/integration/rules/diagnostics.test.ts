// Boundary-rule violations as diagnostics in the real host, on a temporary copy of
// test/fixtures/rules/modular-monolith: exactly the planted violations, on the import's
// specifier, source ArchLens, code = rule id linking to the README; refreshed when a file
// changes; the ones a baseline knows are left out.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, fixtureFolder } from '../archlens-api';
import { archLensDiagnostics, expectedViolations, keysOf, untilDiagnostics } from '../rule-diagnostics';

const until = untilDiagnostics;

function uri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(fixtureFolder().uri, ...rel.split('/'));
}

describe('boundary rules in the editor', function () {
  this.timeout(120_000);
  // The copy carries the fixture's expected violations.
  const expected = expectedViolations();
  const keys = keysOf;

  before(async () => {
    await activateArchLens();
    await until('the first diagnostics', () => archLensDiagnostics().length > 0, 90_000);
  });

  it('shows exactly the planted violations, on the specifier, with the rule and its README link', async () => {
    await until('every planted violation', () => archLensDiagnostics().length === expected.length);
    const found = archLensDiagnostics();
    assert.deepEqual(
      found.map((d) => d.key),
      keys(expected),
    );
    for (const { diagnostic, file } of found) {
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.match(code.target.toString(), /README\.md#rule-[a-z-]+$/);
      assert.equal(code.target.fragment, `rule-${code.value.replace('/', '')}`);
      const doc = await vscode.workspace.openTextDocument(uri(file));
      const text = doc.getText(diagnostic.range);
      assert.match(text, /^'[^']+'$/, `the range is the quoted specifier: ${text}`);
      const target = expected.find(
        (e) => `${e.rule} ${e.file}:${e.line}` === `${code.value} ${file}:${diagnostic.range.start.line + 1}`,
      );
      assert.ok(target);
      assert.ok(diagnostic.message.includes(target.target), diagnostic.message);
      assert.ok((diagnostic.relatedInformation ?? []).length > 0, 'the units it rests on');
    }
  });

  it('refreshes with the analysis when a file changes', async () => {
    const file = 'src/modules/orders/place-order.ts';
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(file)));
    const fixed = before.replace(
      "import { reserve } from '../inventory/internal/stock-store';",
      "import { reserve } from '../inventory';",
    );
    assert.notEqual(fixed, before);
    await vscode.workspace.fs.writeFile(uri(file), new TextEncoder().encode(fixed));
    const remaining = expected.filter((e) => !(e.file === file && e.rule === 'modular-monolith/deep-import'));
    await until(
      'the fixed import to leave the Problems panel',
      () =>
        archLensDiagnostics()
          .map((d) => d.key)
          .join('|') === keys(remaining).join('|'),
    );
    await vscode.workspace.fs.writeFile(uri(file), new TextEncoder().encode(before));
    await until('the import to come back', () => archLensDiagnostics().length === expected.length);
  });

  it('leaves out the violations archlens.baseline.json knows, and shows them again without it', async () => {
    const known = expected.filter((e) => e.rule === 'modular-monolith/module-cycle');
    const baseline = {
      version: 1,
      violations: known.map((e) => ({ rule: e.rule, file: e.file, target: e.target })),
    };
    const file = uri('archlens.baseline.json');
    await vscode.workspace.fs.writeFile(
      file,
      new TextEncoder().encode(JSON.stringify(baseline, null, 2) + '\n'),
    );
    await until(
      'the baseline to hide the known violations',
      () => archLensDiagnostics().length === expected.length - known.length,
    );
    assert.deepEqual(
      archLensDiagnostics().map((d) => d.key),
      keys(expected.filter((e) => !known.includes(e))),
    );
    await vscode.workspace.fs.delete(file);
    await until('the violations to show again', () => archLensDiagnostics().length === expected.length);
  });
});
