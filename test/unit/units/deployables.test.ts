import * as assert from 'node:assert/strict';
import type { ComposeService, Manifest } from '../../../src/core/model';
import { classifyImage } from '../../../src/core/units';
import { findDeployables } from '../../../src/core/units/deployables';
import { buildModel, packageJson } from '../detect/support/build-model';
import { parseDockerfile } from '../../../src/core/manifests/dockerfile';
import { parseCompose } from '../../../src/core/manifests/compose';
import { createManifestContext } from '../../../src/core/manifests/context';

function service(name: string, fields: Partial<ComposeService> = {}): ComposeService {
  return { name, ports: [], dependsOn: [], environment: {}, ...fields };
}

describe('units: deployables', () => {
  it('tells infrastructure images apart from the workspace’s own services', () => {
    assert.equal(classifyImage('postgres:16'), 'database');
    assert.equal(classifyImage('bitnami/kafka:3.7'), 'broker');
    assert.equal(classifyImage('docker.elastic.co/elasticsearch/elasticsearch:8.13.0'), 'search');
    assert.equal(classifyImage('localstack/localstack:3'), 'cloud-emulator');
    assert.equal(classifyImage('eventstore/eventstore:23.10.0'), 'event-store');
    assert.equal(classifyImage('nginx:1.27'), 'gateway');
    assert.equal(classifyImage('mongo-express'), 'tooling');
    assert.equal(classifyImage('acme/orders:1.2.0'), undefined);
  });

  it('counts one service when compose only starts the database next to the app', () => {
    const manifests: Manifest[] = [
      packageJson('package.json', {
        name: 'app',
        scripts: { start: 'node dist/main.js' },
        dependencies: { express: '4' },
      }),
      {
        kind: 'compose',
        file: 'docker-compose.yml',
        services: [
          service('postgres', { image: 'postgres:16', line: 2 }),
          service('redis', { image: 'redis:7', line: 4 }),
        ],
      },
    ];
    const found = findDeployables(buildModel({ 'src/main.ts': [] }, manifests));
    assert.deepEqual(
      found.services.map((s) => s.path),
      ['.'],
    );
    assert.deepEqual(
      found.backing.map((b) => `${b.name}:${b.category}`),
      ['postgres:database', 'redis:cache'],
    );
  });

  it('merges a package, its Dockerfile and its compose service into one service per folder', () => {
    const manifests: Manifest[] = [
      packageJson('package.json', {
        name: 'shop',
        workspaces: ['services/*'],
        scripts: { start: 'docker compose up' },
      }),
      packageJson('services/orders/package.json', {
        name: 'orders',
        scripts: { start: 'node dist/index.js' },
      }),
      packageJson('services/billing/package.json', {
        name: 'billing',
        scripts: { start: 'node dist/index.js' },
      }),
      {
        kind: 'dockerfile',
        file: 'services/orders/Dockerfile',
        baseImages: ['node:20'],
        exposedPorts: [3000],
      },
      {
        kind: 'compose',
        file: 'docker-compose.yml',
        services: [
          service('orders', { buildContext: 'services/orders' }),
          service('billing', { buildContext: 'services/billing' }),
          service('kafka', { image: 'confluentinc/cp-kafka:7.6.0' }),
        ],
      },
    ];
    const found = findDeployables(
      buildModel({ 'services/orders/src/index.ts': [], 'services/billing/src/index.ts': [] }, manifests),
    );
    assert.deepEqual(
      found.services.map((s) => `${s.name}@${s.path}`),
      ['billing@services/billing', 'orders@services/orders'],
    );
    assert.equal(found.services.find((s) => s.name === 'orders')?.deployables.length, 3);
    assert.deepEqual(
      found.backing.map((b) => b.category),
      ['broker'],
    );
  });

  it('does not make a library, a front-end app or a local function emulator a service', () => {
    const manifests: Manifest[] = [
      packageJson('packages/lib/package.json', { name: 'lib', main: 'dist/index.js' }),
      packageJson('apps/web/package.json', {
        name: 'web',
        scripts: { start: 'vite preview' },
        dependencies: { react: '18' },
        devDependencies: { vite: '5' },
      }),
      packageJson('fn/package.json', { name: 'fn', scripts: { start: 'serverless offline' } }),
      {
        kind: 'serverless',
        file: 'fn/serverless.yml',
        functions: [
          { name: 'create', events: ['http'], handlerFile: 'fn/src/create.ts', line: 9 },
          { name: 'drain', events: ['sqs'] },
        ],
      },
    ];
    const found = findDeployables(
      buildModel(
        { 'packages/lib/src/index.ts': [], 'apps/web/src/main.tsx': [], 'fn/src/create.ts': [] },
        manifests,
      ),
    );
    assert.deepEqual(found.services, []);
    assert.deepEqual(
      found.webApps.map((w) => w.name),
      ['web'],
    );
    assert.deepEqual(
      found.functions.map((f) => `${f.name}:${(f.triggers ?? []).join(',')}@${f.path}`),
      ['create:http@fn/src', 'drain:sqs@fn'],
    );
  });

  it('keeps every Procfile process of one codebase in one service', () => {
    const manifests: Manifest[] = [
      {
        kind: 'procfile',
        file: 'Procfile',
        processes: [
          { name: 'web', command: 'node web.js', line: 1 },
          { name: 'worker', command: 'node worker.js', line: 2 },
        ],
      },
    ];
    const found = findDeployables(buildModel({ 'web.js': [], 'worker.js': [] }, manifests));
    assert.equal(found.services.length, 1);
    assert.deepEqual(
      found.services[0]?.deployables.map((d) => d.name),
      ['web', 'worker'],
    );
  });

  it('a Procfile in a sub-folder with no package or image of its own lists processes of the app around it', () => {
    const manifests: Manifest[] = [
      packageJson('package.json', { name: 'wiki', scripts: { start: 'node build/server/index.js' } }),
      { kind: 'dockerfile', file: 'Dockerfile', baseImages: ['node:20'], exposedPorts: [3000] },
      {
        kind: 'procfile',
        file: 'server/collab/Procfile',
        processes: [{ name: 'collab', command: 'node collab.js', line: 1 }],
      },
    ];
    const files = { 'server/index.ts': [], 'server/collab/collab.ts': [] };
    const found = findDeployables(buildModel(files, manifests));
    assert.deepEqual(
      found.services.map((s) => [s.path, s.deployables.map((d) => d.kind).sort()]),
      [['.', ['dockerfile', 'package', 'procfile']]],
    );
    // With a package of its own, the sub-folder is a codebase of its own.
    const own = findDeployables(
      buildModel(files, [...manifests, packageJson('server/collab/package.json', { name: 'collab' })]),
    );
    assert.equal(own.services.length, 2);
  });

  it('compose: a service built from a database image is backing; a deep plain Dockerfile names the service folder', () => {
    const manifests: Manifest[] = [
      {
        kind: 'dockerfile',
        file: 'src/Database/Dockerfile',
        baseImages: ['mcr.microsoft.com/mssql/server:2022-latest'],
        exposedPorts: [],
      },
      {
        kind: 'dockerfile',
        file: 'src/Dockerfile',
        baseImages: ['mcr.microsoft.com/dotnet/aspnet:8.0'],
        exposedPorts: [],
      },
      {
        kind: 'dockerfile',
        file: 'src/Orders/Command/Dockerfile',
        baseImages: ['mcr.microsoft.com/dotnet/aspnet:8.0'],
        exposedPorts: [],
      },
      {
        kind: 'dockerfile',
        file: 'src/Orders/Query/Dockerfile',
        baseImages: ['mcr.microsoft.com/dotnet/aspnet:8.0'],
        exposedPorts: [],
      },
      {
        kind: 'compose',
        file: 'docker-compose.yml',
        services: [
          service('backend', { buildContext: 'src' }),
          service('appdb', { buildContext: 'src/Database' }),
          service('migrator', { buildContext: 'src', dockerfile: 'src/Database/Dockerfile_Migrator' }),
          service('orders-command', { buildContext: '.', dockerfile: 'src/Orders/Command/Dockerfile' }),
          service('orders-query', { buildContext: '.', dockerfile: 'src/Orders/Query/Dockerfile' }),
        ],
      },
    ];
    const found = findDeployables(buildModel({ 'src/Program.cs': [] }, manifests));
    assert.deepEqual(
      found.services.map((s) => [s.path, s.deployables.map((d) => d.name).sort()]),
      [
        ['src', ['backend', 'migrator', 'src']],
        ['src/Orders/Command', ['orders-command']],
        ['src/Orders/Query', ['orders-query']],
      ],
    );
    assert.deepEqual(
      found.backing.map((b) => [b.name, b.category]),
      [['appdb', 'database']],
    );
  });

  it('compose: a Dockerfile named for its folder (`apps/web/Dockerfile.web`) names the service folder', () => {
    const manifests: Manifest[] = [
      packageJson('package.json', { name: 'root', scripts: { dev: 'turbo run dev' } }),
      packageJson('apps/web/package.json', { name: 'web', dependencies: { next: '15', react: '19' } }),
      packageJson('apps/live/package.json', { name: 'live', dependencies: { express: '5' } }),
      {
        kind: 'compose',
        file: 'docker-compose.yml',
        services: [
          service('web', { buildContext: '.', dockerfile: 'apps/web/Dockerfile.web' }),
          service('live', { buildContext: '.', dockerfile: 'apps/live/live.Dockerfile' }),
          service('proxy', { buildContext: '.', dockerfile: 'apps/live/Dockerfile.proxy' }),
        ],
      },
    ];
    const found = findDeployables(buildModel({ 'apps/live/src/server.ts': [] }, manifests));
    assert.deepEqual(
      found.services.map((s) => [s.path, s.deployables.map((d) => d.name)]),
      [
        ['.', ['proxy']],
        ['apps/live', ['live']],
      ],
    );
    assert.deepEqual(
      found.webApps.map((d) => [d.path, d.name]),
      [['apps/web', 'web']],
    );
  });

  it('compose: services built from target stages of one root Dockerfile are the programs those stages build', () => {
    const dockerfile = [
      'FROM node:22 AS base',
      'WORKDIR /usr/src/app',
      'COPY pnpm-lock.yaml .',
      'COPY . .',
      'RUN pnpm install',
      'FROM base AS api_builder',
      'WORKDIR packages/api',
      'RUN pnpm build',
      'FROM golang:1.23 AS static_builder',
      'COPY packages/web/server /src',
      'RUN go build -o /bin/static /src',
      'FROM base AS web_builder',
      'WORKDIR /usr/src/app/packages/web',
      'RUN pnpm generate',
      'FROM node:22-alpine AS api',
      'COPY --from=api_builder /usr/src/app/packages/api/dist /srv/api',
      'CMD ["node", "/srv/api/main.js"]',
      'FROM node:22-alpine AS web',
      'COPY --from=static_builder /bin/static /usr/local/bin/static',
      'COPY --from=web_builder /usr/src/app/packages/web/dist /site',
      'FROM node:22-alpine AS aio',
      'COPY --from=api_builder /usr/src/app/packages/api/dist /srv/api',
      'COPY --from=web_builder /usr/src/app/packages/web/dist /site',
      'COPY aio_run.mjs /srv/aio_run.mjs',
    ].join('\n');
    const compose = [
      'services:',
      '  api:',
      '    build: { context: ., dockerfile: prod.Dockerfile, target: api }',
      '  web:',
      '    build: { context: ., dockerfile: prod.Dockerfile, target: web }',
      '  aio:',
      '    build: { context: ., dockerfile: prod.Dockerfile, target: aio }',
      '  migrate:',
      '    build: { context: ., dockerfile: prod.Dockerfile, target: api }',
      '    command: pnpm prisma migrate deploy',
    ].join('\n');
    const ctx = createManifestContext({ files: [], readText: () => undefined });
    const manifests: Manifest[] = [
      packageJson('package.json', { name: 'root', scripts: { dev: 'turbo run dev' } }),
      packageJson('packages/api/package.json', { name: 'api', dependencies: { '@nestjs/core': '11' } }),
      packageJson('packages/web/package.json', { name: 'web', dependencies: { vue: '3' } }),
      parseDockerfile('prod.Dockerfile', dockerfile, ctx)!,
      parseCompose('docker-compose.yml', compose, ctx)!,
    ];
    const found = findDeployables(
      buildModel(
        { 'packages/api/src/main.ts': [], 'packages/web/server/main.go': [], 'aio_run.mjs': [] },
        manifests,
      ),
      ['packages/web/server'],
    );
    // One backend: the api stage, the all-in-one image and the migration job all run `packages/api`;
    // the web stage's Go server lives inside the front end it serves.
    assert.deepEqual(
      found.services.map((s) => [s.path, s.deployables.map((d) => d.name).sort()]),
      [['packages/api', ['aio', 'api', 'migrate']]],
    );
    assert.deepEqual(
      found.webApps.map((d) => [d.path, d.name]),
      [['packages/web', 'web']],
    );
    assert.match(
      found.services[0]?.deployables.find((d) => d.name === 'aio')?.source.message ?? '',
      /stage `aio` of `prod.Dockerfile`, built from `packages\/api` \(with `packages\/web`\)/,
    );
  });
});
