import type { z } from 'zod';
import type { AssistantWorkspace } from './assistant-workspace';

/** What a tool answers: a short text for a model to read, and the same facts as data. */
export interface ToolAnswer {
  readonly text: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** One question an assistant may ask about the workspace's architecture. */
export interface AssistantTool<Input extends z.ZodObject = z.ZodObject> {
  /** Short snake_case name (`check_import`); adapters prefix it (`archlens_check_import`). */
  readonly name: string;
  readonly title: string;
  /** What the tool answers and when to use it, written for a model. */
  readonly description: string;
  readonly input: Input;
  run(ws: AssistantWorkspace, input: z.infer<Input>): ToolAnswer | Promise<ToolAnswer>;
}

/** A question the tool cannot answer as asked; the message says why and what to ask instead. */
export class ToolInputError extends Error {
  override readonly name = 'ToolInputError';
}
