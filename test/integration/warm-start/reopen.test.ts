import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { activateArchLens } from '../archlens-api';

// Run twice by test/host/warm-start-run.mjs on one user-data folder (so one workspace storage):
// ARCHLENS_WARM_PHASE=first opens the workspace for the first time (a cold analysis, which
// leaves the analysis cache in the extension's storage); `reopen` opens it again. What the first
// opening showed is written to ARCHLENS_WARM_SHOWN between the phases. The checks are about
// what was shown and in which order, and how much work the checking analysis did again; how
// fast that is lives in bench/ (a timed test fails on a loaded machine).

interface ShownAnalysis {
  readonly provisional: boolean;
  readonly warmStart?: { readonly kind: string; readonly filesRead: number; readonly filesResolved: number };
  readonly tree: readonly unknown[];
}

interface WarmStartApi {
  architectureTree(): readonly unknown[];
  analysisLog(): readonly ShownAnalysis[];
}

const phase = process.env.ARCHLENS_WARM_PHASE;
const firstFile = process.env.ARCHLENS_WARM_SHOWN ?? '';

/** Polls every 20 ms until the checked (not provisional) analysis has been shown. */
async function checkedShown(api: WarmStartApi, limitMs = 240_000): Promise<readonly ShownAnalysis[]> {
  const deadline = performance.now() + limitMs;
  for (;;) {
    const log = api.analysisLog();
    if (log.some((shown) => !shown.provisional)) return log;
    if (performance.now() > deadline) throw new Error('no checked analysis was shown');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(`A reopened workspace (${phase ?? 'no phase'})`, function () {
  this.timeout(300_000);

  // One test per phase: the first opening's, or the reopening's.
  if (phase === 'first')
    it('first opening: a cold analysis shows its result, with no previous result before it', async () => {
      const api = (await activateArchLens()).exports as WarmStartApi;
      const [first, ...rest] = await checkedShown(api);
      assert.ok(first, 'an analysis was shown');
      assert.equal(first.provisional, false, 'nothing was cached yet: no previous result is shown');
      assert.equal(first.warmStart?.kind, 'cold', 'the first analysis takes nothing over from a cache');
      assert.ok(first.tree.length > 0, 'the Architecture view shows the result');
      assert.deepEqual(rest, [], 'one analysis, shown once');
      writeFileSync(firstFile, JSON.stringify({ tree: JSON.stringify(first.tree) }));
    });

  if (phase === 'reopen')
    it('reopening: the previous result shows first, then the checked result, which re-read and re-resolved nothing and agrees', async () => {
      const first = JSON.parse(readFileSync(firstFile, 'utf8')) as { tree: string };
      const api = (await activateArchLens()).exports as WarmStartApi;
      const log = await checkedShown(api);
      console.log(
        `[warm-start] reopening showed: ${log.map((s) => (s.provisional ? 'previous result' : `checked (${s.warmStart?.kind}, ${s.warmStart?.filesRead} read, ${s.warmStart?.filesResolved} resolved)`)).join(', then ')}`,
      );
      assert.equal(log.length, 2, 'the previous result, then the checked one');
      const [previous, checked] = log as [ShownAnalysis, ShownAnalysis];
      assert.equal(
        previous.provisional,
        true,
        'the previous result is shown before the analysis has checked it',
      );
      assert.equal(
        JSON.stringify(previous.tree),
        first.tree,
        'the previous result is the one the first opening showed',
      );
      assert.equal(checked.provisional, false);
      assert.deepEqual(
        checked.warmStart,
        { kind: 'unchanged', filesRead: 0, filesResolved: 0 },
        'nothing changed: the checking analysis reads and resolves no file again',
      );
      assert.equal(
        JSON.stringify(checked.tree),
        first.tree,
        'nothing changed: the checked result is the same',
      );
    });
});
