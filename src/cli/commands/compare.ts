import { detectArchitecture } from '../../core';
import { compareWorkspace, comparisonToMarkdown, comparisonToText } from '../../core/compare';
import type { CliCommand } from '../command';
import { ExitCode, UsageError } from '../io';
import { analyzeFolder } from '../analyze-folder';
import { CACHE_OPTION, cacheDirOf } from '../cache-option';
import { clearProgress, stderrProgress } from '../workspace-arg';

/**
 * `archlens compare [dir]`: candidate modules from the import graph, and today's cut against
 * the candidates as a modular monolith and as microservices, with a Markdown plan of the moves.
 */
export const compareCommand: CliCommand = {
  name: 'compare',
  summary:
    'Compare today’s cut with candidate modules found in the import graph, as a modular monolith and as microservices.',
  usage: '[dir] [--format text|json|markdown] [--resolution <n>] [--cache <dir>]',
  formats: ['text', 'json', 'markdown'],
  defaultFormat: 'text',
  options: [
    {
      name: 'resolution',
      type: 'string',
      valueName: 'n',
      description: 'Louvain resolution, a number above 0 (default 1): higher finds more, smaller modules',
    },
    CACHE_OPTION,
  ],
  async run(args, io) {
    const raw = args.options['resolution'];
    const resolution = typeof raw === 'string' ? Number(raw) : undefined;
    if (resolution !== undefined && !(Number.isFinite(resolution) && resolution > 0))
      throw new UsageError(`--resolution must be a number above 0 (got '${String(raw)}')`);
    const { fs, model } = analyzeFolder(args.positionals, io, cacheDirOf(args, io));
    stderrProgress(io).report({ phase: 'compare', done: 0, message: 'Clustering the import graph' });
    const detection = detectArchitecture(fs, model);
    const comparison = compareWorkspace({ model, detection }, resolution === undefined ? {} : { resolution });
    clearProgress(io);
    if (args.format === 'json') io.stdout(JSON.stringify(comparison, null, 2) + '\n');
    else if (args.format === 'markdown') io.stdout(comparisonToMarkdown(comparison));
    else io.stdout(comparisonToText(comparison));
    return ExitCode.ok;
  },
};
