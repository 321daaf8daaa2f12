import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateArchLens, COMMANDS } from '../archlens-api';

// The host opened this folder with workspace trust on and the folder untrusted (Restricted
// Mode). The folder is hostile: its .vscode/settings.json sets archlens.maxFileSize to 1024 and
// excludes generated/, and the driver made it a git repository whose .git/config names a program
// that writes ARCHLENS_HOSTILE_MARKER (outside the folder) when git runs it. Its
// archlens.config.json (project content, read in any workspace) sets maxFileSize to 8192.

interface Node {
  readonly label: string;
  readonly children?: readonly Node[];
}
interface SidebarApi {
  recommendationsTree(): readonly Node[];
}
interface AnalyzeResult {
  readonly model: {
    readonly files: readonly string[];
    readonly warnings: readonly { file: string; message: string }[];
  };
}

describe('ArchLens in an untrusted, hostile workspace', () => {
  let api: SidebarApi;
  let result: AnalyzeResult | undefined;
  const marker = process.env.ARCHLENS_HOSTILE_MARKER ?? '';

  before(async () => {
    api = (await activateArchLens()).exports as SidebarApi;
    result = await vscode.commands.executeCommand<AnalyzeResult | undefined>(COMMANDS.analyze);
  });

  it('runs untrusted: workspace trust is on and this folder is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('the settings file is read (an unrestricted setting applies), the restricted ones are left out', () => {
    const config = vscode.workspace.getConfiguration('archlens');
    assert.equal(config.inspect('git.enabled')?.workspaceValue, true, '.vscode/settings.json was read');
    assert.equal(config.inspect('maxFileSize')?.workspaceValue, undefined);
    assert.equal(config.inspect('exclude')?.workspaceValue, undefined);
  });

  it('still analyses: a file larger than the hostile 1024-byte maxFileSize, and the excluded folder', () => {
    assert.ok(result, 'archlens.analyze gave a result');
    const files = result.model.files;
    assert.ok(files.includes('infra/audit-log.ts'), files.join(', '));
    assert.ok(files.includes('generated/hidden-client.ts'), files.join(', '));
    assert.ok(files.includes('main.ts'), files.join(', '));
    const skipped = result.model.warnings.filter((w) => w.file === 'infra/audit-log.ts');
    assert.deepEqual(skipped, [], 'no "too large" warning for the 3 KB file');
  });

  it("archlens.config.json's maxFileSize applies when no setting of the user overrides it", () => {
    assert.ok(result);
    assert.equal(
      result.model.files.includes('infra/bulk-seed.ts'),
      false,
      'the 10 KB file is over 8192 bytes',
    );
    const warning = result.model.warnings.find((w) => w.file === 'infra/bulk-seed.ts');
    assert.match(warning?.message ?? '', /over the 8 KiB limit/);
  });

  it('runs no git: the team-size signal says why, and the program in .git/config never ran', () => {
    assert.notEqual(marker, '', 'the driver passed the marker path');
    const signals = api
      .recommendationsTree()
      .flatMap((g) => g.children ?? [])
      .flatMap((r) => r.children?.find((c) => c.label === 'Signals')?.children ?? [])
      .map((s) => s.label);
    assert.ok(
      signals.some((s) => /^team size unknown: git is not run in an untrusted workspace/.test(s)),
      signals.join(' | '),
    );
    assert.equal(existsSync(marker), false, `${marker} was written: git ran a program of the repository`);
  });
});
