/**
 * The shapes of scaffolding: what the user asks for, what the workspace is, and the plan of file
 * changes that comes back. A plan is data: the CLI writes it, the extension turns it into one
 * previewable `WorkspaceEdit`. Nothing here writes a file.
 */
import type { DetectionResult, WorkspaceModel } from '../model';
import type { FileSystemPort } from '../ports';

/** The building blocks `archlens scaffold <kind>` knows. */
export const SCAFFOLD_KINDS = [
  'module',
  'port',
  'adapter',
  'use-case',
  'command',
  'query',
  'event',
  'function',
  'service',
] as const;

export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

/** A new file of a plan, written only where no file is. */
export interface ScaffoldCreate {
  readonly action: 'create';
  /** POSIX path relative to the workspace root. */
  readonly path: string;
  /** The whole new file. */
  readonly content: string;
}

/**
 * An existing file of a plan: its whole text after the change, and the exact text the change was
 * planned on. Whoever applies it checks the file still reads `original` (else the plan is stale)
 * and may apply only the difference (see `textChanges`).
 */
export interface ScaffoldEdit {
  readonly action: 'edit';
  /** POSIX path relative to the workspace root. */
  readonly path: string;
  /** The whole file after the change. */
  readonly content: string;
  /** The whole file as read when planning. */
  readonly original: string;
}

/** One file of a plan: a new file, or an edit of an existing one. */
export type ScaffoldFile = ScaffoldCreate | ScaffoldEdit;

/** What a scaffold would change; applying it is the caller's job. */
export interface ScaffoldPlan {
  readonly files: readonly ScaffoldFile[];
  /** Notes for the user: what was wired, what could not be and why. */
  readonly messages?: readonly string[];
}

/** What the user asked for. */
export interface ScaffoldRequest {
  readonly kind: ScaffoldKind;
  /** The name of the new thing, as typed (`Clock`, `send-invoice`, `OrderPlaced`). */
  readonly name: string;
  /** The port (adapter), ports (use case, comma-separated), or module the new thing belongs to. */
  readonly for?: string;
  /** For an adapter: the file declaring the port `for` names (picked from a list), when known. */
  readonly forPath?: string;
  /**
   * A folder relative to the root to put the new files in, overriding the workspace's convention.
   * `\` counts as a separator and `..` is resolved; one that is absolute or leads above the root is
   * refused (see `normaliseFolder`).
   */
  readonly folder?: string;
}

/** The workspace a scaffold reads: its files (through the port), its model and what detection found. */
export interface ScaffoldWorkspace {
  readonly fs: FileSystemPort;
  readonly model: WorkspaceModel;
  readonly detection: DetectionResult;
}

/** A scaffold that cannot be made as asked; the message says why and what to do instead. */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
}
