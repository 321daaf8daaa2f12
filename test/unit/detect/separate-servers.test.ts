import * as assert from 'node:assert/strict';
import { monolith } from '../../../src/core/detect/monolith';
import { buildModel, contextOf, packageJson } from './support/build-model';

/** One app's own files: a start file, its server and three routes, over a shared kernel. */
function app(name: string): Record<string, string[]> {
  const base = `src/apps/${name}`;
  return {
    [`${base}/start.ts`]: [`${base}/server.ts`],
    [`${base}/server.ts`]: ['express', `${base}/routes/a.ts`, `${base}/routes/b.ts`, `${base}/routes/c.ts`],
    [`${base}/routes/a.ts`]: ['src/shared/logger.ts'],
    [`${base}/routes/b.ts`]: ['src/shared/logger.ts'],
    [`${base}/routes/c.ts`]: [],
  };
}

describe('detect: servers one deployable starts over separate code', () => {
  it('two start scripts of one package over separate apps are not one deployable', () => {
    const ctx = contextOf(
      buildModel({ ...app('orders'), ...app('backoffice'), 'src/shared/logger.ts': [] }, [
        packageJson('package.json', {
          scripts: {
            'start:orders': 'node src/apps/orders/start.ts',
            'start:backoffice': 'node src/apps/backoffice/start.ts',
          },
          dependencies: { express: '4' },
        }),
      ]),
    );
    const result = monolith.detect(ctx);
    assert.notEqual(result.verdict, 'yes');
    assert.match(
      result.counterEvidence.map((f) => f.message).join('\n'),
      /Two servers start from one deployable over separate code: `src\/apps\/backoffice\/start\.ts`/,
    );
  });

  it('a web server and a worker over the same code stay one deployable', () => {
    const files = {
      ...app('web'),
      'src/apps/web/routes/c.ts': ['src/domain/orders.ts'],
      'src/worker.ts': ['bullmq', 'src/domain/orders.ts'],
      'src/domain/orders.ts': ['src/domain/prices.ts'],
      'src/domain/prices.ts': [],
      'src/shared/logger.ts': [],
    };
    const ctx = contextOf(
      buildModel(files, [
        packageJson('package.json', {
          scripts: { start: 'node src/apps/web/start.ts', 'start:worker': 'node src/worker.ts' },
          dependencies: { express: '4', bullmq: '5' },
        }),
      ]),
    );
    const result = monolith.detect(ctx);
    assert.equal(result.verdict, 'yes');
    assert.doesNotMatch(result.counterEvidence.map((f) => f.message).join('\n'), /Two servers/);
  });
});
