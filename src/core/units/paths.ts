/** Small helpers over relative POSIX paths (`src/a/b.ts`, `.` for the root). */

/** The folder of a relative path; `.` for a file at the root. */
export function dirOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '.' : path.slice(0, at);
}

/** The last segment of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether `path` is `folder` itself or inside it (`.` contains everything). */
export function isUnder(path: string, folder: string): boolean {
  return folder === '.' || path === folder || path.startsWith(folder + '/');
}

/** Joins a folder and a relative child, keeping `.` out of the result. */
export function joinPath(folder: string, child: string): string {
  const parts: string[] = [];
  for (const part of `${folder}/${child}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

/** The child of `folder` that `path` lies in (`src/a/b.ts` under `src` → `src/a`), if any. */
export function childOf(path: string, folder: string): string | undefined {
  if (folder === '.') {
    const slash = path.indexOf('/');
    return slash < 0 ? path : path.slice(0, slash);
  }
  if (path.length <= folder.length + 1 || !path.startsWith(folder) || path.charCodeAt(folder.length) !== 47)
    return undefined;
  const slash = path.indexOf('/', folder.length + 1);
  return slash < 0 ? path : path.slice(0, slash);
}

/** The file name without its extension(s): `order.command.ts` → `order.command`. */
export function stem(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}

const SCRIPT = /\.(?:[cm]?[jt]sx?)$/;
/** Whether the file is TypeScript or JavaScript (whose imports ArchLens reads). */
export function isScript(path: string): boolean {
  return SCRIPT.test(path) && !path.endsWith('.d.ts');
}

const TEST = /(?:^|\/)(?:__tests__|__mocks__|tests?|spec|e2e)\/|\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$/;
/**
 * Test code by the conventions of the other languages: Go `_test.go`, Python `test_*.py`,
 * `*_test.py` and `conftest.py`, .NET test projects and folders (`Orders.Tests/`,
 * `Orders.IntegrationTests/`, `Tests/`), JVM test source sets (`src/integrationTest/`).
 */
const OTHER_LANGUAGE_TEST =
  /_test\.go$|(?:^|\/)(?:test_[^/]*|[^/]*_test|conftest)\.py$|(?:^|\/)(?:[\w.]*[.-])?(?:Unit|Integration|Acceptance|Functional|Architecture|Component|EndToEnd|E2E)?Tests?\/|(?:^|\/)src\/(?:test\w*|[a-z]+Test\w*)\//;
/** Whether a file is a test (tests do not shape the architecture). */
export function isTestFile(path: string): boolean {
  return TEST.test(path) || OTHER_LANGUAGE_TEST.test(path);
}
