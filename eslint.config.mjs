// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      '.cache/**',
      '.test-artifacts/**',
      'test/fixtures/**',
      'examples/**',
      'bench/.peers/**',
      'bench/.work/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure analysis: it reaches files and progress only through its ports.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core never imports vscode: add a port in src/core/ports.ts.' },
            { name: 'fs', message: 'src/core reads files only through FileSystemPort.' },
            { name: 'node:fs', message: 'src/core reads files only through FileSystemPort.' },
            { name: 'fs/promises', message: 'src/core reads files only through FileSystemPort.' },
            { name: 'node:fs/promises', message: 'src/core reads files only through FileSystemPort.' },
            { name: 'child_process', message: 'src/core never runs programs.' },
            { name: 'node:child_process', message: 'src/core never runs programs.' },
          ],
          patterns: [
            {
              group: ['**/extension/**', '**/node/**', '**/cli/**'],
              message: 'src/core depends on nothing outside it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts', 'webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'The webview and the protocol are not extension-host code.' }] },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        exports: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        describe: 'readonly',
        it: 'readonly',
        before: 'readonly',
        after: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
