// Installs what the offline VS Code host needs, and nothing twice: Debian's chromium (drives the
// workbench), ripgrep and libkrb5-dev (to build code-server with no network), and code-server
// itself into .cache/code-server. Run directly (`node test/host/ensure-host.mjs`) or call
// `ensureHost()`; it prints how long each step took.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, cpSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import {
  chromiumPath,
  codeServerDir,
  codeServerEntry,
  codeServerMarker,
  codeServerVersion,
  markerText,
  repoRoot,
  ripgrepCache,
} from './host-paths.mjs';

const log = (message) => console.log(`[ensure-host] ${message}`);

/** Runs `fn`, printing its duration; returns its result. */
async function timed(label, fn) {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return result;
}

function isDebianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function failWith(message) {
  const error = new Error(message);
  error.userFacing = true;
  throw error;
}

/** Installs the missing Debian packages (as root), or says which are missing. */
function ensureDebianPackages(needCodeServerBuild) {
  const wanted = [];
  if (!existsSync(chromiumPath)) wanted.push('chromium');
  if (needCodeServerBuild) {
    if (!existsSync('/usr/bin/rg')) wanted.push('ripgrep');
    if (!isDebianPackageInstalled('libkrb5-dev')) wanted.push('libkrb5-dev');
  }
  if (wanted.length === 0) {
    log('Debian packages: already there');
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    failWith(
      `missing system packages: ${wanted.join(', ')}. Install them (Debian/Ubuntu: ` +
        `sudo apt-get install -y ${wanted.join(' ')}), or point ARCHLENS_CHROMIUM at a Chromium binary.`,
    );
  }
  log(`installing Debian packages: ${wanted.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-q'],
    ['install', '-y', '-q', ...wanted],
  ]) {
    const result = run('apt-get', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0) {
      process.stdout.write(result.stdout.slice(-4000));
      process.stderr.write(result.stderr.slice(-4000));
      failWith(`apt-get ${args[0]} failed with exit code ${result.status}`);
    }
  }
}

function isCodeServerInstalled() {
  return (
    existsSync(codeServerEntry) &&
    existsSync(codeServerMarker) &&
    readFileSync(codeServerMarker, 'utf8') === markerText()
  );
}

/** npm's `nodedir` (Node headers for node-gyp); Debian's nodejs ships them under /usr. */
function nodedirEnv() {
  if (process.env.npm_config_nodedir) return {};
  const configured = run('npm', ['config', 'get', 'nodedir'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  }).stdout.trim();
  if (configured && configured !== 'undefined' && configured !== 'null') return {};
  return existsSync('/usr/include/node/node.h') ? { npm_config_nodedir: '/usr' } : {};
}

/**
 * `@vscode/ripgrep`'s postinstall downloads rg from GitHub unless it finds this archive in
 * $TMPDIR; building it from Debian's rg makes the install work offline.
 */
function prepareRipgrepCache(tmpDir) {
  const cacheDir = path.join(tmpDir, ripgrepCache.folder);
  const archive = path.join(cacheDir, ripgrepCache.archive);
  if (existsSync(archive)) return;
  if (!existsSync('/usr/bin/rg')) {
    log('no /usr/bin/rg: @vscode/ripgrep will try to download its binary');
    return;
  }
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(path.join(tmpDir, 'rg-'));
  cpSync('/usr/bin/rg', path.join(staging, 'rg'));
  const result = run('tar', ['czf', archive, '-C', staging, 'rg']);
  rmSync(staging, { recursive: true, force: true });
  if (result.status !== 0) failWith(`could not build the ripgrep cache archive: ${result.stderr}`);
}

function installCodeServer() {
  rmSync(path.join(codeServerDir, 'node_modules'), { recursive: true, force: true });
  rmSync(codeServerMarker, { force: true });
  mkdirSync(codeServerDir, { recursive: true });
  writeFileSync(
    path.join(codeServerDir, 'package.json'),
    JSON.stringify({ name: 'archlens-code-server-host', private: true }, null, 2) + '\n',
  );
  const tmpDir = path.join(codeServerDir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  prepareRipgrepCache(tmpDir);
  const env = {
    ...process.env,
    ...nodedirEnv(),
    TMPDIR: tmpDir,
    // code-server's postinstall refuses root without it; node-pty's postinstall runs `npx node-gyp`.
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
  };
  log(`installing code-server@${codeServerVersion} into ${path.relative(repoRoot, codeServerDir)}`);
  const result = run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--loglevel=error',
      `code-server@${codeServerVersion}`,
    ],
    { cwd: codeServerDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = (result.stdout ?? '') + (result.stderr ?? '');
  writeFileSync(path.join(codeServerDir, 'install.log'), output);
  if (result.status !== 0 || !existsSync(codeServerEntry)) {
    process.stderr.write(output.slice(-6000));
    failWith(
      `npm install code-server@${codeServerVersion} failed (exit ${result.status}); full log in ${codeServerDir}/install.log`,
    );
  }
  // XDG_CONFIG_HOME in our tmp: code-server writes a default config.yaml on any start.
  const version = run(process.execPath, [codeServerEntry, '--version'], {
    env: { ...process.env, XDG_CONFIG_HOME: tmpDir, XDG_DATA_HOME: tmpDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (version.status !== 0 || !version.stdout.includes(`${codeServerVersion} `)) {
    failWith(`code-server does not start: ${version.stdout}${version.stderr}`);
  }
  writeFileSync(codeServerMarker, markerText());
}

function ensurePlaywright() {
  try {
    createRequire(path.join(repoRoot, 'package.json')).resolve('playwright-core');
  } catch {
    failWith('playwright-core is missing: run `npm ci` in the repository');
  }
}

/**
 * Makes sure Chromium, code-server and playwright-core are ready. Throws (with a message that
 * says what to install) when it cannot.
 */
export async function ensureHost() {
  const started = Date.now();
  const needCodeServer = !isCodeServerInstalled();
  await timed('Debian packages', () => ensureDebianPackages(needCodeServer));
  if (needCodeServer) {
    await timed(`code-server@${codeServerVersion}`, () => installCodeServer());
  } else {
    log(`code-server@${codeServerVersion}: already installed`);
  }
  ensurePlaywright();
  log(`host ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureHost().catch((error) => {
    console.error(`[ensure-host] ${error.userFacing ? error.message : error.stack}`);
    process.exit(1);
  });
}
