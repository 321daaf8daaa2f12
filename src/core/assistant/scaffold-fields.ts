import { z } from 'zod';

/** The name of a building block to create, as both scaffold-facing tools ask for it. */
export const scaffoldName = z
  .string()
  .min(1)
  .max(120)
  .describe('Its name, e.g. `StripePayment`, `GetOverdueInvoices`, `shipping`.');

/** What the building block is for, as both scaffold-facing tools ask for it. */
export const scaffoldFor = z
  .string()
  .min(1)
  .describe(
    'The port an adapter implements, the ports of a use case (comma-separated), or the module a command, query or event belongs to.',
  );

/** A folder instead of the workspace's convention, as both scaffold-facing tools ask for it. */
export const scaffoldFolder = z
  .string()
  .min(1)
  .describe("A folder (relative to the root) to use instead of the workspace's convention.");
