import { detectArchitecture } from '../../core';
import {
  planScaffold,
  SCAFFOLD_KINDS,
  ScaffoldError,
  type ScaffoldKind,
  type ScaffoldPlan,
} from '../../core/scaffold';
import type { CliCommand } from '../command';
import { ExitCode, UsageError, type CliIO } from '../io';
import { analyzeFolder } from '../analyze-folder';
import { writePlan } from '../write-plan';

/** `archlens scaffold <kind> <name>`: a building block of the detected pattern, written in the workspace's conventions. */
export const scaffoldCommand: CliCommand = {
  name: 'scaffold',
  summary:
    'Create a building block of the pattern (port, adapter, module, command …) in the workspace’s conventions.',
  usage: `<${SCAFFOLD_KINDS.join('|')}> <name> [--dir <workspace>] [--for <port, module or class>] [--dry-run] [--json]`,
  formats: ['text', 'json'],
  defaultFormat: 'text',
  options: [
    {
      name: 'dir',
      type: 'string',
      valueName: 'workspace',
      description: 'the workspace folder (default: the current directory)',
    },
    {
      name: 'for',
      type: 'string',
      valueName: 'name',
      description: 'the port an adapter implements, the ports of a use case (comma-separated)',
    },
    {
      name: 'folder',
      type: 'string',
      valueName: 'path',
      description: 'put the new files in this folder (relative to the workspace, and inside it)',
    },
    { name: 'dry-run', type: 'boolean', description: 'print the plan without writing anything' },
  ],
  async run(args, io) {
    const [kind, name, ...extra] = args.positionals;
    if (kind === undefined || name === undefined || extra.length > 0)
      throw new UsageError('expected <kind> <name>');
    if (!(SCAFFOLD_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`<kind> must be one of ${SCAFFOLD_KINDS.join(', ')} (got '${kind}')`);
    }
    const dir = args.options['dir'];
    const { fs, model } = analyzeFolder(typeof dir === 'string' ? [dir] : [], io);
    const detection = detectArchitecture(fs, model);
    const forName = args.options['for'];
    const folder = args.options['folder'];
    let plan: ScaffoldPlan;
    try {
      plan = await planScaffold(
        { fs, model, detection },
        {
          kind: kind as ScaffoldKind,
          name,
          ...(typeof forName === 'string' ? { for: forName } : {}),
          ...(typeof folder === 'string' ? { folder } : {}),
        },
      );
    } catch (error) {
      if (!(error instanceof ScaffoldError)) throw error;
      io.stderr(`archlens scaffold: ${error.message}\n`);
      return ExitCode.usage;
    }
    const dryRun = args.options['dry-run'] === true;
    if (!dryRun) {
      const refused = writePlan(model.root, plan);
      if (refused !== undefined) {
        io.stderr(`archlens scaffold: ${refused}\n`);
        return ExitCode.usage;
      }
    }
    report(plan, args.format === 'json', dryRun, io);
    return ExitCode.ok;
  },
};

function report(plan: ScaffoldPlan, json: boolean, dryRun: boolean, io: CliIO): void {
  if (json) {
    io.stdout(JSON.stringify({ files: plan.files, messages: plan.messages ?? [] }, null, 2) + '\n');
    return;
  }
  const verb = dryRun ? 'would ' : '';
  for (const file of plan.files)
    io.stdout(`${verb}${file.action === 'create' ? 'create' : 'edit'}  ${file.path}\n`);
  for (const message of plan.messages ?? []) io.stdout(`  ${message}\n`);
  if (dryRun) {
    for (const file of plan.files) io.stdout(`\n--- ${file.path} (${file.action})\n${file.content}`);
  }
}
