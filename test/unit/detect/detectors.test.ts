import * as assert from 'node:assert/strict';
import { detectPatterns } from '../../../src/core/detect';
import { cqrs } from '../../../src/core/detect/cqrs';
import { hexagonal } from '../../../src/core/detect/hexagonal';
import { microservices } from '../../../src/core/detect/microservices';
import { modularMonolith } from '../../../src/core/detect/modular-monolith';
import { monolith } from '../../../src/core/detect/monolith';
import { DETECTORS, SPECIFICITY } from '../../../src/core/detect/registry';
import type { ComposeService, Manifest, PatternResult } from '../../../src/core/model';
import { PATTERN_IDS } from '../../../src/core/model';
import { buildModel, contextOf, packageJson } from './support/build-model';
import { hexagonFiles, hexagonSymbols } from './support/sample-hexagon';

const app = [
  packageJson('package.json', {
    name: 'app',
    scripts: { start: 'node dist/main.js' },
    dependencies: { express: '4' },
  }),
];

function messages(result: PatternResult, side: 'evidence' | 'counterEvidence' = 'evidence'): string {
  return result[side].map((e) => e.message).join('\n');
}

function composeOf(
  names: readonly string[],
  env: Readonly<Record<string, Record<string, string>>> = {},
): Manifest {
  const services: ComposeService[] = names.map((name, i) => ({
    name,
    line: i + 2,
    buildContext: `services/${name}`,
    ports: [],
    dependsOn: [],
    environment: env[name] ?? {},
  }));
  return { kind: 'compose', file: 'docker-compose.yml', services };
}

function servicePackages(names: readonly string[]): Manifest[] {
  return names.map((name) =>
    packageJson(`services/${name}/package.json`, { name, scripts: { start: 'node dist/index.js' } }),
  );
}

describe('detect: detectors', () => {
  it('registers one detector per pattern id and orders every id by specificity', () => {
    assert.deepEqual(DETECTORS.map((d) => d.id).sort(), [...PATTERN_IDS].sort());
    assert.deepEqual([...SPECIFICITY].sort(), [...PATTERN_IDS].sort());
  });

  it('monolith: one deployable is a yes; a cycle through most top folders is named a big ball of mud', () => {
    const ctx = contextOf(
      buildModel(
        {
          'src/main.ts': ['express', 'src/a/a.ts'],
          'src/a/a.ts': ['src/b/b.ts'],
          'src/b/b.ts': ['src/c/c.ts'],
          'src/c/c.ts': ['src/a/a.ts'],
        },
        app,
      ),
    );
    const result = monolith.detect(ctx);
    assert.equal(result.verdict, 'yes');
    assert.match(messages(result), /Big ball of mud: 3 of 3 top folders of `src`/);
  });

  it('microservices: services importing each other’s source are a distributed monolith', () => {
    const names = ['orders', 'billing', 'stock'];
    const ctx = contextOf(
      buildModel(
        {
          'services/orders/src/index.ts': ['express', 'services/billing/src/db.ts'],
          'services/billing/src/index.ts': ['express'],
          'services/billing/src/db.ts': ['pg', 'services/stock/src/db.ts'],
          'services/stock/src/index.ts': ['express'],
          'services/stock/src/db.ts': ['pg'],
        },
        [composeOf(names), ...servicePackages(names)],
      ),
    );
    const result = microservices.detect(ctx);
    assert.equal(result.verdict, 'no');
    assert.match(
      messages(result, 'counterEvidence'),
      /Distributed monolith: `orders` imports `services\/billing\/src\/db.ts` from service `billing`/,
    );
  });

  it('microservices: a service folder nested in another service’s package shares its build, not a distributed monolith', () => {
    const names = ['orders', 'billing', 'stock'];
    const nested: Manifest = {
      kind: 'dockerfile',
      file: 'services/orders/src/template/Dockerfile',
      baseImages: ['node:22'],
      exposedPorts: [],
    };
    const ctx = contextOf(
      buildModel(
        {
          'services/orders/src/index.ts': ['express', 'services/orders/src/template/server.ts'],
          'services/orders/src/template/server.ts': ['express', 'services/orders/src/config.ts'],
          'services/orders/src/config.ts': [],
          'services/billing/src/index.ts': ['express'],
          'services/stock/src/index.ts': ['express'],
        },
        [composeOf(names), ...servicePackages(names), nested],
      ),
    );
    const result = microservices.detect(ctx);
    assert.doesNotMatch(messages(result, 'counterEvidence'), /Distributed monolith/);
    assert.match(messages(result), /No source imports between the \d+ services/);
  });

  it('microservices: separate services with their own stores are a yes, and one or two authors are called out', () => {
    const names = ['orders', 'billing', 'stock'];
    const env: Record<string, Record<string, string>> = Object.fromEntries(
      names.map((n) => [n, { DATABASE_URL: `postgres://u:p@${n}-db:5432/${n}` }]),
    );
    env['orders'] = { ...env['orders'], BILLING_URL: 'http://billing:3000' };
    const model = buildModel(
      Object.fromEntries(names.map((n) => [`services/${n}/src/index.ts`, ['express']])),
      [composeOf(names, env), ...servicePackages(names)],
    );
    const result = microservices.detect(contextOf(model, { authors: 2 }));
    assert.equal(result.verdict, 'yes');
    assert.match(messages(result), /No source imports between the 3 services/);
    assert.match(messages(result), /`orders` calls sibling service `billing`/);
    assert.match(
      messages(result, 'counterEvidence'),
      /Microservices for a tiny team: 3 services maintained by 2 authors/,
    );
    assert.doesNotMatch(
      messages(microservices.detect(contextOf(model, { authors: 12 })), 'counterEvidence'),
      /tiny team/,
    );
  });

  it('modular monolith: imports into another module’s insides count against it, each named', () => {
    const files: Record<string, string[]> = { 'src/main.ts': ['express'] };
    for (const m of ['orders', 'billing', 'stock']) {
      files[`src/modules/${m}/index.ts`] = [`src/modules/${m}/${m}.service.ts`];
      files[`src/modules/${m}/${m}.service.ts`] = [`src/modules/${m}/internal/${m}.repository.ts`];
      files[`src/modules/${m}/internal/${m}.repository.ts`] = ['pg'];
    }
    const clean = modularMonolith.detect(
      contextOf(
        buildModel(
          {
            ...files,
            'src/modules/orders/orders.service.ts': [
              'src/modules/billing/index.ts',
              'src/modules/stock/index.ts',
            ],
          },
          app,
        ),
      ),
    );
    assert.equal(clean.verdict, 'yes');
    assert.match(messages(clean), /2 of 2 cross-module imports land on a module's public files/);
    const leaky = modularMonolith.detect(
      contextOf(
        buildModel(
          {
            ...files,
            'src/modules/orders/orders.service.ts': [
              'src/modules/billing/internal/billing.repository.ts',
              'src/modules/stock/internal/stock.repository.ts',
            ],
            'src/modules/billing/billing.service.ts': ['src/modules/orders/internal/orders.repository.ts'],
          },
          app,
        ),
      ),
    );
    assert.notEqual(leaky.verdict, 'yes');
    assert.match(
      messages(leaky, 'counterEvidence'),
      /`orders` imports `src\/modules\/billing\/internal\/billing.repository.ts`, inside module `billing`/,
    );
  });

  it('hexagonal: a pure core whose ports adapters implement is a yes; without ports it stays below partial', () => {
    const files = hexagonFiles;
    const withPorts = hexagonSymbols;
    const yes = hexagonal.detect(contextOf(buildModel(files, app), { symbols: withPorts }));
    assert.equal(yes.verdict, 'yes');
    assert.match(
      messages(yes),
      /`PgOrderRepository` implements port `OrderRepository` declared in `src\/core\/repo.ts`/,
    );
    const layered = hexagonal.detect(contextOf(buildModel(files, app)));
    assert.ok(layered.score < 0.3, `score ${layered.score}`);
  });

  it('hexagonal: a hexagon in each of several contexts is said, and counts for the style', () => {
    const twice = (files: Readonly<Record<string, readonly string[]>>, into: string) =>
      Object.fromEntries(
        Object.entries(files).map(([file, imports]) => [
          file.replace(/^src\//, `${into}/`),
          imports.map((i) => i.replace(/^src\//, `${into}/`)),
        ]),
      );
    const files = { ...twice(hexagonFiles, 'src/orders'), ...twice(hexagonFiles, 'src/billing') };
    const withPorts = Object.fromEntries(
      ['src/orders', 'src/billing'].flatMap((into) =>
        Object.entries(hexagonSymbols).map(([file, symbols]) => [
          file.replace(/^src\//, `${into}/`),
          symbols,
        ]),
      ),
    );
    const one = hexagonal.detect(
      contextOf(buildModel(twice(hexagonFiles, 'src/orders'), app), { symbols: withPorts }),
    );
    const two = hexagonal.detect(contextOf(buildModel(files, app), { symbols: withPorts }));
    assert.match(
      messages(two),
      /2 folders are each a core with adapters around it: `src\/(?:orders|billing)`, `src\/(?:orders|billing)`/,
    );
    assert.ok(two.score > one.score, `${two.score} > ${one.score}`);
  });

  it('CQRS: a command/query split over plain CRUD with no read model is named', () => {
    const ctx = contextOf(
      buildModel(
        {
          'src/commands/create-user.command.ts': [],
          'src/commands/update-user.command.ts': [],
          'src/commands/create-user.handler.ts': ['src/commands/create-user.command.ts'],
          'src/queries/get-user.query.ts': [],
          'src/queries/get-user.handler.ts': ['src/queries/get-user.query.ts'],
        },
        app,
      ),
    );
    const result = cqrs.detect(ctx);
    assert.match(
      messages(result, 'counterEvidence'),
      /CQRS on plain CRUD: every command \(`create-user`, `update-user`\)/,
    );
  });

  it('sorts all nine verdicts by score and picks the most specific yes as primary', () => {
    const files: Record<string, string[]> = {
      'src/main.ts': [
        'express',
        'src/modules/a/index.ts',
        'src/modules/b/index.ts',
        'src/modules/c/index.ts',
      ],
    };
    for (const m of ['a', 'b', 'c']) {
      files[`src/modules/${m}/index.ts`] = [`src/modules/${m}/${m}.service.ts`];
      files[`src/modules/${m}/${m}.service.ts`] = [`src/modules/${m}/${m}.repository.ts`];
      files[`src/modules/${m}/${m}.repository.ts`] = ['pg'];
    }
    files['src/modules/a/a.service.ts'] = ['src/modules/a/a.repository.ts', 'src/modules/b/index.ts'];
    const result = detectPatterns(contextOf(buildModel(files, app)));
    assert.equal(result.patterns.length, 9);
    for (let i = 1; i < result.patterns.length; i++)
      assert.ok((result.patterns[i - 1]?.score ?? 0) >= (result.patterns[i]?.score ?? 0));
    assert.equal(result.patterns.find((p) => p.id === 'monolith')?.verdict, 'yes');
    assert.equal(result.primary, 'modular-monolith');
    assert.deepEqual(
      result.units.modules.map((m) => m.name),
      ['a', 'b', 'c'],
    );
  });

  it('reads Python rings from their resolved imports (not as unread), and languages without a resolver from folders only', () => {
    const model = buildModel(
      {
        'app/main.py': ['app/adapters/db.py', 'app/domain/order.py'],
        'app/domain/order.py': [],
        'app/adapters/db.py': ['app/domain/order.py', 'sqlalchemy'],
      },
      [{ kind: 'dockerfile', file: 'Dockerfile', baseImages: ['python:3.12-slim'], exposedPorts: [8000] }],
    );
    const result = detectPatterns(contextOf(model));
    const hex = result.patterns.find((p) => p.id === 'hexagonal');
    assert.equal(result.patterns.find((p) => p.id === 'monolith')?.verdict, 'yes');
    assert.equal(hex?.verdict, 'yes');
    assert.match(
      messages(hex ?? result.patterns[0]!, 'evidence'),
      /import no driver or web framework \(their resolved imports\)/,
    );
    assert.doesNotMatch(messages(hex ?? result.patterns[0]!, 'counterEvidence'), /imports were not read/);
    const ruby = buildModel({ 'app/main.rb': [], 'app/domain/order.rb': [], 'app/adapters/db.rb': [] }, [
      { kind: 'dockerfile', file: 'Dockerfile', baseImages: ['ruby:3.3'], exposedPorts: [8000] },
    ]);
    const rubyHex = detectPatterns(contextOf(ruby)).patterns.find((p) => p.id === 'hexagonal');
    assert.equal(rubyHex?.verdict, 'partial');
    assert.match(
      messages(rubyHex ?? result.patterns[0]!, 'counterEvidence'),
      /Sources are ruby: imports were not read/,
    );
  });
});
