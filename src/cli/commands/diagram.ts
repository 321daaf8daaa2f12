import { analyzeWorkspace, buildFolderOverview, folderOverviewToMermaid } from '../../core';
import type { CliCommand } from '../command';
import { ExitCode } from '../io';
import { clearProgress, stderrProgress, workspaceFromArgs } from '../workspace-arg';

/** `archlens diagram <dir>`: the same Mermaid text the diagram panel renders. */
export const diagramCommand: CliCommand = {
  name: 'diagram',
  summary: 'Print the architecture diagram as Mermaid (the text the VS Code panel renders).',
  usage: '[dir] [--format mermaid|markdown]',
  formats: ['mermaid', 'markdown'],
  defaultFormat: 'mermaid',
  options: [],
  async run(args, io) {
    const { fs, root } = workspaceFromArgs(args.positionals, io);
    const model = analyzeWorkspace(fs, root, { progress: stderrProgress(io) });
    clearProgress(io);
    const mermaid = folderOverviewToMermaid(buildFolderOverview(model));
    io.stdout(args.format === 'markdown' ? '```mermaid\n' + mermaid + '```\n' : mermaid);
    return ExitCode.ok;
  },
};
