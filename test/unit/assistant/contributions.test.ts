import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ASSISTANT_TOOLS, runAssistantTool } from '../../../src/core/assistant';
import { languageModelToolContributions } from '../../../src/extension/assistant/tool-contributions';
import { mcpServerLaunch } from '../../../src/extension/assistant/mcp-launch';
import { scaffoldConfirmation } from '../../../src/extension/assistant/scaffold-confirmation';
import { workspaceOf, HEX_LEAKY } from './support';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { languageModelTools: unknown[]; mcpServerDefinitionProviders: { id: string }[] };
};

describe('language-model tool contributions', () => {
  it('package.json contributes exactly the tools and schemas the code validates with', () => {
    // On a change of a tool's schema or description, copy languageModelToolContributions() into package.json.
    assert.deepEqual(pkg.contributes.languageModelTools, languageModelToolContributions());
  });

  it('names every core tool, and one scaffold tool that is tagged as writing', () => {
    const names = languageModelToolContributions().map((t) => t.name);
    assert.deepEqual(names, [...ASSISTANT_TOOLS.map((t) => `archlens_${t.name}`), 'archlens_scaffold']);
    for (const tool of languageModelToolContributions()) {
      assert.match(tool.name, /^[\w-]+$/);
      assert.equal(tool.inputSchema['type'], 'object');
      assert.equal(tool.inputSchema['additionalProperties'], false, tool.name);
      assert.equal(tool.tags.includes('writes'), tool.name === 'archlens_scaffold');
    }
  });

  it('a schema-valid input is accepted by the tool and a schema-invalid one refused', async function () {
    this.timeout(60_000);
    const ws = workspaceOf(HEX_LEAKY);
    await runAssistantTool(ws, 'violations', { limit: 3 });
    await assert.rejects(runAssistantTool(ws, 'violations', { limit: 0 }), /Bad input/);
    await assert.rejects(runAssistantTool(ws, 'nope', {}), /No tool named `nope`/);
  });

  it('offers the MCP server as the CLI bundle on the editor’s Node, per folder', () => {
    assert.deepEqual(
      pkg.contributes.mcpServerDefinitionProviders.map((p) => p.id),
      ['archlens.mcp'],
    );
    assert.deepEqual(
      mcpServerLaunch({ name: 'shop', fsPath: '/w/shop' }, '/ext/archlens/', '/opt/code/code'),
      {
        label: 'ArchLens (shop)',
        command: '/opt/code/code',
        args: ['/ext/archlens/dist/cli.js', 'mcp', '/w/shop'],
        cwd: '/w/shop',
        env: { ELECTRON_RUN_AS_NODE: '1' },
      },
    );
    assert.deepEqual(
      mcpServerLaunch({ name: 'a', fsPath: 'C:\\w\\a' }, 'C:\\ext', 'C:\\code.exe', '\\').args,
      ['C:\\ext\\dist\\cli.js', 'mcp', 'C:\\w\\a'],
    );
  });
});

describe('scaffold tool confirmation', () => {
  it('names the block and lists every file the plan creates or edits, with its notes', () => {
    const shown = scaffoldConfirmation(
      { kind: 'module', name: 'Shipping' },
      {
        files: [
          { action: 'create', path: 'src/modules/shipping/index.ts', content: '' },
          { action: 'edit', path: 'src/app.module.ts', content: 'b', original: 'a' },
        ],
        messages: ['Registered ShippingModule in src/app.module.ts.'],
      },
    );
    assert.equal(shown.title, 'ArchLens: scaffold module Shipping?');
    assert.match(
      shown.markdown,
      /- create `src\/modules\/shipping\/index\.ts`\n- edit `src\/app\.module\.ts`\n- Registered ShippingModule in src\/app\.module\.ts\./,
    );
  });
});
