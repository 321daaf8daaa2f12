import * as assert from 'node:assert/strict';
import { detectPatterns } from '../../../src/core/detect';
import type { DockerfileManifest } from '../../../src/core/model';
import { buildModel, contextOf } from './support/build-model';

const dockerfile: DockerfileManifest = {
  kind: 'dockerfile',
  file: 'Dockerfile',
  baseImages: ['eclipse-temurin:21'],
  exposedPorts: [],
};

/** A Spring Boot app whose feature packages sit below its application package. */
function springFiles(): Record<string, readonly string[]> {
  const base = 'src/main/java/com/acme/shop';
  const files: Record<string, readonly string[]> = { [`${base}/ShopApplication.java`]: [] };
  for (const feature of ['catalog', 'orders', 'inventory', 'users'])
    for (const file of ['Api.java', 'domain/Model.java', 'web/Controller.java'])
      files[`${base}/${feature}/${file}`] = [];
  files[`${base}/common/Money.java`] = [];
  files[`${base}/config/WebConfig.java`] = [];
  return files;
}

const modular = (texts: Record<string, string>, files = springFiles()) =>
  detectPatterns(contextOf(buildModel(files, [dockerfile]), { texts })).patterns.find(
    (p) => p.id === 'modular-monolith',
  );

/** The Spring app, with the orders controller reaching into the insides of two other modules. */
function leakyFiles(): Record<string, readonly string[]> {
  const base = 'src/main/java/com/acme/shop';
  return {
    ...springFiles(),
    [`${base}/orders/web/Controller.java`]: [
      `${base}/catalog/domain/Model.java`,
      `${base}/users/web/Controller.java`,
    ],
  };
}

describe('modular monolith in Java, Kotlin, C# and Python', () => {
  it('the feature packages of a Spring Boot application package are its modules, shared ones left out', () => {
    const ctx = contextOf(buildModel(springFiles(), [dockerfile]));
    assert.deepEqual(
      ctx.units.modules.map((m) => m.name),
      ['catalog', 'inventory', 'orders', 'users'],
    );
  });

  it('module boundaries are judged from the resolved imports (not capped as unread); Spring Modulith in the build is named', () => {
    const without = modular({}, leakyFiles());
    assert.ok(
      !without?.counterEvidence.some((e) => e.message.includes('imports were not read')),
      JSON.stringify(without?.counterEvidence),
    );
    const pom =
      '<project>\n  <dependency>\n    <groupId>org.springframework.modulith</groupId>\n    <artifactId>spring-modulith-starter-core</artifactId>\n  </dependency>\n</project>\n';
    const withChecker = modular({ 'pom.xml': pom });
    assert.equal(withChecker?.verdict, 'yes');
    assert.ok(
      withChecker?.evidence.some(
        (e) => e.message === 'Module boundaries are checked by Spring Modulith (`pom.xml`)',
      ),
    );
  });

  it('an import-linter contract in pyproject.toml is a boundary checker; a pyproject without one is not', () => {
    assert.ok(
      modular({ 'pyproject.toml': '[tool.importlinter]\nroot_package = "shop"\n' })?.evidence.some((e) =>
        e.message.includes('import-linter'),
      ),
    );
    assert.ok(
      !modular({ 'pyproject.toml': '[tool.poetry]\nname = "shop"\n' })?.evidence.some((e) =>
        e.message.includes('import-linter'),
      ),
    );
  });

  it('the modules of a .NET `Modules/` folder are found from their C# sources', () => {
    const files: Record<string, readonly string[]> = {};
    for (const module of ['Inquiries', 'Payments', 'Priorities'])
      for (const file of ['Api/Endpoints.cs', 'Core/Domain.cs', 'Infrastructure/Repository.cs'])
        files[`Src/Modules/${module}/${file}`] = [];
    const ctx = contextOf(
      buildModel(files, [{ ...dockerfile, baseImages: ['mcr.microsoft.com/dotnet/aspnet:9.0'] }]),
    );
    assert.deepEqual(
      ctx.units.modules.map((m) => [m.name, m.kind]),
      [
        ['Inquiries', 'container'],
        ['Payments', 'container'],
        ['Priorities', 'container'],
      ],
    );
  });

  it("Nx's generated enforce-module-boundaries rule (every tag allowed) is no checker; one with real tags is", () => {
    const eslint = (tag: string) =>
      JSON.stringify({
        rules: {
          '@nx/enforce-module-boundaries': [
            'error',
            { depConstraints: [{ sourceTag: tag, onlyDependOnLibsWithTags: [tag] }] },
          ],
        },
      });
    const checked = (text: string) =>
      modular({ '.eslintrc.json': text })?.evidence.some((e) => e.message.includes('Nx module boundaries')) ??
      false;
    assert.equal(checked(eslint('*')), false);
    assert.equal(checked(eslint('scope:orders')), true);
  });
});
