// The reopened-workspace run: a generated workspace of a few thousand TypeScript files, opened
// twice in a row on the same user-data folder (so the extension gets the same workspace storage,
// where the analysis cache lives). test/integration/warm-start checks that the second opening
// shows the previous result first, and that the analysis checking it re-reads no file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, makeRunDirs, removeRunDirs } from './code-server.mjs';
import { repoRoot } from './host-paths.mjs';
import { runHostSuite } from './host-run.mjs';

/** Modules × files: each file imports two neighbours and a sibling module's index. */
function generateWorkspace(dir, modules = 40, files = 120) {
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'warm-start', private: true }));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true }, include: ['src'] }),
  );
  for (let m = 0; m < modules; m++) {
    const folder = path.join(dir, 'src', 'modules', `m${m}`);
    mkdirSync(folder, { recursive: true });
    const exports = [];
    for (let f = 0; f < files; f++) {
      const lines = [
        `import { v${(f + 1) % files} } from './f${(f + 1) % files}.js';`,
        `import { v${(f + 7) % files} } from './f${(f + 7) % files}.js';`,
        `import * as other from '../m${(m + 1) % modules}/index.js';`,
        `export const v${f} = () => [v${(f + 1) % files}, v${(f + 7) % files}, other];`,
      ];
      writeFileSync(path.join(folder, `f${f}.ts`), lines.join('\n') + '\n');
      exports.push(`export { v${f} } from './f${f}.js';`);
    }
    writeFileSync(path.join(folder, 'index.ts'), exports.join('\n') + '\n');
  }
}

export async function runWarmStart(timeoutMs) {
  const base = mkdtempSync(path.join(os.tmpdir(), 'archlens-warm-start-'));
  const folder = path.join(base, 'workspace');
  mkdirSync(folder);
  generateWorkspace(folder);
  const dirs = makeRunDirs('warm-start');
  // One port for both openings: the workspace storage that holds the cache follows the address.
  const common = {
    port: await freePort(),
    folder,
    dirs,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    timeoutMs,
  };
  // Both openings compile the worker afresh (no V8 code cache), so that what the second reuses is
  // the analysis cache alone.
  const env = {
    ARCHLENS_TEST_SUITE: 'warm-start',
    ARCHLENS_WARM_SHOWN: path.join(base, 'first-shown.json'),
    ARCHLENS_NO_COMPILE_CACHE: '1',
  };
  try {
    const first = await runHostSuite({
      ...common,
      name: 'dev-warm-start-first',
      env: { ...env, ARCHLENS_WARM_PHASE: 'first' },
    });
    const reopen = await runHostSuite({
      ...common,
      name: 'dev-warm-start-reopen',
      env: { ...env, ARCHLENS_WARM_PHASE: 'reopen' },
    });
    return {
      name: 'dev-warm-start',
      passes: first.passes + reopen.passes,
      failures: first.failures + reopen.failures,
      seconds: Math.round((first.seconds ?? 0) + (reopen.seconds ?? 0)),
      ...(first.error || reopen.error ? { error: first.error ?? reopen.error } : {}),
    };
  } finally {
    removeRunDirs(dirs);
    rmSync(base, { recursive: true, force: true });
  }
}
