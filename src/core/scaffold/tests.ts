/** A test file for a new class, where and how the workspace keeps its tests. */
import type { ScaffoldContext } from './context';
import { createFile } from './context';
import { render } from './render';
import type { ScaffoldFile } from './types';
import { basename, dirname, join, specifier, tsFiles } from './workspace-files';

const TEST = /\.(test|spec)\.(ts|tsx)$/;

/**
 * A smoke test of `className` exported from `sourcePath`: beside the source when the workspace
 * keeps tests beside sources, mirrored under the test folder otherwise; none when it has no tests.
 */
export function testFileFor(
  ctx: ScaffoldContext,
  sourcePath: string,
  className: string,
): ScaffoldFile | undefined {
  const tests = tsFiles(ctx.ws).filter((f) => TEST.test(f));
  if (tests.length === 0) return undefined;
  const sources = new Set(
    tsFiles(ctx.ws)
      .filter((f) => !TEST.test(f))
      .map(dirname),
  );
  const beside = tests.filter((t) => sources.has(dirname(t))).length > tests.length / 2;
  const suffix = /\.spec\.tsx?$/.test(tests[0] ?? '') ? 'spec' : 'test';
  const stemName = basename(sourcePath).replace(/\.ts$/, '');
  let path: string;
  if (beside) path = join(dirname(sourcePath), `${stemName}.${suffix}.ts`);
  else {
    const folders = new Map<string, number>();
    for (const t of tests) folders.set(dirname(t), (folders.get(dirname(t)) ?? 0) + 1);
    const folder = [...folders].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'test';
    path = join(folder, `${stemName}.${suffix}.ts`);
  }
  const from = specifier(path, sourcePath, ctx.style.jsExtension);
  const framework = ctx.deps.has('vitest')
    ? 'vitest'
    : ctx.deps.has('jest') || ctx.deps.has('@jest/globals')
      ? 'jest'
      : 'node';
  const header =
    framework === 'vitest'
      ? `import { describe, expect, it } from 'vitest';`
      : framework === 'jest'
        ? ''
        : `import { describe, it } from 'node:test';\nimport { ok } from 'node:assert/strict';`;
  const assertion = framework === 'node' ? `ok(${className});` : `expect(${className}).toBeDefined();`;
  const body = `
${header ? `${header}\n` : ''}import { ${className} } from '${from}';

describe('${className}', () => {
  it('exists', () => {
    ${assertion}
  });
});
`;
  return createFile(ctx, path, render(body, ctx.style));
}
