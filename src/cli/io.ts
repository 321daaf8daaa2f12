/** Where a CLI command writes: results to `stdout`, errors and progress to `stderr`. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The directory relative paths on the command line are taken from. */
  readonly cwd: string;
  /** True when stderr is a terminal (progress lines are drawn in place only then). */
  readonly interactive: boolean;
}

/** Exit codes shared by every subcommand. */
export const ExitCode = {
  /** Success. */
  ok: 0,
  /** A check ran and found problems. */
  problems: 1,
  /** Bad usage or unreadable input. */
  usage: 2,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** A usage error: printed with the command's help hint, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
