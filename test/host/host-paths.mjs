// Where the offline VS Code host lives and which versions it uses: one place for the driver,
// the installer and the .vsix test.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (absolute). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** code-server 4.100.3 is VS Code 1.100.3, the newest release that still runs on Node 20. */
export const codeServerVersion = '4.100.3';

/** The ripgrep build that code-server's `@vscode/ripgrep@1.15.11` postinstall looks for. */
export const ripgrepCache = {
  folder: 'vscode-ripgrep-cache-1.15.11',
  archive: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz',
};

/** Git-ignored install folder of code-server (its own package.json and node_modules). */
export const codeServerDir =
  process.env.ARCHLENS_CODE_SERVER_DIR ?? path.join(repoRoot, '.cache', 'code-server');

/** code-server's entry script, run with the current Node. */
export const codeServerEntry = path.join(
  codeServerDir,
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);

/** Marker written after a complete install; it names the version and the Node ABI it was built for. */
export const codeServerMarker = path.join(codeServerDir, '.installed');

/** The browser that drives the workbench (Debian's `chromium`). */
export const chromiumPath = process.env.ARCHLENS_CHROMIUM ?? '/usr/bin/chromium';

/** Screenshots and logs of host runs (git-ignored). */
export const artifactsDir = path.join(repoRoot, '.test-artifacts');

/** Text stored in the marker: a different Node ABI means the native modules must be rebuilt. */
export function markerText() {
  return `code-server@${codeServerVersion} node-abi-${process.versions.modules}\n`;
}
