import type { CliIO } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/run';

/** What one CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process from `cwd`, non-interactive, and captures both streams. */
export async function runCliCaptured(argv: readonly string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
    interactive: false,
  };
  const code = await runCli([...argv], io);
  return { code, stdout, stderr };
}
