/**
 * The paths a scaffold may write: inside the workspace root, valid on every file system the
 * workspace may be checked out on, and never through a symbolic link. A repository is untrusted
 * input (its folders, its links, the `--folder` typed for it), so the planner refuses here, and
 * the writers check again on the disk just before writing (a plan is data and may be stale).
 */
import { isDeviceName } from './names';
import { takenMessage } from './placement';
import { ScaffoldError, type ScaffoldFile, type ScaffoldPlan, type ScaffoldWorkspace } from './types';
import { basename, dirname } from './workspace-files';

/** The longest file or folder name most file systems take (ext4, APFS, NTFS count 255). */
export const MAX_SEGMENT_BYTES = 255;
/** The longest relative path a scaffold writes; far below PATH_MAX, so the root may be deep. */
export const MAX_PATH_BYTES = 1024;

// Besides the separators, the characters Windows refuses in a name (`:` would also open a stream).
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Why a relative POSIX path is not one a scaffold may write, as a phrase following the path
 * (`is not a path inside the workspace`, `has a name longer than 255 bytes`), or `undefined`.
 */
export function pathProblem(relPath: string): string | undefined {
  if (/^[A-Za-z]:/.test(relPath) || relPath.startsWith('/') || relPath.includes('\\'))
    return 'is not a path inside the workspace';
  const segments = relPath.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'is not a path inside the workspace';
  if (utf8Length(relPath) > MAX_PATH_BYTES) return `is longer than ${MAX_PATH_BYTES} bytes`;
  for (const segment of segments) {
    const problem = segmentProblem(segment);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function segmentProblem(segment: string): string | undefined {
  if (CONTROL.test(segment)) return 'has a control character in a name';
  const forbidden = WINDOWS_FORBIDDEN.exec(segment)?.[0];
  if (forbidden !== undefined)
    return `has the character \`${forbidden}\` in a name, which Windows does not allow`;
  if (utf8Length(segment) > MAX_SEGMENT_BYTES) return `has a name longer than ${MAX_SEGMENT_BYTES} bytes`;
  if (isDeviceName(segment)) return `has \`${segment}\`, a device name reserved on Windows`;
  if (/[ .]$/.test(segment))
    return `has \`${segment}\`, a name ending in a dot or space, which Windows drops`;
  return undefined;
}

/**
 * The `--folder` of a request as a relative POSIX path inside the root (`.` for the root itself):
 * `\` read as a separator (Windows-style input), `.` segments dropped, `..` resolved. Throws
 * {@link ScaffoldError} when it is absolute or leads above the root, or has a name no file system takes.
 */
export function normaliseFolder(folder: string): string {
  const outside = new ScaffoldError(
    `The folder ${shown(folder)} is outside the workspace; give a folder relative to the workspace root (nothing was written).`,
  );
  const slashed = folder.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) throw outside;
  const parts: string[] = [];
  for (const part of slashed.split('/')) {
    if (part === '..') {
      if (parts.length === 0) throw outside;
      parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  const normal = parts.length === 0 ? '.' : parts.join('/');
  const problem = normal === '.' ? undefined : pathProblem(normal);
  if (problem !== undefined) throw new ScaffoldError(`The folder ${shown(folder)} ${problem}.`);
  return normal;
}

/**
 * Checks every file of a plan against the workspace as the port sees it, and returns the plan;
 * throws {@link ScaffoldError} naming the first file or link that makes it unsafe.
 */
export function checkPlanPaths(ws: ScaffoldWorkspace, plan: ScaffoldPlan): ScaffoldPlan {
  for (const file of plan.files) {
    const problem = pathProblem(file.path);
    if (problem !== undefined)
      throw new ScaffoldError(`Cannot ${file.action} ${shown(file.path)}: it ${problem}.`);
    const link = linkOutside(ws, file.path);
    if (link !== undefined)
      throw new ScaffoldError(`${link} is a link to a place outside the workspace; nothing was written.`);
    const entry = entryKind(ws, file);
    if (file.action === 'create' && entry !== undefined) throw new ScaffoldError(takenMessage(ws, file.path));
    if (file.action === 'edit' && entry === 'symlink')
      throw new ScaffoldError(
        `${file.path} is a symbolic link; ArchLens does not edit through links. Nothing was written.`,
      );
  }
  return plan;
}

/** The first existing folder on the way to the file whose real path leaves the root (a link), or `undefined`. */
function linkOutside(ws: ScaffoldWorkspace, relPath: string): string | undefined {
  const root = ws.model.root;
  const realRoot = ws.fs.realpath(root);
  const segments = relPath.split('/');
  for (let i = 1; i < segments.length; i++) {
    const prefix = segments.slice(0, i).join('/');
    if (ws.fs.stat(`${root}/${prefix}`) === undefined) {
      // A dangling link is no folder to follow, but the write would follow it: name it.
      return entryKind(ws, { path: prefix }) === 'symlink' ? prefix : undefined;
    }
    if (!isInside(realRoot, ws.fs.realpath(`${root}/${prefix}`))) return prefix;
  }
  return undefined;
}

/** What the listing of its folder says the path is (a dangling link included), or `undefined`. */
function entryKind(ws: ScaffoldWorkspace, file: Pick<ScaffoldFile, 'path'>): string | undefined {
  const folder = dirname(file.path);
  const listing = ws.fs.readDirectory(folder === '.' ? ws.model.root : `${ws.model.root}/${folder}`);
  return listing?.find((e) => e.name === basename(file.path))?.kind;
}

/** Whether a canonical POSIX path is the root or below it. */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/** A path or name as a message shows it: control characters escaped, at most 60 characters. */
export function shown(text: string): string {
  const visible = text.replace(
    new RegExp(CONTROL.source, 'g'),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return visible.length > 60 ? `${visible.slice(0, 60)}…` : visible;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
