import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ASSISTANT_TOOLS, assistantResources, runAssistantTool, ToolInputError } from '../core/assistant';
import type { LiveWorkspace } from './live-workspace';

/** How the server introduces itself to a client. */
const INSTRUCTIONS =
  'ArchLens answers from the architecture it detected in this workspace (patterns with evidence, modules, rings, services, boundary rules), offline and without running the code. Call `architecture` first; `where_to_put` before creating files; `check_import` before adding an import across folders; `dependents` before changing a shared file; `violations` to see what breaks the boundaries. Paths are relative to the workspace root.';

/**
 * The MCP server of one workspace: the assistant tools (read-only) and the report and diagrams
 * as resources. A bad request gets an error result, never an exception out of the server.
 */
export function createMcpServer(live: LiveWorkspace, version: string): McpServer {
  const server = new McpServer(
    { name: 'archlens', title: 'ArchLens', version },
    { instructions: INSTRUCTIONS },
  );
  for (const tool of ASSISTANT_TOOLS) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        annotations: { title: tool.title, readOnlyHint: true, idempotentHint: true, openWorldHint: false },
      },
      async (input: unknown): Promise<CallToolResult> => {
        try {
          const answer = await runAssistantTool(live.current(), tool.name, input);
          return { content: [{ type: 'text', text: answer.text }], structuredContent: { ...answer.data } };
        } catch (error) {
          const message =
            error instanceof ToolInputError
              ? error.message
              : `ArchLens could not answer: ${error instanceof Error ? error.message : String(error)}`;
          return { content: [{ type: 'text', text: message }], isError: true };
        }
      },
    );
  }
  for (const resource of assistantResources) {
    server.registerResource(
      resource.name,
      resource.uri,
      { title: resource.title, description: resource.description, mimeType: resource.mimeType },
      (uri) => ({
        contents: [{ uri: uri.href, mimeType: resource.mimeType, text: resource.read(live.current()) }],
      }),
    );
  }
  return server;
}
