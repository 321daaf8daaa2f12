import assert from 'node:assert/strict';
import { isManifestCandidate, isSourceManifestText, parseManifests } from '../../../src/core/manifests';
import { fixtureInput } from './fixture-workspace';

describe('manifests: parseManifests', () => {
  it('reads every kind of a monorepo, sorted by file then kind, without warnings', () => {
    const result = parseManifests(fixtureInput('monorepo'));
    assert.deepEqual(
      result.manifests.map((manifest) => [manifest.file, manifest.kind]),
      [
        ['Procfile', 'procfile'],
        ['charts/orders/Chart.yaml', 'helm-chart'],
        ['deploy/k8s/orders.yaml', 'kubernetes'],
        ['docker-compose.yml', 'compose'],
        ['package.json', 'package-json'],
        ['packages/api/Dockerfile', 'dockerfile'],
        ['packages/api/package.json', 'package-json'],
      ],
    );
    assert.deepEqual(result.warnings, []);
  });

  it('does not read chart templates as plain Kubernetes files', () => {
    const result = parseManifests(fixtureInput('monorepo'));
    assert.ok(!result.manifests.some((manifest) => manifest.file.includes('/templates/')));
  });

  it('finds the CDK stack and v4 Azure Functions among source files, and nothing in other sources', () => {
    assert.deepEqual(
      parseManifests(fixtureInput('cdk-app')).manifests.map((m) => [m.file, m.kind]),
      [['lib/orders-stack.ts', 'cdk']],
    );
    assert.deepEqual(
      parseManifests(fixtureInput('azure-v4')).manifests.map((m) => [m.file, m.kind]),
      [['src/functions/orders.ts', 'azure-functions']],
    );
  });

  it('gives the same result for the same input (deterministic)', () => {
    const input = fixtureInput('sam-app');
    assert.deepEqual(parseManifests(input), parseManifests({ ...input, files: [...input.files].reverse() }));
  });

  it('tells manifest candidates by name', () => {
    const yes = [
      'package.json',
      'pnpm-workspace.yaml',
      'apps/api/Dockerfile',
      'docker/api.Dockerfile',
      'Dockerfile.prod',
      'Containerfile',
      'docker-compose.override.yml',
      'compose.yaml',
      'k8s/deployment.yaml',
      'serverless.yml',
      'serverless.ts',
      'template.json',
      'infra/main.tf',
      'host.json',
      'Orders/function.json',
      'wrangler.toml',
      'wrangler.jsonc',
      'vercel.json',
      'netlify.toml',
      'Procfile',
      'cdk.json',
      'api/users.ts',
      'netlify/functions/hello.ts',
    ];
    const no = [
      'src/index.ts',
      'README.md',
      'Dockerfile.dockerignore',
      'src/api.ts',
      'tsconfig.json',
      'node_modules/x/package.json',
    ];
    assert.deepEqual(
      yes.filter((path) => !isManifestCandidate(path)),
      [],
    );
    assert.deepEqual(
      no.filter((path) => isManifestCandidate(path)),
      [],
    );
  });

  it('tells source files that may declare functions by their text', () => {
    assert.equal(isSourceManifestText("import * as lambda from 'aws-cdk-lib/aws-lambda';"), true);
    assert.equal(isSourceManifestText("import { app } from '@azure/functions';"), true);
    assert.equal(isSourceManifestText("import express from 'express';"), false);
  });
});
