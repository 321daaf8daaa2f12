import * as assert from 'node:assert/strict';
import { detectPatterns } from '../../../src/core/detect';
import { primaryPattern, SPECIFICITY_TIERS } from '../../../src/core/detect/primary';
import { SYMBOL_READS_PER_DETECTOR } from '../../../src/core/detect/read-bound';
import { PATTERN_IDS, type PatternId, type PatternResult, type Verdict } from '../../../src/core/model';
import { buildModel, contextOf, packageJson } from './support/build-model';
import { hexagonFiles, hexagonSymbols } from './support/sample-hexagon';

const verdict = (id: PatternId, v: Verdict, score: number): PatternResult => ({
  id,
  verdict: v,
  score,
  evidence: [],
  counterEvidence: [],
});

describe('detect: the primary pattern', () => {
  it('every pattern is in exactly one specificity tier', () => {
    assert.deepEqual(SPECIFICITY_TIERS.flat().sort(), [...PATTERN_IDS].sort());
  });

  it('is the highest-scoring yes of the most specific tier that has a yes', () => {
    // A modular monolith scoring 1.00 whose modules are hexagons scoring 0.70: modular monolith.
    assert.equal(
      primaryPattern([
        verdict('hexagonal', 'yes', 0.7),
        verdict('modular-monolith', 'yes', 1),
        verdict('monolith', 'yes', 1),
      ]),
      'modular-monolith',
    );
    // …even when its modules' hexagons score higher: the modular monolith is the system's shape.
    assert.equal(
      primaryPattern([verdict('hexagonal', 'yes', 0.9), verdict('modular-monolith', 'yes', 0.65)]),
      'modular-monolith',
    );
    // Services whose insides are CQRS or hexagonal are microservices first, whatever the scores…
    assert.equal(
      primaryPattern([verdict('microservices', 'yes', 0.61), verdict('cqrs', 'yes', 0.95)]),
      'microservices',
    );
    // …a saga across them names the system before its services do…
    assert.equal(
      primaryPattern([verdict('microservices', 'yes', 0.95), verdict('saga', 'yes', 0.61)]),
      'saga',
    );
    // …and CQRS inside one monolith is CQRS first.
    assert.equal(primaryPattern([verdict('monolith', 'yes', 0.95), verdict('cqrs', 'yes', 0.61)]), 'cqrs');
    // A partial never becomes primary, however high its score.
    assert.equal(
      primaryPattern([verdict('hexagonal', 'partial', 0.59), verdict('monolith', 'yes', 0.6)]),
      'monolith',
    );
    assert.equal(primaryPattern([verdict('serverless', 'partial', 0.5)]), null);
    // An exact tie goes to the earlier id of the tier.
    assert.equal(primaryPattern([verdict('hexagonal', 'yes', 0.8), verdict('cqrs', 'yes', 0.8)]), 'cqrs');
  });
});

const app = [packageJson('package.json', { name: 'app', scripts: { start: 'node dist/main.js' } })];

describe('detect: each detector reads what it needs, whatever other files exist', () => {
  it('a clean hexagon keeps its verdict and score beside 150 unrelated handler and event files', () => {
    const alone = detectPatterns(contextOf(buildModel(hexagonFiles, app), { symbols: hexagonSymbols }));
    const crowded: Record<string, readonly string[]> = { ...hexagonFiles };
    for (let i = 0; i < 150; i++) {
      crowded[`src/jobs/job${i}.handler.ts`] = [];
      crowded[`src/jobs/job${i}.event.ts`] = [];
    }
    const asked = new Set<string>();
    const beside = detectPatterns(
      contextOf(buildModel(crowded, app), { symbols: hexagonSymbols, onSymbols: (f) => asked.add(f) }),
    );
    const hexAlone = alone.patterns.find((p) => p.id === 'hexagonal');
    const hexBeside = beside.patterns.find((p) => p.id === 'hexagonal');
    assert.equal(hexAlone?.verdict, 'yes');
    assert.equal(hexBeside?.verdict, 'yes');
    assert.equal(hexBeside?.score, hexAlone?.score);
    assert.match(
      (hexBeside?.evidence ?? []).map((e) => e.message).join('\n'),
      /`PgOrderRepository` implements port `OrderRepository`/,
    );
    // Other detectors read candidates too; the files they read are still bounded.
    assert.ok(asked.size > 0);
  });

  it('a detector whose candidates exceed its bound says so in its verdict', () => {
    const files: Record<string, string[]> = { 'src/main.ts': ['express'] };
    for (let i = 0; i < SYMBOL_READS_PER_DETECTOR * 2; i++) {
      files[`src/commands/c${i}.command.ts`] = [];
      files[`src/commands/c${i}.handler.ts`] = [`src/commands/c${i}.command.ts`];
      files[`src/queries/q${i}.query.ts`] = [];
      files[`src/queries/q${i}.handler.ts`] = [`src/queries/q${i}.query.ts`];
    }
    const result = detectPatterns(contextOf(buildModel(files, app)));
    const said = result.patterns.filter((p) =>
      p.counterEvidence.some((e) =>
        /candidate files? (was|were) not read \(a bound keeps detection fast\)/.test(e.message),
      ),
    );
    assert.ok(said.length > 0, 'some verdict names the bound it hit');
  });
});
