import assert from 'node:assert/strict';
import { parseManifests, parseSst } from '../../../src/core/manifests';
import type { Manifest } from '../../../src/core/model';
import { memoryContext } from './fixture-workspace';

function manifestsOf(files: Readonly<Record<string, string>>): Manifest[] {
  return parseManifests({ files: Object.keys(files), readText: (f) => files[f] }).manifests;
}

const functionsOf = (manifests: readonly Manifest[]) =>
  manifests.flatMap((m) =>
    'functions' in m ? m.functions.map((f) => [m.kind, f.name, f.handlerFile, f.events.join(',')]) : [],
  );

describe('manifests: function platforms under their own names', () => {
  it('reads a SAM template whatever the file is called, and leaves other YAML alone', () => {
    const template = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  ListCartFunction:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: cart-service/',
      '      Handler: list_cart.lambda_handler',
      '      Events:',
      '        ListCart:',
      '          Type: Api',
      '          Properties:',
      '            Path: /cart',
      '            Method: get',
      '  CartTable:',
      '    Type: AWS::DynamoDB::Table',
    ].join('\n');
    const manifests = manifestsOf({
      'backend/shoppingcart-service.yaml': template,
      'backend/cart-service/list_cart.py': 'def lambda_handler(event, context):\n    return {}\n',
      'config/settings.yaml': 'name: shop\nResources:\n  a: 1\n',
    });
    assert.deepEqual(functionsOf(manifests), [
      ['sam', 'ListCartFunction', 'backend/cart-service/list_cart.py', 'http'],
    ]);
  });

  it('reads the handlers of an SST app from its config and the infra files that use SST constructs', () => {
    const files = {
      'sst.config.ts':
        'export default $config({\n  app() { return { name: "notes" }; },\n  async run() { await import("./infra/api"); },\n});\n',
      'infra/api.ts': [
        'export const api = new sst.aws.ApiGatewayV2("Api");',
        'api.route("GET /notes", "packages/functions/src/list.main");',
        'new sst.aws.Cron("Nightly", {',
        '  function: "packages/functions/src/nightly.handler",',
        '});',
        'import "./infra/storage.ts";',
      ].join('\n'),
      'packages/functions/src/list.ts': 'export const main = async () => ({});\n',
      'packages/functions/src/nightly.ts': 'export const handler = async () => {};\n',
      'infra/storage.ts': 'export const table = new sst.aws.Dynamo("Notes");\n',
    };
    assert.equal(parseSst('sst.config.ts', files['sst.config.ts'], memoryContext(files)), undefined);
    assert.deepEqual(functionsOf(manifestsOf(files)), [
      ['sst', 'packages/functions/src/list.main', 'packages/functions/src/list.ts', 'http'],
      ['sst', 'packages/functions/src/nightly.handler', 'packages/functions/src/nightly.ts', 'schedule'],
    ]);
  });

  it('a Next.js project deployed to Vercel runs each route handler as a function, crons on a schedule', () => {
    const manifests = manifestsOf({
      'apps/web/package.json': JSON.stringify({ name: 'web', dependencies: { next: '15.0.0' } }),
      'apps/web/vercel.json': JSON.stringify({
        crons: [{ path: '/api/cron/cleanup', schedule: '0 * * * *' }],
      }),
      'apps/web/app/(dashboard)/api/links/route.ts': 'export async function GET() {}\n',
      'apps/web/app/api/cron/cleanup/route.ts': 'export async function GET() {}\n',
      'apps/web/app/page.tsx': 'export default function Page() { return null; }\n',
      'apps/web/app/api/links/route.test.ts': 'test',
      'apps/other/app/api/x/route.ts': 'export async function GET() {}\n',
    });
    assert.deepEqual(functionsOf(manifests), [
      ['function-folder', '/api/links', 'apps/web/app/(dashboard)/api/links/route.ts', 'http'],
      ['function-folder', '/api/cron/cleanup', 'apps/web/app/api/cron/cleanup/route.ts', 'schedule'],
    ]);
  });

  it('a Next.js app only hosted on Vercel declares no functions: its route handlers are its server side', () => {
    const files = {
      'web/dashboard/package.json': JSON.stringify({ name: 'dashboard', dependencies: { next: '15.0.0' } }),
      'web/dashboard/vercel.json': JSON.stringify({ git: { deploymentEnabled: { 'tmp/**': false } } }),
      'web/dashboard/app/api/trpc/[trpc]/route.ts': 'export async function POST() {}\n',
      'site/package.json': JSON.stringify({ name: 'site', dependencies: { next: '15.0.0', vercel: '39' } }),
      'site/app/api/og/route.ts': 'export async function GET() {}\n',
      'site/api/hello.ts': 'export default function handler() {}\n',
    };
    assert.deepEqual(functionsOf(manifestsOf(files)), [
      ['function-folder', 'hello', 'site/api/hello.ts', 'http'],
    ]);
  });
});
