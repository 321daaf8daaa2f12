import { parseArgs } from 'node:util';
import type { CliCommand, OutputFormat, ParsedArgs } from './command';
import { COMMANDS } from './commands';
import { ExitCode, UsageError, type CliIO, type ExitCodeValue } from './io';
import { terminalSafeIO } from './terminal-text';
import { VERSION } from './version';
import { initTreeSitter } from '../node/tree-sitter-runtime';

const FORMATS: readonly OutputFormat[] = [
  'text',
  'json',
  'markdown',
  'mermaid',
  'sarif',
  'github',
  'dependency-cruiser',
  'eslint-boundaries',
];

/** Runs `archlens` with the given arguments (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], rawIO: CliIO): Promise<ExitCodeValue> {
  // Every line may quote a workspace name or a command-line argument: no control codes get out.
  const io = terminalSafeIO(rawIO, false);
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const command = topic === undefined ? undefined : COMMANDS.find((c) => c.name === topic);
    io.stdout(command ? commandHelp(command) : mainHelp());
    return first === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return ExitCode.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    io.stderr(`archlens: unknown command '${first}'. Run 'archlens --help' for the list.\n`);
    return ExitCode.usage;
  }
  await initTreeSitter();
  try {
    const parsed = parseCommandArgs(command, rest);
    if (parsed === 'help') {
      io.stdout(commandHelp(command));
      return ExitCode.ok;
    }
    return await command.run(parsed, terminalSafeIO(rawIO, parsed.format === 'json'));
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `archlens ${command.name}: ${error.message}\nRun 'archlens ${command.name} --help' for usage.\n`,
      );
      return ExitCode.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`archlens ${command.name}: ${message}\n`);
    return ExitCode.usage;
  }
}

function parseCommandArgs(command: CliCommand, args: readonly string[]): ParsedArgs | 'help' {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
    format: { type: 'string' },
    json: { type: 'boolean' },
  };
  for (const spec of command.options) options[spec.name] = { type: spec.type };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error),
    );
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values['help'] === true) return 'help';
  const format = resolveFormat(command, values['format'], values['json'] === true);
  for (const spec of command.options) {
    const value = values[spec.name];
    if (spec.choices && typeof value === 'string' && !spec.choices.includes(value)) {
      throw new UsageError(`--${spec.name} must be one of ${spec.choices.join(', ')} (got '${value}')`);
    }
  }
  return { positionals: parsed.positionals, format, options: values };
}

function resolveFormat(command: CliCommand, format: unknown, json: boolean): OutputFormat {
  if (json) {
    if (format !== undefined && format !== 'json') throw new UsageError('--json and --format disagree');
    format = 'json';
  }
  if (format === undefined) return command.defaultFormat;
  if (typeof format !== 'string' || !FORMATS.includes(format as OutputFormat)) {
    throw new UsageError(`--format must be one of ${command.formats.join(', ')}`);
  }
  if (!command.formats.includes(format as OutputFormat)) {
    throw new UsageError(
      `'${command.name}' has no ${format} output; use one of ${command.formats.join(', ')}`,
    );
  }
  return format as OutputFormat;
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `ArchLens ${VERSION}: see, check and grow your backend's architecture.`,
    '',
    'Usage: archlens <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options: --help, --version; per command: --format <fmt> (or --json).',
    'Results go to stdout, errors and progress to stderr.',
    'Exit codes: 0 success, 1 a check found problems, 2 usage or input error.',
    '',
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  const lines = [
    `Usage: archlens ${command.name} ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    `  --format <${command.formats.join('|')}>  output format (default: ${command.defaultFormat})`,
  ];
  if (command.formats.includes('json')) lines.push('  --json  same as --format json');
  for (const spec of command.options) {
    const value = spec.type === 'string' ? ` <${spec.choices?.join('|') ?? spec.valueName ?? 'value'}>` : '';
    lines.push(`  --${spec.name}${value}  ${spec.description}`);
  }
  lines.push('  -h, --help  show this help', '');
  return lines.join('\n');
}
