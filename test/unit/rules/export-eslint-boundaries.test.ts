import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';
import {
  analyzeWorkspace,
  checkArchitecture,
  eslintBoundariesConfig,
  eslintBoundariesText,
  ruleBoundaries,
} from '../../../src/core';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';

const ROOT = path.resolve('test/fixtures/rules');

function exported(name: string): ReturnType<typeof ruleBoundaries> {
  const fs = new NodeFileSystem();
  return ruleBoundaries(fs, analyzeWorkspace(fs, toPosixPath(path.join(ROOT, name))));
}

describe('the exported eslint-plugin-boundaries config', function () {
  this.timeout(60_000);

  it('has one element per unit, files and exceptions before folders, deepest folders first', () => {
    const { config } = eslintBoundariesConfig(exported('hexagonal'));
    const elements = config.settings['boundaries/elements'];
    const types = elements.map((e) => e.type);
    assert.equal(new Set(types).size, types.length, 'element types are distinct');
    const firstFolder = elements.findIndex((e) => typeof e.pattern === 'string' && e.pattern.endsWith('/**'));
    assert.ok(types.indexOf('tests') < firstFolder && types.indexOf('ports') < firstFolder);
    assert.ok(types.includes('src-domain') && types.includes('src-infrastructure'));
    const rules = config.rules['boundaries/element-types']?.[1].rules ?? [];
    const known = new Set(types);
    for (const rule of rules) for (const t of [...rule.from, ...rule.disallow]) assert.ok(known.has(t), t);
    assert.ok(
      rules.some((r) => r.from.includes('src-domain') && r.disallow.includes('src-infrastructure')),
      'the core may not import the adapters',
    );
    const external = config.rules['boundaries/external']?.[1].rules ?? [];
    assert.ok(external.some((r) => r.from.includes('src-domain') && r.disallow.includes('pg')));
    assert.equal(config.rules['boundaries/element-types']?.[0], 2);
  });

  it('says what it cannot say: module cycles and allowed edges', () => {
    const text = eslintBoundariesText(
      {
        ...exported('modular-monolith'),
        allowed: [{ from: 'src/a/**', to: 'src/b/**' }],
      },
      { generator: 'ArchLens test' },
    );
    assert.match(text, /^\/\/ Not exported: modular-monolith\/module-cycle: /m);
    assert.match(text, /^\/\/ Note: the allowed edge src\/a\/\*\* -> src\/b\/\*\* is a pair of paths/m);
  });

  for (const name of ['layered-monolith', 'serverless', 'modular-monolith']) {
    it(`${name}: ESLint with the plugin and the config reports the imports archlens check reports`, async () => {
      const dir = path.join(ROOT, name);
      const fs = new NodeFileSystem();
      const model = analyzeWorkspace(fs, toPosixPath(dir));
      const expected = checkArchitecture(fs, model)
        .rules.violations.filter((v) => v.rule !== 'modular-monolith/module-cycle')
        .map((v) => `${v.file}:${v.line}`)
        .sort();
      const { config } = eslintBoundariesConfig(ruleBoundaries(fs, model));
      const eslint = new ESLint({
        cwd: dir,
        overrideConfigFile: true,
        overrideConfig: [
          { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
          {
            ...(config as unknown as Linter.Config),
            plugins: { boundaries: boundaries as unknown as NonNullable<Linter.Config['plugins']>[string] },
            settings: {
              ...config.settings,
              'boundaries/root-path': dir,
              'import/resolver': { node: { extensions: ['.ts', '.js'] } },
            },
          },
        ],
      });
      const results = await eslint.lintFiles(['**/*.ts']);
      const found = results
        .flatMap((r) =>
          r.messages
            .filter((m) => m.ruleId === 'boundaries/element-types' || m.ruleId === 'boundaries/external')
            .map((m) => `${toPosixPath(path.relative(dir, r.filePath))}:${m.line}`),
        )
        .sort();
      const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal === true || m.ruleId === null));
      assert.deepEqual(fatal, []);
      assert.deepEqual(found, expected);
    });
  }
});
