import { detectArchitecture, detectionToMarkdown, detectionToText } from '../../core';
import type { CliCommand } from '../command';
import { ExitCode } from '../io';
import { analyzeFolder } from '../analyze-folder';
import { CACHE_OPTION, cacheDirOf } from '../cache-option';
import { cliTeamSize } from '../team-size';
import { clearProgress, stderrProgress } from '../workspace-arg';

/** `archlens detect <dir>`: which patterns the workspace follows, with the evidence. */
export const detectCommand: CliCommand = {
  name: 'detect',
  summary: 'Say which architecture patterns the workspace follows, with evidence and units.',
  usage: '[dir] [--format text|json|markdown] [--no-git] [--cache <dir>]',
  formats: ['text', 'json', 'markdown'],
  defaultFormat: 'text',
  options: [
    { name: 'no-git', type: 'boolean', description: 'do not read commit authors with git log' },
    CACHE_OPTION,
  ],
  async run(args, io) {
    const { fs, model } = analyzeFolder(args.positionals, io, cacheDirOf(args, io));
    const progress = stderrProgress(io);
    const { team, skipped } = await cliTeamSize(model.root, args.options['no-git'] === true);
    if (skipped !== undefined) io.stderr(`archlens detect: team size unknown: ${skipped}\n`);
    progress.report({ phase: 'detect', done: 0, message: 'Detecting patterns' });
    const detection = detectArchitecture(fs, model, team?.known ? { authors: team.authors } : {});
    clearProgress(io);
    if (args.format === 'json') io.stdout(JSON.stringify(detection, null, 2) + '\n');
    else if (args.format === 'markdown') io.stdout(detectionToMarkdown(detection));
    else io.stdout(detectionToText(detection));
    return ExitCode.ok;
  },
};
