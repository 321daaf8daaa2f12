import type { CliCommand } from '../command';
import { checkCommand } from './check';
import { compareCommand } from './compare';
import { detectCommand } from './detect';
import { diagramCommand } from './diagram';
import { graphCommand } from './graph';
import { mcpCommand } from './mcp';
import { impactCommand } from './impact';
import { rulesCommand } from './rules';
import { scaffoldCommand } from './scaffold';

/** Every subcommand, in the order `archlens --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  graphCommand,
  detectCommand,
  checkCommand,
  rulesCommand,
  diagramCommand,
  impactCommand,
  compareCommand,
  scaffoldCommand,
  mcpCommand,
];
