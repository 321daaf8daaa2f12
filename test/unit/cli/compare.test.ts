import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateModules } from '../compare/generated-modules';
import { runCliCaptured } from '../support/captured-cli';

describe('archlens compare', function () {
  this.timeout(60_000);
  let work = '';
  before(() => {
    // The generated three modules written out as TypeScript, one import line per edge.
    work = mkdtempSync(path.join(tmpdir(), 'archlens-compare-'));
    const { model } = generateModules({ seed: 4 });
    writeFileSync(path.join(work, 'package.json'), '{ "name": "generated", "private": true }\n');
    for (const file of model.files) {
      mkdirSync(path.join(work, path.dirname(file)), { recursive: true });
      const imports = model.edges
        .filter((e) => e.from === file)
        .map(
          (e, i) =>
            `import * as m${i} from '${path.posix
              .relative(path.posix.dirname(file), e.to ?? '')
              .replace(/^(?!\.)/, './')
              .replace(/\.ts$/, '.js')}';`,
        );
      writeFileSync(path.join(work, file), [...imports, `export const name = '${file}';`, ''].join('\n'));
    }
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('prints the candidates and one row of figures per cut, with the cost definitions', async () => {
    const run = await runCliCaptured(['compare', work], work);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Compare cuts of .* \(36 backend files\)$/m);
    assert.match(run.stdout, /^Candidate modules \(Louvain over the folder graph, modularity 0\.\d+\):$/m);
    assert.match(
      run.stdout,
      /^ {2}cut +parts +crossed +type-only +cycles +shared DBs +shared code +moves +cost$/m,
    );
    assert.match(run.stdout, /^ {2}Today +12 /m);
    assert.match(run.stdout, /^ {2}Modular monolith +3 +\d+ +0 +\d+ +0 +\d+ +27 +\d+$/m);
    assert.match(run.stdout, /^ {2}Microservices: cost = 1 per moved file \+ 3 per runtime import/m);
  });

  it('--json prints the Comparison: the same files in the candidates as in the workspace', async () => {
    const run = await runCliCaptured(['compare', work, '--json'], work);
    assert.equal(run.code, 0, run.stderr);
    const comparison = JSON.parse(run.stdout) as {
      files: number;
      candidates: { files: string[] }[];
      cuts: { id: string; figures: { moves: number } }[];
    };
    assert.equal(comparison.files, 36);
    assert.equal(comparison.candidates.flatMap((c) => c.files).length, 36);
    assert.deepEqual(
      comparison.cuts.map((c) => c.id),
      ['today', 'modular-monolith', 'microservices'],
    );
  });

  it('--format markdown prints the plan', async () => {
    const run = await runCliCaptured(['compare', work, '--format', 'markdown'], work);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^## Plan: modular monolith$/m);
    assert.match(run.stdout, /^### 1\. Move 27 files$/m);
  });

  it('--resolution changes how many candidates are found; a bad value is a usage error', async () => {
    const fine = await runCliCaptured(['compare', work, '--json', '--resolution', '3'], work);
    assert.equal(fine.code, 0, fine.stderr);
    assert.ok((JSON.parse(fine.stdout) as { candidates: unknown[] }).candidates.length > 3);
    const bad = await runCliCaptured(['compare', work, '--resolution', 'lots'], work);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--resolution must be a number above 0 \(got 'lots'\)/);
  });
});
