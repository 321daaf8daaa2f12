// Starts and stops code-server (the VS Code server with its web workbench) for one test run:
// fresh temp dirs, its own process group, a free loopback port, and a clean stop.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { codeServerEntry } from './host-paths.mjs';

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Fresh per-run directories; XDG_* and TMPDIR point into them so code-server writes no config
 * to ~/.config and leaves no sockets in /tmp.
 */
export function makeRunDirs(prefix, { untrusted = false } = {}) {
  const base = mkdtempSync(path.join(os.tmpdir(), `alhost-${prefix}-`));
  const dirs = {
    base,
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    xdgConfig: path.join(base, 'xdg-config'),
    xdgData: path.join(base, 'xdg-data'),
    tmp: path.join(base, 'tmp'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  const settings = untrusted ? { ...hostSettings, ...untrustedSettings } : hostSettings;
  writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return dirs;
}

/** User settings of a test host: no start page, no git prompts, no update or gallery checks. */
const hostSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};

/**
 * A run with workspace trust on (`untrusted`): the folder is never trusted, and no trust dialog
 * or banner waits for a click (there is no one to click).
 */
const untrustedSettings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.emptyWindow': false,
};

function serverEnv(dirs, extraEnv) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    TMPDIR: dirs.tmp,
    ...extraEnv,
  };
}

/** Installs a .vsix into `extensionsDir` with code-server's own CLI; throws when it fails. */
export function installExtension(vsixPath, extensionsDir, dirs) {
  const result = spawnSync(
    process.execPath,
    [
      codeServerEntry,
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsixPath,
    ],
    { encoding: 'utf8', env: serverEnv(dirs, {}), stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsixPath} failed (exit ${result.status}):\n${output}`);
  }
  return output.trim();
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Starts code-server on `folder` (none: an empty window) and resolves once its HTTP server listens.
 * With `workspaceTrust`, trust stays on (else `--disable-workspace-trust` trusts every folder).
 * `port`: the port to listen on (default: a free one). The browser's workspace id, and so the
 * extension's workspace storage, depends on the server's address: reopening a workspace with the
 * same storage needs the same port.
 * @param {{ folder?: string, dirs: ReturnType<typeof makeRunDirs>, extensionsDir?: string,
 *   env?: Record<string, string>, logFile: string, startTimeoutMs?: number, workspaceTrust?: boolean,
 *   port?: number }} options
 * @returns {Promise<{ origin: string, authority: string, pid: number, exited: Promise<string>,
 *   stop: () => Promise<void> }>}
 */
export async function startCodeServer({
  folder,
  dirs,
  extensionsDir,
  env = {},
  logFile,
  startTimeoutMs = 60_000,
  workspaceTrust = false,
  port: fixedPort,
}) {
  const port = fixedPort ?? (await freePort());
  const authority = `127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [
      codeServerEntry,
      '--auth',
      'none',
      '--bind-addr',
      authority,
      '--disable-telemetry',
      '--disable-update-check',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      extensionsDir ?? dirs.extensions,
      // Without a folder the workbench opens an empty window (no workspace).
      ...(folder ? [folder] : []),
    ],
    { detached: true, env: serverEnv(dirs, env), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pgid = child.pid;
  let stopping = false;
  /** Resolves (with a reason) if code-server exits before `stop()` was called. */
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      if (!stopping)
        resolve(`code-server exited during the run (code ${code}, signal ${signal}); see ${logFile}`);
    });
  });

  const listening = new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`code-server did not listen within ${startTimeoutMs} ms; see ${logFile}`)),
      startTimeoutMs,
    );
    const onData = (chunk) => {
      log.write(chunk);
      if (seen !== null) {
        seen = (seen + chunk.toString('utf8')).slice(-4096);
        if (seen.includes('HTTP server listening')) {
          seen = null;
          clearTimeout(timer);
          resolve();
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited early (code ${code}, signal ${signal}); see ${logFile}`));
    });
  });

  /** SIGTERM, wait for the whole process group (its file watcher lingers), then SIGKILL. */
  const stop = async ({ graceMs = 10_000 } = {}) => {
    stopping = true;
    if (groupAlive(pgid)) {
      try {
        process.kill(-pgid, 'SIGTERM');
      } catch {
        // already gone
      }
      const deadline = Date.now() + graceMs;
      while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
      if (groupAlive(pgid)) {
        try {
          process.kill(-pgid, 'SIGKILL');
        } catch {
          // already gone
        }
        while (groupAlive(pgid)) await sleep(50);
      }
    }
    await new Promise((resolve) => log.end(resolve));
  };

  try {
    await listening;
  } catch (error) {
    await stop({ graceMs: 2_000 });
    throw error;
  }
  return { origin: `http://${authority}`, authority, pid: pgid, exited, stop };
}

/** Deletes a run's temp dirs (after its server is stopped). */
export function removeRunDirs(dirs) {
  rmSync(dirs.base, { recursive: true, force: true });
}
