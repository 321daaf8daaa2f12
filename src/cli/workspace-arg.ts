import { NodeFileSystem } from '../node/node-file-system';
import { absolutePosixPath } from '../node/paths';
import type { CliIO } from './io';
import { UsageError } from './io';
import type { ProgressSink } from '../core/ports';

/** The workspace folder named on the command line (default: the current directory), checked to exist. */
export function workspaceFromArgs(
  positionals: readonly string[],
  io: CliIO,
): { fs: NodeFileSystem; root: string } {
  if (positionals.length > 1) throw new UsageError(`expected one folder, got ${positionals.length}`);
  const fs = new NodeFileSystem();
  const root = absolutePosixPath(positionals[0] ?? '.', io.cwd);
  const stat = fs.stat(root);
  if (stat === undefined) throw new UsageError(`no such folder: ${positionals[0] ?? '.'}`);
  if (stat.kind !== 'directory') throw new UsageError(`not a folder: ${positionals[0] ?? '.'}`);
  return { fs, root: fs.realpath(root) };
}

/** Progress on stderr: redrawn in place on a terminal, one line per phase otherwise. */
export function stderrProgress(io: CliIO): ProgressSink {
  let lastPhase = '';
  let lastDraw = 0;
  // A quick run prints nothing: progress is for runs long enough to wonder about.
  const quietUntil = Date.now() + 1500;
  return {
    report(progress) {
      if (Date.now() < quietUntil) return;
      const text = progress.message ?? progress.phase;
      if (io.interactive) {
        const now = Date.now();
        if (now - lastDraw < 100 && progress.phase === lastPhase) return;
        lastDraw = now;
        io.stderr(`\r\x1b[K${text}`);
      } else if (progress.phase !== lastPhase) {
        io.stderr(`${progress.phase}…\n`);
      }
      lastPhase = progress.phase;
    },
  };
}

/** Clears an in-place progress line before results are printed. */
export function clearProgress(io: CliIO): void {
  if (io.interactive) io.stderr('\r\x1b[K');
}
