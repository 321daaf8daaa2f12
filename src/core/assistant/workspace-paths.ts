import { closestName } from '../config/closest-name';
import { ToolInputError } from './tool-types';

/**
 * A path an assistant named, as a POSIX path relative to the workspace root: relative paths as
 * they are (`./`, `\` and `..` resolved), absolute ones only when inside the root. Anything
 * leading outside the workspace is refused.
 */
export function workspaceRelative(root: string, input: string, what = 'path'): string {
  let text = input.trim().replace(/\\/g, '/');
  if (text === '') throw new ToolInputError(`The ${what} is empty.`);
  const absolute = text.startsWith('/') || /^[A-Za-z]:\//.test(text);
  if (absolute) {
    const rootSlash = root.endsWith('/') ? root : `${root}/`;
    const inside = text === root || caseFold(text).startsWith(caseFold(rootSlash));
    if (!inside) throw new ToolInputError(`The ${what} \`${input}\` is outside the workspace \`${root}\`.`);
    text = text === root ? '.' : text.slice(rootSlash.length);
  }
  const parts: string[] = [];
  for (const part of text.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0)
        throw new ToolInputError(`The ${what} \`${input}\` leads outside the workspace.`);
      parts.pop();
    } else parts.push(part);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

/** Windows paths compare without case; POSIX ones exactly. */
function caseFold(path: string): string {
  return /^[A-Za-z]:\//.test(path) ? path.toLowerCase() : path;
}

/** A hint naming the closest of `candidates`, or nothing. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const close = closestName(name, candidates);
  return close === undefined ? '' : ` Did you mean \`${close}\`?`;
}
