const namePart = /^[a-z0-9~-][a-z0-9._~-]*$/i;

/**
 * The package a bare specifier names (`@scope/name` or `name`) and the subpath after it
 * (`''` or `./x`), or `undefined` when the specifier is relative, absolute, a `#` import, or not
 * a valid package name (`@/x`, `~/x`: aliases, not packages).
 */
export function parsePackageSpecifier(specifier: string): { name: string; subpath: string } | undefined {
  if (isPathLike(specifier) || specifier.startsWith('#')) return undefined;
  const parts = specifier.split('/');
  const scoped = specifier.startsWith('@');
  const nameParts = scoped ? parts.slice(0, 2) : parts.slice(0, 1);
  if (scoped && nameParts.length < 2) return undefined;
  const [first, second] = nameParts;
  if (first === undefined) return undefined;
  if (
    scoped
      ? !namePart.test(first.slice(1)) || second === undefined || !namePart.test(second)
      : !namePart.test(first)
  ) {
    return undefined;
  }
  const rest = parts.slice(nameParts.length);
  return { name: nameParts.join('/'), subpath: rest.length > 0 ? './' + rest.join('/') : '' };
}

/** Whether a specifier is a path (relative or absolute) rather than a name. */
export function isPathLike(specifier: string): boolean {
  return (
    specifier === '.' ||
    specifier === '..' ||
    specifier.startsWith('./') ||
    specifier.startsWith('../') ||
    specifier.startsWith('/') ||
    /^[A-Za-z]:[/\\]/.test(specifier)
  );
}

/** The package a resolved file inside `node_modules` belongs to, from its path. */
export function packageNameFromPath(path: string): string | undefined {
  const marker = '/node_modules/';
  const at = path.lastIndexOf(marker);
  if (at < 0) return undefined;
  const rest = path.slice(at + marker.length).split('/');
  const [first, second] = rest;
  if (first === undefined) return undefined;
  if (first.startsWith('@')) return second === undefined ? undefined : `${first}/${second}`;
  return first;
}
