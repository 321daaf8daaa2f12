// ArchLens's language-model tools in the real host, on a temporary copy of
// test/fixtures/workspaces/hex-leaky-ticketing: each tool invoked through `vscode.lm.invokeTool`
// as a chat participant or another extension would, its answer checked against the CLI's output
// for the same folder (the built dist/cli.js, run on the host's Node).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateArchLens, fixtureFileExists, fixtureFolder } from '../archlens-api';

const READ_ONLY = [
  'archlens_architecture',
  'archlens_where_to_put',
  'archlens_check_import',
  'archlens_dependents',
  'archlens_violations',
];

let cli = '';

function cliOutput(args: readonly string[]): string {
  const run = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`archlens ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content
    .map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : ''))
    .join('');
}

describe('language-model tools (vscode.lm.invokeTool)', function () {
  this.timeout(120_000);
  let root = '';

  before(async () => {
    const extension = await activateArchLens();
    cli = path.join(extension.extensionPath, 'dist', 'cli.js');
    root = fixtureFolder().uri.fsPath;
    await vscode.commands.executeCommand('archlens.analyze');
  });

  it('registers every ArchLens tool with its schema and tags', () => {
    const ours = vscode.lm.tools.filter((t) => t.name.startsWith('archlens_'));
    assert.deepEqual(ours.map((t) => t.name).sort(), [...READ_ONLY, 'archlens_scaffold'].sort());
    for (const tool of ours) {
      assert.ok(tool.description.length > 80, tool.name);
      assert.equal((tool.inputSchema as { type?: string } | undefined)?.type, 'object', tool.name);
      assert.ok(tool.tags.includes('archlens'), tool.name);
    }
    assert.ok(ours.find((t) => t.name === 'archlens_scaffold')?.tags.includes('writes'));
  });

  it('archlens_architecture names the primary pattern archlens detect finds', async () => {
    const detected = JSON.parse(cliOutput(['detect', root, '--json', '--no-git'])) as { primary: string };
    const text = await invoke('archlens_architecture', {});
    assert.equal(detected.primary, 'monolith');
    assert.match(text, /^Primary pattern: Monolith \(yes, 0\.65\)\./);
    assert.match(text, /`src\/domain`: core ring of `src`/);
  });

  it('archlens_violations lists what archlens check --json lists, at the same places', async () => {
    const checked = JSON.parse(cliOutput(['check', root, '--json', '--no-git'])) as {
      violations: { file: string; line: number; column: number; rule: string }[];
    };
    const text = await invoke('archlens_violations', { limit: 200 });
    const listed = [...text.matchAll(/^- (\S+):(\d+):(\d+) \w+ \[([^\]]+)\]/gm)].map(
      (m) => `${m[1]}:${m[2]}:${m[3]} ${m[4]}`,
    );
    assert.deepEqual(
      listed,
      checked.violations.map((v) => `${v.file}:${v.line}:${v.column} ${v.rule}`),
    );
    assert.ok(listed.length > 0);
  });

  it('archlens_where_to_put plans the files archlens scaffold --dry-run would write, and writes nothing', async () => {
    const dry = JSON.parse(
      cliOutput(['scaffold', 'port', 'PaymentGateway', '--dir', root, '--dry-run', '--json']),
    ) as {
      files: { path: string; action: string }[];
    };
    const text = await invoke('archlens_where_to_put', { kind: 'port', name: 'PaymentGateway' });
    const created = [...text.matchAll(/^- (\S+)$/gm)].map((m) => m[1]);
    assert.deepEqual(
      created,
      dry.files.map((f) => f.path),
    );
    assert.match(text, /Nothing was written\./);
    assert.equal(await fixtureFileExists(dry.files[0]?.path ?? ''), false);
  });

  it('archlens_check_import forbids what the rules forbid and allows the inward import', async () => {
    const forbidden = await invoke('archlens_check_import', {
      from: 'src/application/open-ticket.ts',
      to: 'src/infrastructure/mailer.ts',
    });
    assert.match(
      forbidden,
      /^Forbidden: `src\/application\/open-ticket\.ts` must not import `src\/infrastructure\/mailer\.ts`\./,
    );
    assert.match(forbidden, /hexagonal\/core-imports-adapter \(error\)/);
    const allowed = await invoke('archlens_check_import', {
      from: 'src/infrastructure/mailer.ts',
      specifier: '../domain/ticket',
    });
    assert.match(
      allowed,
      /^Allowed: `src\/infrastructure\/mailer\.ts` may import `src\/domain\/ticket\.ts`\./,
    );
  });

  it('archlens_dependents finds the importers archlens graph --json shows', async () => {
    const graph = JSON.parse(cliOutput(['graph', root, '--json'])) as {
      edges: { from: string; to: string | null }[];
    };
    const importers = [
      ...new Set(graph.edges.filter((e) => e.to === 'src/domain/ticket.ts').map((e) => e.from)),
    ].sort();
    const text = await invoke('archlens_dependents', { target: 'src/domain/ticket.ts', depth: 1 });
    const direct = [...text.matchAll(/^- (\S+)/gm)].map((m) => m[1]);
    assert.deepEqual(direct, importers);
    assert.match(
      text,
      new RegExp(`^File \`src/domain/ticket\\.ts\`: ${importers.length} direct and 0 transitive dependents`),
    );
  });

  it('a bad input is refused with a message the model can act on', async () => {
    await assert.rejects(
      invoke('archlens_check_import', { from: '../../outside.ts', to: 'src/main.ts' }),
      /outside the workspace/,
    );
    await assert.rejects(
      invoke('archlens_dependents', { target: 'src/nowhere.ts' }),
      /Nothing in the workspace is called/,
    );
  });
});

describe('MCP server definitions', () => {
  it('are offered only where the running VS Code has the API, and their absence is said, not thrown', async () => {
    const extension = await activateArchLens();
    const api = extension.exports as { mcpServerOffer(): { offered: boolean; reason?: string } };
    const offer = api.mcpServerOffer();
    const lm = vscode.lm as unknown as Record<string, unknown>;
    const stable =
      typeof lm['registerMcpServerDefinitionProvider'] === 'function' && !vscode.version.startsWith('1.100.');
    if (stable) assert.equal(offer.offered, true, offer.reason);
    else {
      // VS Code 1.100 (code-server 4.100) has the function only behind an API proposal: it refuses, ArchLens goes on.
      assert.equal(offer.offered, false);
      assert.match(offer.reason ?? '', new RegExp(`VS Code ${vscode.version.replace(/\./g, '\\.')}`));
    }
  });
});
