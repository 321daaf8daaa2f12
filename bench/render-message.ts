// Builds the panel's render message for the default view of a workspace, exactly as the
// extension does (analysis, detection, `buildDiagram`, `renderMessage`), and prints it as JSON.
// Bundled by bench/render-bench.mjs into bench/.work/render-message.js.
// Usage: node bench/.work/render-message.js <dir> [view]
import path from 'node:path';
import { analyzeWorkspace, detectArchitecture } from '../src/core';
import { buildDiagram, symbolsReader } from '../src/core/diagram';
import { NodeFileSystem } from '../src/node/node-file-system';
import { renderMessage } from '../src/extension/panel/diagram-message';
import { ViewId } from '../src/shared/protocol';

const [dirArg, viewArg] = process.argv.slice(2);
if (!dirArg) {
  process.stderr.write('usage: render-message.js <dir> [view]\n');
  process.exit(2);
}
const root = path.resolve(dirArg).split(path.sep).join('/');
const view = ViewId.parse(viewArg ?? 'overview');
const fs = new NodeFileSystem();
const model = analyzeWorkspace(fs, root);
const detection = detectArchitecture(fs, model);
const result = buildDiagram(view, { model, detection, symbols: symbolsReader(fs, root) }, { expanded: [] });
if (result.kind === 'not-applicable') {
  process.stdout.write(JSON.stringify({ notApplicable: result.reason }));
} else {
  const state = { view, expanded: [] };
  process.stdout.write(JSON.stringify(renderMessage(1, result.model, state, path.basename(root), false)));
}
