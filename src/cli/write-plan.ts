/** Writing a scaffold plan to disk for the CLI, all or nothing. */
import { mkdirSync, readFileSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScaffoldFile, ScaffoldPlan } from '../core/scaffold';
import { lstat, planTargetsProblem } from '../node/scaffold-targets';

/**
 * Writes the plan under `root`. Refuses, before writing anything, when a target is outside the
 * workspace or reached through a link, a file to create appeared meanwhile, or a file to edit no
 * longer reads as it did when the plan was made. When a write fails part way, undoes the writes
 * before it (created files and folders removed, edited files restored byte for byte). Returns why
 * nothing was written, or `undefined` when all was.
 */
export function writePlan(root: string, plan: ScaffoldPlan): string | undefined {
  const refused = planTargetsProblem(root, plan);
  if (refused !== undefined) return refused;
  for (const file of plan.files) {
    if (file.action === 'edit' && readText(path.join(root, file.path)) !== file.original) {
      return `${file.path} changed since the scaffold was planned; nothing was written. Run it again.`;
    }
  }
  const undo: Undo[] = [];
  for (const file of plan.files) {
    try {
      write(path.join(root, ...file.path.split('/')), file, undo);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const left = rollBack(undo);
      if (left.length === 0)
        return `Could not write ${file.path} (${reason}); every change was undone, nothing was written.`;
      return `Could not write ${file.path} (${reason}), and could not undo: ${left.join(', ')}. Check them.`;
    }
  }
  return undefined;
}

/** One step back: what it undoes (for the message when it fails) and how. */
interface Undo {
  readonly what: string;
  readonly run: () => void;
}

function write(target: string, file: ScaffoldFile, undo: Undo[]): void {
  for (const folder of missingFolders(path.dirname(target))) {
    mkdirSync(folder);
    // Removed only while empty: a folder someone else filled meanwhile stays.
    undo.push({ what: `the folder ${folder}`, run: () => rmdirSync(folder) });
  }
  if (file.action === 'create') {
    // `wx`: never over a file (nor a link) that appeared since the check.
    writeFileSync(target, file.content, { flag: 'wx' });
    undo.push({ what: `the new file ${target}`, run: () => unlinkSync(target) });
    return;
  }
  // Checked again just before writing: a link put there since the check is not written through.
  if (lstat(target)?.isSymbolicLink()) throw new Error(`${file.path} became a symbolic link`);
  const before = readFileSync(target);
  undo.push({ what: `the edited file ${target}`, run: () => writeFileSync(target, before) });
  // The plan was made on the text without a byte order mark (as the core reads it): keep the file's.
  writeFileSync(target, (hasBom(before) ? BOM : '') + file.content);
}

/** The folders to make for `folder` to exist, outermost first. */
function missingFolders(folder: string): string[] {
  const missing: string[] = [];
  for (let dir = folder; lstat(dir) === undefined; dir = path.dirname(dir)) {
    if (path.dirname(dir) === dir) break;
    missing.unshift(dir);
  }
  return missing;
}

/** Runs the undo steps, last first; returns what could not be undone. */
function rollBack(undo: Undo[]): string[] {
  const left: string[] = [];
  for (const step of undo.reverse()) {
    try {
      step.run();
    } catch {
      left.push(step.what);
    }
  }
  return left;
}

const BOM = '\uFEFF';

/** The file's text as the core reads it (UTF-8, without a byte order mark), or `undefined`. */
function readText(file: string): string | undefined {
  try {
    return new TextDecoder().decode(readFileSync(file));
  } catch {
    return undefined;
  }
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
