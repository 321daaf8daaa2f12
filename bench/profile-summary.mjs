#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the top functions by self time, and
// self time grouped by source file, so one can see where a cold analysis spends its time.
// `--under NAME` keeps only samples taken inside a function of that name (e.g. `update`).
// Usage: node bench/profile-summary.mjs <file.cpuprofile> [--top N] [--under NAME]
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [--top N]');
  process.exit(2);
}
const topAt = process.argv.indexOf('--top');
const top = topAt >= 0 ? Number(process.argv[topAt + 1]) : 25;
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const underAt = process.argv.indexOf('--under');
const under = underAt >= 0 ? process.argv[underAt + 1] : undefined;
const inside = new Map();
const isInside = (id) => {
  if (under === undefined) return true;
  if (inside.has(id)) return inside.get(id);
  const node = byId.get(id);
  const result = node.callFrame.functionName === under || (parent.has(id) && isInside(parent.get(id)));
  inside.set(id, result);
  return result;
};
const selfUs = new Map();
// timeDeltas[i] is the time before samples[i]; attribute it to that sample's node.
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  if (!isInside(id)) continue;
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map();
const byFile = new Map();
for (const [id, us] of selfUs) {
  const { callFrame } = byId.get(id);
  const where = callFrame.url
    ? callFrame.url.replace(/^file:\/\//, '').replace(/.*\/(node_modules|dist|src)\//, '$1/')
    : '(native)';
  const name = `${callFrame.functionName || '(anonymous)'}  ${where}:${callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  byFile.set(where, (byFile.get(where) ?? 0) + us);
}
const print = (title, map, n) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(
      `${(us / 1000).toFixed(0).padStart(8)} ms  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${name}`,
    );
  }
};
console.log(`total sampled: ${(total / 1000).toFixed(0)} ms`);
print(`top ${top} functions by self time`, byFunction, top);
print('self time by file', byFile, 12);
