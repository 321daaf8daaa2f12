import { z } from 'zod';

/**
 * The messages of the diagram's Impact mode and Compare view (see `protocol.ts` for the rest).
 * Like every message, validated on arrival.
 */

const Id = z.string().max(4_000);
const Text = (max: number) => z.string().max(max);

/** Impact mode: the node that fails, and how many hops of the cascade to show (all when absent). */
export const ImpactState = z.object({ node: Id, hop: z.number().int().min(0).max(1_000).optional() });
export type ImpactState = z.infer<typeof ImpactState>;

/** What the webview shows beside an impact drawing: the legend's counts and the hop stepper. */
export const ImpactInfo = z.object({
  target: Text(4_000),
  hop: z.number().int().min(0).max(1_000),
  maxHops: z.number().int().min(0).max(1_000),
  /** Drawn nodes by paint, at this hop. */
  nodes: z.object({
    failing: z.number().int().nonnegative(),
    fails: z.number().int().nonnegative(),
    degrades: z.number().int().nonnegative(),
    buildTime: z.number().int().nonnegative(),
    unaffected: z.number().int().nonnegative(),
  }),
  /** Dependent files, all hops. */
  files: z.object({
    fails: z.number().int().nonnegative(),
    degrades: z.number().int().nonnegative(),
    buildTime: z.number().int().nonnegative(),
    direct: z.number().int().nonnegative(),
    transitive: z.number().int().nonnegative(),
  }),
});
export type ImpactInfo = z.infer<typeof ImpactInfo>;

/** Webview → host: show the impact of this node (at this hop); `null` leaves Impact mode. */
export const SetImpactMessage = z.object({ type: z.literal('setImpact'), impact: ImpactState.nullable() });

export const CompareCutId = z.enum(['modular-monolith', 'microservices']);
export type CompareCutId = z.infer<typeof CompareCutId>;

/** Webview → host: open the Compare view on this cut; `null` closes it. */
export const ShowCompareMessage = z.object({ type: z.literal('showCompare'), cut: CompareCutId.nullable() });

const FigureRow = z.object({
  label: Text(100),
  parts: z.number().int().nonnegative(),
  crossedEdges: z.number().int().nonnegative(),
  crossedTypeEdges: z.number().int().nonnegative(),
  cycles: z.number().int().nonnegative(),
  sharedDatabases: z.number().int().nonnegative(),
  sharedCode: z.number().int().nonnegative(),
  moves: z.number().int().nonnegative(),
  cost: z.number().nonnegative(),
  costDefinition: Text(1_000),
});
export type FigureRow = z.infer<typeof FigureRow>;

/** Host → webview: today and the chosen cut, drawn side by side, with the figures of all cuts. */
export const CompareMessage = z.object({
  type: z.literal('compare'),
  requestId: z.number().int().nonnegative(),
  cut: CompareCutId,
  title: Text(500),
  today: z.object({ title: Text(200), mermaid: Text(200_000) }),
  proposed: z.object({ title: Text(200), mermaid: Text(200_000) }),
  figures: z.array(FigureRow).max(3),
  candidates: z
    .array(z.object({ name: Text(500), path: Text(4_000), files: z.number().int(), cohesion: z.number() }))
    .max(100),
  notes: z.array(Text(1_000)).max(20),
});
export type CompareMessage = z.infer<typeof CompareMessage>;
