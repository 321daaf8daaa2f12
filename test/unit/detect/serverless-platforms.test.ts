import * as assert from 'node:assert/strict';
import { detectPatterns } from '../../../src/core/detect';
import type { WranglerManifest } from '../../../src/core/model';
import { buildModel, contextOf } from './support/build-model';

describe('serverless: Cloudflare Workers in module syntax', () => {
  const wrangler: WranglerManifest = {
    kind: 'wrangler',
    file: 'wrangler.toml',
    name: 'chat',
    main: 'src/chat.mjs',
    mainFile: 'src/chat.mjs',
  };
  const model = buildModel({ 'src/chat.mjs': [] }, [wrangler]);

  it('a worker whose main exports `{ fetch }` is a function with a handler: serverless yes', () => {
    const text =
      '// entry\nexport default {\n  async fetch(request, env) {\n    return new Response("hi");\n  },\n};\n';
    const result = detectPatterns(contextOf(model, { texts: { 'src/chat.mjs': text } }));
    const serverless = result.patterns.find((p) => p.id === 'serverless');
    assert.equal(serverless?.verdict, 'yes');
    const handler = serverless?.evidence.find((e) => e.message.includes('Workers'));
    assert.equal(handler?.message, '`src/chat.mjs` exports a Workers `fetch` handler');
    assert.equal(handler?.line, 2);
  });

  it('a main without a module-syntax handler gives no handler evidence', () => {
    const result = detectPatterns(contextOf(model, { texts: { 'src/chat.mjs': 'export const x = 1;\n' } }));
    const serverless = result.patterns.find((p) => p.id === 'serverless');
    assert.ok(!serverless?.evidence.some((e) => e.message.includes('Workers')));
  });
});
