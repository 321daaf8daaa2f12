import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCliCaptured } from '../support/captured-cli';

const shop = path.resolve('test/fixtures/impact/shop');

describe('archlens impact', function () {
  this.timeout(60_000);

  it('prints who fails, shares the database, degrades and only rebuilds, then by unit', async () => {
    const run = await runCliCaptured(['impact', 'billing'], shop);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Impact of module billing \(src\/modules\/billing\), 3 files failing$/m);
    assert.match(
      run.stdout,
      /^6 dependent files: 4 direct, 2 transitive — 4 fail, 1 degrade, 1 build time only$/m,
    );
    assert.match(
      run.stdout,
      /^ {2}hop 1 {2}src\/modules\/orders\/service\.ts {2}\[orders\] {2}\.\.\/billing\/charge\.js → src\/modules\/billing\/charge\.ts \(src\/modules\/orders\/service\.ts:4\)$/m,
    );
    assert.match(run.stdout, /^Degrades .*\(1\):\n {2}hop 2 {2}src\/modules\/notify\/on-order\.ts/m);
    assert.match(
      run.stdout,
      /^Shares a database with it .*\(1\):\n {2}hop 1 {2}src\/modules\/reports\/report\.ts/m,
    );
    assert.match(run.stdout, /^By unit:\n {2}src {6}fails {10}1 file {3}from hop 1 {2}sync$/m);
  });

  it('--json prints the ImpactResult; the folder is the second positional', async () => {
    const run = await runCliCaptured(['impact', 'postgres', '.', '--json'], shop);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as {
      target: { kind: string; id: string };
      counts: { dependents: number; fails: number };
      dependents: { file: string; hops: number }[];
    };
    assert.deepEqual(result.target.kind, 'backing');
    assert.equal(result.target.id, 'backing:postgres');
    assert.equal(result.counts.dependents, 9);
    assert.equal(result.counts.fails, 7);
    assert.deepEqual(result.dependents[0], {
      file: 'src/shared/db.ts',
      unit: 'src/shared',
      relation: 'sync',
      effect: 'fails',
      hops: 1,
      via: { file: 'src/shared/db.ts', line: 1, text: 'pg', on: 'backing:postgres' },
    });
  });

  it('--format mermaid prints the overview with each node painted by the impact', async () => {
    const run = await runCliCaptured(['impact', 'billing', '--format', 'mermaid'], shop);
    assert.equal(run.code, 0, run.stderr);
    const id = (label: string): string =>
      new RegExp(`(n\\d+)\\[?\\(?"${label}"`).exec(run.stdout)?.[1] ?? '?';
    const members = (paint: string): string[] =>
      new RegExp(`^ {2}class ([\\w,]+) impact_${paint}$`, 'm').exec(run.stdout)?.[1]?.split(',') ?? [];
    assert.match(run.stdout, /^flowchart LR$/m);
    assert.deepEqual(members('failing'), [id('billing')]);
    assert.deepEqual(members('degrades'), [id('notify')]);
    assert.ok(members('fails').includes(id('orders')), run.stdout);
    assert.match(run.stdout, /^ {2}classDef impact_failing fill:#f85149/m);
  });

  it('an unknown node exits 2 with the closest name; a missing node is a usage error', async () => {
    const unknown = await runCliCaptured(['impact', 'biling'], shop);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /'biling' names no file, folder, module.*did you mean 'billing'\?/);
    assert.equal(unknown.stdout, '');
    const missing = await runCliCaptured(['impact'], shop);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /expected <node>/);
  });

  it('is listed in archlens --help', async () => {
    const run = await runCliCaptured(['--help'], shop);
    assert.match(run.stdout, /^ {2}impact +Say what breaks if/m);
  });

  it('works on a Java workspace through its resolved imports: the service and, through it, the controller', async () => {
    const clinic = path.resolve('test/fixtures/workspaces/lang-java-spring-clinic');
    const run = await runCliCaptured(
      ['impact', 'src/main/java/com/acme/clinic/repository/VisitRepository.java', clinic, '--json'],
      process.cwd(),
    );
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as {
      dependents: { file: string; hops: number; relation: string }[];
    };
    assert.deepEqual(
      result.dependents.map((d) => [d.file, d.hops, d.relation]),
      [
        ['src/main/java/com/acme/clinic/service/VisitService.java', 1, 'sync'],
        ['src/main/java/com/acme/clinic/controller/VisitController.java', 2, 'sync'],
      ],
    );
  });

  it('an external API by its product name: what calls Stripe fails with it', async () => {
    const run = await runCliCaptured(
      ['impact', 'stripe', path.resolve('test/fixtures/impact/payments')],
      shop,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Impact of external API Stripe failing$/m);
    assert.match(
      run.stdout,
      /^3 dependent files: 1 direct, 2 transitive — 3 fail, 0 degrade, 0 build time only$/m,
    );
    assert.match(
      run.stdout,
      /^ {2}hop 1 {2}src\/billing\/charge\.ts {2}\[src\/billing\] {2}stripe → stripe /m,
    );
  });
});
