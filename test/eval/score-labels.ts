import { PATTERN_IDS, type DetectionResult, type PatternId, type Verdict } from '../../src/core/model';
import { labelsOf, type Expected } from './labels';

/** A labelled verdict that detection got wrong. */
export interface Miss {
  readonly workspace: string;
  readonly id: PatternId | 'primary';
  readonly expected: string;
  readonly actual: string;
}

/** Counts for one pattern over every labelled workspace ("positive" means verdict `yes`). */
export interface PatternScore {
  readonly id: PatternId;
  /** Labelled yes, said yes. */
  truePositives: number;
  /** Labelled partial or no, said yes. */
  falsePositives: number;
  /** Labelled yes, said partial or no. */
  falseNegatives: number;
  /** Labels whose verdict matched exactly (yes, partial or no). */
  correct: number;
  labels: number;
}

/** The whole evaluation: per-pattern counts, primary-pattern hits, and every miss. */
export interface Scoreboard {
  readonly patterns: PatternScore[];
  primaryCorrect: number;
  primaryLabels: number;
  readonly misses: Miss[];
}

export function emptyScoreboard(): Scoreboard {
  return {
    patterns: PATTERN_IDS.map((id) => ({
      id,
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 0,
      correct: 0,
      labels: 0,
    })),
    primaryCorrect: 0,
    primaryLabels: 0,
    misses: [],
  };
}

/** Adds one workspace's labels and detection result to `board`. */
export function scoreWorkspace(
  board: Scoreboard,
  workspace: string,
  expected: Expected,
  result: DetectionResult,
): void {
  const verdicts = new Map<PatternId, Verdict>(result.patterns.map((p) => [p.id, p.verdict]));
  for (const label of labelsOf(expected)) {
    const score = board.patterns.find((p) => p.id === label.id);
    if (!score) continue;
    const actual = verdicts.get(label.id) ?? 'no';
    score.labels++;
    if (actual === label.expected) score.correct++;
    else board.misses.push({ workspace, id: label.id, expected: label.expected, actual });
    if (label.expected === 'yes' && actual === 'yes') score.truePositives++;
    if (label.expected !== 'yes' && actual === 'yes') score.falsePositives++;
    if (label.expected === 'yes' && actual !== 'yes') score.falseNegatives++;
  }
  board.primaryLabels++;
  if (result.primary === expected.primary) board.primaryCorrect++;
  else
    board.misses.push({
      workspace,
      id: 'primary',
      expected: expected.primary ?? 'null',
      actual: result.primary ?? 'null',
    });
}

const ratio = (part: number, whole: number): number | undefined => (whole === 0 ? undefined : part / whole);
const percent = (value: number | undefined): string =>
  value === undefined ? '—' : `${(value * 100).toFixed(1)} %`;

/** Precision, recall and exact-verdict accuracy of one pattern (undefined when nothing to divide). */
export function rates(score: PatternScore): {
  precision: number | undefined;
  recall: number | undefined;
  accuracy: number | undefined;
} {
  return {
    precision: ratio(score.truePositives, score.truePositives + score.falsePositives),
    recall: ratio(score.truePositives, score.truePositives + score.falseNegatives),
    accuracy: ratio(score.correct, score.labels),
  };
}

/** True when every label and every primary matched. */
export function isPerfect(board: Scoreboard): boolean {
  return board.misses.length === 0;
}

/** The scoreboard as a Markdown table plus totals and misses. */
export function formatScoreboard(board: Scoreboard): string {
  const lines = [
    '| pattern | labels | TP | FP | FN | precision | recall | exact verdicts |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  let labels = 0;
  let correct = 0;
  for (const score of board.patterns) {
    const r = rates(score);
    labels += score.labels;
    correct += score.correct;
    lines.push(
      `| ${score.id} | ${score.labels} | ${score.truePositives} | ${score.falsePositives} | ${score.falseNegatives} | ${percent(r.precision)} | ${percent(r.recall)} | ${score.correct}/${score.labels} |`,
    );
  }
  lines.push(
    '',
    `Pattern labels right: ${correct}/${labels} (${percent(ratio(correct, labels))}); primary right: ${board.primaryCorrect}/${board.primaryLabels} (${percent(ratio(board.primaryCorrect, board.primaryLabels))}).`,
  );
  if (board.misses.length > 0) {
    lines.push('', 'Misses:');
    for (const miss of board.misses)
      lines.push(`- ${miss.workspace}: ${miss.id} expected ${miss.expected}, got ${miss.actual}`);
  }
  return lines.join('\n') + '\n';
}
