import type { Evidence, PatternId, PatternResult, Verdict } from '../model';

/** A score at or above this is a `yes`. */
export const YES_THRESHOLD = 0.6;
/** A score at or above this (and below {@link YES_THRESHOLD}) is a `partial`. */
export const PARTIAL_THRESHOLD = 0.3;
/** Evidence items kept per list; the rest are folded into one "and N more" item. */
export const MAX_EVIDENCE = 10;

/** A fact before it is weighed: a file, maybe a line, and a sentence. */
export interface Fact {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

/** The verdict for a score. */
export function verdictOf(score: number): Verdict {
  return score >= YES_THRESHOLD ? 'yes' : score >= PARTIAL_THRESHOLD ? 'partial' : 'no';
}

/**
 * Collects weighted signals for one pattern. A signal's weight is shared by the facts behind
 * it, so the evidence weights minus the counter-evidence weights add up to the score (before
 * it is clamped to [0, 1] or capped).
 */
export class ScoreCard {
  private readonly pro: Evidence[] = [];
  private readonly con: Evidence[] = [];
  private ceiling = 1;

  constructor(readonly id: PatternId) {}

  /** Adds a signal for the pattern. Nothing is added when there are no facts. */
  add(weight: number, facts: readonly Fact[]): void {
    spread(this.pro, weight, facts);
  }

  /** Adds a signal against the pattern. */
  against(weight: number, facts: readonly Fact[]): void {
    spread(this.con, weight, facts);
  }

  /** A fact worth showing that does not move the score (for example "imports were not read"). */
  note(fact: Fact): void {
    this.con.push(toEvidence(fact, 0));
  }

  /** Limits the score (for example to a `partial` when only folder names were seen). */
  cap(max: number, fact: Fact): void {
    if (max < this.ceiling) this.ceiling = max;
    this.con.push(toEvidence(fact, 0));
  }

  /** The current score, clamped and capped. */
  get score(): number {
    const raw = sum(this.pro) - sum(this.con);
    return round(Math.min(this.ceiling, Math.max(0, Math.min(1, raw))));
  }

  result(): PatternResult {
    const score = this.score;
    return {
      id: this.id,
      score,
      verdict: verdictOf(score),
      evidence: bound(this.pro),
      counterEvidence: bound(this.con),
    };
  }
}

function spread(into: Evidence[], weight: number, facts: readonly Fact[]): void {
  if (facts.length === 0 || weight <= 0) return;
  const share = weight / facts.length;
  for (const fact of facts) into.push(toEvidence(fact, share));
}

function toEvidence(fact: Fact, weight: number): Evidence {
  return {
    file: fact.file,
    ...(fact.line !== undefined ? { line: fact.line } : {}),
    message: fact.message,
    weight: round(weight),
  };
}

/** Keeps the heaviest {@link MAX_EVIDENCE} items (stable), folding the rest into one summary item. */
function bound(list: readonly Evidence[]): Evidence[] {
  if (list.length <= MAX_EVIDENCE) return [...list];
  const order = list.map((e, i) => [e, i] as const).sort((a, b) => b[0].weight - a[0].weight || a[1] - b[1]);
  const kept = order
    .slice(0, MAX_EVIDENCE - 1)
    .sort((a, b) => a[1] - b[1])
    .map(([e]) => e);
  const rest = order.slice(MAX_EVIDENCE - 1).map(([e]) => e);
  const first = rest[0];
  return [
    ...kept,
    {
      file: first?.file ?? '.',
      message: `and ${rest.length} more like \`${first?.file ?? '.'}\`: ${first?.message ?? ''}`,
      weight: round(sum(rest)),
    },
  ];
}

function sum(list: readonly Evidence[]): number {
  return list.reduce((total, e) => total + e.weight, 0);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
