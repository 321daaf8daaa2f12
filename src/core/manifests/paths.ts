/** POSIX path helpers for workspace-relative paths (`a/b/c.ts`, `.` for the root). */

/** The folder of a relative path; `.` for a file at the root. */
export function dirOf(relPath: string): string {
  const slash = relPath.lastIndexOf('/');
  return slash < 0 ? '.' : relPath.slice(0, slash);
}

/** The last segment of a path. */
export function baseOf(relPath: string): string {
  return relPath.slice(relPath.lastIndexOf('/') + 1);
}

/**
 * Joins segments and normalizes `.` and `..`; `.` for the root. Returns `undefined` when the
 * result would leave the workspace or a segment is absolute (it cannot name a workspace file).
 */
export function joinPath(...segments: readonly string[]): string | undefined {
  const out: string[] = [];
  for (const segment of segments) {
    if (segment.startsWith('/') || /^[A-Za-z]:[\\/]/.test(segment)) return undefined;
    for (const part of segment.replace(/\\/g, '/').split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (out.length === 0) return undefined;
        out.pop();
      } else out.push(part);
    }
  }
  return out.length === 0 ? '.' : out.join('/');
}

/** Whether `relPath` is `dir` or inside it. */
export function isInside(relPath: string, dir: string): boolean {
  return dir === '.' || relPath === dir || relPath.startsWith(`${dir}/`);
}

/** The path with its last extension removed (`a/b.test.ts` → `a/b.test`). */
export function withoutExtension(relPath: string): string {
  const base = baseOf(relPath);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? relPath : relPath.slice(0, relPath.length - (base.length - dot));
}

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
