import { detectArchitecture } from '../../core';
import { buildDiagram, resolveFocusTarget, symbolsReader, type DiagramState } from '../../core/diagram';
import {
  cascadeLinks,
  dependencyGraphOf,
  impactMermaid,
  impactOf,
  impactStates,
  impactToText,
  isImpactError,
  type ImpactResult,
} from '../../core/impact';
import type { DiagramInput } from '../../core/diagram';
import type { CliCommand } from '../command';
import { ExitCode, UsageError } from '../io';
import { analyzeFolder } from '../analyze-folder';
import { CACHE_OPTION, cacheDirOf } from '../cache-option';

/**
 * `archlens impact <node> [dir]`: who fails, degrades or only rebuilds when `<node>` fails.
 * A target that names nothing is an input error (exit 2) with the closest name.
 */
export const impactCommand: CliCommand = {
  name: 'impact',
  summary:
    'Say what breaks if a file, folder, module, service, function (<file>#<name>) or backing service fails.',
  usage: '<node> [dir] [--format text|json|mermaid] [--cache <dir>]',
  formats: ['text', 'json', 'mermaid'],
  defaultFormat: 'text',
  options: [CACHE_OPTION],
  async run(args, io) {
    const [node, ...rest] = args.positionals;
    if (node === undefined)
      throw new UsageError(
        'expected <node>: a file, folder, module, service, <file>#<function> or backing service',
      );
    const { fs, model } = analyzeFolder(rest, io, cacheDirOf(args, io));
    const detection = detectArchitecture(fs, model);
    const input: DiagramInput = { model, detection, symbols: symbolsReader(fs, model.root) };
    const impact = impactOf(input, node);
    if (isImpactError(impact)) {
      io.stderr(`archlens impact: ${impact.message}\n`);
      return ExitCode.usage;
    }
    if (args.format === 'json') io.stdout(JSON.stringify(impact, null, 2) + '\n');
    else if (args.format === 'mermaid') io.stdout(paintedOverview(input, impact));
    else io.stdout(impactToText(impact));
    return ExitCode.ok;
  },
};

/** The overview, opened down to the target, with every node painted by the impact. */
function paintedOverview(input: DiagramInput, impact: ImpactResult): string {
  const wanted = impact.target.kind === 'backing' ? undefined : (impact.target.path ?? impact.target.id);
  const focus = wanted === undefined ? undefined : resolveFocusTarget(input, wanted, ['overview']);
  const state: DiagramState = { expanded: focus?.state.expanded ?? [] };
  const result = buildDiagram('overview', input, state);
  if (result.kind !== 'diagram') return `%% ${result.reason}\n`;
  return impactMermaid(
    result.model,
    impactStates(result.model, impact),
    cascadeLinks(dependencyGraphOf(input), impact),
  );
}
