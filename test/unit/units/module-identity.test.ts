import * as assert from 'node:assert/strict';
import { detectPatterns } from '../../../src/core/detect';
import type { ComposeManifest, DockerfileManifest } from '../../../src/core/model';
import { buildModel, contextOf, nestModuleClass, packageJson, symbols } from '../detect/support/build-model';

const start = [
  packageJson('package.json', {
    scripts: { start: 'node dist/main.js' },
    dependencies: { '@nestjs/core': '11' },
  }),
];

describe('units: what is a module, and which folder an image runs', () => {
  function nestApp(extra: Record<string, readonly string[]> = {}) {
    const files: Record<string, readonly string[]> = {
      'src/main.ts': ['@nestjs/core', 'src/app.module.ts'],
      'src/app.module.ts': [
        'src/users/users.module.ts',
        'src/orders/orders.module.ts',
        'src/database.module.ts',
      ],
      'src/database.module.ts': ['@nestjs/common'],
      'src/users/users.module.ts': ['@nestjs/common', 'src/users/users.service.ts'],
      'src/users/users.service.ts': [],
      'src/orders/orders.module.ts': ['@nestjs/common', 'src/orders/orders.service.ts'],
      'src/orders/orders.service.ts': [],
      ...extra,
    };
    const withModules = Object.keys(files).filter((f) => f.endsWith('.module.ts'));
    return contextOf(buildModel(files, start), {
      symbols: Object.fromEntries(withModules.map((f) => [f, symbols({ classes: [nestModuleClass('M')] })])),
    });
  }

  it("the root module's folder is the application, and a layer folder's module is no feature module", () => {
    const ctx = nestApp({
      'src/orders/commands/commands.module.ts': ['@nestjs/common'],
      'src/orders/commands/create-order.command.ts': [],
    });
    assert.deepEqual(
      ctx.units.modules.map((m) => m.path),
      ['src/orders', 'src/users'],
    );
  });

  it('NestJS @Modules alone stay below a modular-monolith yes', () => {
    const result = detectPatterns(nestApp()).patterns.find((p) => p.id === 'modular-monolith');
    assert.ok((result?.score ?? 1) < 0.6, `score ${result?.score}`);
    assert.ok(
      result?.counterEvidence.some((e) => e.message.startsWith('The modules are NestJS `@Module`s only')),
    );
  });

  it('children of a feature folder that are its layers are not modules', () => {
    const ctx = contextOf(
      buildModel(
        {
          'src/main.ts': ['express'],
          'src/feature/commands/a.ts': [],
          'src/feature/commands/b.ts': [],
          'src/feature/repository/c.ts': [],
          'src/feature/repository/d.ts': [],
        },
        start,
      ),
    );
    assert.deepEqual(ctx.units.modules, []);
  });

  it('an image is matched to the folder of that name that builds it, not to a same-named model package', () => {
    const dockerfile: DockerfileManifest = {
      kind: 'dockerfile',
      file: 'services/chat/Dockerfile',
      baseImages: ['node:22'],
      exposedPorts: [],
    };
    const compose: ComposeManifest = {
      kind: 'compose',
      file: 'docker-compose.yml',
      services: [{ name: 'chat', image: 'acme/chat:1', ports: [], dependsOn: [], environment: {} }],
    };
    const ctx = contextOf(
      buildModel({ 'models/chat/index.ts': [], 'services/chat/src/main.ts': ['express'] }, [
        packageJson('models/chat/package.json', { name: '@acme/model-chat' }),
        packageJson('services/chat/package.json', { name: '@acme/chat-service' }),
        dockerfile,
        compose,
      ]),
    );
    const chat = ctx.units.services.find((s) => s.deployables.some((d) => d.kind === 'compose-service'));
    assert.equal(chat?.path, 'services/chat');
  });
});
