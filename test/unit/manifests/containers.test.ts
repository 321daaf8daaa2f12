import assert from 'node:assert/strict';
import {
  parseCompose,
  parseDockerfile,
  parseHelmChart,
  parseKubernetes,
  parsePackageJson,
  parseProcfile,
  untemplate,
} from '../../../src/core/manifests';
import { fixtureContext, memoryContext } from './fixture-workspace';

describe('manifests: packages and containers', () => {
  it('reads a root package.json with Yarn {packages} workspaces and merges pnpm-workspace.yaml', () => {
    const ctx = fixtureContext('monorepo');
    const manifest = parsePackageJson('package.json', ctx.text('package.json'), ctx);
    assert.deepEqual(manifest, {
      kind: 'package-json',
      file: 'package.json',
      name: 'shop',
      version: '1.0.0',
      private: true,
      bin: {},
      scripts: { build: 'turbo run build', test: 'vitest' },
      dependencies: {},
      devDependencies: { turbo: '^2.0.0', typescript: '~5.6.0' },
      workspaces: ['packages/*', 'tools/*', '!**/test/**'],
    });
    assert.deepEqual(ctx.warnings, []);
  });

  it('names a string bin after the unscoped package name and keeps main, scripts and dependencies', () => {
    const ctx = fixtureContext('monorepo');
    const manifest = parsePackageJson(
      'packages/api/package.json',
      ctx.text('packages/api/package.json'),
      ctx,
    );
    assert.equal(manifest?.main, 'dist/index.js');
    assert.deepEqual(manifest?.bin, { api: 'dist/cli.js' });
    assert.equal(manifest?.scripts['start'], 'node dist/index.js');
    assert.deepEqual(Object.keys(manifest?.dependencies ?? {}), ['express', 'kafkajs', '@shop/shared']);
    assert.deepEqual(manifest?.workspaces, []);
  });

  it('reads the array form of workspaces (npm, Bun) and a bin map', () => {
    const ctx = memoryContext({});
    const manifest = parsePackageJson(
      'package.json',
      '{"name":"tools","workspaces":["apps/*","packages/*"],"bin":{"a":"./a.js","b":"./b.js"}}',
      ctx,
    );
    assert.deepEqual(manifest?.workspaces, ['apps/*', 'packages/*']);
    assert.deepEqual(manifest?.bin, { a: './a.js', b: './b.js' });
  });

  it('reads every stage of a multi-stage Dockerfile, skipping continuations, comments in them and heredoc bodies', () => {
    const ctx = fixtureContext('monorepo');
    const manifest = parseDockerfile('packages/api/Dockerfile', ctx.text('packages/api/Dockerfile'), ctx);
    assert.deepEqual(manifest, {
      kind: 'dockerfile',
      file: 'packages/api/Dockerfile',
      baseImages: ['node:20-alpine', 'gcr.io/distroless/nodejs20-debian12'],
      stages: [
        {
          image: 'node:20-alpine',
          name: 'build',
          line: 2,
          workdirs: ['/app'],
          copies: [{ sources: ['package.json', 'pnpm-lock.yaml'], dest: '/app' }],
        },
        {
          image: 'gcr.io/distroless/nodejs20-debian12',
          name: 'runtime',
          line: 14,
          copies: [{ from: 'build', sources: ['/app/dist'], dest: '/app' }],
        },
      ],
      exposedPorts: [3000, 9229],
      command: '["dist/index.js"]',
    });
  });

  it('keeps the last CMD or ENTRYPOINT, joined across continuation lines', () => {
    const text =
      'FROM python:3.12\nENTRYPOINT ["gunicorn"]\nCMD gunicorn app:wsgi \\\n  --bind 0.0.0.0:8000\nEXPOSE ${PORT} 8000\n';
    const manifest = parseDockerfile('Dockerfile.prod', text, memoryContext({}));
    assert.equal(manifest?.command, 'gunicorn app:wsgi --bind 0.0.0.0:8000');
    assert.deepEqual(manifest?.exposedPorts, [8000]);
  });

  it('reads compose services: build objects made root-relative, long ports, depends_on maps, env lists, merge keys, lines', () => {
    const ctx = fixtureContext('monorepo');
    const manifest = parseCompose('docker-compose.yml', ctx.text('docker-compose.yml'), ctx);
    assert.deepEqual(manifest?.services[0], {
      name: 'api',
      line: 7,
      buildContext: 'packages/api',
      dockerfile: 'packages/api/Dockerfile',
      ports: ['3000:3000', '9229:9229'],
      dependsOn: ['postgres', 'kafka'],
      environment: {
        DATABASE_URL: 'postgres://shop:shop@postgres:5432/shop',
        KAFKA_BROKERS: 'kafka:9092',
        NODE_ENV: '',
      },
    });
    assert.deepEqual(
      manifest?.services.map((service) => [service.name, service.line, service.image, service.buildContext]),
      [
        ['api', 7, undefined, 'packages/api'],
        ['worker', 25, undefined, 'packages/worker'],
        ['postgres', 30, 'postgres:16', undefined],
        ['kafka', 33, 'bitnami/kafka:3.7', undefined],
      ],
    );
    assert.deepEqual(manifest?.services[1]?.environment, { CONCURRENCY: '4' });
    assert.deepEqual(manifest?.services[2]?.ports, ['5432']);
  });

  it('makes a compose build context in a sub-folder relative to the workspace root', () => {
    const manifest = parseCompose(
      'deploy/compose.yaml',
      'services:\n  web:\n    build:\n      context: ../apps/web\n      dockerfile: docker/Dockerfile\n',
      memoryContext({}),
    );
    assert.equal(manifest?.services[0]?.buildContext, 'apps/web');
    assert.equal(manifest?.services[0]?.dockerfile, 'apps/web/docker/Dockerfile');
  });

  it('reads Kubernetes workloads and Services from a multi-document file, with images and lines', () => {
    const ctx = fixtureContext('monorepo');
    const manifest = parseKubernetes('deploy/k8s/orders.yaml', ctx.text('deploy/k8s/orders.yaml'), ctx);
    assert.deepEqual(manifest?.resources, [
      {
        kind: 'Deployment',
        name: 'orders',
        line: 2,
        images: ['ghcr.io/shop/orders-migrate:1.4.0', 'ghcr.io/shop/orders:1.4.0'],
      },
      { kind: 'Service', name: 'orders', line: 19, images: [] },
      { kind: 'CronJob', name: 'nightly-report', line: 27, images: ['ghcr.io/shop/report:2.0.0'] },
    ]);
  });

  it('reads the items of a kind: List and ignores files with no workload', () => {
    const ctx = memoryContext({});
    const list =
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: StatefulSet\n    metadata: { name: db }\n    spec:\n      template:\n        spec:\n          containers: [{ name: db, image: "postgres:16" }]\n';
    assert.deepEqual(parseKubernetes('list.yaml', list, ctx)?.resources, [
      { kind: 'StatefulSet', name: 'db', line: 5, images: ['postgres:16'] },
    ]);
    assert.equal(
      parseKubernetes('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n', ctx),
      undefined,
    );
  });

  it('reads a Helm chart: templates with {{ }} are read with values.yaml, the unreadable ones skipped quietly', () => {
    const ctx = fixtureContext('monorepo');
    const manifest = parseHelmChart('charts/orders/Chart.yaml', ctx.text('charts/orders/Chart.yaml'), ctx);
    assert.deepEqual(manifest, {
      kind: 'helm-chart',
      file: 'charts/orders/Chart.yaml',
      name: 'orders',
      resources: [
        {
          kind: 'Deployment',
          name: 'orders',
          line: 3,
          images: ['ghcr.io/shop/orders:1.16.0'],
          file: 'charts/orders/templates/deployment.yaml',
        },
        {
          kind: 'Service',
          name: 'orders',
          line: 2,
          images: [],
          file: 'charts/orders/templates/service.yaml',
        },
      ],
    });
    assert.deepEqual(ctx.warnings, [], 'broken.yaml and hpa.yaml are beyond a static reading, not malformed');
  });

  it('untemplates line for line: control lines blank, expressions replaced', () => {
    const text =
      '{{- if .Values.on }}\nname: {{ .Release.Name }}-api\nimage: "{{ .Values.image }}"\n{{- end }}\n';
    assert.equal(untemplate(text), '\nname: TEMPLATED-api\nimage: "TEMPLATED"\n\n');
  });

  it('reads a Procfile', () => {
    const ctx = fixtureContext('monorepo');
    assert.deepEqual(parseProcfile('Procfile', ctx.text('Procfile'), ctx), {
      kind: 'procfile',
      file: 'Procfile',
      processes: [
        { name: 'web', command: 'node packages/api/dist/index.js', line: 2 },
        { name: 'worker', command: 'node packages/worker/dist/main.js --queue orders', line: 3 },
      ],
    });
  });
});
