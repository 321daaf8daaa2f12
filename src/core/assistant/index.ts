/**
 * Answers for AI assistants, from the same analysis a person sees: each tool is a pure function
 * of an {@link AssistantWorkspace} with a zod input schema, a short text and the same facts as
 * data. The VS Code language-model tools and the MCP server are two adapters of this list.
 */
import { z } from 'zod';
import { architectureTool } from './architecture-tool';
import type { AssistantWorkspace } from './assistant-workspace';
import { checkImportTool } from './check-import-tool';
import { dependentsTool } from './dependents-tool';
import { ToolInputError, type AssistantTool, type ToolAnswer } from './tool-types';
import { violationsTool } from './violations-tool';
import { whereToPutTool } from './where-to-put-tool';

export { AssistantWorkspace, type AssistantSources } from './assistant-workspace';
export { DependentsGraph, type Dependent } from './dependents-graph';
export { ToolInputError, type AssistantTool, type ToolAnswer } from './tool-types';
export { scaffoldIntent, type ScaffoldIntent } from './scaffold-intent';
export { assistantResources, type AssistantResource } from './resources';

/** Every tool, in the order they are offered. */
export const ASSISTANT_TOOLS: readonly AssistantTool[] = [
  architectureTool,
  whereToPutTool,
  checkImportTool,
  dependentsTool,
  violationsTool,
] as readonly AssistantTool[];

/** The names of the tools. */
export const ASSISTANT_TOOL_NAMES = ASSISTANT_TOOLS.map((t) => t.name);

/** A tool by name, or `undefined`. */
export function assistantTool(name: string): AssistantTool | undefined {
  return ASSISTANT_TOOLS.find((t) => t.name === name);
}

/**
 * Validates `input` against the tool's schema and runs it. A bad input or a question the
 * workspace cannot answer throws {@link ToolInputError} with a message for the asker.
 */
export async function runAssistantTool(
  ws: AssistantWorkspace,
  name: string,
  input: unknown,
): Promise<ToolAnswer> {
  const tool = assistantTool(name);
  if (!tool)
    throw new ToolInputError(`No tool named \`${name}\`; the tools are ${ASSISTANT_TOOL_NAMES.join(', ')}.`);
  const parsed = tool.input.safeParse(input ?? {});
  if (!parsed.success)
    throw new ToolInputError(`Bad input for ${name}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  return tool.run(ws, parsed.data);
}

/** The JSON Schema of a tool's input, as language-model hosts read it. */
export function toolInputJsonSchema(tool: AssistantTool): Record<string, unknown> {
  const schema = z.toJSONSchema(tool.input, { target: 'draft-7' }) as Record<string, unknown>;
  delete schema['$schema'];
  return schema;
}
