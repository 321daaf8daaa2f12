import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  classifyManifestFile,
  isManifestCandidate,
  parseAspireAppHost,
  parseManifests,
} from '../../../src/core/manifests';
import type { AspireAppHostManifest } from '../../../src/core/model';
import { findDeployables } from '../../../src/core/units/deployables';
import { buildModel } from '../detect/support/build-model';
import { memoryContext } from './fixture-workspace';

const FIXTURE = path.join(process.cwd(), 'test/fixtures/workspaces/micro-aspire-orders');

function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
      else files[rel] = readFileSync(path.join(dir, entry.name), 'utf8');
    }
  };
  walk(FIXTURE, '');
  return files;
}

function appHost(): AspireAppHostManifest {
  const files = fixtureFiles();
  const file = 'src/AppHost/AppHost.csproj';
  const manifest = parseAspireAppHost(file, files[file] ?? '', memoryContext(files));
  assert.ok(manifest, 'the app host project is read');
  return manifest;
}

describe('manifests: .NET Aspire app hosts', () => {
  it('reads the projects, apps, containers and integrations the app host adds, with lines and references', () => {
    const byName = new Map(appHost().resources.map((r) => [r.name, r]));
    assert.deepEqual([...byName.keys()].sort(), [
      'billing-worker',
      'mail',
      'messaging',
      'orders-api',
      'postgres',
      'shipping-api',
      'web',
    ]);
    // `Projects.Orders_Api` through the app host's <ProjectReference>; `Projects.Shipping_Api` by the
    // project present in the workspace; a path given as the second argument.
    assert.deepEqual(byName.get('orders-api'), {
      name: 'orders-api',
      kind: 'project',
      file: 'src/AppHost/Program.cs',
      line: 11,
      what: 'Projects.Orders_Api',
      folder: 'src/Orders.Api',
      references: ['postgres/ordersdb', 'messaging'],
    });
    assert.equal(byName.get('shipping-api')?.folder, 'src/Shipping.Api');
    assert.equal(byName.get('billing-worker')?.folder, 'src/Billing.Worker');
    // A later `billing.WithReference(…)` adds to the resource the variable holds.
    assert.deepEqual(byName.get('billing-worker')?.references, ['messaging', 'orders-api']);
    assert.deepEqual(
      { kind: byName.get('web')?.kind, folder: byName.get('web')?.folder },
      { kind: 'node-app', folder: 'web' },
    );
    assert.deepEqual(
      {
        kind: byName.get('messaging')?.kind,
        what: byName.get('messaging')?.what,
        line: byName.get('messaging')?.line,
      },
      { kind: 'integration', what: 'AddRabbitMQ', line: 4 },
    );
    assert.equal(byName.get('mail')?.image, 'axllent/mailpit');
  });

  it('skips what a comment holds and project files that are no app host', () => {
    assert.ok(
      !appHost().resources.some((r) => r.name === 'legacy-api'),
      'the commented-out project is not read',
    );
    const files = fixtureFiles();
    const ctx = memoryContext(files);
    assert.equal(
      parseAspireAppHost(
        'src/Orders.Api/Orders.Api.csproj',
        files['src/Orders.Api/Orders.Api.csproj'] ?? '',
        ctx,
      ),
      undefined,
    );
    assert.equal(classifyManifestFile('src/AppHost/AppHost.csproj'), 'csproj');
    assert.ok(
      isManifestCandidate('src/AppHost/Program.cs'),
      'editing the app host program re-reads the manifests',
    );
  });

  it('makes each program a service with the variables Aspire gives it, and each integration a backing service', () => {
    const files = fixtureFiles();
    const { manifests } = parseManifests({ files: Object.keys(files), readText: (f) => files[f] });
    const sources = Object.fromEntries(Object.keys(files).map((file) => [file, []]));
    const found = findDeployables(buildModel(sources, manifests));
    assert.deepEqual(
      found.services.map((s) => [s.name, s.path]),
      [
        ['billing-worker', 'src/Billing.Worker'],
        ['orders-api', 'src/Orders.Api'],
        ['shipping-api', 'src/Shipping.Api'],
      ],
    );
    assert.deepEqual(
      found.webApps.map((w) => [w.name, w.path]),
      [['web', 'web']],
      'the React app the host starts is a front end',
    );
    assert.deepEqual(found.backing.map((b) => [b.name, b.category]).sort(), [
      ['mail', 'tooling'],
      ['messaging', 'broker'],
      ['postgres', 'database'],
    ]);
    const billing = found.services.find((s) => s.name === 'billing-worker')?.deployables[0];
    assert.deepEqual(billing?.environment, {
      ConnectionStrings__messaging: 'rabbitmq://messaging',
      'services__orders-api__http__0': 'http://orders-api',
    });
  });
});
