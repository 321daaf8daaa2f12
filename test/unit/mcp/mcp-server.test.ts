import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

// `archlens mcp <dir>` end to end: the built CLI (dist/cli.js) started as a child process and
// driven over stdio by the MCP SDK's own client, on a copy of a fixture (the watcher test writes).
const cli = path.resolve('dist/cli.js');
const fixture = path.resolve('test/fixtures/workspaces/hex-leaky-ticketing');

function cliJson(args: readonly string[]): unknown {
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return JSON.parse(run.stdout);
}

function cliText(args: readonly string[]): string {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' }).stdout;
}

function resourceText(result: Awaited<ReturnType<Client['readResource']>>): string {
  const first = result.contents[0];
  return first && 'text' in first ? first.text : '';
}

function textOf(result: Awaited<ReturnType<Client['callTool']>>): string {
  const content = (result as CallToolResult).content;
  return content.map((c) => (c.type === 'text' ? c.text : '')).join('');
}

describe('archlens mcp (stdio, the SDK client)', function () {
  this.timeout(60_000);
  let tmp: string;
  let root: string;
  let client: Client;
  let transport: StdioClientTransport;
  let stderr = '';

  before(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'archlens-mcp-'));
    root = path.join(tmp, 'ticketing');
    cpSync(fixture, root, { recursive: true });
    transport = new StdioClientTransport({
      command: process.execPath,
      args: [cli, 'mcp', root],
      stderr: 'pipe',
      env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache') } as Record<string, string>,
    });
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    client = new Client({ name: 'archlens-test', version: '1.0.0' });
    await client.connect(transport);
  });

  after(async () => {
    await client?.close().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('lists the five tools with their input schemas, read-only', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((t) => t.name),
      ['architecture', 'where_to_put', 'check_import', 'dependents', 'violations'],
    );
    for (const tool of tools) {
      assert.equal(tool.inputSchema.type, 'object', tool.name);
      assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
      assert.ok((tool.description ?? '').length > 80, tool.name);
    }
    const check = tools.find((t) => t.name === 'check_import');
    assert.deepEqual(Object.keys(check?.inputSchema.properties ?? {}).sort(), ['from', 'specifier', 'to']);
  });

  it('answers architecture with the primary pattern and violation count the CLI reports', async () => {
    const detected = cliJson(['detect', root, '--json', '--no-git']) as { primary: string };
    const checked = cliJson(['check', root, '--json', '--no-git']) as { violations: unknown[] };
    const result = await client.callTool({ name: 'architecture', arguments: {} });
    assert.notEqual(result.isError, true, textOf(result));
    const data = result.structuredContent as {
      primary: string;
      violations: number;
      rings: { folder: string; kind: string }[];
    };
    assert.equal(data.primary, detected.primary);
    assert.equal(data.violations, checked.violations.length);
    assert.ok(data.rings.some((r) => r.folder === 'src/domain' && r.kind === 'core'));
    assert.match(textOf(result), /Primary pattern: Monolith/);
  });

  it('answers violations exactly as archlens check --json lists them', async () => {
    const checked = cliJson(['check', root, '--json', '--no-git']) as {
      violations: { file: string; line: number; rule: string }[];
    };
    const result = await client.callTool({ name: 'violations', arguments: { limit: 200 } });
    const data = result.structuredContent as { violations: { file: string; line: number; rule: string }[] };
    assert.deepEqual(
      data.violations.map((v) => `${v.file}:${v.line} ${v.rule}`),
      checked.violations.map((v) => `${v.file}:${v.line} ${v.rule}`),
    );
  });

  it('answers check_import: a core file importing an adapter is forbidden, the reverse allowed', async () => {
    const forbidden = await client.callTool({
      name: 'check_import',
      arguments: { from: 'src/application/open-ticket.ts', to: 'src/infrastructure/mailer.ts' },
    });
    assert.equal((forbidden.structuredContent as { allowed: boolean }).allowed, false);
    assert.match(textOf(forbidden), /hexagonal\/core-imports-adapter/);
    const allowed = await client.callTool({
      name: 'check_import',
      arguments: { from: 'src/infrastructure/mailer.ts', specifier: '../domain/ticket' },
    });
    const data = allowed.structuredContent as { allowed: boolean; target: string };
    assert.equal(data.allowed, true);
    assert.equal(data.target, 'src/domain/ticket.ts');
  });

  it('answers where_to_put and dependents', async () => {
    const where = await client.callTool({ name: 'where_to_put', arguments: { kind: 'port', name: 'Clock' } });
    assert.notEqual(where.isError, true, textOf(where));
    const placed = where.structuredContent as { create: string[] };
    assert.ok(
      placed.create.some((p) => p.startsWith('src/domain/') || p.startsWith('src/application/')),
      placed.create.join(),
    );
    const deps = await client.callTool({ name: 'dependents', arguments: { target: 'src/domain/ticket.ts' } });
    const counted = deps.structuredContent as { counts: { direct: number; transitive: number } };
    assert.equal(counted.counts.direct, 5);
    assert.equal(counted.counts.transitive, 3);
  });

  it('offers the report and each diagram as resources, the diagram as archlens diagram prints it', async () => {
    const { resources } = await client.listResources();
    assert.deepEqual(
      resources.map((r) => r.uri),
      [
        'archlens://report',
        ...['overview', 'layers', 'events', 'cqrs', 'deps'].map((v) => `archlens://diagram/${v}`),
      ],
    );
    const report = await client.readResource({ uri: 'archlens://report' });
    assert.match(resourceText(report), /Monolith/);
    const overview = await client.readResource({ uri: 'archlens://diagram/overview' });
    assert.equal(resourceText(overview), cliText(['diagram', root]));
  });

  it('answers a bad request with an error result and goes on answering', async () => {
    const unknown = await client.callTool({ name: 'no_such_tool', arguments: {} });
    assert.equal(unknown.isError, true);
    const badType = await client.callTool({ name: 'violations', arguments: { limit: 'many' } });
    assert.equal(badType.isError, true);
    const outside = await client.callTool({
      name: 'check_import',
      arguments: { from: '../../etc/passwd', to: 'src/main.ts' },
    });
    assert.equal(outside.isError, true);
    assert.match(textOf(outside), /outside the workspace/);
    const missing = await client.callTool({ name: 'dependents', arguments: { target: 'src/nowhere.ts' } });
    assert.equal(missing.isError, true);
    const still = await client.callTool({ name: 'violations', arguments: {} });
    assert.notEqual(still.isError, true);
  });

  it('follows the files: a new violating import shows up without a restart', async () => {
    writeFileSync(
      path.join(root, 'src/domain/priority.ts'),
      "import { mailer } from '../infrastructure/mailer';\nexport const notify = mailer;\n",
    );
    let found = false;
    for (let attempt = 0; attempt < 50 && !found; attempt++) {
      const result = await client.callTool({
        name: 'violations',
        arguments: { file: 'src/domain/priority.ts' },
      });
      found = (result.structuredContent as { total: number }).total === 1;
      if (!found) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(found, `the new file's violation was never reported; server stderr:\n${stderr}`);
  });

  it('shuts down cleanly when the client closes', async () => {
    const pid = transport.pid;
    assert.ok(pid !== null && pid !== undefined);
    await client.close();
    let alive = true;
    for (let attempt = 0; attempt < 50 && alive; attempt++) {
      try {
        process.kill(pid, 0);
        await new Promise((resolve) => setTimeout(resolve, 100));
      } catch {
        alive = false;
      }
    }
    assert.equal(alive, false, 'the server process is still running');
    assert.doesNotMatch(stderr, /Error|at .*\.js:\d+/);
  });
});
