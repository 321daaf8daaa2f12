/**
 * The editor's scaffolding code actions, decided here without VS Code: which apply at a place in
 * a file, and the plan each would apply. The extension's provider only maps them to `CodeAction`s.
 */
import type { ts as TS } from 'ts-morph';
import { ringRoleOf } from '../units/names';
import { isPortFile } from '../units/rings';
import type { RingRole } from '../units/types';
import { planHandler } from './blocks/cqrs';
import { planExtractPort, type AdapterDependency } from './blocks/extract-port';
import { planAdapter } from './blocks/hexagonal';
import { createContext, type ScaffoldContext } from './context';
import { findDeclared, implementersOf } from './find';
import { withoutSuffix } from './names';
import { checkPlanPaths } from './safe-paths';
import { ScaffoldError, type ScaffoldPlan, type ScaffoldWorkspace } from './types';
import { dirname, readText, resolveRelative, tsFiles } from './workspace-files';

/** Which of the three actions. */
export type ScaffoldActionId = 'create-adapter' | 'extract-port' | 'create-handler';

/**
 * The `CodeActionKind` each action is offered under: ArchLens's own sub-kind of `quickfix`,
 * `refactor.extract` and `refactor.rewrite` (the three kinds the provider declares), so a
 * keybinding or test can ask for exactly these.
 */
export const SCAFFOLD_ACTION_KINDS = {
  'create-adapter': 'refactor.rewrite.archlens',
  'extract-port': 'refactor.extract.archlens',
  'create-handler': 'quickfix.archlens',
} as const satisfies Readonly<Record<ScaffoldActionId, string>>;

/** One action that applies at the place asked about, with its plan or the reason it cannot be made. */
export interface ScaffoldCodeAction {
  readonly id: ScaffoldActionId;
  readonly title: string;
  readonly kind: (typeof SCAFFOLD_ACTION_KINDS)[ScaffoldActionId];
  /** The declaration it is about: its name and the offsets of the name in the file. */
  readonly target: { readonly name: string; readonly start: number; readonly end: number };
  /** What applying it changes, when it can be made. */
  readonly plan?: ScaffoldPlan;
  /** Why it cannot be made as it is (a taken file, a name in use…), shown to the user instead. */
  readonly problem?: string;
}

/**
 * The scaffolding actions for a range of a file (offsets into its text as the workspace's file
 * system gives it). A declaration is concerned when the range lies within it.
 */
export async function scaffoldCodeActions(
  ws: ScaffoldWorkspace,
  relPath: string,
  range: { readonly start: number; readonly end: number },
): Promise<ScaffoldCodeAction[]> {
  if (!/\.(ts|tsx|mts|cts)$/.test(relPath) || /\.d\.[cm]?ts$/.test(relPath)) return [];
  const { ts } = await import('ts-morph');
  const ctx = createContext(ts, ws);
  const src = ctx.source(relPath);
  if (!src) return [];
  const role = ringOf(ws, relPath);
  const actions: ScaffoldCodeAction[] = [];
  for (const statement of src.file.statements) {
    if (range.start < statement.getStart(src.file) || range.end > statement.getEnd()) continue;
    if (
      ts.isInterfaceDeclaration(statement) &&
      exported(ctx, statement) &&
      isPort(ctx, relPath, role, statement)
    ) {
      actions.push(createAdapterAction(ctx, relPath, statement));
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      if (role === 'domain' || role === 'application') {
        const dep = adapterDependency(ctx, relPath, statement);
        if (dep) actions.push(extractPortAction(ctx, relPath, statement, dep));
      }
      const message = messageKind(statement.name.text);
      if (message && exported(ctx, statement) && !hasHandler(ctx, relPath, statement.name.text))
        actions.push(createHandlerAction(ctx, relPath, statement, message));
    }
  }
  return actions;
}

/** The ring of a file: detection's layers first (the deepest folder holding it), else its folder names. */
export function ringOf(ws: ScaffoldWorkspace, relPath: string): RingRole | undefined {
  let best: { role: RingRole; depth: number } | undefined;
  for (const layer of ws.detection.units.layers) {
    const role = ringRoleOf(layer.name) ?? (isRole(layer.name) ? layer.name : undefined);
    if (!role) continue;
    for (const p of layer.paths) {
      const depth = p.split('/').length;
      if (relPath.startsWith(`${p}/`) && (!best || depth > best.depth)) best = { role, depth };
    }
  }
  const parts = dirname(relPath).split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    const role = ringRoleOf(parts[i] ?? '');
    // A folder name deeper than the layer found (`core/ports` inside a `core` layer) is more precise.
    if (role) return best && best.depth >= i + 1 ? best.role : role;
  }
  return best?.role;
}

/** Names the core gives the interfaces it needs from outside (`OrderRepository`, `PaymentGateway`). */
export const PORT_NAME =
  /(Port|Repository|Gateway|Client|Provider|Publisher|Sender|Notifier|Store|Bus|Clock|Mailer|Directory|Registry|Storage|Cache|Queue)$/;

/**
 * A port, as the analysis sees one: an interface in a ports ring or file, or one of the core
 * (domain, application) that an adapter implements or that is named like a port.
 */
function isPort(
  ctx: ScaffoldContext,
  relPath: string,
  role: RingRole | undefined,
  node: TS.InterfaceDeclaration,
): boolean {
  if (role === 'ports' || isPortFile(relPath)) return true;
  if (role !== 'domain' && role !== 'application') return false;
  const name = node.name.text;
  return PORT_NAME.test(name) || implementersOf(ctx, name).some((c) => ringOf(ctx.ws, c.path) === 'adapters');
}

function isRole(name: string): name is RingRole {
  return ['domain', 'application', 'ports', 'adapters', 'interfaces'].includes(name);
}

function exported(ctx: ScaffoldContext, node: TS.InterfaceDeclaration | TS.ClassDeclaration): boolean {
  const { ts } = ctx;
  return (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function nameRange(node: TS.InterfaceDeclaration | TS.ClassDeclaration): ScaffoldCodeAction['target'] {
  const name = node.name;
  return name
    ? { name: name.text, start: name.getStart(), end: name.getEnd() }
    : { name: '', start: node.getStart(), end: node.getStart() };
}

/** Runs a planner and checks its paths; a {@link ScaffoldError} becomes the action's problem. */
function attempt(
  ctx: ScaffoldContext,
  make: () => ScaffoldPlan,
): { plan: ScaffoldPlan } | { problem: string } {
  try {
    return { plan: checkPlanPaths(ctx.ws, make()) };
  } catch (error) {
    if (error instanceof ScaffoldError) return { problem: error.message };
    throw error;
  }
}

function createAdapterAction(
  ctx: ScaffoldContext,
  relPath: string,
  port: TS.InterfaceDeclaration,
): ScaffoldCodeAction {
  const name = port.name.text;
  const adapter = `${withoutSuffix(name, 'Port')}Adapter`;
  return {
    id: 'create-adapter',
    title: `Create adapter for ${name}`,
    kind: SCAFFOLD_ACTION_KINDS['create-adapter'],
    target: nameRange(port),
    ...attempt(ctx, () => planAdapter(ctx, adapter, name, undefined, relPath)),
  };
}

function extractPortAction(
  ctx: ScaffoldContext,
  relPath: string,
  cls: TS.ClassDeclaration,
  dep: AdapterDependency,
): ScaffoldCodeAction {
  const name = cls.name?.text ?? '';
  return {
    id: 'extract-port',
    title: `Extract port from ${name}`,
    kind: SCAFFOLD_ACTION_KINDS['extract-port'],
    target: nameRange(cls),
    ...attempt(ctx, () => planExtractPort(ctx, relPath, cls, dep)),
  };
}

function createHandlerAction(
  ctx: ScaffoldContext,
  relPath: string,
  cls: TS.ClassDeclaration,
  kind: 'command' | 'query',
): ScaffoldCodeAction {
  const name = cls.name?.text ?? '';
  return {
    id: 'create-handler',
    title: `Create handler for ${name}`,
    kind: SCAFFOLD_ACTION_KINDS['create-handler'],
    target: nameRange(cls),
    ...attempt(ctx, () => planHandler(ctx, kind, name, relPath)),
  };
}

/**
 * The concrete adapter a core class uses: a class imported (relatively, or through an alias the
 * analysis resolved) from a file in an adapters ring and named inside the class.
 */
export function adapterDependency(
  ctx: ScaffoldContext,
  relPath: string,
  cls: TS.ClassDeclaration,
): AdapterDependency | undefined {
  const { ts } = ctx;
  const src = ctx.source(relPath);
  if (!src) return undefined;
  const classText = cls.getText(src.file);
  for (const s of src.file.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    const target =
      resolveRelative(ctx.ws, relPath, s.moduleSpecifier.text) ??
      resolvedImport(ctx.ws, relPath, s.moduleSpecifier.text);
    if (target === undefined || ringOf(ctx.ws, target) !== 'adapters') continue;
    const bindings = s.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const el of bindings.elements) {
      const exportedName = el.propertyName?.getText(src.file) ?? el.name.text;
      const local = el.name.text;
      if (!new RegExp(`\\b${local}\\b`).test(classText)) continue;
      const declared = findDeclared(ctx, 'class', exportedName, [target]).some((d) => d.path === target);
      if (declared) return { adapter: exportedName, adapterPath: target, importNode: s, localName: local };
    }
  }
  return undefined;
}

/**
 * The file an import resolves to as the analysis resolved it (tsconfig `paths`, `baseUrl`,
 * workspace packages), for specifiers that are not relative.
 */
function resolvedImport(ws: ScaffoldWorkspace, from: string, spec: string): string | undefined {
  const edge = ws.model.edges.find(
    (e) => e.from === from && e.specifier === spec && e.resolution === 'internal',
  );
  return edge?.to ?? undefined;
}

/** `command` or `query` for a message class, by its name (`PlaceOrderCommand`, `ListItemsQuery`). */
function messageKind(name: string): 'command' | 'query' | undefined {
  if (/.Command$/.test(name)) return 'command';
  if (/.Query$/.test(name)) return 'query';
  return undefined;
}

/** Whether a `*Handler` class anywhere in the workspace names the message. */
function hasHandler(ctx: ScaffoldContext, messagePath: string, message: string): boolean {
  const mentions = new RegExp(`\\b${message}\\b`);
  const handlerClass = /\bclass\s+\w*Handler\b/;
  return tsFiles(ctx.ws).some((file) => {
    if (file === messagePath) return false;
    const text = readText(ctx.ws, file);
    return text !== undefined && handlerClass.test(text) && mentions.test(text);
  });
}
