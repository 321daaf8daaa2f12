import { z } from 'zod';

/**
 * The messages between the extension host and the diagram webview, in one place. Both sides
 * validate what they receive with these schemas: a message is untrusted until it parses.
 */

/** Host → webview: draw this Mermaid text. */
export const RenderDiagramMessage = z.object({
  type: z.literal('render'),
  /** Increments with each render request, echoed back in `rendered`/`renderFailed`. */
  requestId: z.number().int().nonnegative(),
  mermaid: z.string().max(200_000),
  title: z.string().max(500),
});

export const ToWebviewMessage = z.discriminatedUnion('type', [RenderDiagramMessage]);
export type ToWebviewMessage = z.infer<typeof ToWebviewMessage>;

/** Webview → host: the webview's script is running and can take messages. */
export const ReadyMessage = z.object({ type: z.literal('ready') });

/** Webview → host: Mermaid produced an SVG. */
export const RenderedMessage = z.object({
  type: z.literal('rendered'),
  requestId: z.number().int().nonnegative(),
  svgLength: z.number().int().nonnegative(),
  nodeCount: z.number().int().nonnegative(),
  edgeCount: z.number().int().nonnegative(),
});

/** Webview → host: Mermaid refused the text. */
export const RenderFailedMessage = z.object({
  type: z.literal('renderFailed'),
  requestId: z.number().int().nonnegative(),
  error: z.string().max(5_000),
});

export const FromWebviewMessage = z.discriminatedUnion('type', [
  ReadyMessage,
  RenderedMessage,
  RenderFailedMessage,
]);
export type FromWebviewMessage = z.infer<typeof FromWebviewMessage>;

export type RenderedReport = z.infer<typeof RenderedMessage>;

/** Parses a message from the webview; `undefined` for anything that is not one of ours. */
export function parseFromWebview(data: unknown): FromWebviewMessage | undefined {
  const result = FromWebviewMessage.safeParse(data);
  return result.success ? result.data : undefined;
}

/** Parses a message from the host; `undefined` for anything that is not one of ours. */
export function parseToWebview(data: unknown): ToWebviewMessage | undefined {
  const result = ToWebviewMessage.safeParse(data);
  return result.success ? result.data : undefined;
}
