import { z } from 'zod';
import { SCAFFOLD_KINDS } from '../../core/scaffold/types';

/** The input of the one language-model tool that writes: a scaffold, applied only after the user confirms. */
export const scaffoldToolInput = z
  .object({
    kind: z.enum(SCAFFOLD_KINDS).describe('The building block to create.'),
    name: z
      .string()
      .min(1)
      .max(120)
      .describe('Its name, e.g. `StripePayment`, `GetOverdueInvoices`, `shipping`.'),
    for: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The port an adapter implements, the ports of a use case (comma-separated), or the module a command, query or event belongs to.',
      ),
    folder: z
      .string()
      .min(1)
      .optional()
      .describe("A folder relative to the workspace root instead of the workspace's convention."),
  })
  .strict();

export type ScaffoldToolInput = z.infer<typeof scaffoldToolInput>;
