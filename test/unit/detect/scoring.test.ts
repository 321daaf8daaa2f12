import * as assert from 'node:assert/strict';
import { MAX_EVIDENCE, ScoreCard, verdictOf } from '../../../src/core/detect/scoring';

describe('detect: scoring', () => {
  it('maps scores to verdicts at 0.6 and 0.3', () => {
    assert.equal(verdictOf(0.6), 'yes');
    assert.equal(verdictOf(0.599), 'partial');
    assert.equal(verdictOf(0.3), 'partial');
    assert.equal(verdictOf(0.299), 'no');
  });

  it('shares a signal’s weight among its facts, subtracts counter-evidence and clamps to [0, 1]', () => {
    const card = new ScoreCard('monolith');
    card.add(0.6, [
      { file: 'a', message: 'a' },
      { file: 'b', message: 'b' },
    ]);
    card.against(0.2, [{ file: 'c', message: 'c' }]);
    const result = card.result();
    assert.equal(result.score, 0.4);
    assert.equal(result.verdict, 'partial');
    assert.deepEqual(
      result.evidence.map((e) => e.weight),
      [0.3, 0.3],
    );
    card.add(2, [{ file: 'd', message: 'd' }]);
    assert.equal(card.score, 1);
  });

  it('caps the score and says why', () => {
    const card = new ScoreCard('hexagonal');
    card.add(0.9, [{ file: 'src', message: 'named rings' }]);
    card.cap(0.5, { file: '.', message: 'imports were not read' });
    const result = card.result();
    assert.equal(result.score, 0.5);
    assert.equal(result.counterEvidence[0]?.message, 'imports were not read');
  });

  it('keeps the heaviest evidence and folds the rest into one "and N more" item', () => {
    const card = new ScoreCard('microservices');
    card.add(0.5, [{ file: 'heavy', line: 3, message: 'heavy' }]);
    card.add(
      0.3,
      Array.from({ length: 20 }, (_, i) => ({ file: `f${i}`, message: `light ${i}` })),
    );
    const result = card.result();
    assert.equal(result.evidence.length, MAX_EVIDENCE);
    assert.deepEqual(result.evidence[0], { file: 'heavy', line: 3, message: 'heavy', weight: 0.5 });
    const last = result.evidence[MAX_EVIDENCE - 1];
    assert.match(last?.message ?? '', /^and 12 more like `f8`/);
    const total = result.evidence.reduce((sum, e) => sum + e.weight, 0);
    assert.ok(Math.abs(total - 0.8) < 0.01, `weights still add up to the score (${total})`);
  });
});
