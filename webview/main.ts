import { onHostMessage, postToHost } from './messaging';
import { renderMermaid } from './render';

const diagram = document.getElementById('diagram');
const status = document.getElementById('status');

onHostMessage((message) => {
  switch (message.type) {
    case 'render':
      void draw(message.requestId, message.mermaid, message.title);
      break;
  }
});

async function draw(requestId: number, text: string, title: string): Promise<void> {
  if (!diagram || !status) return;
  status.textContent = `Drawing ${title}…`;
  try {
    const outcome = await renderMermaid(diagram, text);
    status.textContent = title;
    postToHost({ type: 'rendered', requestId, ...outcome });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    status.textContent = `Could not draw the diagram: ${message}`;
    postToHost({ type: 'renderFailed', requestId, error: message.slice(0, 5000) });
  }
}

postToHost({ type: 'ready' });
