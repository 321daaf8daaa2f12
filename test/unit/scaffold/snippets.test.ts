import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { repoRoot } from './scaffold-helpers';

interface Snippet {
  readonly prefix: string;
  readonly body: readonly string[];
  readonly description: string;
}

/** Expands a snippet body with every placeholder at its default and tab stops empty. */
export function expand(body: readonly string[]): string {
  let text = body.join('\n');
  // Nested placeholders resolve from the inside out.
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(/\$\{\d+:([^${}]*(?:\{[^{}]*\}[^${}]*)*)\}/g, '$1');
  }
  return text.replace(/\$\{\d+\}|\$\d+/g, '');
}

describe('TypeScript snippets', () => {
  const file = path.join(repoRoot, 'snippets', 'typescript.code-snippets');
  const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Snippet>;

  it('cover the building blocks of the patterns', () => {
    const prefixes = Object.values(snippets)
      .map((s) => s.prefix)
      .sort();
    assert.deepEqual(prefixes, [
      'al-adapter',
      'al-aggregate',
      'al-command',
      'al-event',
      'al-lambda',
      'al-port',
      'al-query',
      'al-saga-step',
      'al-use-case',
    ]);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${name} expands with its defaults to TypeScript without syntax errors`, () => {
      const text = expand(snippet.body);
      assert.doesNotMatch(text, /\$\{|\$\d/, 'every placeholder replaced');
      const out = ts.transpileModule(text, {
        reportDiagnostics: true,
        compilerOptions: { target: ts.ScriptTarget.ES2022 },
      });
      const messages = (out.diagnostics ?? []).map((d) =>
        ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      );
      assert.deepEqual(messages, []);
    });
  }

  it('the expansion check catches a broken body', () => {
    const out = ts.transpileModule(expand(['export class ${1:X} {', '  m(): void {']), {
      reportDiagnostics: true,
    });
    assert.ok((out.diagnostics ?? []).length > 0);
  });
});
