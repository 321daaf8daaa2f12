import type { FileSymbols, WorkspaceModel } from '../model';

/** One command, query, handler or read model found in the source. */
export interface CqrsElement {
  readonly name: string;
  readonly kind: 'command' | 'query' | 'command-handler' | 'query-handler' | 'event-handler' | 'read-model';
  readonly file: string;
  readonly line: number;
  /** For handlers: the command, query or event it handles, when known. */
  readonly handles?: string;
}

const CQRS_PATH = /command|quer(y|ies)|handler|projection|projector|read-?model|cqrs/i;

/**
 * Commands, queries, their handlers and read models: classes (and interfaces/types) named
 * `*Command`/`*Query`, classes decorated `@CommandHandler(X)`/`@QueryHandler(X)`/
 * `@EventsHandler(X)` or named `*CommandHandler`/`*QueryHandler`, and `*ReadModel`/
 * `*Projection` classes. Symbols are asked only for files named for CQRS or importing `@nestjs/cqrs`.
 */
export function findCqrsElements(
  model: WorkspaceModel,
  symbols: (relPath: string) => FileSymbols | undefined,
): CqrsElement[] {
  const candidates = new Set(model.files.filter((file) => CQRS_PATH.test(file)));
  for (const edge of model.edges)
    if (edge.resolution === 'external' && edge.to === '@nestjs/cqrs') candidates.add(edge.from);
  const found: CqrsElement[] = [];
  for (const file of [...candidates].sort()) {
    const facts = symbols(file);
    if (!facts) continue;
    for (const cls of facts.classes) {
      const element = classifyClass(cls.name, cls.decorators, cls.decoratorArguments, cls.implements);
      if (element) found.push({ ...element, file, line: cls.line });
    }
    for (const type of facts.interfaces) {
      const kind = /Command$/.test(type.name) ? 'command' : /Query$/.test(type.name) ? 'query' : undefined;
      if (kind && !found.some((f) => f.name === type.name))
        found.push({ name: type.name, kind, file, line: type.line });
    }
  }
  return found;
}

function classifyClass(
  name: string,
  decorators: readonly string[],
  args: readonly string[],
  implemented: readonly string[],
): Omit<CqrsElement, 'file' | 'line'> | undefined {
  const handles = args[0];
  const withHandles = handles === undefined ? {} : { handles };
  if (decorators.includes('CommandHandler') || implemented.some((i) => /^ICommandHandler/.test(i))) {
    return { name, kind: 'command-handler', ...(handles !== undefined ? withHandles : handledBy(name)) };
  }
  if (decorators.includes('QueryHandler') || implemented.some((i) => /^IQueryHandler/.test(i))) {
    return { name, kind: 'query-handler', ...(handles !== undefined ? withHandles : handledBy(name)) };
  }
  if (decorators.includes('EventsHandler') || implemented.some((i) => /^IEventHandler/.test(i))) {
    return { name, kind: 'event-handler', ...withHandles };
  }
  if (/CommandHandler$/.test(name)) return { name, kind: 'command-handler', ...handledBy(name) };
  if (/QueryHandler$/.test(name)) return { name, kind: 'query-handler', ...handledBy(name) };
  if (/Command$/.test(name)) return { name, kind: 'command' };
  if (/Query$/.test(name)) return { name, kind: 'query' };
  if (/(ReadModel|Projection|Projector)$/.test(name)) return { name, kind: 'read-model' };
  return undefined;
}

/** `CreateOrderCommandHandler` → `CreateOrderCommand`; `GetOrderHandler` → `GetOrder`. */
function handledBy(name: string): { handles?: string } {
  const base = name.replace(/Handler$/, '');
  return base === name || base === '' ? {} : { handles: base };
}
