import type { WorkspaceModel } from '../../core';
import type { CliCommand } from '../command';
import { ExitCode } from '../io';
import { analyzeFolder } from '../analyze-folder';
import { CACHE_OPTION, cacheDirOf } from '../cache-option';

/** `archlens graph <dir>`: the workspace model (files, resolved imports, manifests, warnings). */
export const graphCommand: CliCommand = {
  name: 'graph',
  summary: 'Print the workspace model: files, imports resolved as TypeScript does, manifests, warnings.',
  usage: '[dir] [--json] [--cache <dir>]',
  formats: ['text', 'json'],
  defaultFormat: 'text',
  options: [CACHE_OPTION],
  async run(args, io) {
    const { model } = analyzeFolder(args.positionals, io, cacheDirOf(args, io));
    if (args.format === 'json') {
      io.stdout(JSON.stringify(orderedModel(model), null, 2) + '\n');
      return ExitCode.ok;
    }
    const counts = { internal: 0, external: 0, builtin: 0, unresolved: 0 };
    for (const edge of model.edges) counts[edge.resolution]++;
    const lines = [
      `${model.root}`,
      `  ${model.files.length} source files, ${model.manifests.length} manifests`,
      `  ${model.edges.length} imports: ${counts.internal} internal, ${counts.external} external, ${counts.builtin} builtin, ${counts.unresolved} unresolved`,
    ];
    for (const manifest of model.manifests) lines.push(`  manifest ${manifest.kind}: ${manifest.file}`);
    for (const warning of model.warnings) {
      const at =
        warning.line === undefined
          ? ''
          : `:${warning.line}${warning.column === undefined ? '' : `:${warning.column}`}`;
      lines.push(`  warning ${warning.file}${at}: ${warning.message}`);
    }
    io.stdout(lines.join('\n') + '\n');
    return ExitCode.ok;
  },
};

/** The model with each edge's keys in the documented order (`from`, `to`, `specifier`, …). */
function orderedModel(model: WorkspaceModel): WorkspaceModel {
  return {
    ...model,
    edges: model.edges.map((e) => ({
      from: e.from,
      to: e.to,
      specifier: e.specifier,
      line: e.line,
      column: e.column,
      kind: e.kind,
      resolution: e.resolution,
      ...(e.via === undefined ? {} : { via: e.via }),
      ...(e.reason === undefined ? {} : { reason: e.reason }),
    })),
  };
}
