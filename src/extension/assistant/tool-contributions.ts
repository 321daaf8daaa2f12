/**
 * The `contributes.languageModelTools` entries of package.json, computed from the core's tools:
 * a unit test keeps package.json equal to these, so the schemas a model sees are the ones the
 * tools validate with. No `vscode` here.
 */
import { z } from 'zod';
import { ASSISTANT_TOOLS, toolInputJsonSchema } from '../../core/assistant';
import { scaffoldToolInput } from './scaffold-tool-input';

/** The prefix of every ArchLens tool name in VS Code. */
export const TOOL_PREFIX = 'archlens_';

/** The name of the tool that writes (a scaffold, after the user's confirmation). */
export const SCAFFOLD_TOOL_NAME = `${TOOL_PREFIX}scaffold`;

/** One entry of `contributes.languageModelTools`. */
export interface LanguageModelToolContribution {
  readonly name: string;
  readonly displayName: string;
  readonly toolReferenceName: string;
  readonly canBeReferencedInPrompt: boolean;
  readonly icon: string;
  readonly userDescription: string;
  readonly modelDescription: string;
  readonly tags: readonly string[];
  readonly inputSchema: Record<string, unknown>;
}

const ICONS: Readonly<Record<string, string>> = {
  architecture: '$(type-hierarchy)',
  where_to_put: '$(folder-opened)',
  check_import: '$(pass)',
  dependents: '$(references)',
  violations: '$(warning)',
};

const USER_DESCRIPTIONS: Readonly<Record<string, string>> = {
  architecture: 'The detected architecture: patterns with evidence, parts, modules, rings and services.',
  where_to_put: 'Where new code goes in this workspace, and the wiring it needs.',
  check_import: 'Whether one file may import another under the boundary rules, and what to import instead.',
  dependents: 'What depends on a file, module, service or backing service, directly and transitively.',
  violations: 'The current boundary violations, by file and rule.',
};

/** Every ArchLens language-model tool, as package.json contributes it. */
export function languageModelToolContributions(): LanguageModelToolContribution[] {
  const readOnly = ASSISTANT_TOOLS.map((tool) => ({
    name: `${TOOL_PREFIX}${tool.name}`,
    displayName: `ArchLens: ${tool.title}`,
    toolReferenceName: `${TOOL_PREFIX}${tool.name}`,
    canBeReferencedInPrompt: true,
    icon: ICONS[tool.name] ?? '$(type-hierarchy)',
    userDescription: USER_DESCRIPTIONS[tool.name] ?? tool.title,
    modelDescription: tool.description,
    tags: ['archlens', 'architecture', 'read-only'],
    inputSchema: toolInputJsonSchema(tool),
  }));
  const scaffold = z.toJSONSchema(scaffoldToolInput, { target: 'draft-7' }) as Record<string, unknown>;
  delete scaffold['$schema'];
  return [
    ...readOnly,
    {
      name: SCAFFOLD_TOOL_NAME,
      displayName: 'ArchLens: Scaffold',
      toolReferenceName: SCAFFOLD_TOOL_NAME,
      canBeReferencedInPrompt: true,
      icon: '$(wand)',
      userDescription:
        'Create a building block of the pattern (port, adapter, module, command …), after you confirm.',
      modelDescription:
        "Creates a building block of the detected pattern (port, adapter, use case, module, command, query, event, function, service) in the workspace's conventions, with its wiring, exactly as ArchLens's Scaffold command does. The user sees the plan (files to create and edit) and must confirm; with the refactor preview on they review every change before it is written. Call `archlens_where_to_put` first to see the plan without writing.",
      tags: ['archlens', 'architecture', 'scaffold', 'writes'],
      inputSchema: scaffold,
    },
  ];
}
