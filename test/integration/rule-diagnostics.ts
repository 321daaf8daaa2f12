// ArchLens's boundary-rule diagnostics as the host shows them, and the planted violations of the
// rules fixture the host opened a copy of (its expected-violations.json).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { fixtureFolder } from './archlens-api';

export interface ExpectedViolation {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly target: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every ArchLens diagnostic of the workspace as `rule file:line`, sorted. */
export function archLensDiagnostics(): { key: string; diagnostic: vscode.Diagnostic; file: string }[] {
  const root = fixtureFolder().uri.path;
  return vscode.languages
    .getDiagnostics()
    .flatMap(([file, list]) =>
      list
        .filter((d) => d.source === 'ArchLens')
        .map((diagnostic) => {
          const code = diagnostic.code as { value: string };
          const rel = file.path.slice(root.length + 1);
          return { key: `${code.value} ${rel}:${diagnostic.range.start.line + 1}`, diagnostic, file: rel };
        }),
    )
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** The planted violations of the folder `dir` (the open fixture when not given). */
export function expectedViolations(dir = fixtureFolder().uri.fsPath): ExpectedViolation[] {
  return JSON.parse(readFileSync(path.join(dir, 'expected-violations.json'), 'utf8')) as ExpectedViolation[];
}

/** `rule file:line` of expected violations, sorted as {@link archLensDiagnostics} sorts. */
export function keysOf(list: readonly ExpectedViolation[]): string[] {
  return list.map((e) => `${e.rule} ${e.file}:${e.line}`).sort();
}

/** Waits until `check` holds, failing with the diagnostics shown when it never does. */
export async function untilDiagnostics(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return;
    await sleep(200);
  }
  assert.fail(
    `timed out waiting for ${what}; diagnostics: ${archLensDiagnostics()
      .map((d) => d.key)
      .join(', ')}`,
  );
}
