/** Writing a scaffold plan to disk for the CLI, all or nothing. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScaffoldPlan } from '../core/scaffold';

/**
 * Writes the plan under `root`. Refuses, before writing anything, when a file to create appeared
 * meanwhile or a file to edit no longer reads as it did when the plan was made; returns why.
 */
export function writePlan(root: string, plan: ScaffoldPlan): string | undefined {
  for (const file of plan.files) {
    const target = path.join(root, file.path);
    if (file.action === 'create' && existsSync(target)) {
      return `${file.path} already exists; ArchLens never overwrites a file.`;
    }
    if (file.action === 'edit' && readText(target) !== file.original) {
      return `${file.path} changed since the scaffold was planned; nothing was written. Run it again.`;
    }
  }
  for (const file of plan.files) {
    const target = path.join(root, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    if (file.action === 'create') writeFileSync(target, file.content, { flag: 'wx' });
    // The plan was made on the text without a byte order mark (as the core reads it): keep the file's.
    else writeFileSync(target, (hasBom(target) ? BOM : '') + file.content);
  }
  return undefined;
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

function hasBom(file: string): boolean {
  const head = readFileSync(file).subarray(0, 3);
  return head.length === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}
