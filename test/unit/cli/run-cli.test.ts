import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/run';
import type { CliIO } from '../../../src/cli/io';

const repoRoot = path.resolve(__dirname, '../../../..');
const shop = path.join(repoRoot, 'examples', 'shop');

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: repoRoot,
    interactive: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe('archlens CLI contract', () => {
  it('prints help on --help with exit 0, and usage with exit 2 when no command is given', async () => {
    const help = await cli('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: archlens <command>/);
    assert.match(help.stdout, /graph/);
    const none = await cli();
    assert.equal(none.code, 2);
  });

  it('prints the version on --version', async () => {
    const result = await cli('--version');
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^(\d+\.\d+\.\d+|dev)\n$/);
  });

  it('exits 2 with a message on stderr for an unknown command, option, format or folder', async () => {
    for (const argv of [
      ['nope'],
      ['graph', '--bogus'],
      ['graph', '--format', 'yaml'],
      ['graph', '/no/such/folder/at/all'],
    ]) {
      const result = await cli(...argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.equal(result.stdout, '', argv.join(' '));
      assert.notEqual(result.stderr, '', argv.join(' '));
    }
  });

  it('refuses a format the command does not have', async () => {
    const result = await cli('diagram', shop, '--json');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no json output/);
  });

  it('prints each subcommand help with its formats', async () => {
    const result = await cli('graph', '--help');
    assert.equal(result.code, 0);
    assert.match(result.stdout, /--format <text\|json>/);
  });

  it('graph --json is the versioned model, sorted and identical across runs', async () => {
    const first = await cli('graph', shop, '--json');
    const second = await cli('graph', shop, '--json');
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, second.stdout);
    const model = JSON.parse(first.stdout) as {
      version: number;
      root: string;
      files: string[];
      edges: { from: string; to: string | null; resolution: string }[];
    };
    assert.equal(model.version, 1);
    assert.ok(path.isAbsolute(model.root));
    assert.deepEqual(model.files, [...model.files].sort());
    assert.ok(model.files.includes('src/main.ts'));
    const alias = model.edges.find((e) => e.from === 'src/main.ts' && e.to === 'src/shared/event-bus.ts');
    assert.ok(alias, 'the @shared/* path alias resolves to the source file');
    assert.ok(model.edges.some((e) => e.resolution === 'external' && e.to === 'express'));
    assert.ok(model.edges.some((e) => e.resolution === 'builtin' && e.from === 'src/shared/event-bus.ts'));
  });

  it('diagram prints Mermaid, and a fenced block with --format markdown', async () => {
    const mermaid = await cli('diagram', shop);
    assert.equal(mermaid.code, 0, mermaid.stderr);
    assert.match(mermaid.stdout, /^flowchart /);
    const markdown = await cli('diagram', shop, '--format', 'markdown');
    assert.match(markdown.stdout, /^```mermaid\nflowchart [\s\S]*```\n$/);
  });
});
