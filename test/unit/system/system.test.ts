import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeWorkspace, detectArchitecture } from '../../../src/core';
import { detectPatterns } from '../../../src/core/detect';
import { startedBy } from '../../../src/core/system/script-commands';
import { sourceFileOf } from '../../../src/core/system/source-file';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';
import { buildModel, contextOf, packageJson } from '../detect/support/build-model';

const fixtures = path.resolve(__dirname, '../../../../test/fixtures/workspaces');

function detectFixture(name: string) {
  const fs = new NodeFileSystem();
  return detectArchitecture(fs, analyzeWorkspace(fs, toPosixPath(path.join(fixtures, name))));
}

describe('system: entry points, parts and roles', () => {
  it('reads what npm scripts and commands start, flags and env assignments aside', () => {
    assert.deepEqual(startedBy('NODE_ENV=production node --enable-source-maps dist/main.js'), [
      { kind: 'file', path: 'dist/main.js' },
    ]);
    assert.deepEqual(startedBy('npm run build && tsx watch src/server.ts'), [
      { kind: 'file', path: 'src/server.ts' },
    ]);
    assert.deepEqual(startedBy('cross-env PORT=3000 next start'), [{ kind: 'framework', framework: 'next' }]);
    assert.deepEqual(startedBy('turbo run dev --parallel'), []);
  });

  it('maps a build output to the source it was compiled from', () => {
    const files = new Set(['apps/api/src/main.ts', 'packages/cli/src/index.ts', 'tool/run.js']);
    assert.equal(sourceFileOf('apps/api', 'dist/main.js', files), 'apps/api/src/main.ts');
    assert.equal(sourceFileOf('packages/cli', './dist/index.js', files), 'packages/cli/src/index.ts');
    assert.equal(sourceFileOf('tool', 'run.js', files), 'tool/run.js');
    assert.equal(sourceFileOf('tool', 'dist/missing.js', files), undefined);
  });

  it('a monorepo: the API is a service, the React app a web front end, the commander tool a CLI, scripts tooling', () => {
    const result = detectFixture('system-monorepo-web-api-cli');
    const roles = Object.fromEntries(result.system.parts.map((p) => [p.path, p.role]));
    assert.deepEqual(roles, { 'apps/api': 'service', 'apps/web': 'web-frontend', 'packages/shopctl': 'cli' });
    const api = result.system.parts.find((p) => p.path === 'apps/api');
    assert.deepEqual(api?.entryPoints, ['apps/api/src/main.ts']);
    assert.equal(api?.files, 8);
    assert.deepEqual(
      result.system.setAside.map((s) => [s.path, s.role]),
      [
        ['apps/web', 'web-frontend'],
        ['packages/shopctl', 'cli'],
        ['scripts', 'tooling'],
      ],
    );
    assert.match(
      result.system.setAside[0]?.message ?? '',
      /`apps\/web` — web front end \(\d+ files\): not scored/,
    );
    // The front end's views, query hooks and command helpers, and the CLI's commands/, are not CQRS;
    // its feature folders are not modules of a modular monolith.
    const verdict = (id: string) => result.patterns.find((p) => p.id === id)?.verdict;
    assert.equal(verdict('cqrs'), 'no');
    assert.equal(verdict('modular-monolith'), 'no');
    assert.equal(verdict('monolith'), 'yes');
    assert.equal(result.primary, 'monolith');
    for (const p of result.patterns)
      for (const e of [...p.evidence, ...p.counterEvidence])
        assert.ok(!/^(?:apps\/web|packages\/shopctl|scripts)\//.test(e.file), `${p.id} cites ${e.file}`);
    // One deployable for the API, its Dockerfile and compose service as processes.
    const deployable = result.system.deployables.find((d) => d.path === 'apps/api');
    assert.ok(
      deployable !== undefined && deployable.processes.length >= 2,
      JSON.stringify(result.system.deployables),
    );
  });

  it('with no backend part, a command-line tool is what code-level patterns are judged on', () => {
    const model = buildModel(
      {
        'src/cli.ts': ['commander', 'src/core/run.ts', 'src/adapters/disk.ts'],
        'src/core/run.ts': ['src/core/port.ts'],
        'src/core/port.ts': [],
        'src/adapters/disk.ts': ['node:fs', 'src/core/port.ts'],
        'web/main.tsx': ['react-dom', 'web/app.tsx'],
        'web/app.tsx': ['react'],
        'web/vite.config.ts': [],
      },
      [packageJson('package.json', { name: 'tool', bin: { tool: 'dist/cli.js' } })],
    );
    const result = detectPatterns(contextOf(model));
    assert.deepEqual(
      result.system.parts.map((p) => [p.path, p.role]),
      [
        ['.', 'cli'],
        ['web', 'web-frontend'],
      ],
    );
    assert.deepEqual(
      result.system.setAside.map((s) => s.path),
      ['web'],
    );
  });

  it('a Next app is a front end whose API routes stay backend code', () => {
    const model = buildModel(
      {
        'next.config.js': [],
        'pages/index.tsx': ['react', 'components/list.tsx'],
        'components/list.tsx': ['react'],
        'pages/api/orders.ts': ['pg', 'lib/db.ts'],
        'lib/db.ts': ['pg'],
      },
      [packageJson('package.json', { name: 'site', scripts: { dev: 'next dev', start: 'next start' } })],
    );
    const result = detectPatterns(contextOf(model));
    assert.deepEqual(
      result.system.parts.map((p) => [p.path, p.role]),
      [['.', 'web-frontend']],
    );
    assert.deepEqual(
      result.system.setAside.map((s) => s.files),
      [3],
    );
  });

  it('`nest start` starts each app main of a Nest monorepo: a service, not a front-end root', () => {
    const model = buildModel(
      {
        'apps/orders/src/main.ts': ['@acme/nest-wrapper', 'apps/orders/src/app.module.ts'],
        'apps/orders/src/app.module.ts': ['libs/core/src/index.ts'],
        'libs/core/src/index.ts': [],
      },
      [packageJson('package.json', { name: 'orders', scripts: { start: 'nest start' } })],
    );
    const result = detectPatterns(contextOf(model));
    assert.deepEqual(
      result.system.parts.map((p) => [p.path, p.role, p.entryPoints, p.files]),
      [['.', 'service', ['apps/orders/src/main.ts'], 3]],
    );
    assert.deepEqual(result.system.setAside, []);
  });

  it('a Go program in `cmd/<name>/` starts there whatever its file is named; its tests and other files do not', () => {
    const model = buildModel(
      {
        'cmd/photos/photos.go': [],
        'cmd/photos/photos_test.go': [],
        'internal/server/server.go': [],
      },
      [],
    );
    const texts = {
      'cmd/photos/photos.go': '/*\nLicense text\n*/\n\npackage main\n\nfunc main() {}\n',
      'cmd/photos/photos_test.go': 'package main\n',
      'internal/server/server.go': 'package server\n',
    };
    const result = detectPatterns(contextOf(model, { texts }));
    assert.deepEqual(
      result.system.entryPoints.map((e) => [e.file, e.kind, e.line]),
      [['cmd/photos/photos.go', 'language-main', 5]],
    );
  });

  it('Go programs take their role from what they import: a CLI, a desktop app, a server; generators and seeders are tooling', () => {
    const model = buildModel(
      {
        'main/cli/main.go': ['github.com/urfave/cli/v3'],
        'main/gui/main.go': ['fyne.io/fyne/v2/widget'],
        'main/api/main.go': ['github.com/gin-gonic/gin'],
        'main/seed/main.go': [],
        'pkg/errors/gen/main.go': [],
      },
      [],
    );
    const texts = Object.fromEntries(model.files.map((f) => [f, 'package main\n\nfunc main() {}\n']));
    const result = detectPatterns(contextOf(model, { texts }));
    assert.deepEqual(
      result.system.parts.map((p) => [p.path, p.role]),
      [
        ['main/api', 'service'],
        ['main/cli', 'cli'],
        ['main/gui', 'desktop'],
        ['main/seed', 'tooling'],
        ['pkg/errors/gen', 'tooling'],
      ],
    );
  });

  it('a file that starts a server (NestFactory, listen) is an entry point even with no manifest naming it', () => {
    const model = buildModel(
      {
        'server/boot.ts': ['@nestjs/core', 'server/app.module.ts'],
        'server/app.module.ts': ['@nestjs/common'],
      },
      [],
    );
    const result = detectPatterns(
      contextOf(model, {
        texts: {
          'server/boot.ts':
            "import { NestFactory } from '@nestjs/core';\n\nawait NestFactory.create(AppModule);\n",
        },
      }),
    );
    assert.deepEqual(
      result.system.entryPoints.map((e) => [e.file, e.kind, e.line]),
      [['server/boot.ts', 'bootstrap', 3]],
    );
    assert.deepEqual(
      result.system.parts.map((p) => [p.path, p.role, p.files]),
      [['server', 'service', 2]],
    );
  });
  it("sets aside code no entry reaches: a UI kit package, tool configs, a CLI's own scripts", () => {
    const model = buildModel(
      {
        'packages/api/src/server.ts': ['express', 'packages/api/src/db.ts'],
        'packages/api/src/db.ts': ['pg'],
        'packages/api/eslint.config.js': ['@eslint/js'],
        'packages/kit/src/index.ts': ['packages/kit/src/button.ts'],
        'packages/kit/src/button.ts': ['vue'],
        'packages/jobs/src/report.ts': ['pg'],
        'tools-cli/src/main.ts': ['commander'],
        'tools-cli/setupFiles.ts': [],
        'tools-cli/src/legacy-import.ts': ['node:fs'],
        '.prettierrc.js': [],
      },
      [
        packageJson('packages/api/package.json', { scripts: { start: 'node src/server.ts' } }),
        packageJson('packages/kit/package.json', { main: 'dist/index.js', dependencies: { vue: '3' } }),
        packageJson('packages/jobs/package.json'),
        packageJson('tools-cli/package.json', { bin: { shop: 'src/main.ts' } }),
      ],
    );
    const result = detectPatterns(contextOf(model));
    assert.deepEqual(
      result.system.setAside.map((s) => [s.path, s.role, s.files]),
      [
        ['.', 'tooling', 1],
        ['packages/api', 'tooling', 1],
        ['packages/kit', 'web-frontend', 2],
        ['tools-cli', 'cli', 2],
        ['tools-cli', 'tooling', 1],
      ],
    );
    // Unreached code with no UI framework stays with the backend.
    assert.ok(!result.system.setAside.some((s) => s.path === 'packages/jobs'));
  });

  it('an all-in-one image of the services below it: its launcher script is no code of its own', () => {
    const result = detectFixture('system-aio-image-ui-kit');
    assert.deepEqual(
      result.system.deployables.filter((d) => d.role === 'service').map((d) => d.path),
      ['packages/api'],
    );
    const bundle = result.system.notServices.find((n) => n.path === '.');
    assert.equal(bundle?.reason, 'all-in-one');
    assert.equal(result.patterns.find((p) => p.id === 'monolith')?.verdict, 'yes');
  });

  it('a JVM program is its build module, and package folders named `samples` or `example` are not examples', () => {
    const main = (pkg: string, cls: string) =>
      `package ${pkg};\n\n@SpringBootApplication\npublic class ${cls} {\n  public static void main(String[] args) {}\n}\n`;
    const model = buildModel(
      {
        'customers-service/src/main/java/org/acme/samples/customers/CustomersApplication.java': [],
        'customers-service/src/main/java/org/acme/samples/customers/web/OwnerResource.java': [],
        'customers-service/src/test/java/org/acme/samples/customers/OwnerResourceTest.java': [],
        'visits-service/src/main/java/com/example/visits/VisitsApplication.java': [],
        'visits-service/src/integrationTest/java/com/example/visits/VisitsIT.java': [],
      },
      [
        {
          kind: 'compose',
          file: 'docker-compose.yml',
          services: ['customers-service', 'visits-service'].map((name) => ({
            name,
            image: `acme/${name}`,
            ports: [],
            dependsOn: [],
            environment: {},
          })),
        },
      ],
    );
    const texts = {
      'customers-service/src/main/java/org/acme/samples/customers/CustomersApplication.java': main(
        'org.acme.samples.customers',
        'CustomersApplication',
      ),
      'visits-service/src/main/java/com/example/visits/VisitsApplication.java': main(
        'com.example.visits',
        'VisitsApplication',
      ),
    };
    const result = detectPatterns(contextOf(model, { texts }));
    assert.deepEqual(
      result.system.parts.map((p) => [p.path, p.role]),
      [
        ['customers-service', 'service'],
        ['visits-service', 'service'],
      ],
    );
    assert.deepEqual(result.system.setAside.map((s) => [s.path, s.role]).sort(), [
      ['customers-service/src/test', 'tests'],
      ['visits-service/src/integrationTest', 'tests'],
    ]);
    assert.deepEqual(
      result.system.deployables.map((d) => d.path),
      ['customers-service', 'visits-service'],
    );
  });
});
