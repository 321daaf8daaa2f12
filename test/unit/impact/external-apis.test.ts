import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeWorkspace, detectArchitecture } from '../../../src/core';
import { buildDiagram, symbolsReader, type DiagramInput } from '../../../src/core/diagram';
import { externalApiTarget } from '../../../src/core/diagram/external-apis';
import { impactOf, isImpactError, type ImpactResult } from '../../../src/core/impact';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';

const paymentsRoot = toPosixPath(path.resolve(__dirname, '../../../../test/fixtures/impact/payments'));

function payments(): DiagramInput {
  const fs = new NodeFileSystem();
  const model = analyzeWorkspace(fs, paymentsRoot);
  return { model, detection: detectArchitecture(fs, model), symbols: symbolsReader(fs, paymentsRoot) };
}

function impact(input: DiagramInput, target: string): ImpactResult {
  const result = impactOf(input, target);
  assert.ok(!isImpactError(result), isImpactError(result) ? result.message : '');
  return result;
}

describe('external API clients as backing services', () => {
  it('names the client of each language: npm package, Python module, Java package, C# namespace, Go module', () => {
    const product = (to: string, specifier?: string): string | undefined =>
      externalApiTarget(to, specifier)?.product;
    assert.equal(product('stripe'), 'stripe');
    assert.equal(product('com.stripe', 'com.stripe.Stripe'), 'stripe');
    assert.equal(product('Stripe'), 'stripe');
    assert.equal(product('github.com/stripe/stripe-go/v76'), 'stripe');
    assert.equal(product('@sendgrid/mail'), 'sendgrid');
    assert.equal(product('@anthropic-ai/sdk'), 'anthropic');
    assert.equal(product('google', 'google.cloud.storage'), 'gcs');
    assert.equal(product('boto3'), 'aws');
    assert.equal(product('nodemailer'), 'smtp');
    // AWS SDK clients by service, in each SDK.
    assert.equal(product('@aws-sdk/client-s3'), 's3');
    assert.equal(product('github.com/aws/aws-sdk-go-v2/service/s3'), 's3');
    assert.equal(
      product('software.amazon.awssdk.services.s3', 'software.amazon.awssdk.services.s3.S3Client'),
      's3',
    );
    assert.equal(product('Amazon.S3'), 's3');
    assert.equal(externalApiTarget('Amazon.S3')?.label, 'Amazon S3');
    // The SDK's own plumbing is no service; a queue service is a broker, not an API.
    assert.equal(externalApiTarget('Amazon.Runtime'), undefined);
    assert.equal(externalApiTarget('github.com/aws/aws-sdk-go-v2/service/sqs')?.kind, 'broker');
    // Names only match whole segments: `stripe-mock` and `openai-edge-tools` are other packages.
    assert.equal(externalApiTarget('stripe-mock'), undefined);
    assert.equal(externalApiTarget('openaiish'), undefined);
    assert.equal(externalApiTarget('express'), undefined);
  });

  it('an outage of Stripe: the file calling it fails, then what calls that; a type import only is not a caller', () => {
    const input = payments();
    const result = impact(input, 'stripe');
    assert.equal(result.target.id, 'backing:stripe');
    assert.equal(result.target.backingKind, 'external-api');
    assert.deepEqual(
      result.dependents.map((d) => `${d.file} ${d.relation} ${d.effect} ${d.hops}`),
      ['src/billing/charge.ts sync fails 1', 'src/billing/api.ts sync fails 2', 'src/main.ts sync fails 3'],
    );
    // By its client package, and an AWS service by its name.
    assert.deepEqual(impact(input, '@aws-sdk/client-s3').dependents, impact(input, 's3').dependents);
    assert.deepEqual(
      impact(input, 's3').dependents.map((d) => d.file),
      ['src/files/upload.ts', 'src/main.ts'],
    );
    assert.deepEqual(
      impact(input, 'smtp').dependents.map((d) => `${d.file} ${d.hops}`),
      ['src/notify/mail.ts 1', 'src/billing/api.ts 2', 'src/main.ts 3'],
    );
  });

  it('a module that calls an API uses it', () => {
    assert.deepEqual(impact(payments(), 'src/billing').uses, ['backing:stripe']);
  });

  it('the overview draws each external API as an external system, linked from its callers only', () => {
    const diagram = buildDiagram('overview', payments(), { expanded: [] });
    assert.equal(diagram.kind, 'diagram');
    if (diagram.kind !== 'diagram') return;
    const apis = diagram.model.nodes.filter((n) => n.kind === 'external-api');
    assert.deepEqual(apis.map((n) => `${n.id} ${n.label}`).sort(), [
      'backing:s3 Amazon S3',
      'backing:smtp SMTP mail server',
      'backing:stripe Stripe',
    ]);
    assert.match(apis[0]?.detail ?? '', /^External system /);
    const intoStripe = diagram.model.edges.filter((e) => e.to === 'backing:stripe');
    assert.ok(intoStripe.length >= 1);
    assert.ok(intoStripe.every((e) => e.locations.every((l) => l.file !== 'src/billing/types.ts')));
  });
});
