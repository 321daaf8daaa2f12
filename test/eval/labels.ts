import { z } from 'zod';
import { PATTERN_IDS, type PatternId, type Verdict } from '../../src/core/model';

const patternId = z.enum(PATTERN_IDS);

/** The labels of a workspace: only the verdicts its author is sure of; ids not listed are not scored. */
export const expectedSchema = z
  .object({
    yes: z.array(patternId),
    no: z.array(patternId),
    partial: z.array(patternId).optional(),
    primary: patternId.nullable(),
  })
  .strict();

export type Expected = z.infer<typeof expectedSchema>;

/** One labelled verdict: what the author expects of one pattern. */
export interface Label {
  readonly id: PatternId;
  readonly expected: Verdict;
}

/** The labels as a flat list, `yes` then `partial` then `no`. */
export function labelsOf(expected: Expected): Label[] {
  return [
    ...expected.yes.map((id) => ({ id, expected: 'yes' as const })),
    ...(expected.partial ?? []).map((id) => ({ id, expected: 'partial' as const })),
    ...expected.no.map((id) => ({ id, expected: 'no' as const })),
  ];
}
