import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CliCommand } from '../command';
import { ExitCode } from '../io';
import { LiveWorkspace } from '../../node/live-workspace';
import { createMcpServer } from '../../node/mcp-server';
import { VERSION } from '../version';
import { workspaceFromArgs } from '../workspace-arg';

/**
 * `archlens mcp [dir]`: an MCP server on stdin/stdout answering AI assistants from the workspace's
 * detected architecture, kept current as files change. Ends when the client closes stdin.
 */
export const mcpCommand: CliCommand = {
  name: 'mcp',
  summary:
    'Run an MCP server on stdio: AI assistants ask the architecture, where code goes, what may import what.',
  usage: '[dir] [--no-watch]',
  formats: ['text'],
  defaultFormat: 'text',
  options: [
    { name: 'no-watch', type: 'boolean', description: 'analyse once and do not follow file changes' },
  ],
  async run(args, io) {
    const { root } = workspaceFromArgs(args.positionals, io);
    const live = new LiveWorkspace(root, { watch: args.options['no-watch'] !== true });
    const server = createMcpServer(live, VERSION);
    const transport = new StdioServerTransport();
    const closed = new Promise<void>((resolve) => {
      transport.onclose = () => resolve();
    });
    process.stdin.once('end', () => void server.close());
    await server.connect(transport);
    io.stderr(`archlens mcp: serving ${root} on stdio\n`);
    // Analyse at once, so the first question does not wait for it.
    setImmediate(() => {
      try {
        live.current();
      } catch (error) {
        io.stderr(
          `archlens mcp: analysis failed: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      }
    });
    await closed;
    live.dispose();
    return ExitCode.ok;
  },
};
