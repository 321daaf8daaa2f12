import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { activateArchLens } from '../archlens-api';

// Run twice by test/host/warm-start-run.mjs on one user-data folder (so one workspace storage):
// ARCHLENS_WARM_PHASE=first opens the workspace for the first time (a cold analysis, which
// leaves the analysis cache in the extension's storage); `reopen` opens it again. Times are ms
// since this extension host process started, written to ARCHLENS_WARM_TIMES between the phases.

interface SidebarApi {
  architectureTree(): readonly unknown[];
}

const phase = process.env.ARCHLENS_WARM_PHASE;
const timesFile = process.env.ARCHLENS_WARM_TIMES ?? '';

/** Polls the Architecture view every 20 ms until it shows something; the time then. */
async function firstShown(api: SidebarApi, limitMs = 240_000): Promise<number> {
  const deadline = performance.now() + limitMs;
  while (api.architectureTree().length === 0) {
    if (performance.now() > deadline) throw new Error('the Architecture view stayed empty');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return performance.now();
}

/** Waits until the view has shown the same tree for a while (the checked result is in). */
async function settled(api: SidebarApi, quietMs = 4000): Promise<{ tree: string; at: number }> {
  let last = JSON.stringify(api.architectureTree());
  let since = performance.now();
  let at = since;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = JSON.stringify(api.architectureTree());
    if (now !== last) {
      last = now;
      since = at = performance.now();
    } else if (performance.now() - since > quietMs) return { tree: last, at };
  }
}

describe(`A reopened workspace (${phase ?? 'no phase'})`, function () {
  this.timeout(300_000);

  // One test per phase: the first opening's, or the reopening's.
  if (phase === 'first')
    it('first opening: the cold analysis shows its result (its time is kept for the reopening)', async () => {
      const api = (await activateArchLens()).exports as SidebarApi;
      const cold = await firstShown(api);
      const { tree } = await settled(api);
      writeFileSync(timesFile, JSON.stringify({ cold, tree }));
      console.log(`[warm-start] first opening: result after ${cold.toFixed(0)} ms of the extension host`);
    });

  if (phase === 'reopen')
    it('reopening: the previous result shows before the cold analysis had finished, and the checked result agrees', async () => {
      const first = JSON.parse(readFileSync(timesFile, 'utf8')) as { cold: number; tree: string };
      const api = (await activateArchLens()).exports as SidebarApi;
      const shown = await firstShown(api);
      const shownTree = JSON.stringify(api.architectureTree());
      const { tree, at } = await settled(api);
      console.log(
        `[warm-start] reopening: previous result after ${shown.toFixed(0)} ms, settled at ${at.toFixed(0)} ms; the cold opening took ${first.cold.toFixed(0)} ms`,
      );
      assert.ok(
        shown < first.cold,
        `shown after ${shown.toFixed(0)} ms, the cold analysis took ${first.cold.toFixed(0)} ms`,
      );
      assert.equal(shownTree, first.tree, 'the previous result is the one the first opening showed');
      assert.equal(tree, first.tree, 'nothing changed: the checked result is the same');
    });
});
