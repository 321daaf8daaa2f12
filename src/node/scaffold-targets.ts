/**
 * The last check before a scaffold plan touches the disk, shared by the CLI's writer and the
 * extension's `WorkspaceEdit`: every target inside the real root, no write through a link.
 * The planner checked the same through the file port; this checks the disk as it is now.
 */
import { lstatSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isInside, pathProblem, shown, type ScaffoldPlan } from '../core/scaffold';
import { toPosixPath } from './paths';

/** Why the plan must not be written under `root` (a native path), naming the file or link; `undefined` when it may. */
export function planTargetsProblem(root: string, plan: ScaffoldPlan): string | undefined {
  const realRoot = realPosix(root);
  if (realRoot === undefined) return `The workspace folder ${root} cannot be read; nothing was written.`;
  for (const file of plan.files) {
    const problem = pathProblem(file.path);
    if (problem !== undefined) return `${shown(file.path)} ${problem}; nothing was written.`;
    const segments = file.path.split('/');
    // Each existing folder on the way (the nearest existing ancestor last) must resolve inside the root.
    for (let i = 1; i < segments.length; i++) {
      const prefix = segments.slice(0, i).join('/');
      const stat = lstat(path.join(root, ...segments.slice(0, i)));
      if (stat === undefined) break;
      const real = realPosix(path.join(root, ...segments.slice(0, i)));
      if (real === undefined || !isInside(realRoot, real))
        return `${prefix} is a link to a place outside the workspace; nothing was written.`;
    }
    const target = lstat(path.join(root, ...segments));
    if (file.action === 'create' && target !== undefined)
      return `${file.path} already exists; ArchLens never overwrites a file.`;
    if (file.action === 'edit') {
      if (target?.isSymbolicLink())
        return `${file.path} is a symbolic link; ArchLens does not edit through links. Nothing was written.`;
      if (target !== undefined && !target.isFile()) return `${file.path} is not a file; nothing was written.`;
    }
  }
  return undefined;
}

/** The entry itself (a link is not followed), or `undefined` when nothing is there. */
export function lstat(nativePath: string): Stats | undefined {
  try {
    return lstatSync(nativePath);
  } catch {
    return undefined;
  }
}

function realPosix(nativePath: string): string | undefined {
  try {
    return toPosixPath(realpathSync.native(nativePath));
  } catch {
    return undefined;
  }
}
