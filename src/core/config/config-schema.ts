import { z } from 'zod';
import { rulesConfigSchema } from './rules-schema';

/** The name of the config file, read at the workspace root only. */
export const CONFIG_FILE_NAME = 'archlens.config.json';

const globList = () =>
  z.array(z.string({ error: 'must be a glob string' }), { error: 'must be an array of glob strings' });

/**
 * The schema of `archlens.config.json`, shared by the CLI and the extension. Every key is
 * optional and validated on its own: a bad key is dropped with a warning, the others are used.
 * To add a key, add it here (with `.describe()` for editors) and regenerate
 * `schemas/archlens.config.schema.json` (see `test/unit/config/json-schema.test.ts`).
 */
export const archLensConfigSchema = z
  .object({
    $schema: z
      .string({ error: 'must be a string' })
      .describe('The JSON schema of this file, for editors.')
      .optional(),
    exclude: globList()
      .describe(
        'Globs of files and folders to leave out of the analysis, relative to the workspace root, as in VS Code\'s files.exclude: "**/generated/**", "legacy/*.js". Added to .gitignore and the default excludes.',
      )
      .optional(),
    maxFileSize: z
      .number({ error: 'must be a positive integer' })
      .int({ error: 'must be a positive integer' })
      .positive({ error: 'must be a positive integer' })
      .describe(
        'Files larger than this many bytes are skipped with a warning. Default: 1048576 (1 MiB); at most 16777216 (16 MiB), a larger value is capped.',
      )
      .optional(),
    layers: z
      .record(z.string(), globList(), {
        error: 'must be an object mapping each layer name to an array of globs',
      })
      .describe('Layers by name, each the globs of its folders: { "domain": ["src/domain/**"] }. Reserved.')
      .optional(),
    modules: globList()
      .describe('Globs whose matches are each one module: ["src/modules/*"]. Reserved.')
      .optional(),
    rules: rulesConfigSchema.optional(),
  })
  .strict()
  .describe('ArchLens configuration (archlens.config.json at the workspace root).');

/** The contents of `archlens.config.json` after validation; every key optional. */
export type ArchLensConfig = z.infer<typeof archLensConfigSchema>;

/** The keys `archlens.config.json` may hold. */
export type ArchLensConfigKey = keyof ArchLensConfig;

/** The JSON schema for editors, generated from {@link archLensConfigSchema}. */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(archLensConfigSchema, { target: 'draft-07' }) as Record<string, unknown>;
}
