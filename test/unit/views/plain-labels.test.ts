import * as assert from 'node:assert/strict';
import type { DetectionResult } from '../../../src/core/model';
import type { Recommendation } from '../../../src/core/recommend';
import { architectureTree } from '../../../src/core/views/architecture-tree';
import { statusBarLabel } from '../../../src/core/views/plain-text';
import { recommendationsTree } from '../../../src/core/views/recommendations-tree';
import type { TreeNode } from '../../../src/core/views/tree-node';

function texts(nodes: readonly TreeNode[]): string[] {
  return nodes.flatMap((n) => [n.label, n.description ?? '', n.tooltip ?? '', ...texts(n.children ?? [])]);
}

const detection: DetectionResult = {
  version: 1,
  root: '/ws',
  primary: 'event-driven',
  patterns: [
    {
      id: 'event-driven',
      score: 0.8,
      verdict: 'yes',
      evidence: [
        {
          file: 'src/billing/worker.ts',
          line: 3,
          message: '`InvoiceWorker` consumes `invoices.issued`',
          weight: 0.3,
        },
      ],
      counterEvidence: [],
    },
  ],
  system: {
    entryPoints: [],
    parts: [
      {
        name: 'api',
        path: 'apps/api',
        role: 'service',
        basis: ['imports `fastify`'],
        entryPoints: ['apps/api/main.ts'],
        files: 3,
      },
    ],
    deployables: [],
    setAside: [],
  },
  units: { deployables: [], modules: [], layers: [] },
} as unknown as DetectionResult;

describe('sidebar and status bar text as a person reads it', () => {
  it('the status bar names the pattern as the reports do: CQRS, Event-driven', () => {
    assert.equal(statusBarLabel({ primary: 'cqrs' }), 'CQRS');
    assert.equal(statusBarLabel({ primary: 'event-driven' }), 'Event-driven');
    assert.equal(statusBarLabel({ primary: null }), 'No clear pattern');
  });

  it('Architecture rows show no literal backticks; the evidence row is the message, its place the description', () => {
    const tree = architectureTree(detection);
    assert.deepEqual(
      texts(tree).filter((t) => t.includes('`')),
      [],
    );
    const evidence = tree[0]?.children?.[0];
    assert.equal(evidence?.label, 'InvoiceWorker consumes invoices.issued');
    assert.equal(evidence?.description, 'src/billing/worker.ts:3');
  });

  it('Recommendations rows show no literal backticks', () => {
    const rec = {
      id: 'outbox',
      title: 'Add a `transactional outbox`',
      fit: 'fits',
      signals: [{ label: '`orders` publishes after commit', value: 1 }],
      reasoning: ['Publishing in `OrderService` after the commit loses events on a crash.'],
      steps: [],
    } as unknown as Recommendation;
    assert.deepEqual(
      texts(recommendationsTree([rec])).filter((t) => t.includes('`')),
      [],
    );
  });
});
