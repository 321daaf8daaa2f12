#!/usr/bin/env node
// How long `archlens mcp` takes to answer once warm: starts the server on a folder (the built
// dist/cli.js), connects the MCP SDK's client over stdio, waits for the first answer (the cold
// analysis), then asks each tool N times and prints the median and slowest answer per tool,
// measured at the client (stdio round trip included), with the targets (check_import and
// where_to_put under 50 ms). A separate program, not part of `npm test`.
//
// Usage: node bench/mcp-answer-time.mjs <dir> [--runs N] [--json]
//   optional questions: --from <file> --to <file> (check_import), --target <file> (dependents)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!dir) {
  console.error(
    'usage: node bench/mcp-answer-time.mjs <dir> [--runs N] [--from f --to f] [--target f] [--json]',
  );
  process.exit(2);
}
const runs = Number(option('runs', '20'));
const TARGETS = { check_import: 50, where_to_put: 50 };

const transport = new StdioClientTransport({
  command: process.execPath,
  args: [path.join(repoRoot, 'dist', 'cli.js'), 'mcp', path.resolve(dir)],
  stderr: 'ignore',
});
const client = new Client({ name: 'archlens-bench', version: '1.0.0' });
await client.connect(transport);

const call = async (name, input) => {
  const started = process.hrtime.bigint();
  const result = await client.callTool({ name, arguments: input });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, result };
};

const cold = await call('architecture', {});
const violations = (await call('violations', { limit: 1 })).result.structuredContent;
// The questions: from the command line, else an import of the workspace itself (the middle
// internal edge of \`archlens graph --json\`, the same on every run).
const graph = JSON.parse(
  execFileSync(
    process.execPath,
    [path.join(repoRoot, 'dist', 'cli.js'), 'graph', path.resolve(dir), '--json'],
    {
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  ).toString('utf8'),
);
const internal = graph.edges.filter((e) => e.resolution === 'internal');
const edge = internal[Math.floor(internal.length / 2)];
const from = option('from', edge?.from ?? 'src/index.ts');
const to = option('to', edge?.to ?? 'src/index.ts');
const questions = {
  check_import: { from, to },
  where_to_put: { what: 'a new module for shipping' },
  dependents: { target: option('target', to) },
  violations: {},
  architecture: {},
};
const rows = [];
for (const [name, input] of Object.entries(questions)) {
  const times = [];
  let error;
  for (let i = 0; i < runs; i++) {
    const { ms, result } = await call(name, input);
    if (result.isError) error = result.content?.[0]?.text;
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const target = TARGETS[name];
  rows.push({
    tool: name,
    medianMs: Number(median.toFixed(1)),
    maxMs: Number(times[times.length - 1].toFixed(1)),
    ...(target ? { targetMs: target, pass: median < target } : {}),
    ...(error ? { error } : {}),
  });
}
await client.close();

const machine = {
  cpus: os.cpus().length,
  loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  node: process.version,
};
if (args.includes('--json')) {
  console.log(
    JSON.stringify(
      {
        dir: path.resolve(dir),
        runs,
        coldMs: Math.round(cold.ms),
        violations: violations?.total,
        machine,
        rows,
      },
      null,
      2,
    ),
  );
} else {
  console.log(`check_import ${from} -> ${to}; dependents ${option('target', to)}`);
  console.log(
    `archlens mcp on ${path.resolve(dir)}: first answer (cold analysis) ${(cold.ms / 1000).toFixed(1)} s; ${runs} questions per tool after warm-up`,
  );
  console.log(`machine: ${machine.cpus} cores, load ${machine.loadAverage.join(' ')}, Node ${machine.node}`);
  for (const row of rows)
    console.log(
      `  ${row.tool.padEnd(13)} median ${String(row.medianMs).padStart(7)} ms  max ${String(row.maxMs).padStart(7)} ms${row.targetMs ? `  target < ${row.targetMs} ms: ${row.pass ? 'PASS' : 'MISS'}` : ''}${row.error ? `  (error: ${row.error})` : ''}`,
    );
}
