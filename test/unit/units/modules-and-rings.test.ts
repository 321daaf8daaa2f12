import * as assert from 'node:assert/strict';
import { buildModel, contextOf, nestModuleClass, packageJson, symbols } from '../detect/support/build-model';

const start = [
  packageJson('package.json', {
    name: 'app',
    scripts: { start: 'node dist/main.js' },
    dependencies: { express: '4' },
  }),
];

describe('units: modules', () => {
  it('finds modules in a modules/ folder with their declared public files and the files others use', () => {
    const ctx = contextOf(
      buildModel(
        {
          'src/main.ts': ['src/modules/orders/index.ts', 'src/modules/billing/index.ts'],
          'src/modules/orders/index.ts': ['src/modules/orders/order.service.ts'],
          'src/modules/orders/order.service.ts': ['src/modules/billing/index.ts'],
          'src/modules/billing/index.ts': ['src/modules/billing/internal/ledger.ts'],
          'src/modules/billing/internal/ledger.ts': ['pg'],
        },
        start,
      ),
    );
    const billing = ctx.units.modules.find((m) => m.name === 'billing');
    assert.deepEqual(
      ctx.units.modules.map((m) => `${m.name}:${m.kind}`),
      ['billing:container', 'orders:container'],
    );
    assert.deepEqual(billing?.declaredPublic, ['src/modules/billing/index.ts']);
    assert.deepEqual(billing?.publicFace, ['src/modules/billing/index.ts']);
    assert.equal(billing?.service, '.');
  });

  it("takes a .NET module's contract projects (`*.IntegrationEvents`, `*.Contracts`) for its public face, and leaves tests out", () => {
    const m = 'Src/Modules/Inquiries';
    const ctx = contextOf(
      buildModel(
        {
          'Src/Bootstrapper/Program.cs': [],
          [`${m}/Acme.Inquiries.Application/MakeInquiry.cs`]: [],
          [`${m}/Acme.Inquiries.IntegrationEvents/InquiryMadeEvent.cs`]: [],
          [`${m}/Acme.Inquiries.Contracts/IInquiriesModule.cs`]: [],
          [`${m}/Tests/Acme.Inquiries.IntegrationTests/InquiriesTester.cs`]: [],
          'Src/Modules/Valuations/Acme.Valuations.Application/OnInquiryMade.cs': [
            `${m}/Acme.Inquiries.IntegrationEvents/InquiryMadeEvent.cs`,
          ],
        },
        start,
      ),
    );
    const inquiries = ctx.units.modules.find((x) => x.name === 'Inquiries');
    assert.deepEqual(inquiries?.declaredPublic, [
      `${m}/Acme.Inquiries.Contracts/IInquiriesModule.cs`,
      `${m}/Acme.Inquiries.IntegrationEvents/InquiryMadeEvent.cs`,
    ]);
    assert.ok(!inquiries?.files.some((f) => f.includes('/Tests/')), inquiries?.files.join('\n'));
  });

  it('takes the sub-packages of a JVM application package for modules, two enough, their base-package types for their face', () => {
    const base = 'src/main/java/io/acme/library';
    const ctx = contextOf(
      buildModel(
        {
          [`${base}/LibraryApplication.java`]: [],
          [`${base}/catalogue/Book.java`]: [],
          [`${base}/catalogue/BookId.java`]: [],
          [`${base}/catalogue/infrastructure/BookEntity.java`]: [],
          [`${base}/lending/LendingConfig.java`]: [`${base}/catalogue/BookId.java`],
          [`${base}/lending/patron/Patron.java`]: [`${base}/catalogue/BookId.java`],
          [`${base}/lending/patron/PatronRepository.java`]: [],
        },
        [
          {
            kind: 'dockerfile',
            file: 'Dockerfile',
            baseImages: ['eclipse-temurin:21'],
            exposedPorts: [8080],
          },
        ],
      ),
    );
    assert.deepEqual(
      ctx.units.modules.map((m) => m.name),
      ['catalogue', 'lending'],
    );
    const catalogue = ctx.units.modules.find((m) => m.name === 'catalogue');
    assert.deepEqual(catalogue?.declaredPublic, [
      `${base}/catalogue/Book.java`,
      `${base}/catalogue/BookId.java`,
    ]);
  });

  it("does not take a monorepo root's workspace folders (packages/, apps/) for feature modules", () => {
    const files = {
      'apps/site/index.ts': ['apps/site/render.ts'],
      'apps/site/render.ts': [],
      'packages/db/index.ts': ['packages/db/client.ts'],
      'packages/db/client.ts': ['@aws-sdk/client-dynamodb'],
      'sites/gen/a.ts': ['sites/gen/b.ts'],
      'sites/gen/b.ts': [],
    };
    const root = { name: 'repo', scripts: { start: 'node apps/site/index.ts' } };
    const layout = contextOf(buildModel(files, [packageJson('package.json', root)]));
    assert.deepEqual(
      layout.units.modules.map((m) => m.path),
      ['apps', 'packages', 'sites'],
    );
    const monorepo = contextOf(
      buildModel(files, [packageJson('package.json', { ...root, workspaces: ['apps/*', 'packages/*'] })]),
    );
    assert.deepEqual(
      monorepo.units.modules.map((m) => m.path),
      [],
    );
  });

  it('does not take layer folders (controllers, services, models) for modules', () => {
    const ctx = contextOf(
      buildModel(
        {
          'src/controllers/a.ts': ['src/services/a.ts'],
          'src/controllers/b.ts': ['src/services/b.ts'],
          'src/services/a.ts': ['src/models/a.ts'],
          'src/services/b.ts': ['src/models/b.ts'],
          'src/models/a.ts': [],
          'src/models/b.ts': [],
        },
        start,
      ),
    );
    assert.deepEqual(ctx.units.modules, []);
  });

  it('takes NestJS @Module folders for modules, asking symbols only for *.module.ts files', () => {
    const asked: string[] = [];
    const ctx = contextOf(
      buildModel(
        {
          'src/app.module.ts': ['src/users/users.module.ts'],
          'src/users/users.module.ts': ['@nestjs/common', 'src/users/users.service.ts'],
          'src/users/users.service.ts': [],
        },
        start,
      ),
      {
        symbols: {
          'src/users/users.module.ts': symbols({
            classes: [nestModuleClass('UsersModule')],
          }),
        },
        onSymbols: (file) => asked.push(file),
      },
    );
    assert.deepEqual(
      ctx.units.modules.map((m) => `${m.path}:${m.kind}`),
      ['src/users:nest'],
    );
    assert.deepEqual(asked, ['src/users/users.module.ts']);
  });
});

describe('units: rings', () => {
  it('finds the core of unusually named folders from the direction of imports', () => {
    const ctx = contextOf(
      buildModel(
        {
          'src/boot.ts': ['src/kernel/pricing.ts', 'src/plugs/pg-store.ts'],
          'src/kernel/pricing.ts': ['src/kernel/store.ts'],
          'src/kernel/store.ts': [],
          'src/plugs/pg-store.ts': ['pg', 'src/kernel/store.ts'],
          'src/plugs/web.ts': ['fastify', 'src/kernel/pricing.ts'],
        },
        start,
      ),
    );
    const hexagon = ctx.units.hexagons.find((h) => h.root === 'src');
    assert.deepEqual(
      hexagon?.rings.map((r) => `${r.folder}:${r.graphRole}`),
      ['src/kernel:core', 'src/plugs:adapter'],
    );
    assert.deepEqual(hexagon?.compositionRoots, ['src/boot.ts']);
    assert.equal(hexagon?.inwardEdges, 2);
    assert.deepEqual(hexagon?.leaks, []);
    assert.deepEqual(ctx.units.units.layers, [
      { name: 'adapters', paths: ['src/plugs'] },
      { name: 'domain', paths: ['src/kernel'] },
    ]);
  });

  it('an adapter that imports no driver is one when the composition root wires it into the core', () => {
    const files = {
      'src/main.ts': ['src/kernel/pricing.ts', 'src/plugs/memory-store.ts'],
      'src/kernel/pricing.ts': ['src/kernel/store.ts'],
      'src/kernel/store.ts': [],
      'src/plugs/memory-store.ts': ['src/kernel/store.ts'],
    };
    const wired = contextOf(buildModel(files, start)).units.hexagons.find((h) => h.root === 'src');
    assert.deepEqual(
      wired?.rings.map((r) => `${r.folder}:${r.graphRole}:${r.wiredByRoot ?? false}`),
      ['src/kernel:core:false', 'src/plugs:adapter:true'],
    );
    // Without the wiring (nothing at the root imports both), two pure folders are just two folders.
    const unwired = contextOf(
      buildModel({ ...files, 'src/main.ts': ['src/plugs/memory-store.ts'] }, start),
    ).units.hexagons.find((h) => h.root === 'src');
    assert.ok(
      unwired === undefined || unwired.rings.every((r) => r.graphRole !== 'adapter'),
      JSON.stringify(unwired?.rings),
    );
    // A folder the core imports is not an adapter, however it is wired.
    const backwards = contextOf(
      buildModel(
        { ...files, 'src/kernel/pricing.ts': ['src/kernel/store.ts', 'src/plugs/memory-store.ts'] },
        start,
      ),
    ).units.hexagons.find((h) => h.root === 'src');
    assert.ok(backwards === undefined || backwards.rings.every((r) => r.graphRole !== 'adapter'));
  });

  it('reports a domain that imports a driver or an adapter as a leak', () => {
    const ctx = contextOf(
      buildModel(
        {
          'src/domain/order.ts': ['typeorm', 'src/infrastructure/db.ts'],
          'src/application/place-order.ts': ['src/domain/order.ts'],
          'src/infrastructure/db.ts': ['pg'],
        },
        start,
      ),
    );
    const leaks = ctx.units.hexagons.flatMap((h) => h.leaks).map((l) => `${l.from}->${l.to}`);
    assert.deepEqual(leaks.sort(), [
      'src/domain/order.ts->src/infrastructure/db.ts',
      'src/domain/order.ts->typeorm',
    ]);
  });
});
