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
  <header id="status" role="status">Loading…</header>
  <main id="diagram" aria-label="Architecture diagram"></main>
  <script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
