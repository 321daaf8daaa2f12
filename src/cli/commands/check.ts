import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  BASELINE_FILE_NAME,
  BaselineError,
  baselineOf,
  baselineText,
  checkArchitecture,
  checkFails,
  compareWithBaseline,
  parseBaseline,
  violationsToGithub,
  violationsToJson,
  violationsToSarif,
  violationsToText,
  type Baseline,
  type CheckOutcome,
} from '../../core';
import { toPosixPath } from '../../node/paths';
import type { CliCommand } from '../command';
import { analyzeFolder } from '../analyze-folder';
import { ExitCode, UsageError, type CliIO } from '../io';
import { cliTeamSize } from '../team-size';
import { VERSION } from '../version';
import { clearProgress, stderrProgress } from '../workspace-arg';

/**
 * `archlens check [dir]`: the boundary rules derived from the detected architecture. Exit 0 with
 * no new violation of a rule at `error`, 1 with some, 2 on a usage or input error (a baseline
 * file that cannot be read).
 */
export const checkCommand: CliCommand = {
  name: 'check',
  summary:
    'Check the boundary rules of the detected architecture; exit 1 on new violations (a baseline keeps legacy ones known).',
  usage: '[dir] [--format text|json|sarif|github] [--baseline <file>] [--update-baseline] [--no-git]',
  formats: ['text', 'json', 'sarif', 'github'],
  defaultFormat: 'text',
  options: [
    {
      name: 'baseline',
      type: 'string',
      valueName: 'file',
      description: `known violations to report only as a count (default: ${BASELINE_FILE_NAME} at the root, when there)`,
    },
    {
      name: 'update-baseline',
      type: 'boolean',
      description: 'write every current violation to the baseline file (sorted, without lines) and exit 0',
    },
    { name: 'no-git', type: 'boolean', description: 'do not read commit authors with git log' },
  ],
  async run(args, io) {
    const baselineOption = args.options['baseline'];
    if (baselineOption === '') throw new UsageError('--baseline needs a file name');
    const { fs, model } = analyzeFolder(args.positionals, io);
    const baselinePath =
      typeof baselineOption === 'string'
        ? toPosixPath(path.resolve(io.cwd, baselineOption))
        : `${model.root}/${BASELINE_FILE_NAME}`;
    const update = args.options['update-baseline'] === true;
    // Read before analysing further: a broken baseline is an input error, whatever the code holds.
    const baseline = update ? undefined : readBaseline(baselinePath, typeof baselineOption === 'string');
    for (const warning of model.warnings)
      if (warning.file === 'archlens.config.json')
        io.stderr(
          `archlens check: ${warning.file}${warning.line !== undefined ? `:${warning.line}:${warning.column ?? 1}` : ''}: ${warning.message}\n`,
        );
    const { team, skipped } = await cliTeamSize(model.root, args.options['no-git'] === true);
    if (skipped !== undefined) io.stderr(`archlens check: team size unknown: ${skipped}\n`);
    stderrProgress(io).report({ phase: 'check', done: 0, message: 'Checking the rules' });
    const { rules } = checkArchitecture(fs, model, team?.known ? { authors: team.authors } : {});
    clearProgress(io);
    const shown = displayPath(baselinePath, model.root);
    if (update) {
      const written = baselineOf(rules.violations);
      writeAtomically(baselinePath, baselineText(written));
      io.stderr(
        `archlens check: wrote ${written.violations.length} entr${written.violations.length === 1 ? 'y' : 'ies'} (${rules.violations.length} violation${rules.violations.length === 1 ? '' : 's'}) to ${shown}\n`,
      );
    }
    const outcome: CheckOutcome = {
      root: model.root,
      report: rules,
      comparison: compareWithBaseline(rules, update ? baselineOf(rules.violations) : baseline),
      ...(update || baseline ? { baselineFile: shown } : {}),
    };
    io.stdout(render(outcome, args.format));
    return checkFails(outcome) ? ExitCode.problems : ExitCode.ok;
  },
};

function render(outcome: CheckOutcome, format: string): string {
  switch (format) {
    case 'json':
      return violationsToJson(outcome);
    case 'sarif':
      return violationsToSarif(outcome, VERSION);
    case 'github':
      return violationsToGithub(outcome);
    default:
      return violationsToText(outcome);
  }
}

/** The baseline at `file`; none when the default file is absent. A named file must exist. */
function readBaseline(file: string, named: boolean): Baseline | undefined {
  if (!existsSync(file)) {
    if (named)
      throw new UsageError(`no such baseline file: ${file} (archlens check --update-baseline writes it)`);
    return undefined;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read the baseline ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    if (error instanceof BaselineError)
      throw new UsageError(`the baseline ${file} is not usable: ${error.message}`);
    throw error;
  }
}

/** Writes through a temporary file and a rename, so an interrupted write never leaves half a baseline. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** The path relative to the root when inside it, else as given. */
function displayPath(file: string, root: string): string {
  return file.startsWith(root + '/') ? file.slice(root.length + 1) : file;
}

export type { CliIO };
