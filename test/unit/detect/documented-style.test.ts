import * as assert from 'node:assert/strict';
import { detectPatterns } from '../../../src/core/detect';
import { documentedStyles, presentedStyle } from '../../../src/core/detect/documented-style';
import { buildModel, contextOf, packageJson } from './support/build-model';

describe('detect: the architecture its authors name', () => {
  const model = buildModel({ 'src/main.ts': ['express'], 'services/api/src/index.ts': [] }, []);

  it('takes the first line of the README or architecture document that names a style as theirs', () => {
    const texts = {
      'README.md': [
        '# Shop',
        '',
        'A modular monolith built with NestJS, following **ports & adapters** in each module.',
        'Unlike microservices, everything ships as one image.',
        'We chose not to use CQRS here.',
      ].join('\n'),
      'docs/architecture.md': 'Events are published through an event-driven architecture on RabbitMQ.\n',
    };
    const claims = documentedStyles(contextOf(model, { texts }));
    assert.deepEqual(
      [...claims.entries()].map(([id, fact]) => [id, fact.file, fact.line]).sort(),
      [
        ['event-driven', 'docs/architecture.md', 1],
        ['hexagonal', 'README.md', 3],
        ['modular-monolith', 'README.md', 3],
      ],
      'lines that set a style apart (“unlike microservices”, “not … CQRS”) are no claim',
    );
    assert.equal(
      claims.get('modular-monolith')?.message,
      '`README.md` says “A modular monolith built with NestJS, following ports & adapters in each module.”'.replace(
        /^/,
        'The authors name it: ',
      ),
    );
  });

  it('a technology named in passing is no claim of a style', () => {
    const texts = { 'README.md': 'Deploy to AWS Lambda. Talks to our microservice gateway. Uses Kafka.\n' };
    assert.equal(documentedStyles(contextOf(model, { texts })).size, 0);
  });

  it('one deployable its authors present as another style is a monolith only in part', () => {
    const app = buildModel({ 'src/main.ts': ['express'], 'src/orders/service.ts': [] }, [
      packageJson('package.json', {
        name: 'app',
        scripts: { start: 'node dist/main.js' },
        dependencies: { express: '4' },
      }),
    ]);
    const plain = detectPatterns(contextOf(app, { texts: { 'README.md': '# Shop\n\nAn online shop.\n' } }));
    assert.equal(plain.patterns.find((p) => p.id === 'monolith')?.verdict, 'yes');
    const texts = { 'README.md': '# Shop\n\nA shop API following Clean Architecture.\n' };
    const ctx = contextOf(app, { texts });
    assert.equal(presentedStyle(ctx)?.line, 3);
    const monolith = detectPatterns(ctx).patterns.find((p) => p.id === 'monolith');
    assert.equal(monolith?.verdict, 'partial');
    assert.ok(
      monolith?.counterEvidence.some((f) =>
        f.message.endsWith('one deployable presented as another style is a monolith only in part'),
      ),
    );
  });
});
