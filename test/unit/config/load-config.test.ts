import * as assert from 'node:assert/strict';
import { loadConfig, parseConfigText } from '../../../src/core/config/load-config';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';

const FILE = 'archlens.config.json';

describe('loadConfig', () => {
  it('gives an empty config and no warning when there is no file', () => {
    assert.deepEqual(loadConfig(new MemoryFileSystem({ '/w/a.ts': '' }), '/w'), { config: {}, warnings: [] });
  });

  it('reads every key of a valid file', () => {
    const fs = new MemoryFileSystem({
      '/w/archlens.config.json': JSON.stringify({
        $schema: './node_modules/archlens/archlens.config.schema.json',
        exclude: ['**/gen/**'],
        maxFileSize: 2048,
        layers: { domain: ['src/domain/**'], infrastructure: ['src/infra/**'] },
        modules: ['src/modules/*'],
        rules: {
          'hexagonal/core-imports-adapter': 'error',
          'modular-monolith/deep-import': 'warn',
          'cqrs/query-imports-write-side': 'off',
          publicFiles: { 'src/modules/billing': ['src/modules/billing/facade.ts'] },
          allow: [{ from: 'src/cli/**', to: 'src/node/**', reason: 'composition root' }],
          pattern: 'modular-monolith',
        },
      }),
    });
    const { config, warnings } = loadConfig(fs, '/w');
    assert.deepEqual(warnings, []);
    assert.deepEqual(config.exclude, ['**/gen/**']);
    assert.equal(config.maxFileSize, 2048);
    assert.deepEqual(config.layers, { domain: ['src/domain/**'], infrastructure: ['src/infra/**'] });
    assert.deepEqual(config.modules, ['src/modules/*']);
    assert.deepEqual(config.rules, {
      'hexagonal/core-imports-adapter': 'error',
      'modular-monolith/deep-import': 'warn',
      'cqrs/query-imports-write-side': 'off',
      publicFiles: { 'src/modules/billing': ['src/modules/billing/facade.ts'] },
      allow: [{ from: 'src/cli/**', to: 'src/node/**', reason: 'composition root' }],
      pattern: 'modular-monolith',
    });
  });

  it('accepts comments, trailing commas and a byte order mark, like tsconfig.json', () => {
    const text =
      '\uFEFF{\n  // what to leave out\n  "exclude": ["legacy/**",], /* cap */ "maxFileSize": 10,\n}\n';
    const fs = new MemoryFileSystem({ '/w/archlens.config.json': text });
    assert.deepEqual(loadConfig(fs, '/w'), {
      config: { exclude: ['legacy/**'], maxFileSize: 10 },
      warnings: [],
    });
  });

  it('reports an unknown key by name and position, suggests the close one, and keeps the rest', () => {
    const result = parseConfigText('{\n  "exlude": ["a"],\n  "maxFileSize": 5,\n  "colour": 1\n}');
    assert.deepEqual(result.config, { maxFileSize: 5 });
    assert.deepEqual(result.warnings, [
      { file: FILE, message: 'unknown key "exlude" (did you mean "exclude"?); ignored', line: 2, column: 3 },
      { file: FILE, message: 'unknown key "colour"; ignored', line: 4, column: 3 },
    ]);
  });

  it('reports a bad maxFileSize and keeps the other keys', () => {
    for (const bad of ['-1', '0', '1.5', '"1MB"', 'null']) {
      const result = parseConfigText(`{ "exclude": ["x"], "maxFileSize": ${bad} }`);
      assert.deepEqual(result.config, { exclude: ['x'] }, bad);
      assert.deepEqual(
        result.warnings,
        [{ file: FILE, message: '"maxFileSize" must be a positive integer; ignored', line: 1, column: 36 }],
        bad,
      );
    }
  });

  it('reports a bad exclude, pointing at the bad element', () => {
    assert.deepEqual(parseConfigText('{ "exclude": "dist" }').warnings, [
      { file: FILE, message: '"exclude" must be an array of glob strings; ignored', line: 1, column: 14 },
    ]);
    const result = parseConfigText('{\n "exclude": [\n  "ok",\n  42\n ],\n "maxFileSize": 9 }');
    assert.deepEqual(result.config, { maxFileSize: 9 });
    assert.deepEqual(result.warnings, [
      { file: FILE, message: '"exclude[1]" must be a glob string; "exclude" is ignored', line: 4, column: 3 },
    ]);
  });

  it('validates the reserved keys: layers, modules', () => {
    const result = parseConfigText(
      '{ "layers": { "domain": "src/domain" }, "modules": [true], "rules": { "no-cycles": "error" }, "exclude": [] }',
    );
    assert.deepEqual(result.config, { exclude: [] });
    assert.deepEqual(
      result.warnings.map((warning) => warning.message),
      [
        '"layers.domain" must be an array of glob strings; "layers" is ignored',
        '"modules[0]" must be a glob string; "modules" is ignored',
        result.warnings[2]?.message ?? '',
      ],
    );
    assert.match(
      result.warnings[2]?.message ?? '',
      /^unknown rule "no-cycles" in "rules" \(rules: hexagonal\/core-imports-adapter, /,
    );
  });

  it('validates each key of rules on its own, keeping the good ones', () => {
    const result = parseConfigText(
      [
        '{ "rules": {',
        '  "hexagonal/core-imports-adaptor": "off",',
        '  "modular-monolith/deep-import": "fatal",',
        '  "cqrs/query-imports-write-side": "warn",',
        '  "allow": [{ "from": "src/a/**" }],',
        '  "pattern": "hexagon",',
        '  "publicFiles": { "src/modules/billing": ["facade.ts"] }',
        '} }',
      ].join('\n'),
    );
    assert.deepEqual(result.config, {
      rules: {
        'cqrs/query-imports-write-side': 'warn',
        publicFiles: { 'src/modules/billing': ['facade.ts'] },
      },
    });
    assert.deepEqual(
      result.warnings.map((w) => [w.line, w.message]),
      [
        [
          2,
          'unknown rule "hexagonal/core-imports-adaptor" in "rules" (did you mean "hexagonal/core-imports-adapter"?); ignored',
        ],
        [
          3,
          '"rules.modular-monolith/deep-import" must be "error", "warn" or "off"; "rules.modular-monolith/deep-import" is ignored',
        ],
        [5, result.warnings[2]?.message ?? ''],
        [6, result.warnings[3]?.message ?? ''],
      ],
    );
    assert.match(
      result.warnings[2]?.message ?? '',
      /^"rules\.allow\[0\]\.to" must be a glob string; "rules\.allow" is ignored$/,
    );
    assert.match(
      result.warnings[3]?.message ?? '',
      /^"rules\.pattern" must be a pattern id \(hexagonal, modular-monolith, /,
    );
    assert.equal(
      parseConfigText('{ "rules": [] }').warnings[0]?.message,
      '"rules" must be an object of rule ids (each "error", "warn" or "off") and publicFiles, sharedKernels, allow, pattern; ignored',
    );
  });

  it('reports broken JSON with line and column and uses the defaults', () => {
    const result = parseConfigText('{\n  "exclude": ["a"]\n  "maxFileSize": 3\n}');
    assert.deepEqual(result, {
      config: {},
      warnings: [
        {
          file: FILE,
          message: 'invalid JSON: expected "," or "}" after a property but found """; the defaults are used',
          line: 3,
          column: 3,
        },
      ],
    });
  });

  it('reports an empty file, an unterminated comment and a non-object as broken', () => {
    assert.deepEqual(parseConfigText('').warnings, [
      {
        file: FILE,
        message: 'invalid JSON: expected a value but found end of file; the defaults are used',
        line: 1,
        column: 1,
      },
    ]);
    assert.deepEqual(parseConfigText('{ /* open').warnings, [
      {
        file: FILE,
        message: 'invalid JSON: unterminated comment; the defaults are used',
        line: 1,
        column: 3,
      },
    ]);
    assert.deepEqual(parseConfigText('\n ["dist"]').warnings, [
      { file: FILE, message: 'must hold a JSON object; the defaults are used', line: 2, column: 2 },
    ]);
  });

  it('warns about a key written twice, keeping the last', () => {
    const result = parseConfigText('{ "maxFileSize": 1, "maxFileSize": 2 }');
    assert.deepEqual(result.config, { maxFileSize: 2 });
    assert.deepEqual(result.warnings, [
      {
        file: FILE,
        message: 'key "maxFileSize" is written twice; the last one is used',
        line: 1,
        column: 21,
      },
    ]);
  });

  it('treats __proto__ and constructor as unknown keys, without touching prototypes', () => {
    const result = parseConfigText('{ "__proto__": { "polluted": true }, "constructor": 1 }');
    assert.deepEqual(result.config, {});
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.deepEqual(
      result.warnings.map((warning) => warning.message),
      ['unknown key "__proto__"; ignored', 'unknown key "constructor"; ignored'],
    );
  });

  it('skips a binary or non-UTF-8 config file with one warning', () => {
    const binary = new MemoryFileSystem({ '/w/archlens.config.json': new Uint8Array([0x7b, 0x00, 0x7d]) });
    assert.deepEqual(loadConfig(binary, '/w'), {
      config: {},
      warnings: [{ file: FILE, message: 'skipped: binary file' }],
    });
    const latin1 = new MemoryFileSystem({ '/w/archlens.config.json': new Uint8Array([0x7b, 0xe9, 0x7d]) });
    assert.deepEqual(loadConfig(latin1, '/w'), {
      config: {},
      warnings: [{ file: FILE, message: 'skipped: not valid UTF-8' }],
    });
  });

  it('warns when archlens.config.json is a folder', () => {
    const fs = new MemoryFileSystem({ '/w/archlens.config.json/x': '' });
    assert.deepEqual(loadConfig(fs, '/w'), {
      config: {},
      warnings: [{ file: FILE, message: 'skipped: cannot be read' }],
    });
  });
});
