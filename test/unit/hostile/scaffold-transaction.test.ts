import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { writePlan } from '../../../src/cli/write-plan';
import { planScaffold, ScaffoldError } from '../../../src/core/scaffold';
import { nameProblem } from '../../../src/core/scaffold/names';
import { workspaceOf } from '../scaffold/scaffold-helpers';
import { cli, nestedWorkspace, removeWorkspaces, snapshot } from './scaffold-hostile-helpers';

describe('hostile: a scaffold is all or nothing, with names every file system accepts', function () {
  this.timeout(60_000);
  afterEach(removeWorkspaces);

  it('refuses `scaffold event <244 characters>` before writing its first file', async () => {
    const { base, ws } = nestedWorkspace('events-alerts');
    const before = snapshot(base);
    const result = await cli('scaffold', 'event', `A${'b'.repeat(243)}`, '--dir', ws);
    assert.equal(result.code, 2, result.stdout);
    assert.match(result.stderr, /Bad name 'Ab+…': Use at most 64 characters \(this one has 244\)/);
    assert.deepEqual(snapshot(base), before);
  });

  it('accepts a name of 64 characters and refuses one of 65', () => {
    assert.equal(nameProblem(`A${'b'.repeat(63)}`), undefined);
    assert.match(nameProblem(`A${'b'.repeat(64)}`) ?? '', /at most 64 characters/);
  });

  it('refuses Windows device names as a name, in any case', () => {
    for (const name of ['CON', 'prn', 'Aux', 'NUL', 'com1', 'COM9', 'lpt1', 'Lpt9']) {
      assert.match(nameProblem(name) ?? '', /is reserved on Windows/, name);
    }
    for (const name of ['Console', 'Com10', 'Auxiliary', 'Nullable', 'Lpt']) {
      assert.equal(nameProblem(name), undefined, name);
    }
  });

  it('refuses a name whose generated file is a device name (`Com1Command` → com1.command.ts, `NulEvent` → nul.event.ts)', async () => {
    const shop = workspaceOf(nestedWorkspace('cqrs-shop').ws);
    await assert.rejects(
      planScaffold(shop, { kind: 'command', name: 'Com1Command' }),
      (error: unknown) =>
        error instanceof ScaffoldError &&
        /Cannot create src\/commands\/com1\.command\.ts: it has `com1\.command\.ts`, a device name reserved on Windows/.test(
          error.message,
        ),
    );
    const events = workspaceOf(nestedWorkspace('events-alerts').ws);
    await assert.rejects(
      planScaffold(events, { kind: 'event', name: 'NulEvent' }),
      /Cannot create src\/events\/nul\.event\.ts: it has `nul\.event\.ts`, a device name reserved on Windows/,
    );
  });

  it('refuses a folder with a device name, a control character or a segment over 255 bytes', async () => {
    const ws = workspaceOf(nestedWorkspace('hex-clinic').ws);
    const cases: [string, RegExp][] = [
      ['src/aux', /The folder src\/aux has `aux`, a device name reserved on Windows/],
      ['src/Com3.d', /`Com3\.d`, a device name reserved on Windows/],
      ['src/a\u0007b', /control character/],
      ['src/a\nb', /control character/],
      [`src/${'é'.repeat(128)}`, /longer than 255 bytes/],
      ['src/a:b', /character `:`/],
    ];
    for (const [folder, expected] of cases) {
      await assert.rejects(planScaffold(ws, { kind: 'port', name: 'Mailer', folder }), expected, folder);
    }
  });

  it('the writer refuses a segment over 255 bytes before writing the plan’s first file', () => {
    const { base, ws } = nestedWorkspace('hex-clinic');
    const before = snapshot(base);
    const long = `src/${'x'.repeat(300)}.ts`;
    assert.equal(
      writePlan(ws, {
        files: [
          { action: 'create', path: 'src/first.ts', content: '// first\n' },
          { action: 'create', path: long, content: '// long\n' },
        ],
      }),
      `${long.slice(0, 60)}… has a name longer than 255 bytes; nothing was written.`,
    );
    assert.deepEqual(snapshot(base), before);
  });

  it('the writer refuses a path over 1024 bytes, though each of its names is short', () => {
    const { base, ws } = nestedWorkspace('hex-clinic');
    const before = snapshot(base);
    const deep = `src/${Array.from({ length: 150 }, () => 'folder').join('/')}/x.ts`;
    assert.equal(
      writePlan(ws, { files: [{ action: 'create', path: deep, content: '// deep\n' }] }),
      `${deep.slice(0, 60)}… is longer than 1024 bytes; nothing was written.`,
    );
    assert.deepEqual(snapshot(base), before);
  });

  it('when a later write fails, removes the files and folders it made and restores the files it edited', () => {
    const { base, ws } = nestedWorkspace('cqrs-shop');
    const main = path.join(ws, 'src/main.ts');
    // A byte order mark and CRLF: restored byte for byte, not as the plan's text.
    writeFileSync(main, `\uFEFF${readFileSync(main, 'utf8').replace(/\n/g, '\r\n')}`);
    const original = new TextDecoder().decode(readFileSync(main));
    const before = snapshot(base);
    const refused = writePlan(ws, {
      files: [
        { action: 'create', path: 'src/new/deep/a.ts', content: '// a\n' },
        { action: 'edit', path: 'src/main.ts', original, content: `${original}// edited\r\n` },
        // src/main.ts is a file: making a folder of it fails (ENOTDIR) after two files were written.
        { action: 'create', path: 'src/main.ts/b.ts', content: '// b\n' },
      ],
    });
    assert.match(
      refused ?? '',
      /^Could not write src\/main\.ts\/b\.ts \(E[A-Z]+[^)]*\); every change was undone, nothing was written\.$/,
    );
    assert.deepEqual(snapshot(base), before, 'the workspace as it was, byte for byte');
  });
});
