import type { SourceLocation } from './diagram-model';

/** A boundary rule an import breaks, as the diagram shows it. */
export interface RuleMark {
  /** The rule id: `modular-monolith/deep-import`. */
  readonly rule: string;
  /** The rule's sentence about this import. */
  readonly message: string;
}

/** An import behind an edge that breaks a boundary rule: where it is, and which rule. */
export interface EdgeViolation extends SourceLocation, RuleMark {}

/** The imports that break boundary rules, by place (`file`, `line`, `column` of the specifier). */
export type ViolationMarks = ReadonlyMap<string, readonly RuleMark[]>;

/** What the diagram reads of a violation (the rules' `Violation` has it all). */
export interface PlacedViolation extends RuleMark {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

function keyOf(file: string, line: number, column: number | undefined): string {
  return `${file}\u0000${line}\u0000${column ?? 0}`;
}

/** Indexes violations by the place of their import, for the views to mark the edges they fall on. */
export function violationMarks(violations: readonly PlacedViolation[]): ViolationMarks {
  const marks = new Map<string, RuleMark[]>();
  for (const v of violations) {
    const key = keyOf(v.file, v.line, v.column);
    const list = marks.get(key);
    const mark = { rule: v.rule, message: v.message };
    if (list) list.push(mark);
    else marks.set(key, [mark]);
  }
  return marks;
}

/** The rules the import at `location` breaks (none when no marks are given). */
export function marksAt(marks: ViolationMarks | undefined, location: SourceLocation): readonly RuleMark[] {
  if (!marks || marks.size === 0) return [];
  return marks.get(keyOf(location.file, location.line, location.column)) ?? [];
}
