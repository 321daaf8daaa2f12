import * as crypto from 'node:crypto';
import * as vscode from 'vscode';

/** The folders a diagram webview may load from: the extension's own build and media. */
export function diagramResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/**
 * The panel's HTML: one script from the extension's dist folder with a fresh nonce, a CSP that
 * allows nothing remote, and inline styles only where Mermaid needs them (its SVG carries a
 * `<style>` element).
 */
export function diagramHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'webview.js'));
  const styles = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'diagram.css'));
  const csp = [
    `default-src 'none'`,
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${styles}">
  <title>Architecture Diagram</title>
</head>
<body>
  <header id="toolbar" role="toolbar" aria-label="Diagram">
    <vscode-single-select id="view-picker" aria-label="View"></vscode-single-select>
    <vscode-single-select id="focus-picker" aria-label="Focus on the selected node">
      <vscode-option value="off">No focus</vscode-option>
      <vscode-option value="dependencies">Focus: its dependencies</vscode-option>
      <vscode-option value="dependents">Focus: its dependents</vscode-option>
    </vscode-single-select>
    <vscode-button id="fit" secondary title="Fit the diagram to the window">Fit</vscode-button>
    <vscode-button id="zoom-in" secondary title="Zoom in">+</vscode-button>
    <vscode-button id="zoom-out" secondary title="Zoom out">−</vscode-button>
    <span class="spacer"></span>
    <vscode-button id="copy-mermaid" secondary title="Copy the Mermaid text">Copy Mermaid</vscode-button>
    <vscode-button id="save-markdown" secondary title="Save as Markdown with a mermaid block">Markdown</vscode-button>
    <vscode-button id="save-svg" secondary title="Save as SVG">SVG</vscode-button>
    <vscode-button id="save-png" secondary title="Save as PNG">PNG</vscode-button>
  </header>
  <nav id="breadcrumb" aria-label="Breadcrumb"></nav>
  <div id="status" role="status">Loading…</div>
  <main id="viewport" aria-label="Architecture diagram"><div id="canvas"></div></main>
  <footer id="notes"></footer>
  <script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
