// Every rules fixture's planted violations as diagnostics in the real host. The host opens a
// temporary copy of test/fixtures/rules/cqrs; the test then replaces the folder's files with each
// other rules fixture in turn (ARCHLENS_RULES_FIXTURES names their folder) and waits for the
// Problems panel to show exactly that fixture's violations, each on its import's specifier with
// its rule and README link — the analysis following a whole workspace changing under it.
import * as assert from 'node:assert/strict';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateArchLens, fixtureFolder } from '../archlens-api';
import { archLensDiagnostics, expectedViolations, keysOf, untilDiagnostics } from '../rule-diagnostics';

const FIXTURES = process.env.ARCHLENS_RULES_FIXTURES ?? '';
/** The copy the host opened is of the first. */
const ORDER = ['cqrs', 'event-driven', 'layered-monolith', 'microservices', 'serverless'];

/** Replaces every file of the workspace folder with those of `fixture`. */
function swapIn(fixture: string): void {
  const root = fixtureFolder().uri.fsPath;
  for (const entry of readdirSync(root)) {
    if (entry === '.vscode') continue;
    rmSync(path.join(root, entry), { recursive: true, force: true });
  }
  cpSync(path.join(FIXTURES, fixture), root, { recursive: true });
}

describe('every rules fixture in the editor', function () {
  this.timeout(600_000);

  before(async () => {
    assert.ok(FIXTURES !== '', 'ARCHLENS_RULES_FIXTURES names the rules fixtures');
    await activateArchLens();
  });

  for (const [index, fixture] of ORDER.entries()) {
    it(`${fixture}: exactly the planted violations, on the specifier, with the rule and its README link`, async () => {
      if (index > 0) swapIn(fixture);
      const expected = expectedViolations(path.join(FIXTURES, fixture));
      await untilDiagnostics(
        `the violations of ${fixture}`,
        () =>
          archLensDiagnostics()
            .map((d) => d.key)
            .join('|') === keysOf(expected).join('|'),
        120_000,
      );
      for (const { diagnostic, file } of archLensDiagnostics()) {
        const code = diagnostic.code as { value: string; target: vscode.Uri };
        assert.equal(code.target.fragment, `rule-${code.value.replace('/', '')}`);
        const doc = await vscode.workspace.openTextDocument(
          vscode.Uri.joinPath(fixtureFolder().uri, ...file.split('/')),
        );
        assert.match(
          doc.getText(diagnostic.range),
          /^['"][^'"]+['"]$/,
          `${file}: the range is the quoted specifier`,
        );
        const planted = expected.find(
          (e) => e.rule === code.value && e.file === file && e.line === diagnostic.range.start.line + 1,
        );
        assert.ok(planted && diagnostic.message.includes(planted.target), diagnostic.message);
      }
    });
  }
});
