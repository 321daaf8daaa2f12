// The .vsix install test: `npm run package`, install the package into a fresh code-server
// extensions folder, and run a throwaway test-runner extension (copied to a temp dir) whose
// tests use the installed ArchLens. The repository itself is never the development path, so a
// file missing from the package (.vscodeignore, bundle, native binding) fails here.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { installExtension, makeRunDirs, removeRunDirs } from './code-server.mjs';
import { repoRoot } from './host-paths.mjs';
import { runHostSuite } from './host-run.mjs';

const here = path.join(repoRoot, 'test', 'host', 'vsix-runner');
const vsixPath = path.join(repoRoot, 'dist-vsix', 'archlens.vsix');

function npm(args) {
  const result = spawnSync('npm', args, {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** Packages the extension; the production build replaces dist/ and removes out/. */
function packageVsix() {
  // vsce does not create the folder of --out.
  mkdirSync(path.dirname(vsixPath), { recursive: true });
  rmSync(vsixPath, { force: true });
  const packaged = npm(['run', '-s', 'package']);
  // Put the development build (and the test bundles) back whatever happened.
  const rebuilt = npm(['run', '-s', 'build']);
  if (!rebuilt.ok) console.error(`[vsix] restoring the development build failed:\n${rebuilt.output}`);
  if (!packaged.ok || !existsSync(vsixPath)) {
    throw new Error(`npm run package failed:\n${packaged.output.slice(-4000)}`);
  }
  const listing = packaged.output
    .split('\n')
    .filter((line) => /Packaged:|files|WARNING/i.test(line))
    .join('\n');
  return listing;
}

function writeRunner(dir) {
  mkdirSync(path.join(dir, 'test'), { recursive: true });
  copyFileSync(path.join(here, 'package.json'), path.join(dir, 'package.json'));
  copyFileSync(path.join(here, 'extension.cjs'), path.join(dir, 'extension.js'));
  copyFileSync(path.join(here, 'index.cjs'), path.join(dir, 'test', 'index.js'));
  copyFileSync(
    path.join(here, 'installed-extension.test.cjs'),
    path.join(dir, 'test', 'installed-extension.test.js'),
  );
}

/**
 * Packages, installs and tests the .vsix on `folder`; resolves with the run's outcome (failures
 * are counted, not thrown).
 */
export async function runVsixCheck({ folder, timeoutMs }) {
  const started = Date.now();
  const dirs = makeRunDirs('vsix');
  try {
    let summary;
    try {
      summary = packageVsix();
      console.log(
        `[vsix] packaged ${path.relative(repoRoot, vsixPath)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      if (summary) console.log(summary.replace(/^/gm, '[vsix] '));
      console.log(`[vsix] ${installExtension(vsixPath, dirs.extensions, dirs).split('\n').pop()}`);
    } catch (error) {
      console.error(`[vsix] ${error.message}`);
      return {
        name: 'vsix-install',
        passes: 0,
        failures: 1,
        exitCode: undefined,
        error: error.message.split('\n')[0],
        seconds: (Date.now() - started) / 1000,
      };
    }
    const runnerDir = path.join(dirs.base, 'vsix-runner');
    writeRunner(runnerDir);
    const version = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
    const outcome = await runHostSuite({
      name: 'vsix-install',
      folder,
      dirs,
      extensionsDir: dirs.extensions,
      extensionDevelopmentPath: runnerDir,
      extensionTestsPath: path.join(runnerDir, 'test', 'index.js'),
      env: {
        ARCHLENS_MOCHA_PATH: createRequire(path.join(repoRoot, 'package.json')).resolve('mocha'),
        ARCHLENS_VSIX_EXTENSIONS_DIR: dirs.extensions,
        ARCHLENS_EXPECTED_VERSION: version,
      },
      timeoutMs,
    });
    outcome.seconds = Math.round((Date.now() - started) / 100) / 10;
    return outcome;
  } finally {
    removeRunDirs(dirs);
  }
}
