import assert from 'node:assert/strict';
import { parsePulumi } from '../../../src/core/manifests';
import { fixtureContext, memoryContext } from './fixture-workspace';

describe('manifests: Pulumi programs', () => {
  it('reads AWS functions with their handler files and triggers, and the messaging resources', () => {
    const ctx = fixtureContext('pulumi-app');
    const manifest = parsePulumi('index.ts', ctx.text('index.ts'), ctx);
    assert.deepEqual(manifest, {
      kind: 'pulumi',
      file: 'index.ts',
      functions: [
        {
          name: 'resize',
          line: 8,
          handler: 'index.handler',
          handlerFile: 'functions/resize/index.ts',
          events: ['sqs'],
        },
        {
          name: 'process',
          line: 21,
          handler: 'handler.handler',
          handlerFile: 'functions/process/handler.js',
          events: ['http'],
        },
      ],
      resources: { uploads: 'aws:sqs/queue:Queue', 'images-done': 'aws:sns/topic:Topic' },
    });
    assert.deepEqual(ctx.warnings, []);
  });

  it('reads nothing from files that do not use @pulumi/aws, or that declare no function', () => {
    const ctx = memoryContext({});
    assert.equal(
      parsePulumi(
        'a.ts',
        "import * as k8s from '@pulumi/kubernetes';\nnew k8s.apps.v1.Deployment('x', {});\n",
        ctx,
      ),
      undefined,
    );
    assert.equal(
      parsePulumi('b.ts', "import * as aws from '@pulumi/aws';\nnew aws.s3.Bucket('site');\n", ctx),
      undefined,
    );
    // `Function` of another module is not a Lambda.
    assert.equal(
      parsePulumi(
        'c.ts',
        "import * as gcp from '@pulumi/gcp';\nimport * as aws from '@pulumi/aws';\nnew gcp.cloudfunctions.Function('f', {});\n",
        ctx,
      ),
      undefined,
    );
  });
});
