import type { CliIO, ExitCodeValue } from './io';

/** Output formats a command may support. */
export type OutputFormat =
  'text' | 'json' | 'markdown' | 'mermaid' | 'sarif' | 'github' | 'dependency-cruiser' | 'eslint-boundaries';

/** A parsed command line for one subcommand. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly format: OutputFormat;
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
}

/** An option a subcommand accepts besides the shared ones (`--format`, `--json`, `--help`). */
export interface OptionSpec {
  readonly name: string;
  readonly type: 'string' | 'boolean';
  readonly description: string;
  readonly valueName?: string;
  readonly choices?: readonly string[];
}

/** One subcommand of `archlens`. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  /** Usage line after `archlens <name> `, e.g. `[dir] [--view overview]`. */
  readonly usage: string;
  readonly formats: readonly OutputFormat[];
  readonly defaultFormat: OutputFormat;
  readonly options: readonly OptionSpec[];
  run(args: ParsedArgs, io: CliIO): Promise<ExitCodeValue>;
}
