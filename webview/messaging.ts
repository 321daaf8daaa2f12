import type { FromWebviewMessage, ToWebviewMessage, WebviewState } from '../src/shared/protocol';
import { parseToWebview, parseWebviewState } from '../src/shared/protocol';

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

/** The state saved before a reload or while hidden, when it is ours. */
export function savedState(): WebviewState | undefined {
  return parseWebviewState(vscode.getState());
}

/** Saves the state VS Code gives back after a reload (and to the panel serializer). */
export function saveState(state: WebviewState): void {
  vscode.setState(state);
}
