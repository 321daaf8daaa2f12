import * as assert from 'node:assert/strict';
import { detectPatterns } from '../../../src/core/detect';
import type { ComposeManifest, DockerfileManifest, Manifest } from '../../../src/core/model';
import { buildModel, contextOf, packageJson } from '../detect/support/build-model';

function dockerfile(file: string, baseImages: readonly string[] = ['node:22']): DockerfileManifest {
  return { kind: 'dockerfile', file, baseImages, exposedPorts: [] };
}

function compose(file: string, services: ComposeManifest['services']): ComposeManifest {
  return { kind: 'compose', file, services };
}

function composeService(name: string, fields: Partial<ComposeManifest['services'][number]>) {
  return { name, ports: [], dependsOn: [], environment: {}, ...fields };
}

function unitsOf(files: Readonly<Record<string, readonly string[]>>, manifests: readonly Manifest[]) {
  return contextOf(buildModel(files, manifests)).units;
}

const api = {
  'apps/api/src/main.ts': ['express', 'apps/api/src/routes.ts'],
  'apps/api/src/routes.ts': ['express'],
};

describe('units: which things that start are backend services', () => {
  it('an image folder with no code of its own (a base, demo or tool image) is not a service', () => {
    const units = unitsOf(api, [
      packageJson('apps/api/package.json', { scripts: { start: 'node dist/main.js' } }),
      dockerfile('apps/api/Dockerfile'),
      dockerfile('docker/base/Dockerfile', ['debian:12']),
      dockerfile('docker/demo/Dockerfile', ['ubuntu:24.04']),
    ]);
    assert.deepEqual(
      units.services.map((s) => s.path),
      ['apps/api'],
    );
    assert.deepEqual(
      units.notServices.map((n) => [n.path, n.reason]),
      [
        ['docker/base', 'no-backend-code'],
        ['docker/demo', 'no-backend-code'],
      ],
    );
  });

  it('a root image beside a program below it, whose other code that program imports, is that program', () => {
    const files = {
      'cmd/photos/main.go': ['internal/server/server.go'],
      'internal/server/server.go': ['github.com/gin-gonic/gin', 'internal/store/store.go'],
      'internal/store/store.go': ['database/sql'],
    };
    const manifests: Manifest[] = [
      dockerfile('Dockerfile', ['golang:1.23']),
      compose('compose.yaml', [composeService('photos', { image: 'acme/photos:latest', line: 2 })]),
      dockerfile('cmd/photos/Dockerfile', ['golang:1.23']),
    ];
    const units = unitsOf(files, manifests);
    assert.deepEqual(
      units.services.map((s) => s.path),
      ['cmd/photos'],
    );
    assert.deepEqual(
      units.notServices.map((n) => [n.path, n.reason]),
      [['.', 'all-in-one']],
    );
    // Code of its own that the program does not import keeps the root a service.
    const more = unitsOf({ ...files, 'internal/admin/admin.go': ['github.com/gin-gonic/gin'] }, manifests);
    assert.deepEqual(
      more.services.map((s) => s.path),
      ['.', 'cmd/photos'],
    );
  });

  it('an image built at the root that only bundles the services below it is an all-in-one image', () => {
    const units = unitsOf({ ...api, 'web/src/main.tsx': ['react-dom'] }, [
      packageJson('apps/api/package.json', { scripts: { start: 'node dist/main.js' } }),
      packageJson('web/package.json', { dependencies: { 'react-dom': '19' }, scripts: { start: 'vite' } }),
      dockerfile('apps/api/Dockerfile'),
      dockerfile('Dockerfile'),
    ]);
    assert.deepEqual(
      units.services.map((s) => s.path),
      ['apps/api'],
    );
    const aio = units.notServices.find((n) => n.path === '.');
    assert.equal(aio?.reason, 'all-in-one');
    assert.match(aio?.message ?? '', /bundles `apps\/api`/);
  });

  it('a package per module of one app is a module of that app, not a service', () => {
    const units = unitsOf(
      {
        'src/main.ts': ['express', 'src/modules/booking/index.ts', 'src/modules/review/index.ts'],
        'src/modules/booking/index.ts': ['express'],
        'src/modules/review/index.ts': ['express'],
      },
      [
        packageJson('package.json', {
          scripts: { start: 'node dist/main.js' },
          dependencies: { express: '5' },
        }),
        packageJson('src/modules/booking/package.json', { main: 'index.js', dependencies: { express: '5' } }),
        packageJson('src/modules/review/package.json', { main: 'index.js', dependencies: { express: '5' } }),
      ],
    );
    assert.deepEqual(
      units.services.map((s) => s.path),
      ['.'],
    );
    assert.deepEqual(
      units.notServices.map((n) => [n.path, n.reason]),
      [
        ['src/modules/booking', 'library'],
        ['src/modules/review', 'library'],
      ],
    );
  });

  it('a compose service whose Dockerfile folder holds no code runs the code of its build context', () => {
    const units = unitsOf({ 'src/main.ts': ['express'] }, [
      packageJson('package.json', { dependencies: { express: '5' } }),
      compose('docker-compose.yml', [
        composeService('api', { buildContext: '.', dockerfile: 'deploy/api/Dockerfile' }),
      ]),
      dockerfile('deploy/api/Dockerfile'),
    ]);
    assert.deepEqual(
      units.services.map((s) => [s.path, s.deployables.map((d) => d.kind)]),
      [['.', ['compose-service']]],
    );
  });

  it('a development container compose file does not add services', () => {
    const units = unitsOf({ 'src/main.ts': ['express'] }, [
      packageJson('package.json', { scripts: { start: 'node src/main.js' } }),
      compose('.devcontainer/docker-compose.yml', [composeService('app', { buildContext: '.devcontainer' })]),
    ]);
    assert.deepEqual(
      units.services.map((s) => s.path),
      ['.'],
    );
  });

  it('images named like a program folder (Go `cmd/<name>`) are that program, so a one-Dockerfile Go system has its services', () => {
    const main = 'package main\n\nfunc main() {}\n';
    const model = buildModel(
      { 'cmd/users/main.go': [], 'cmd/billing/main.go': [], 'internal/users/service.go': [] },
      [
        dockerfile('docker/Dockerfile', ['golang:1.24', 'scratch']),
        compose('docker/docker-compose.yml', [
          composeService('users', { image: 'ghcr.io/acme/platform/users:latest' }),
          composeService('billing', { image: 'ghcr.io/acme/platform/billing:1.2' }),
        ]),
      ],
    );
    const ctx = contextOf(model, { texts: { 'cmd/users/main.go': main, 'cmd/billing/main.go': main } });
    assert.deepEqual(
      ctx.units.services.map((s) => s.path),
      ['cmd/billing', 'cmd/users'],
    );
    assert.ok(ctx.units.notServices.some((n) => n.path === 'docker' && n.reason === 'no-backend-code'));
  });

  it('a command-line tool whose package has a start script is not a backend service', () => {
    const model = buildModel(
      {
        'apps/api/src/main.ts': ['express'],
        'packages/cli/src/index.ts': ['commander'],
        'packages/cli/tsup.config.ts': [],
      },
      [
        packageJson('apps/api/package.json', {
          scripts: { start: 'node dist/main.js' },
          dependencies: { express: '5' },
        }),
        packageJson('packages/cli/package.json', {
          bin: { tool: 'dist/index.js' },
          scripts: { start: 'node dist/index.js' },
          dependencies: { commander: '14' },
        }),
      ],
    );
    const units = contextOf(model).units;
    assert.deepEqual(
      units.services.map((s) => s.path),
      ['apps/api'],
    );
    assert.deepEqual(
      units.notServices.map((n) => [n.path, n.reason, n.message]),
      [['packages/cli', 'not-backend', '`packages/cli` is a command-line tool, not a backend service']],
    );
  });

  it('one Python program with no deployment manifest is a monolith', () => {
    const model = buildModel({ 'manage.py': [], 'shop/views.py': [], 'shop/models.py': [] });
    const ctx = contextOf(model, {
      texts: { 'manage.py': 'import sys\nif __name__ == "__main__":\n    main()\n' },
    });
    const monolith = detectPatterns(ctx).patterns.find((p) => p.id === 'monolith');
    assert.equal(monolith?.verdict, 'yes');
    assert.match(monolith?.evidence[0]?.message ?? '', /One backend program: `\.`/);
  });

  it('a browser or load-test runner image is not a service: it runs tests against the system', () => {
    const units = unitsOf({ ...api, 'e2e/tests/login.spec.ts': ['@playwright/test'] }, [
      packageJson('apps/api/package.json', { scripts: { start: 'node dist/main.js' } }),
      compose('compose.override.yml', [
        composeService('api', { buildContext: 'apps/api', dockerfile: 'apps/api/Dockerfile', line: 2 }),
        composeService('playwright', {
          buildContext: '.',
          dockerfile: 'frontend/Dockerfile.playwright',
          line: 9,
        }),
      ]),
    ]);
    assert.deepEqual(
      units.services.map((s) => s.path),
      ['apps/api'],
    );
    assert.deepEqual(
      units.notServices.map((n) => [n.name, n.reason, n.message]),
      [
        [
          'playwright',
          'test-runner',
          '`playwright` runs tests against the system (`frontend/Dockerfile.playwright`), it is not part of it',
        ],
      ],
    );
  });

  it('a compose service that starts only under a profile of what does not ship is set aside', () => {
    const manifests = (profiles: readonly string[]) => [
      packageJson('apps/api/package.json', { scripts: { start: 'node dist/main.js' } }),
      packageJson('apps/legacy/package.json', { dependencies: { express: '4' } }),
      compose('docker-compose.yml', [
        composeService('api', { buildContext: 'apps/api', line: 2 }),
        composeService('legacy', { buildContext: 'apps/legacy', line: 6, profiles }),
      ]),
    ];
    const files = { ...api, 'apps/legacy/src/main.ts': ['express'] };
    const deprecated = unitsOf(files, manifests(['deprecated']));
    assert.deepEqual(
      deprecated.notServices.map((n) => [n.name, n.reason]),
      [['legacy', 'not-shipped']],
    );
    assert.ok(!deprecated.services.some((s) => s.path === 'apps/legacy'));
    assert.equal(
      deprecated.notServices[0]?.message,
      '`legacy` starts only under the compose profile `deprecated`: not part of the system that ships',
    );
    // A profile that ships (`production`, `default`) changes nothing.
    const shipped = unitsOf(files, manifests(['default']));
    assert.deepEqual(shipped.services.map((s) => s.path).sort(), ['apps/api', 'apps/legacy']);
  });
});
