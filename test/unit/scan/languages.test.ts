import * as assert from 'node:assert/strict';
import { isDeclarationFile, languageOf } from '../../../src/core/scan/languages';

describe('languageOf', () => {
  it('recognises each language by extension', () => {
    const cases: Record<string, string> = {
      'a.ts': 'typescript',
      'a.tsx': 'typescript',
      'a.mts': 'typescript',
      'a.cts': 'typescript',
      'a.d.ts': 'typescript',
      'a.js': 'javascript',
      'a.jsx': 'javascript',
      'a.mjs': 'javascript',
      'a.cjs': 'javascript',
      'App.vue': 'vue',
      'App.svelte': 'svelte',
      'main.py': 'python',
      'main.go': 'go',
      'Main.java': 'java',
      'Main.kt': 'kotlin',
      'Program.cs': 'csharp',
      'app.rb': 'ruby',
      'index.php': 'php',
      'main.rs': 'rust',
      'src/deep/FILE.TS': 'typescript',
    };
    for (const [path, language] of Object.entries(cases)) assert.equal(languageOf(path), language, path);
  });

  it('gives no language to manifests, configs and extension-less files', () => {
    for (const path of [
      'package.json',
      'Dockerfile',
      'compose.yaml',
      'README.md',
      '.gitignore',
      'src.ts/Makefile',
      '.ts',
    ]) {
      assert.equal(languageOf(path), undefined, path);
    }
  });
});

describe('isDeclarationFile', () => {
  it('tells declaration files apart', () => {
    for (const path of ['a.d.ts', 'src/a.d.mts', 'a.d.cts', 'styles.d.css.ts'])
      assert.ok(isDeclarationFile(path), path);
    for (const path of ['a.ts', 'a.d.tsx', 'bad.ts', 'a.md.ts', 'd.ts', 'src.d/a.ts'])
      assert.ok(!isDeclarationFile(path), path);
  });
});
