import * as assert from 'node:assert/strict';
import { detectPatterns } from '../../../src/core/detect';
import { DETECTORS } from '../../../src/core/detect/registry';
import { SYMBOL_READS_PER_DETECTOR } from '../../../src/core/detect/read-bound';
import { buildModel, contextOf, packageJson } from './support/build-model';

/** A 7,000-file workspace: 70 feature folders of 100 files, each file importing three neighbours. */
function bigWorkspace(): Record<string, string[]> {
  const files: Record<string, string[]> = {};
  for (let f = 0; f < 70; f++) {
    for (let i = 0; i < 100; i++) {
      const name = i % 10 === 0 ? `f${i}.handler.ts` : i % 7 === 0 ? `f${i}.event.ts` : `f${i}.ts`;
      files[`src/feature${f}/${name}`] = [];
    }
  }
  const paths = Object.keys(files);
  paths.forEach((path, index) => {
    files[path] = [
      paths[(index + 1) % paths.length] ?? path,
      paths[(index * 7 + 3) % paths.length] ?? path,
      index % 5 === 0 ? 'pg' : 'lodash',
    ];
  });
  return files;
}

describe('detect: cost on a large workspace', () => {
  it('asks for the symbols of a bounded number of candidate files and finishes quickly', () => {
    const asked = new Set<string>();
    const model = buildModel(bigWorkspace(), [
      packageJson('package.json', { name: 'big', scripts: { start: 'node main.js' } }),
    ]);
    const started = performance.now();
    const result = detectPatterns(contextOf(model, { onSymbols: (file) => asked.add(file) }));
    const elapsed = performance.now() - started;
    assert.equal(result.patterns.length, 9);
    assert.ok(
      asked.size <= DETECTORS.length * SYMBOL_READS_PER_DETECTOR,
      `asked for ${asked.size} files' symbols`,
    );
    assert.ok(elapsed < 5000, `detection took ${Math.round(elapsed)} ms`);
  });
});
