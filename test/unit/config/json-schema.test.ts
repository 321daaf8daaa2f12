import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { configJsonSchema } from '../../../src/core/config/config-schema';

const schemaFile = path.resolve('schemas/archlens.config.schema.json');

describe('archlens.config.schema.json', () => {
  it('is the JSON schema generated from the zod schema (ARCHLENS_UPDATE_SCHEMA=1 rewrites it)', () => {
    const generated = configJsonSchema();
    if (process.env['ARCHLENS_UPDATE_SCHEMA'] === '1')
      writeFileSync(schemaFile, JSON.stringify(generated, null, 2) + '\n');
    assert.deepEqual(JSON.parse(readFileSync(schemaFile, 'utf8')), generated);
  });

  it('forbids unknown keys and describes every key for editors', () => {
    const schema = configJsonSchema() as {
      additionalProperties: unknown;
      properties: Record<string, { description?: string }>;
    };
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(Object.keys(schema.properties), [
      '$schema',
      'exclude',
      'maxFileSize',
      'layers',
      'modules',
      'rules',
    ]);
    for (const [key, property] of Object.entries(schema.properties)) assert.ok(property.description, key);
  });
});
