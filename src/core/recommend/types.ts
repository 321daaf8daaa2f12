import type { PatternId } from '../model';

/** The team-size signal: distinct commit authors from git, or why the count is unknown. */
export type TeamSize =
  { readonly known: true; readonly authors: number } | { readonly known: false; readonly reason: string };

/** What a scaffold can create (the `archlens.scaffold` command takes one of these). */
export type ScaffoldKind =
  'module' | 'port' | 'adapter' | 'use-case' | 'command' | 'query' | 'event' | 'function' | 'service';

/** Where a next step leads: a file (at a line), a folder or module, or a node of the diagram. */
export type StepLink =
  | { readonly kind: 'file'; readonly path: string; readonly line?: number }
  | { readonly kind: 'folder'; readonly path: string }
  /** `focus`: a workspace-relative path of a folder or file, or a diagram node id; `view`: where to draw it. */
  | { readonly kind: 'diagram'; readonly focus: string; readonly view?: 'overview' | 'deps' | 'layers' };

/** One concrete thing to do next. */
export interface NextStep {
  readonly text: string;
  readonly link?: StepLink;
  /**
   * What the step is about in the diagram, when that is not its link (e.g. the module of a step
   * whose link is an import line); otherwise the link's file or folder is focused.
   */
  readonly focus?: { readonly focus: string; readonly view?: 'overview' | 'deps' | 'layers' };
  /** The scaffold that does (part of) it, when one exists; it runs in `folder` when given. */
  readonly scaffold?: { readonly kind: ScaffoldKind; readonly folder?: string };
}

/** A measured value that drove a recommendation, already phrased for a person. */
export interface SignalValue {
  /** Which measurement (`team`, `deployables`, `handlers`, …). */
  readonly id: string;
  /** E.g. `3 authors in the last 12 months (git)`, `reads:writes handlers 14:3`. */
  readonly label: string;
}

/** `fits`: the pattern suits what was measured; `hurts`: the code is in the pattern's "hurts" zone; `consider`: worth a look. */
export type Fit = 'fits' | 'hurts' | 'consider';

/** One recommendation: which pattern, how it fits, the measured signals behind it, why, and what to do. */
export interface Recommendation {
  /** Stable id (`team-modular-monolith`, `distributed-monolith`, …). */
  readonly id: string;
  readonly pattern: PatternId;
  readonly fit: Fit;
  readonly title: string;
  readonly signals: readonly SignalValue[];
  /** The works/hurts reasoning, one sentence a line. */
  readonly reasoning: readonly string[];
  readonly steps: readonly NextStep[];
}
