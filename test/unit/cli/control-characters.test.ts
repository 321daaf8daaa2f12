import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { escapeJsonControls, terminalSafeIO, visibleControls } from '../../../src/cli/terminal-text';
import { runCliCaptured } from '../support/captured-cli';

// File and folder names may hold terminal control codes: ESC ] 0 ; … BEL retitles a terminal,
// CSI (ESC [ or the single C1 code U+009B) recolours or moves the cursor. None may reach the
// terminal from workspace-derived text; JSON stays exact data (escaped, not altered).

const TITLE = '\x1b]0;pwned\x07';
const C1_CSI = '\u009b31m';
// Any raw C0 code but newline and tab, DEL, or any C1 code.
// eslint-disable-next-line no-control-regex -- matching control codes is the point
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f]/;

const cli = (...argv: string[]) => runCliCaptured(argv, tmpdir());

(process.platform === 'win32' ? describe.skip : describe)(
  'archlens CLI: control characters in names (skipped on Windows, which refuses such file names)',
  () => {
    let dir = '';
    const service = `svc${TITLE}`;
    const broken = `bad${C1_CSI}`;

    before(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'archlens-ctrl-'));
      writeFileSync(path.join(dir, 'package.json'), '{"name":"root","private":true}');
      mkdirSync(path.join(dir, service, 'src'), { recursive: true });
      writeFileSync(path.join(dir, service, 'package.json'), '{"name":"svc","main":"src/index.ts"}');
      writeFileSync(
        path.join(dir, service, 'src', 'index.ts'),
        `import { b } from './b${C1_CSI}';\nexport const a = b;\n`,
      );
      writeFileSync(path.join(dir, service, 'src', `b${C1_CSI}.ts`), 'export const b = 1;\n');
      mkdirSync(path.join(dir, broken));
      // An unparsable manifest: its path is printed in a warning.
      writeFileSync(path.join(dir, broken, 'package.json'), '{ nope');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    for (const argv of [
      ['graph'],
      ['detect', '--no-git'],
      ['detect', '--no-git', '--format', 'markdown'],
      ['diagram', '--view', 'deps'],
    ]) {
      it(`${argv.join(' ')}: no raw control code on stdout or stderr, the name still recognisable`, async () => {
        const result = await cli(argv[0] ?? '', dir, ...argv.slice(1));
        assert.equal(result.code, 0, result.stderr);
        assert.doesNotMatch(result.stdout, RAW_CONTROL);
        assert.doesNotMatch(result.stderr, RAW_CONTROL);
        assert.match(result.stdout + result.stderr, /svc\\x1b\]0;pwned\\x07|bad\\x9b31m|b\\x9b31m/);
      });
    }

    it('graph --json keeps the exact names (escaped, so no raw control code reaches the terminal)', async () => {
      const result = await cli('graph', dir, '--json');
      assert.equal(result.code, 0, result.stderr);
      assert.doesNotMatch(result.stdout, RAW_CONTROL);
      const model = JSON.parse(result.stdout) as { files: string[]; manifests: { file: string }[] };
      assert.ok(model.files.includes(`${service}/src/b${C1_CSI}.ts`), model.files.join(', '));
      assert.ok(model.manifests.some((m) => m.file === `${service}/package.json`));
    });
  },
);

describe('archlens CLI: terminal-safe text', () => {
  it('shows C0 (but tab, newline and CR LF), DEL and C1 codes as visible \\xNN', () => {
    assert.equal(
      visibleControls('a\x1b[2Jb\x07c\x7fd\u009be\tf\r\ng\rh\x00'),
      'a\\x1b[2Jb\\x07c\\x7fd\\x9be\tf\r\ng\\x0dh\\x00',
    );
    assert.equal(visibleControls('plain ünïcode → ok\n'), 'plain ünïcode → ok\n');
  });

  it('escapes C1 and DEL inside JSON as \\u00XX: the parsed data is unchanged', () => {
    const value = { name: `x\u009b31m\x7f\x1b` };
    const json = escapeJsonControls(JSON.stringify(value));
    assert.doesNotMatch(json, RAW_CONTROL);
    assert.deepEqual(JSON.parse(json), value);
  });

  it('keeps only the progress redraw (CR ESC [ K) of what goes to stderr', () => {
    let err = '';
    const io = terminalSafeIO(
      { stdout: () => undefined, stderr: (t) => (err += t), cwd: '/', interactive: true },
      false,
    );
    io.stderr(`\r\x1b[KReading ${TITLE}`);
    assert.equal(err, '\r\x1b[KReading \\x1b]0;pwned\\x07');
  });
});
