import { checkArchitecture } from '../../core';
import { compareWithBaseline, readWorkspaceBaseline } from '../../core/rules';
import {
  buildDiagram,
  DIAGRAM_VIEW_IDS,
  INITIAL_STATE,
  symbolsReader,
  toMermaid,
  violationMarks,
  type DiagramViewId,
} from '../../core/diagram';
import type { CliCommand } from '../command';
import { ExitCode } from '../io';
import { analyzeFolder } from '../analyze-folder';
import { CACHE_OPTION, cacheDirOf } from '../cache-option';

/**
 * `archlens diagram <dir> [--view …]`: the same Mermaid text the diagram panel renders for that
 * view's default state, the edges of imports that break boundary rules red (those `archlens
 * check` reports as new, archlens.baseline.json's known ones left out). A view that does not
 * apply prints why on stderr, no diagram, exit 0.
 */
export const diagramCommand: CliCommand = {
  name: 'diagram',
  summary: 'Print an architecture diagram as Mermaid (the text the VS Code panel renders).',
  usage: '[dir] [--view overview|layers|events|cqrs|deps] [--format mermaid|markdown] [--cache <dir>]',
  formats: ['mermaid', 'markdown'],
  defaultFormat: 'mermaid',
  options: [
    {
      name: 'view',
      type: 'string',
      description: 'which diagram (default: overview)',
      choices: DIAGRAM_VIEW_IDS,
    },
    CACHE_OPTION,
  ],
  async run(args, io) {
    const view = (DIAGRAM_VIEW_IDS.find((id) => id === args.options['view']) ??
      'overview') satisfies DiagramViewId;
    const { fs, model } = analyzeFolder(args.positionals, io, cacheDirOf(args, io));
    const { detection, rules } = checkArchitecture(fs, model);
    const violations = compareWithBaseline(rules, readWorkspaceBaseline(fs, model.root)).fresh;
    const result = buildDiagram(
      view,
      {
        model,
        detection,
        symbols: symbolsReader(fs, model.root),
        violations: violationMarks(violations),
      },
      INITIAL_STATE,
    );
    if (result.kind === 'not-applicable') {
      io.stderr(`archlens diagram: the ${view} view does not apply: ${result.reason}\n`);
      return ExitCode.ok;
    }
    const mermaid = toMermaid(result.model);
    io.stdout(args.format === 'markdown' ? '```mermaid\n' + mermaid + '```\n' : mermaid);
    for (const note of result.model.notes) io.stderr(`archlens diagram: ${note}\n`);
    return ExitCode.ok;
  },
};
