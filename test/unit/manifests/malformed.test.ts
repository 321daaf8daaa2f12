import assert from 'node:assert/strict';
import { parseManifests } from '../../../src/core/manifests';
import type { Warning } from '../../../src/core/model';

function run(files: Readonly<Record<string, string>>): { kinds: string[]; warnings: Warning[] } {
  const result = parseManifests({ files: Object.keys(files), readText: (path) => files[path] });
  return {
    kinds: result.manifests.map((manifest) => `${manifest.file}:${manifest.kind}`),
    warnings: result.warnings,
  };
}

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  'services:',
  '  web: { image: "nginx", environment: { LAUGHS: *i } }',
].join('\n');

describe('manifests: malformed input becomes a warning', () => {
  it('reports broken JSON with line and column and keeps the other manifests', () => {
    const { kinds, warnings } = run({
      'package.json': '{\n  "name": "x",\n}',
      Procfile: 'web: node index.js\n',
    });
    assert.deepEqual(kinds, ['Procfile:procfile']);
    assert.equal(warnings.length, 1);
    assert.deepEqual(
      { ...warnings[0], message: undefined },
      { file: 'package.json', line: 3, column: 1, message: undefined },
    );
    assert.match(warnings[0]?.message ?? '', /^Malformed JSON/);
  });

  it('reports truncated JSON just after its last character', () => {
    const { warnings } = run({ 'apps/a/package.json': '{\n  "name": "a",\n  "scripts": {' });
    assert.deepEqual(
      warnings.map((w) => [w.file, w.line, w.column]),
      [['apps/a/package.json', 3, 15]],
    );
  });

  it('reports broken YAML with line and column', () => {
    const { kinds, warnings } = run({ 'docker-compose.yml': 'services:\n  a: 1\nb: [1, 2\nc: 3\n' });
    assert.deepEqual(kinds, []);
    assert.deepEqual(
      warnings.map((w) => [w.file, w.line, w.column, /^Malformed YAML/.test(w.message)]),
      [['docker-compose.yml', 4, 1, true]],
    );
  });

  it('skips only the broken document of a multi-document Kubernetes file', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata: { name: ok }\n---\napiVersion: v1\nkind: Service\nmetadata: { name: [ }\n';
    const result = parseManifests({ files: ['k8s/svc.yaml'], readText: () => text });
    assert.deepEqual(result.manifests, [
      {
        kind: 'kubernetes',
        file: 'k8s/svc.yaml',
        resources: [{ kind: 'Service', name: 'ok', line: 2, images: [] }],
      },
    ]);
    assert.equal(result.warnings.length, 1);
    assert.equal(result.warnings[0]?.line, 7);
  });

  it('reports broken TOML with line and column', () => {
    const unterminated = run({ 'wrangler.toml': 'name = "worker"\nmain = "src/index.ts\n' });
    assert.deepEqual(
      unterminated.warnings.map((w) => [w.file, w.line, w.column, w.message]),
      [['wrangler.toml', 2, 8, 'Malformed TOML: Unterminated string.']],
    );
    const noEquals = run({ 'netlify.toml': '[build]\n  command "npm run build"\n' });
    assert.deepEqual(
      noEquals.warnings.map((w) => [w.file, w.line, w.column]),
      [['netlify.toml', 2, 11]],
    );
  });

  it('reports broken HCL with the line and column of the unclosed block', () => {
    const { kinds, warnings } = run({
      'main.tf': 'resource "aws_lambda_function" "x" {\n  handler = "index.handler"\n',
    });
    assert.deepEqual(kinds, []);
    assert.deepEqual(
      warnings.map((w) => [w.file, w.line, w.column]),
      [['main.tf', 1, 36]],
    );
  });

  it('turns a YAML alias bomb into a warning, quickly', () => {
    const started = performance.now();
    const { kinds, warnings } = run({ 'docker-compose.yml': BILLION_LAUGHS });
    const elapsed = performance.now() - started;
    assert.deepEqual(kinds, []);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.file, 'docker-compose.yml');
    assert.match(warnings[0]?.message ?? '', /alias/i);
    assert.ok(elapsed < 500, `took ${elapsed.toFixed(0)} ms`);
  });

  it('reports a Procfile line without a name', () => {
    const { warnings } = run({ Procfile: 'web: node a.js\njust a command\n' });
    assert.deepEqual(
      warnings.map((w) => [w.file, w.line]),
      [['Procfile', 2]],
    );
  });

  it('does not report YAML that is not a manifest, nor templated YAML outside a chart', () => {
    const { kinds, warnings } = run({
      '.github/workflows/ci.yml': 'on: [push]\njobs: { build: [ }\n',
      'deploy/tpl.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .name }\n',
    });
    assert.deepEqual(kinds, []);
    assert.deepEqual(warnings, []);
  });

  it('skips files it cannot read without a warning', () => {
    const result = parseManifests({ files: ['package.json', 'Dockerfile'], readText: () => undefined });
    assert.deepEqual(result, { manifests: [], warnings: [] });
  });
});
