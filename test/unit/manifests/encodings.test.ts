import * as assert from 'node:assert/strict';
import { WorkspaceEngine } from '../../../src/core/graph';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';
import type { WorkspaceModel } from '../../../src/core/model';

const ROOT = '/ws';

/** One manifest of each format the manifests stage reads, each with a non-ASCII character. */
const MANIFESTS: Readonly<Record<string, string>> = {
  'package.json': '{ "name": "api", "description": "café", "dependencies": { "express": "4" } }\n',
  Dockerfile: 'FROM node:20\n# café\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
  'docker-compose.yml': 'services:\n  api:\n    image: node:20 # café\n    ports: ["3000:3000"]\n',
  'fn/serverless.yml':
    'service: orders # café\nprovider:\n  name: aws\nfunctions:\n  hello:\n    handler: handler.hello\n    events:\n      - http: GET /hello\n',
  'sam/template.yaml':
    "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n# café\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n      Runtime: nodejs20.x\n",
  'k8s/deploy.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api # café\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1\n',
  'chart/Chart.yaml': 'apiVersion: v2\nname: app # café\nversion: 1.0.0\n',
  'infra/main.tf':
    'resource "aws_lambda_function" "fn" {\n  function_name = "café"\n  handler       = "index.handler"\n  runtime       = "nodejs20.x"\n}\n',
  'worker/wrangler.toml': 'name = "worker" # café\nmain = "src/index.ts"\n',
  Procfile: 'web: node server.js # café\n',
};

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = bigEndian ? 0xfe : 0xff;
  bytes[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 + 2 * i + (bigEndian ? 1 : 0)] = unit & 0xff;
    bytes[2 + 2 * i + (bigEndian ? 0 : 1)] = unit >> 8;
  }
  return bytes;
}

/** Latin-1 bytes: `é` is the one byte 0xE9, not valid UTF-8. */
function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
}

function analyze(file: string, content: string | Uint8Array): WorkspaceModel {
  const fs = new MemoryFileSystem();
  fs.mkdir(ROOT);
  fs.write(`${ROOT}/${file}`, content);
  return new WorkspaceEngine(fs, ROOT).analyze();
}

const manifestsOf = (model: WorkspaceModel) => JSON.stringify(model.manifests);

describe('manifests in other encodings', () => {
  for (const [file, text] of Object.entries(MANIFESTS)) {
    describe(file, () => {
      const utf8 = analyze(file, text);

      it('is read from UTF-8 (the baseline the others are compared with)', () => {
        assert.ok(
          utf8.manifests.some((m) => m.file === file),
          JSON.stringify(utf8),
        );
        assert.deepEqual(utf8.warnings, []);
      });

      for (const bigEndian of [false, true]) {
        it(`is decoded and read from UTF-16 ${bigEndian ? 'BE' : 'LE'} with a BOM`, () => {
          const model = analyze(file, utf16(text, bigEndian));
          assert.equal(manifestsOf(model), manifestsOf(utf8));
          assert.deepEqual(model.warnings, []);
        });
      }

      it('gives one warning when it is Latin-1', () => {
        const model = analyze(file, latin1(text));
        assert.deepEqual(model.manifests, []);
        assert.deepEqual(model.warnings, [{ file, message: 'skipped: not valid UTF-8' }]);
      });

      it('gives one warning when it is binary', () => {
        const model = analyze(file, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 0, 0, 0, 9]));
        assert.deepEqual(model.manifests, []);
        assert.deepEqual(model.warnings, [{ file, message: 'skipped: binary file' }]);
      });

      it('gives one warning when it is UTF-16 that does not decode', () => {
        // A lone high surrogate, then an odd byte.
        const model = analyze(file, new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00, 0x42]));
        assert.deepEqual(model.manifests, []);
        assert.deepEqual(model.warnings, [{ file, message: 'skipped: not valid UTF-16' }]);
      });
    });
  }

  it('reads a UTF-16 tsconfig.json and archlens.config.json, and warns once for a Latin-1 one', () => {
    const tsconfig = '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }';
    const fs = new MemoryFileSystem();
    fs.mkdir(ROOT);
    fs.write(`${ROOT}/tsconfig.json`, utf16(tsconfig, false));
    fs.write(`${ROOT}/archlens.config.json`, utf16('{ "exclude": ["gen/**"] }', true));
    fs.write(`${ROOT}/src/a.ts`, "import '@/b';\n");
    fs.write(`${ROOT}/src/b.ts`, '');
    fs.write(`${ROOT}/gen/c.ts`, '');
    const model = new WorkspaceEngine(fs, ROOT).analyze();
    assert.deepEqual(model.files, ['src/a.ts', 'src/b.ts']);
    assert.equal(model.edges[0]?.to, 'src/b.ts');
    assert.deepEqual(model.warnings, []);

    fs.write(`${ROOT}/tsconfig.json`, latin1(tsconfig.replace('"."', '"./é"')));
    const broken = new WorkspaceEngine(fs, ROOT).analyze();
    assert.deepEqual(
      broken.warnings.filter((w) => w.file === 'tsconfig.json'),
      [{ file: 'tsconfig.json', message: 'skipped: not valid UTF-8' }],
    );
  });

  it('warns once for a Latin-1 package.json that the resolver and the manifests both read', () => {
    const fs = new MemoryFileSystem();
    fs.mkdir(ROOT);
    fs.write(`${ROOT}/package.json`, latin1('{ "name": "café", "type": "module" }'));
    fs.write(`${ROOT}/src/a.ts`, "import 'express';\n");
    const model = new WorkspaceEngine(fs, ROOT).analyze();
    assert.deepEqual(model.warnings, [{ file: 'package.json', message: 'skipped: not valid UTF-8' }]);
  });
});
