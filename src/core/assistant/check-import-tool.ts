import { z } from 'zod';
import { ruleDefinition } from '../rules';
import { checkRules, type Violation } from '../rules';
import { relativeSpecifier } from '../rules/fixes';
import type { ImportEdge } from '../model';
import { portChoices } from '../scaffold/choices';
import { isTestFile } from '../units/paths';
import type { AssistantWorkspace } from './assistant-workspace';
import { code } from './bounds';
import { ASKED_LINE, contextWithImport } from './hypothetical-import';
import { ToolInputError, type AssistantTool } from './tool-types';
import { didYouMean, workspaceRelative } from './workspace-paths';

const input = z
  .object({
    from: z
      .string()
      .min(1)
      .describe(
        'The importing file, relative to the workspace root (it may not exist yet), e.g. `src/domain/order.ts`.',
      ),
    to: z
      .string()
      .min(1)
      .optional()
      .describe('The file to import, relative to the workspace root, e.g. `src/infrastructure/mailer.ts`.'),
    specifier: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Or: the module specifier as it would be written in `from`, e.g. `../infrastructure/mailer` or `typeorm`.',
      ),
  })
  .strict();

/** `check_import`: whether an import keeps the boundary rules, which rule says so, and what to import instead. */
export const checkImportTool: AssistantTool<typeof input> = {
  name: 'check_import',
  title: 'Check an import',
  description:
    "Whether file `from` may import `to` (a workspace file) or `specifier` (as written in `from`: a relative path, an alias or a package) under the boundary rules ArchLens derives from the detected architecture (hexagon rings, module public faces, layers, services, CQRS sides, functions, event handlers; archlens.config.json's `rules` applied). Answers allowed or forbidden, each rule that forbids it with the reason and the evidence, and what to import instead (the module's public file, a port of the core). Call it before adding an import across folders.",
  input,
  run(ws, args) {
    const from = workspaceRelative(ws.root, args.from, '`from` file');
    if ((args.to === undefined) === (args.specifier === undefined))
      throw new ToolInputError(
        'Give exactly one of `to` (a workspace file) and `specifier` (as written in the import).',
      );
    const edge = askedEdge(ws, from, args.to, args.specifier);
    const target = edge.to ?? edge.specifier;
    const base = { from, specifier: edge.specifier, target, resolution: edge.resolution };
    if (edge.resolution === 'unresolved')
      return {
        text: `${code(edge.specifier)} does not resolve from ${code(from)}${edge.reason ? ` (${edge.reason})` : ''}: no rule can judge it. Check the path, or name the file with \`to\`.\n`,
        data: { ...base, allowed: null, violations: [], reason: edge.reason ?? 'unresolved' },
      };
    if (isTestFile(from))
      return {
        text: `${code(from)} is a test file: the boundary rules do not hold tests, so it may import ${code(target)}.\n`,
        data: { ...base, allowed: true, violations: [], reason: 'tests are not checked' },
      };
    const ctx = ws.context;
    const backend = ctx.graph.fileSet.has(from) || !ws.model.files.includes(from);
    const report = checkRules({
      ctx: contextWithImport(ctx, edge),
      detection: ws.detection,
      config: ws.rulesConfig,
    });
    const broken = report.violations.filter((v) => v.file === from && v.line === ASKED_LINE);
    const existing = ws.model.edges.find((e) => e.from === from && e.to === edge.to && edge.to !== null);
    const families = report.checked.map((c) => `${c.pattern} (${c.units})`);
    if (broken.length === 0) {
      const lines = [
        `Allowed: ${code(from)} may import ${code(target)}${edge.resolution === 'internal' ? '' : ` (${edge.resolution} module)`}.`,
        families.length > 0
          ? `No boundary rule forbids it. Rules checked: ${families.join('; ')}.`
          : 'No boundary rule applies to this workspace (no rings, modules, layers or services were found).',
        ...(backend
          ? []
          : [`${code(from)} is not backend code (it was set aside), so no boundary rule holds it.`]),
        ...(existing ? [`${code(from)} already imports it at line ${existing.line}.`] : []),
      ];
      return {
        text: lines.join('\n') + '\n',
        data: { ...base, allowed: true, violations: [], rulesChecked: report.checked.map((c) => c.pattern) },
      };
    }
    const errors = broken.filter((v) => v.severity === 'error').length;
    const instead = alternatives(ws, broken);
    const lines = [
      errors > 0
        ? `Forbidden: ${code(from)} must not import ${code(target)}.`
        : `Discouraged: importing ${code(target)} from ${code(from)} breaks a rule set to warn.`,
      ...broken.flatMap((v) => [
        `- ${v.rule} (${v.severity}): ${v.message}`,
        ...v.evidence.slice(0, 3).map((e) => `  because ${e.file}: ${e.message}`),
      ]),
      ...(instead.length > 0 ? ['Instead:', ...instead.map((i) => `- ${i}`)] : []),
      ...(existing
        ? [`(${code(from)} already imports it at line ${existing.line}: \`violations\` lists it.)`]
        : []),
    ];
    return {
      text: lines.join('\n') + '\n',
      data: {
        ...base,
        allowed: errors === 0,
        violations: broken.map((v) => ({
          rule: v.rule,
          severity: v.severity,
          message: v.message,
          title: ruleDefinition(v.rule).title,
          why: ruleDefinition(v.rule).help,
          evidence: v.evidence.map((e) => ({ file: e.file, message: e.message })),
          ...(v.fix?.kind === 'public-face'
            ? { importInstead: v.fix.publicFile, reexported: v.fix.exported }
            : v.fix?.kind === 'move-to-adapters'
              ? { moveTo: v.fix.destination }
              : {}),
        })),
        instead,
      },
    };
  },
};

/** The import asked about, resolved as the analysis would resolve it. */
function askedEdge(
  ws: AssistantWorkspace,
  from: string,
  to: string | undefined,
  specifier: string | undefined,
): ImportEdge {
  const at = { from, line: ASKED_LINE, column: 0, kind: 'static' as const };
  if (to !== undefined) {
    const file = workspaceRelative(ws.root, to, '`to` file');
    if (!ws.model.files.includes(file))
      throw new ToolInputError(
        `${code(file)} is not a source file of the workspace.${didYouMean(file, ws.model.files)} For a package or an alias, pass \`specifier\`.`,
      );
    return { ...at, to: file, specifier: relativeSpecifier(from, file), resolution: 'internal' };
  }
  const written = specifier ?? '';
  const resolved = ws.resolve(from, written);
  return {
    ...at,
    to: resolved.to,
    specifier: written,
    resolution: resolved.resolution,
    ...(resolved.via ? { via: resolved.via } : {}),
    ...(resolved.reason ? { reason: resolved.reason } : {}),
  };
}

/** What to import instead: the public files the rules name, or the core's ports. */
function alternatives(ws: AssistantWorkspace, broken: readonly Violation[]): string[] {
  const found: string[] = [];
  for (const v of broken) {
    if (v.fix?.kind === 'public-face')
      found.push(
        `import it through the module's public file ${code(v.fix.publicFile)}${v.fix.exported ? '' : ' (re-export it there first)'}`,
      );
    else if (v.fix?.kind === 'move-to-adapters')
      found.push(`the importing file may be an adapter: move it to ${code(v.fix.destination)}`);
  }
  if (broken.some((v) => v.rule.startsWith('hexagonal/') || v.rule.includes('adapter'))) {
    const ports = portChoices(ws).slice(0, 5);
    found.push(
      ports.length > 0
        ? `depend on a port of the core, e.g. ${ports.map((p) => `${p.name} in ${code(p.path)}`).join(', ')}, and let the composition root pass the adapter in`
        : 'declare a port (an interface) in the core for this need, implement it in the adapter, and wire it in the composition root (`where_to_put` with kind `port`)',
    );
  }
  return [...new Set(found)];
}
