#!/usr/bin/env node
/* global document, window, performance -- functions passed to page.evaluate run in the page */
// Render benchmark of the diagram webview: the built webview (dist/webview/webview.js) in
// headless Chromium with a stub `acquireVsCodeApi`, fed the panel's render message for the
// default view of synthetic workspaces; times from the message posted to the SVG in the DOM
// (the webview's `rendered` reply). Prints one JSON line per workspace.
// Usage: node bench/render-bench.mjs [--sizes 10k,50k] [--runs N] [--view overview]
// (run `npm run build` first; the workspaces come from bench/generate-workspace.mjs)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { bundleBenchTool } from './lib/bundle-tool.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const workDir = path.join(benchDir, '.work');
const { chromium } = createRequire(path.join(repoRoot, 'package.json'))('playwright-core');
const chromiumPath = process.env.ARCHLENS_CHROMIUM ?? '/usr/bin/chromium';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10k,50k' },
    runs: { type: 'string', default: '3' },
    view: { type: 'string', default: 'overview' },
  },
});

function run(command, args) {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Bundles bench/render-message.ts (core + panel message, no vscode) once. */
function buildMessageTool() {
  const outfile = path.join(workDir, 'render-message.js');
  const built = bundleBenchTool(repoRoot, path.join(benchDir, 'render-message.ts'), outfile);
  if (!built.ok) throw new Error(`could not build the render message tool:\n${built.stderr}`);
  return outfile;
}

/**
 * The render message of a workspace's view, cached per build of the message tool (its content
 * hash is in the cache name), so a change to the diagram code never measures a stale message.
 */
function messageFor(tool, size, view) {
  // The generator prints `{"dir": …}` (and reuses a finished tree).
  const printed = run(process.execPath, [path.join(benchDir, 'generate-workspace.mjs'), size]);
  const folder = JSON.parse(printed.trim().split('\n').pop()).dir;
  const toolHash = createHash('sha256').update(readFileSync(tool)).digest('hex').slice(0, 12);
  const cache = path.join(workDir, `render-message-${size}-${view}-${toolHash}.json`);
  if (!existsSync(cache)) {
    const started = Date.now();
    writeFileSync(cache, run(process.execPath, [tool, folder, view]));
    console.error(
      `[render-bench] ${size}: analysis + diagram message in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return JSON.parse(readFileSync(cache, 'utf8'));
}

const PAGE = `<!DOCTYPE html><html><head><meta charset="UTF-8">
<link rel="stylesheet" href="file://${path.join(repoRoot, 'media', 'diagram.css')}"></head>
<body class="vscode-dark">
<header id="toolbar"><vscode-single-select id="view-picker"></vscode-single-select>
<vscode-single-select id="focus-picker"><vscode-option value="off">No focus</vscode-option></vscode-single-select>
<vscode-button id="fit">Fit</vscode-button><vscode-button id="zoom-in">+</vscode-button>
<vscode-button id="zoom-out">-</vscode-button><vscode-button id="copy-mermaid">Copy</vscode-button>
<vscode-button id="save-markdown">Md</vscode-button><vscode-button id="save-svg">SVG</vscode-button>
<vscode-button id="save-png">PNG</vscode-button></header>
<nav id="breadcrumb"></nav><div id="status">Loading…</div>
<main id="viewport"><div id="canvas"></div></main><footer id="notes"></footer>
<script>
  window.__posted = [];
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => { window.__posted.push({ at: performance.now(), message: m }); },
    getState: () => undefined,
    setState: () => {},
  });
</script>
<script src="file://${path.join(repoRoot, 'dist', 'webview', 'webview.js')}"></script>
</body></html>`;

async function timeRender(page, message, requestId) {
  return page.evaluate(
    async ({ message, requestId }) => {
      const started = performance.now();
      window.postMessage({ ...message, requestId }, '*');
      for (;;) {
        const reply = window.__posted.find(
          (p) =>
            (p.message.type === 'rendered' || p.message.type === 'renderFailed') &&
            p.message.requestId === requestId,
        );
        if (reply) {
          const svg = document.querySelector('#canvas svg');
          return {
            ms: reply.at - started,
            type: reply.message.type,
            nodeCount: reply.message.nodeCount,
            edgeCount: reply.message.edgeCount,
            svgInDom: svg !== null,
            error: reply.message.error,
          };
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    { message, requestId },
  );
}

async function main() {
  if (!existsSync(path.join(repoRoot, 'dist', 'webview', 'webview.js')))
    throw new Error('run npm run build first');
  mkdirSync(workDir, { recursive: true });
  const tool = buildMessageTool();
  const runs = Math.max(1, Number(values.runs));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--allow-file-access-from-files'],
  });
  try {
    for (const size of values.sizes.split(',').filter(Boolean)) {
      const message = messageFor(tool, size, values.view);
      if (message.notApplicable) {
        console.log(JSON.stringify({ size, view: values.view, notApplicable: message.notApplicable }));
        continue;
      }
      const htmlPath = path.join(workDir, 'render-bench.html');
      writeFileSync(htmlPath, PAGE);
      const times = [];
      let last;
      for (let i = 0; i < runs; i++) {
        // A fresh page per run: the first render of a panel is what a user waits for.
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        page.on('pageerror', (error) => console.error(`[render-bench] page error: ${error.message}`));
        page.on('crash', () => console.error('[render-bench] the page crashed'));
        await page.goto(`file://${htmlPath}`);
        await page.waitForFunction(() => window.__posted.some((p) => p.message.type === 'ready'), null, {
          timeout: 30_000,
        });
        last = await timeRender(page, message, 1);
        if (last.type !== 'rendered' || !last.svgInDom) throw new Error(`${size}: ${JSON.stringify(last)}`);
        times.push(last.ms);
        if (i === 0) await page.screenshot({ path: path.join(workDir, `render-bench-${size}.png`) });
        await page.close();
      }
      const sorted = [...times].sort((a, b) => a - b);
      console.log(
        JSON.stringify({
          size,
          view: values.view,
          mermaidChars: message.mermaid.length,
          nodes: last.nodeCount,
          edges: last.edgeCount,
          renderMs: times.map((t) => Math.round(t)),
          medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]),
        }),
      );
    }
  } finally {
    await browser.close();
  }
}

await main();
