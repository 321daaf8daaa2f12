import { z } from 'zod';
import { RULE_IDS, RULE_PATTERNS, RULES } from '../rules/catalogue';

const severity = z
  .enum(['error', 'warn', 'off'], { error: 'must be "error", "warn" or "off"' })
  .describe('"error" fails `archlens check`, "warn" only reports, "off" turns the rule off.');

const pattern = z.enum(RULE_PATTERNS, { error: `must be one of ${RULE_PATTERNS.join(', ')}` });

const allowedEdge = z
  .object({
    from: z
      .string({ error: 'must be a glob string' })
      .min(1, { error: 'must not be empty' })
      .describe('Glob of the importing files, relative to the workspace root: "src/cli/**".'),
    to: z
      .string({ error: 'must be a glob string' })
      .min(1, { error: 'must not be empty' })
      .describe('Glob of the imported files, or a package name: "src/node/**", "pg".'),
    rule: z
      .enum(RULE_IDS, { error: `must be a rule id (${RULE_IDS.join(', ')})` })
      .describe('Only this rule allows the edge; every rule when left out.')
      .optional(),
    reason: z.string({ error: 'must be a string' }).describe('Why the edge is allowed.').optional(),
  })
  .strict();

const ruleKeys = Object.fromEntries(
  RULES.map((rule) => [rule.id, severity.describe(`${rule.title}. ${rule.help}`).optional()]),
) as Record<(typeof RULE_IDS)[number], z.ZodOptional<typeof severity>>;

/**
 * `rules` of archlens.config.json: each rule id with its severity, and the keys that shape the
 * rules: `publicFiles` (a module's public face), `sharedKernels`, `allow` (edges that are fine) and `pattern`
 * (the patterns whose rules run, when detection is unsure).
 */
export const rulesConfigSchema = z
  .object(
    {
      ...ruleKeys,
      publicFiles: z
        .record(
          z.string(),
          z.array(z.string({ error: 'must be a glob string' }), {
            error: 'must be an array of glob strings',
          }),
          { error: 'must be an object mapping each module folder to an array of globs' },
        )
        .describe(
          'The public files of a module, by module folder: { "src/modules/billing": ["src/modules/billing/facade.ts"] }. Imports from other modules may land only there; replaces the convention (index.ts, api.ts, *.module.ts, api/, contracts/, events/).',
        )
        .optional(),
      sharedKernels: z
        .array(z.string({ error: 'must be a folder path' }).min(1, { error: 'must not be empty' }), {
          error: 'must be an array of folder paths',
        })
        .describe(
          'The shared kernels of a modular monolith, by folder: ["src/platform"]. Every module may import any of their files, and they import no module; a folder named here stops being a module. Folders named shared, shared-kernel, kernel or common beside the modules are shared kernels without it.',
        )
        .optional(),
      allow: z
        .array(allowedEdge, { error: 'must be an array of { "from", "to" } objects' })
        .describe(
          'Imports that break no rule: [{ "from": "src/cli/**", "to": "src/node/**", "reason": "the CLI is a composition root" }].',
        )
        .optional(),
      pattern: z
        .union([pattern, z.array(pattern, { error: 'must be a pattern id or an array of them' })], {
          error: `must be a pattern id (${RULE_PATTERNS.join(', ')}) or an array of them`,
        })
        .describe(
          'The patterns whose rules run, as intended whatever detection says: "modular-monolith". Without it, the rules of every pattern whose units were found run.',
        )
        .optional(),
    },
    {
      error:
        'must be an object of rule ids (each "error", "warn" or "off") and publicFiles, sharedKernels, allow, pattern',
    },
  )
  .strict()
  .describe(
    'Boundary rules derived from the detected architecture: each rule id set to "error", "warn" or "off", plus publicFiles, sharedKernels, allow and pattern.',
  );

export type RulesConfig = z.infer<typeof rulesConfigSchema>;
