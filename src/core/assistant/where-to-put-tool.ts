import { z } from 'zod';
import {
  kindsForDetection,
  planScaffold,
  portChoices,
  moduleChoices,
  SCAFFOLD_KINDS,
  ScaffoldError,
} from '../scaffold';
import type { ScaffoldKind, ScaffoldPlan } from '../scaffold';
import { pascalCase } from '../scaffold/names';
import type { AssistantWorkspace } from './assistant-workspace';
import { code, compareText } from './bounds';
import { scaffoldFolder, scaffoldFor, scaffoldName } from './scaffold-fields';
import { scaffoldIntent } from './scaffold-intent';
import { ToolInputError, type AssistantTool } from './tool-types';
import { workspaceRelative } from './workspace-paths';

const input = z
  .object({
    what: z
      .string()
      .min(1)
      .max(300)
      .optional()
      .describe(
        'What is to be written, in a few words: "a Stripe payment adapter", "a query for overdue invoices", "a new module for shipping". Or give `kind` and `name`.',
      ),
    kind: z.enum(SCAFFOLD_KINDS).optional().describe('The building block, when known.'),
    name: scaffoldName.optional(),
    for: scaffoldFor.optional(),
    folder: scaffoldFolder.optional(),
    includePlan: z
      .boolean()
      .optional()
      .describe(
        'Also return the whole scaffold plan: every new file and edit with its full text (nothing is written).',
      ),
  })
  .strict();

/** `where_to_put`: the folder, files and wiring of a new piece of code, from the scaffold planner. */
export const whereToPutTool: AssistantTool<typeof input> = {
  name: 'where_to_put',
  title: 'Where to put new code',
  description:
    'Where a new piece of code belongs in this workspace and what it must be wired to, in the workspace\'s own conventions (folders, file naming, module registration, compose/serverless entries), from ArchLens\'s scaffold planner over the detected architecture. Describe it in `what` ("a Stripe payment adapter", "a query for overdue invoices", "a new module for shipping") or give `kind` + `name` (+ `for`: the port, ports or module). Answers the folder, the files to create, the existing files to edit and why; with `includePlan: true`, the full text of each file. Nothing is written.',
  input,
  async run(ws, args) {
    const request = requestOf(ws, args);
    let plan: ScaffoldPlan;
    try {
      plan = await planScaffold(ws, {
        kind: request.kind,
        name: request.name,
        ...(request.for === undefined ? {} : { for: request.for }),
        ...(args.folder === undefined ? {} : { folder: workspaceRelative(ws.root, args.folder, 'folder') }),
      });
    } catch (error) {
      if (error instanceof ScaffoldError) throw new ToolInputError(error.message);
      throw error;
    }
    const created = plan.files.filter((f) => f.action === 'create').map((f) => f.path);
    const edited = plan.files.filter((f) => f.action === 'edit').map((f) => f.path);
    const folder = commonFolder(created);
    const fits = kindsForDetection(ws);
    const lines = [
      `A ${request.kind} named ${code(request.name)}${request.for ? ` for ${code(request.for)}` : ''} goes in ${code(folder)}.`,
      ...(fits.includes(request.kind)
        ? []
        : [
            `Note: a ${request.kind} does not fit the detected architecture well; fitting blocks: ${fits.join(', ')}.`,
          ]),
      'Create:',
      ...created.map((p) => `- ${p}`),
      ...(edited.length > 0 ? ['Edit (wiring):', ...edited.map((p) => `- ${p}`)] : []),
      ...(plan.messages && plan.messages.length > 0 ? ['Notes:', ...plan.messages.map((m) => `- ${m}`)] : []),
      args.includePlan
        ? 'The full plan follows in the data (`plan`); nothing was written.'
        : 'Ask with `includePlan: true` for the full text of each file. Nothing was written.',
    ];
    return {
      text: lines.join('\n') + '\n',
      data: {
        request,
        folder,
        create: created,
        edit: edited,
        notes: plan.messages ?? [],
        fitsDetectedArchitecture: fits.includes(request.kind),
        ...(args.includePlan ? { plan: { files: plan.files, messages: plan.messages ?? [] } } : {}),
      },
    };
  },
};

interface PlannedRequest {
  readonly kind: ScaffoldKind;
  readonly name: string;
  readonly for?: string;
}

function requestOf(ws: AssistantWorkspace, args: z.infer<typeof input>): PlannedRequest {
  const intent = args.what === undefined ? undefined : scaffoldIntent(args.what);
  const kind = args.kind ?? intent?.kind;
  if (kind === undefined)
    throw new ToolInputError(
      args.what === undefined
        ? 'Say what is to be written: `what` ("a Stripe payment adapter") or `kind` and `name`.'
        : `Cannot tell which kind of code "${args.what}" is. Give \`kind\`: one of ${SCAFFOLD_KINDS.join(', ')} (fitting this workspace: ${kindsForDetection(ws).join(', ')}).`,
    );
  const name = args.name ?? (intent?.name ? pascalCase(intent.name) : undefined);
  if (name === undefined || name === '')
    throw new ToolInputError(`Give the ${kind}'s \`name\` (e.g. ${example(kind)}).`);
  const forName = args.for ?? inferredFor(ws, kind, intent?.words ?? []);
  return { kind, name, ...(forName === undefined ? {} : { for: forName }) };
}

/** The port or module the words name: the one sharing most words with them. */
function inferredFor(
  ws: AssistantWorkspace,
  kind: ScaffoldKind,
  words: readonly string[],
): string | undefined {
  if (kind === 'adapter') {
    const ports = portChoices(ws);
    const best = bestMatch(
      ports.map((p) => p.name),
      words,
    );
    if (best !== undefined) return best;
    if (ports.length === 1 && ports[0]) return ports[0].name;
    throw new ToolInputError(
      ports.length === 0
        ? 'An adapter implements a port, and the workspace declares none: plan a port first (`kind: "port"`).'
        : `An adapter implements a port, and none of the workspace's ports matches "${words.join(' ')}". Name one with \`for\` (${ports.map((p) => `${p.name} in ${p.path}`).join(', ')}), or plan a new port first (\`kind: "port"\`).`,
    );
  }
  if (kind === 'command' || kind === 'query' || kind === 'event')
    return bestMatch(
      moduleChoices(ws).map((m) => m.name),
      words,
    );
  return undefined;
}

function bestMatch(candidates: readonly string[], words: readonly string[]): string | undefined {
  const wanted = new Set(words.map((w) => w.toLowerCase()));
  let best: { name: string; score: number } | undefined;
  for (const name of [...candidates].sort(compareText)) {
    const parts = name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((p) => p !== '' && p !== 'port');
    const score = parts.filter(
      (p) => wanted.has(p) || wanted.has(`${p}s`) || wanted.has(p.replace(/s$/, '')),
    ).length;
    if (score > 0 && (best === undefined || score > best.score)) best = { name, score };
  }
  return best?.name;
}

function commonFolder(paths: readonly string[]): string {
  const dirs = paths.map((p) => p.split('/').slice(0, -1));
  if (dirs.length === 0) return '.';
  let shared = dirs[0] ?? [];
  for (const dir of dirs.slice(1)) {
    let n = 0;
    while (n < shared.length && n < dir.length && shared[n] === dir[n]) n++;
    shared = shared.slice(0, n);
  }
  return shared.length === 0 ? '.' : shared.join('/');
}

function example(kind: ScaffoldKind): string {
  switch (kind) {
    case 'module':
    case 'service':
      return '`shipping`';
    case 'query':
      return '`GetOverdueInvoices`';
    case 'command':
      return '`PlaceOrder`';
    case 'event':
      return '`OrderPlaced`';
    default:
      return '`StripePayment`';
  }
}
