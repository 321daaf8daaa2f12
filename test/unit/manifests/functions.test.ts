import assert from 'node:assert/strict';
import {
  parseAzureFunctionsHost,
  parseAzureFunctionsSource,
  parseCdk,
  parseFunctionFolders,
  parseSamTemplate,
  parseServerlessTypeScript,
  parseServerlessYaml,
  parseTerraform,
  parseWrangler,
} from '../../../src/core/manifests';
import { fixtureContext, memoryContext } from './fixture-workspace';

describe('manifests: functions', () => {
  it('reads serverless.yml with CloudFormation tags and ${} variables, resolving handlers to source files', () => {
    const ctx = fixtureContext('serverless-app');
    const manifest = parseServerlessYaml('serverless.yml', ctx.text('serverless.yml'), ctx);
    assert.deepEqual(manifest, {
      kind: 'serverless',
      file: 'serverless.yml',
      service: 'orders-service',
      provider: 'aws',
      functions: [
        {
          name: 'createOrder',
          line: 13,
          handler: 'src/handlers/order.create',
          handlerFile: 'src/handlers/order.ts',
          events: ['http'],
        },
        {
          name: 'processOrder',
          line: 19,
          handler: 'src/handlers/order.process',
          handlerFile: 'src/handlers/order.ts',
          events: ['sqs'],
        },
        {
          name: 'notify',
          line: 25,
          handler: 'src/handlers/notify.handler',
          handlerFile: 'src/handlers/notify.js',
          events: ['sns', 'schedule'],
        },
        { name: 'legacy', line: 30, handler: 'src/missing/thing.run', events: [] },
      ],
      resources: { OrdersQueue: 'AWS::SQS::Queue', OrdersTable: 'AWS::DynamoDB::Table' },
    });
    assert.deepEqual(ctx.warnings, [], 'no "Unresolved tag" or other warning for !Ref, !GetAtt, !Sub, !Join');
  });

  it('reads serverless.ts as source, following an imported function config and handlerPath(__dirname)', () => {
    const ctx = fixtureContext('serverless-ts');
    const manifest = parseServerlessTypeScript('serverless.ts', ctx.text('serverless.ts'), ctx);
    assert.deepEqual(manifest, {
      kind: 'serverless',
      file: 'serverless.ts',
      service: 'greeter',
      provider: 'aws',
      functions: [
        {
          name: 'hello',
          line: 14,
          handler: 'src/functions/hello/handler.main',
          handlerFile: 'src/functions/hello/handler.ts',
          events: ['http'],
        },
        {
          name: 'cleanup',
          line: 15,
          handler: 'src/functions/cleanup.main',
          handlerFile: 'src/functions/cleanup.ts',
          events: ['schedule'],
        },
      ],
    });
  });

  it('reads a SAM template: Globals, CodeUri, esbuild EntryPoints, Events, event-source mappings and rule targets', () => {
    const ctx = fixtureContext('sam-app');
    const manifest = parseSamTemplate('template.yaml', ctx.text('template.yaml'), ctx);
    assert.deepEqual(manifest?.functions, [
      {
        name: 'OrdersApiFunction',
        line: 12,
        handler: 'app.lambdaHandler',
        handlerFile: 'orders/app.ts',
        events: ['http'],
      },
      {
        name: 'NotifierFunction',
        line: 32,
        handler: 'app.handler',
        handlerFile: 'notifier/app.js',
        events: ['sqs', 'schedule', 'eventbridge'],
      },
      { name: 'AuditFunction', line: 46, handler: 'index.handler', events: ['stream'] },
    ]);
    assert.deepEqual(manifest?.resources, {
      AuditMapping: 'AWS::Lambda::EventSourceMapping',
      OrdersQueue: 'AWS::SQS::Queue',
      OrderEvents: 'AWS::SNS::Topic',
      OrdersTable: 'AWS::DynamoDB::Table',
      OrderRule: 'AWS::Events::Rule',
    });
    assert.deepEqual(ctx.warnings, []);
  });

  it('reads a JSON SAM template with the line of each logical id', () => {
    const text = JSON.stringify(
      {
        Resources: {
          Fn: {
            Type: 'AWS::Serverless::Function',
            Properties: { Handler: 'src/app.handler', Events: { Q: { Type: 'SQS' } } },
          },
        },
      },
      null,
      2,
    );
    const ctx = memoryContext({ 'src/app.js': '' });
    const manifest = parseSamTemplate('template.json', text, ctx);
    assert.deepEqual(manifest?.functions, [
      { name: 'Fn', line: 3, handler: 'src/app.handler', handlerFile: 'src/app.js', events: ['sqs'] },
    ]);
  });

  it('reads a CDK stack as a syntax tree: functions by id, entry files, asset handlers, wired triggers; not cloudfront.Function', () => {
    const ctx = fixtureContext('cdk-app');
    const manifest = parseCdk('lib/orders-stack.ts', ctx.text('lib/orders-stack.ts'), ctx);
    assert.deepEqual(manifest, {
      kind: 'cdk',
      file: 'lib/orders-stack.ts',
      functions: [
        {
          name: 'OrdersApi',
          line: 19,
          handler: 'handler',
          handlerFile: 'lambda/orders.ts',
          events: ['http'],
        },
        {
          name: 'Worker',
          line: 26,
          handler: 'index.handler',
          handlerFile: 'lambda/worker/index.js',
          events: ['sqs'],
        },
        { name: 'notifier', line: 33, handlerFile: 'lib/orders-stack.notifier.ts', events: ['schedule'] },
      ],
    });
    assert.equal(parseCdk('bin/app.ts', ctx.text('bin/app.ts'), ctx), undefined);
  });

  it('reads CDK v2 constructs reached through the aws-cdk-lib namespace', () => {
    const text = [
      "import * as cdk from 'aws-cdk-lib';",
      "const fn = new cdk.aws_lambda.Function(this, 'Thumbs', { handler: 'thumbs.handler', code: cdk.aws_lambda.Code.fromAsset(`${__dirname}/../fns`) });",
      'fn.addFunctionUrl();',
    ].join('\n');
    const ctx = memoryContext({ 'fns/thumbs.ts': '' });
    assert.deepEqual(parseCdk('infra/stack.ts', text, ctx)?.functions, [
      { name: 'Thumbs', line: 2, handler: 'thumbs.handler', handlerFile: 'fns/thumbs.ts', events: ['http'] },
    ]);
  });

  it('reads Terraform lambdas with archive_file sources and triggers from sibling files of the module', () => {
    const ctx = fixtureContext('terraform');
    const manifest = parseTerraform('infra/lambda.tf', ctx.text('infra/lambda.tf'), ctx);
    assert.deepEqual(manifest, {
      kind: 'terraform',
      file: 'infra/lambda.tf',
      functions: [
        {
          name: 'orders',
          line: 8,
          handler: 'index.handler',
          handlerFile: 'src/index.js',
          events: ['sqs', 'http'],
        },
      ],
      resources: { 'aws_iam_role.lambda': 'aws_iam_role' },
    });
    assert.deepEqual(ctx.warnings, [], 'heredocs, comments and braces in strings are read');
  });

  it('reads an Azure Functions app from host.json and */function.json, tracing dist scripts back to sources', () => {
    const ctx = fixtureContext('azure-app');
    assert.deepEqual(parseAzureFunctionsHost('host.json', ctx.text('host.json'), ctx), {
      kind: 'azure-functions',
      file: 'host.json',
      functions: [
        { name: 'HttpOrders', line: 1, handlerFile: 'HttpOrders/index.js', events: ['http'] },
        {
          name: 'QueueWorker',
          line: 1,
          handler: '../dist/QueueWorker/index.js',
          handlerFile: 'QueueWorker/index.ts',
          events: ['queue'],
        },
      ],
    });
  });

  it('reads v4 Azure Functions registrations (app.http, app.storageQueue, app.timer)', () => {
    const ctx = fixtureContext('azure-v4');
    const file = 'src/functions/orders.ts';
    assert.deepEqual(parseAzureFunctionsSource(file, ctx.text(file), ctx)?.functions, [
      { name: 'createOrder', line: 7, handlerFile: file, events: ['http'] },
      { name: 'processOrder', line: 9, handlerFile: file, events: ['queue'] },
      { name: 'nightlyReport', line: 15, handlerFile: file, events: ['schedule'] },
    ]);
    assert.equal(
      parseAzureFunctionsSource('x.ts', "const app = { http() {} };\napp.http('x', {});", ctx),
      undefined,
    );
  });

  it('reads wrangler.toml (tables, arrays of tables, multi-line arrays) and wrangler.jsonc with comments', () => {
    const ctx = fixtureContext('workers');
    assert.deepEqual(parseWrangler('wrangler.toml', ctx.text('wrangler.toml'), ctx), {
      kind: 'wrangler',
      file: 'wrangler.toml',
      name: 'edge-router',
      main: 'src/index.ts',
      mainFile: 'src/index.ts',
    });
    assert.deepEqual(parseWrangler('jsonc/wrangler.jsonc', ctx.text('jsonc/wrangler.jsonc'), ctx), {
      kind: 'wrangler',
      file: 'jsonc/wrangler.jsonc',
      name: 'order-consumer',
      main: './worker.js',
    });
    assert.deepEqual(ctx.warnings, []);
  });

  it('reads Vercel api/ functions only in a Vercel project, skipping _private files and tests', () => {
    assert.deepEqual(parseFunctionFolders(fixtureContext('vercel-app')), [
      {
        kind: 'function-folder',
        file: 'api',
        platform: 'vercel',
        functions: [
          { name: 'hello', handlerFile: 'api/hello.ts', events: ['http'] },
          { name: 'users/[id]', handlerFile: 'api/users/[id].ts', events: ['http'] },
        ],
      },
    ]);
    assert.deepEqual(
      parseFunctionFolders(fixtureContext('plain-api')),
      [],
      'an api/ folder alone is no Vercel project',
    );
  });

  it('reads Netlify functions from the folder netlify.toml names, with scheduled ones', () => {
    assert.deepEqual(parseFunctionFolders(fixtureContext('netlify-site')), [
      {
        kind: 'function-folder',
        file: 'functions',
        platform: 'netlify',
        functions: [
          { name: 'hello', handlerFile: 'functions/hello.mts', events: ['http'] },
          { name: 'nightly-digest', handlerFile: 'functions/nightly-digest.ts', events: ['schedule'] },
          { name: 'resize', handlerFile: 'functions/resize/resize.ts', events: ['http'] },
        ],
      },
    ]);
  });
});
