import { existsSync, lstatSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { dependencyCruiserText, eslintBoundariesText, ruleBoundaries, type RuleBoundaries } from '../../core';
import { toPosixPath } from '../../node/paths';
import type { CliCommand } from '../command';
import { analyzeFolder } from '../analyze-folder';
import { ExitCode, UsageError } from '../io';
import { cliTeamSize } from '../team-size';
import { VERSION } from '../version';

/**
 * `archlens rules [dir] --format dependency-cruiser|eslint-boundaries [--out <file>] [--force]`:
 * the rules `archlens check` applies, written as a peer's rule file, to stdout or to a file
 * inside the workspace (an existing file only with `--force`).
 */
export const rulesCommand: CliCommand = {
  name: 'rules',
  summary:
    'Write the boundary rules of the detected architecture as a dependency-cruiser or eslint-plugin-boundaries config.',
  usage: '[dir] [--format dependency-cruiser|eslint-boundaries] [--out <file>] [--force] [--no-git]',
  formats: ['dependency-cruiser', 'eslint-boundaries'],
  defaultFormat: 'dependency-cruiser',
  options: [
    {
      name: 'out',
      type: 'string',
      valueName: 'file',
      description: 'write to this file inside the workspace folder instead of stdout',
    },
    { name: 'force', type: 'boolean', description: 'with --out, replace an existing file' },
    { name: 'no-git', type: 'boolean', description: 'do not read commit authors with git log' },
  ],
  async run(args, io) {
    const out = args.options['out'];
    if (out === '') throw new UsageError('--out needs a file name');
    if (args.options['force'] === true && typeof out !== 'string')
      throw new UsageError('--force only applies with --out');
    const { fs, model } = analyzeFolder(args.positionals, io);
    // Checked before the analysis goes further: a refused file is a usage error, whatever the code holds.
    const target =
      typeof out === 'string'
        ? outputFile(out, io.cwd, model.root, args.options['force'] === true)
        : undefined;
    for (const warning of model.warnings)
      if (warning.file === 'archlens.config.json')
        io.stderr(
          `archlens rules: ${warning.file}${warning.line !== undefined ? `:${warning.line}:${warning.column ?? 1}` : ''}: ${warning.message}\n`,
        );
    const { team, skipped } = await cliTeamSize(model.root, args.options['no-git'] === true);
    if (skipped !== undefined) io.stderr(`archlens rules: team size unknown: ${skipped}\n`);
    const rules = ruleBoundaries(fs, model, team?.known ? { authors: team.authors } : {});
    const generator = `ArchLens ${VERSION}`;
    const text =
      args.format === 'eslint-boundaries'
        ? eslintBoundariesText(rules, { generator })
        : dependencyCruiserText(rules, {
            generator,
            ...(fs.stat(`${model.root}/tsconfig.json`)?.kind === 'file' ? { tsConfig: 'tsconfig.json' } : {}),
          });
    for (const left of rules.notExported)
      io.stderr(`archlens rules: not exported: ${left.rule}: ${left.reason}\n`);
    if (target === undefined) {
      io.stdout(text);
      return ExitCode.ok;
    }
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, target);
    io.stderr(`archlens rules: wrote ${summary(rules)} to ${path.relative(model.root, target)}\n`);
    return ExitCode.ok;
  },
};

function summary(rules: RuleBoundaries): string {
  const n = rules.boundaries.length;
  return `${n} rule${n === 1 ? '' : 's'}`;
}

/**
 * The file `--out` names, checked: inside the workspace folder (after following symbolic links
 * of its folder), not a folder, and new unless `force`.
 */
function outputFile(out: string, cwd: string, root: string, force: boolean): string {
  const wanted = path.resolve(cwd, out);
  const folder = path.dirname(wanted);
  if (!existsSync(folder)) throw new UsageError(`--out: no such folder: ${folder}`);
  const real = path.join(realpathSync(folder), path.basename(wanted));
  const relative = path.relative(root, toPosixPath(real));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
    throw new UsageError(`--out must name a file inside the workspace folder ${root} (got ${out})`);
  if (existsSync(real) || isLink(real)) {
    if (lstatSync(real).isDirectory()) throw new UsageError(`--out names a folder: ${out}`);
    if (isLink(real)) throw new UsageError(`--out names a symbolic link: ${out}; name the file itself`);
    if (!force) throw new UsageError(`${out} exists; add --force to replace it`);
  }
  return real;
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
