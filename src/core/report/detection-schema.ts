import { z } from 'zod';
import { PATTERN_IDS } from '../model';

/** A relative POSIX path: no drive, no leading slash, no backslash, no `..` segment. */
const relativePosixPath = z
  .string()
  .regex(
    /^(?![A-Za-z]:)(?!\/)(?!.*\\)(?!(?:.*\/)?\.\.(?:\/|$)).+$/,
    'a relative POSIX path inside the workspace',
  )
  .describe('A POSIX path relative to the workspace root (`.` for the root itself).');

const evidence = z
  .object({
    file: relativePosixPath,
    line: z.number().int().positive().optional(),
    message: z.string().min(1),
    weight: z.number().min(0).max(1),
  })
  .strict();

const patternId = z.enum(PATTERN_IDS);

const partRole = z.enum([
  'service',
  'worker',
  'function',
  'web-frontend',
  'mobile',
  'desktop',
  'cli',
  'library',
  'tooling',
  'tests',
]);

/** The documented shape of `archlens detect --json`, with no room for extra keys. */
export const detectJson = z
  .object({
    version: z.literal(1),
    root: z
      .string()
      .regex(/^(?:\/|[A-Za-z]:\/)/, 'an absolute path')
      .describe('The absolute POSIX path of the workspace root.'),
    primary: patternId.nullable(),
    patterns: z.array(
      z
        .object({
          id: patternId,
          score: z.number().min(0).max(1),
          verdict: z.enum(['yes', 'partial', 'no']),
          evidence: z.array(evidence),
          counterEvidence: z.array(evidence),
        })
        .strict(),
    ),
    units: z
      .object({
        deployables: z.array(
          z.object({ name: z.string().min(1), path: relativePosixPath, kind: z.string().min(1) }).strict(),
        ),
        modules: z.array(z.object({ name: z.string().min(1), path: relativePosixPath }).strict()),
        layers: z.array(z.object({ name: z.string().min(1), paths: z.array(relativePosixPath) }).strict()),
      })
      .strict(),
    system: z
      .object({
        entryPoints: z.array(
          z
            .object({
              file: relativePosixPath,
              line: z.number().int().positive().optional(),
              kind: z.enum([
                'package-main',
                'package-bin',
                'package-script',
                'framework-root',
                'bootstrap',
                'function-handler',
                'language-main',
              ]),
              source: relativePosixPath,
              message: z.string().min(1),
            })
            .strict(),
        ),
        parts: z.array(
          z
            .object({
              name: z.string().min(1),
              path: relativePosixPath,
              role: partRole,
              basis: z.array(z.string().min(1)).min(1),
              entryPoints: z.array(relativePosixPath).min(1),
              files: z.number().int().nonnegative(),
            })
            .strict(),
        ),
        deployables: z.array(
          z
            .object({
              name: z.string().min(1),
              path: relativePosixPath,
              role: z.enum(['service', 'function', 'web-app']),
              processes: z.array(
                z
                  .object({
                    name: z.string().min(1),
                    kind: z.string().min(1),
                    file: relativePosixPath,
                    line: z.number().int().positive().optional(),
                  })
                  .strict(),
              ),
            })
            .strict(),
        ),
        notServices: z.array(
          z
            .object({
              name: z.string().min(1),
              path: z.string().min(1),
              reason: z.enum([
                'not-backend',
                'no-backend-code',
                'all-in-one',
                'library',
                'image-not-built-here',
                'test-runner',
                'not-shipped',
              ]),
              message: z.string().min(1),
            })
            .strict(),
        ),
        setAside: z.array(
          z
            .object({
              path: relativePosixPath,
              role: partRole,
              files: z.number().int().positive(),
              message: z.string().min(1),
            })
            .strict(),
        ),
      })
      .strict(),
  })
  .strict();

/** The JSON schema of `archlens detect --json`, published as `schemas/archlens-detect.schema.json`. */
export function detectJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(
    detectJson.describe(
      'What `archlens detect --json` prints: a verdict per pattern with evidence, the units and the system.',
    ),
    { target: 'draft-07' },
  ) as Record<string, unknown>;
}
