// Alternative driver for a machine with internet: runs the same integration suite in desktop
// VS Code downloaded by @vscode/test-electron (not used offline; see run-host-tests.mjs there).
// Usage: npm run -s build && node test/host/run-electron.mjs [--version 1.100.0|stable]
// On Linux without a display, wrap it in `xvfb-run -a`.
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { repoRoot } from './host-paths.mjs';

const { runTests } = createRequire(path.join(repoRoot, 'package.json'))('@vscode/test-electron');
const { values } = parseArgs({ options: { version: { type: 'string', default: '1.100.0' } } });

try {
  const exitCode = await runTests({
    version: values.version,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [
      path.join(repoRoot, 'test', 'fixtures', 'workspaces', 'host-smoke'),
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
    ],
  });
  process.exitCode = exitCode;
} catch (error) {
  console.error(`[run-electron] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
