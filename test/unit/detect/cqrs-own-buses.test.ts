import * as assert from 'node:assert/strict';
import { cqrs } from '../../../src/core/detect/cqrs';
import type { ClassSymbol, InterfaceSymbol } from '../../../src/core/model';
import { buildModel, contextOf, packageJson, symbols } from './support/build-model';

function iface(name: string): InterfaceSymbol {
  return { name, line: 1, exported: true, extends: [], members: ['dispatch'] };
}
function cls(name: string, implementsList: string[]): ClassSymbol {
  return {
    name,
    line: 3,
    exported: true,
    abstract: false,
    decorators: [],
    decoratorArguments: [],
    implements: implementsList,
    methods: ['dispatch'],
  };
}

const files = {
  'src/shared/domain/CommandBus.ts': [],
  'src/shared/domain/QueryBus.ts': [],
  'src/shared/infrastructure/InMemoryCommandBus.ts': ['src/shared/domain/CommandBus.ts'],
  'src/shared/infrastructure/InMemoryQueryBus.ts': ['src/shared/domain/QueryBus.ts'],
  'src/courses/application/CreateCourseCommand.ts': [],
  'src/courses/application/CreateCourseCommandHandler.ts': [],
  'src/courses/application/SearchCoursesQuery.ts': [],
  'src/courses/application/SearchCoursesQueryHandler.ts': [],
};
const manifests = [
  packageJson('package.json', { scripts: { start: 'node dist/start.js' }, dependencies: { express: '4' } }),
];

describe('detect: a command bus and a query bus the code declares itself', () => {
  it('counts both buses, declared and implemented, as a bus package would count', () => {
    const withBuses = cqrs.detect(
      contextOf(buildModel(files, manifests), {
        symbols: {
          'src/shared/domain/CommandBus.ts': symbols({ interfaces: [iface('CommandBus')] }),
          'src/shared/domain/QueryBus.ts': symbols({ interfaces: [iface('QueryBus')] }),
          'src/shared/infrastructure/InMemoryCommandBus.ts': symbols({
            classes: [cls('InMemoryCommandBus', ['CommandBus'])],
          }),
          'src/shared/infrastructure/InMemoryQueryBus.ts': symbols({
            classes: [cls('InMemoryQueryBus', ['QueryBus'])],
          }),
        },
      }),
    );
    const text = withBuses.evidence.map((e) => e.message).join('\n');
    assert.match(text, /`CommandBus` is the command bus the code declares itself/);
    assert.match(text, /`QueryBus` is the query bus the code declares itself/);
    const without = cqrs.detect(contextOf(buildModel(files, manifests)));
    assert.ok(withBuses.score >= without.score + 0.14, `${withBuses.score} vs ${without.score}`);
  });

  it('a command bus alone is no bus of both sides', () => {
    const result = cqrs.detect(
      contextOf(buildModel(files, manifests), {
        symbols: { 'src/shared/domain/CommandBus.ts': symbols({ interfaces: [iface('CommandBus')] }) },
      }),
    );
    assert.doesNotMatch(result.evidence.map((e) => e.message).join('\n'), /bus the code declares itself/);
  });
});
