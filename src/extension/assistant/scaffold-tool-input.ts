import { z } from 'zod';
import { scaffoldFolder, scaffoldFor, scaffoldName } from '../../core/assistant/scaffold-fields';
import { SCAFFOLD_KINDS } from '../../core/scaffold/types';

/** The input of the one language-model tool that writes: a scaffold, applied only after the user confirms. */
export const scaffoldToolInput = z
  .object({
    kind: z.enum(SCAFFOLD_KINDS).describe('The building block to create.'),
    name: scaffoldName,
    for: scaffoldFor.optional(),
    folder: scaffoldFolder.optional(),
  })
  .strict();

export type ScaffoldToolInput = z.infer<typeof scaffoldToolInput>;
