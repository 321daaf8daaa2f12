import * as assert from 'node:assert/strict';
import { checkArchitecture } from '../../../src/core';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { ask, dataOf, HEX_LEAKY, MICRO_SHOP, modelOf } from './support';

interface ArchitectureData {
  primary: string | null;
  patterns: { id: string; verdict: string; score: number; evidence: { file: string }[] }[];
  parts: { path: string; role: string }[];
  modules: { name: string; path: string; public: string[] }[];
  rings: { folder: string; kind: string }[];
  backingServices: { name: string }[];
  violations: number;
}

describe('assistant tool: architecture', function () {
  this.timeout(60_000);

  it('gives the primary pattern, the verdicts and the rings detection found, and the violation count', async () => {
    const answer = await ask(HEX_LEAKY, 'architecture', {});
    const data = dataOf<ArchitectureData>(answer);
    const check = checkArchitecture(new NodeFileSystem(), modelOf(HEX_LEAKY));
    assert.equal(data.primary, check.detection.primary);
    assert.equal(data.violations, check.rules.violations.length);
    // A summary lists only the patterns with a yes or partial verdict, with at most 3 facts each.
    assert.deepEqual(
      data.patterns.map((p) => p.id),
      check.detection.patterns.filter((p) => p.verdict !== 'no').map((p) => p.id),
    );
    assert.ok(data.patterns.every((p) => p.evidence.length <= 3));
    assert.deepEqual(
      data.rings.map((r) => `${r.folder} ${r.kind}`),
      ['src/application core', 'src/domain core', 'src/infrastructure adapter', 'src/interfaces adapter'],
    );
    assert.match(answer.text, /^Primary pattern: Monolith \(yes, 0\.65\)\./);
    assert.match(answer.text, /Boundary violations: 5 /);
  });

  it('lists every pattern and all evidence with detail full, bounded by limit', async () => {
    const full = dataOf<ArchitectureData>(await ask(HEX_LEAKY, 'architecture', { detail: 'full', limit: 2 }));
    assert.equal(full.patterns.length, 9);
    assert.ok(full.patterns.every((p) => p.evidence.length <= 2));
    const hexagonal = full.patterns.find((p) => p.id === 'hexagonal');
    assert.equal(hexagonal?.verdict, 'no');
  });

  it('names services, modules and backing services with workspace-relative folders', async () => {
    const data = dataOf<ArchitectureData>(await ask(MICRO_SHOP, 'architecture', {}));
    assert.equal(data.primary, 'microservices');
    assert.deepEqual(
      data.backingServices.map((b) => b.name),
      ['gateway', 'orders-db', 'payments-db', 'inventory-db'],
    );
    for (const part of data.parts) assert.ok(!part.path.startsWith('/'), part.path);
  });

  it('answers the same text twice (stable) and refuses unknown input keys', async () => {
    const first = await ask(MICRO_SHOP, 'architecture', { detail: 'full' });
    const second = await ask(MICRO_SHOP, 'architecture', { detail: 'full' });
    assert.equal(first.text, second.text);
    await assert.rejects(ask(MICRO_SHOP, 'architecture', { details: 'full' }), /Bad input for architecture/);
  });
});
