import type { FromWebviewMessage, ToWebviewMessage } from '../src/shared/protocol';
import { parseToWebview } from '../src/shared/protocol';

const vscode = acquireVsCodeApi();

/** Sends a typed message to the extension host. */
export function postToHost(message: FromWebviewMessage): void {
  vscode.postMessage(message);
}

/** Calls `handler` for each valid message from the host; anything else is ignored. */
export function onHostMessage(handler: (message: ToWebviewMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = parseToWebview(event.data);
    if (message) handler(message);
  });
}
