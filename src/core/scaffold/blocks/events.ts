/** Event-driven blocks: a domain event and its handler, subscribed on the workspace's bus. */
import type { ScaffoldContext } from '../context';
import { createFile } from '../context';
import { findDeclared } from '../find';
import { pascalCase, withoutSuffix } from '../names';
import { fileName, fileNaming, folderNamed, sourceRoot } from '../placement';
import { moduleFolder, ringFolderIn, siblingLayout } from '../owner';
import { addRegistrationCall, addToArray, classesDecoratedWith, findListingArray } from '../registration';
import { render } from '../render';
import { ScaffoldError, type ScaffoldFile, type ScaffoldPlan } from '../types';
import { join, readText, specifier, tsFiles } from '../workspace-files';

/**
 * A domain event and its handler. With `module`, inside that module (its `events` folder, else
 * where sibling modules keep theirs). The event extends (or implements) the workspace's own event
 * base type when it has one (`DomainEvent`, `BaseEvent`, …); the handler is subscribed where the
 * workspace subscribes its others.
 */
export function planEvent(
  ctx: ScaffoldContext,
  rawName: string,
  folder?: string,
  module?: string,
): ScaffoldPlan {
  const base = withoutSuffix(pascalCase(rawName), 'Event');
  const event = `${base}Event`;
  const handler = `On${base}`;
  for (const name of [event, handler]) {
    if (findDeclared(ctx, 'class', name).length > 0)
      throw new ScaffoldError(`A class named ${name} already exists.`);
  }
  const owner = module === undefined ? undefined : moduleFolder(ctx.ws, module);
  if (module !== undefined && owner === undefined)
    throw new ScaffoldError(`No module named ${module} was detected.`);
  const HANDLER_FOLDERS = ['event-handlers', 'handlers', 'subscribers', 'listeners', 'consumers'];
  const eventsDir =
    folder ??
    (owner !== undefined
      ? (ringFolderIn(ctx.ws, owner, ['events'], ['domain']) ??
        join(owner, siblingLayout(ctx.ws, owner, ['events']) ?? join('domain', 'events')))
      : (folderNamed(ctx.ws, ['events']) ?? join(sourceRoot(ctx.ws), 'events')));
  const handlersDir =
    folder ??
    (owner !== undefined
      ? (ringFolderIn(ctx.ws, owner, HANDLER_FOLDERS) ?? eventsDir)
      : (folderNamed(ctx.ws, HANDLER_FOLDERS) ?? eventsDir));
  const eventPath = join(eventsDir, fileName(fileNaming(ctx.ws, eventsDir), base, 'event'));
  const handlerPath = join(handlersDir, fileName(fileNaming(ctx.ws, handlersDir), `on-${base}`, 'handler'));
  const spec = specifier(handlerPath, eventPath, ctx.style.jsExtension);
  const nest = ctx.deps.has('@nestjs/cqrs');
  const baseType = eventBaseType(ctx, owner);
  const baseImport = baseType
    ? `import ${baseType.kind === 'interface' ? 'type ' : ''}{ ${baseType.name} } from '${specifier(eventPath, baseType.path, ctx.style.jsExtension)}';\n\n`
    : '';
  const heritage = baseType
    ? ` ${baseType.kind === 'interface' ? 'implements' : 'extends'} ${baseType.name}`
    : '';
  const ctor =
    baseType?.kind === 'class'
      ? `  constructor() {\n    super();\n  }`
      : `  constructor(readonly occurredAt: Date = new Date()) {}`;
  const eventText = render(
    `
${baseImport}/** Something that happened: ${base}. */
export class ${event}${heritage} {
  static readonly type = '${base}';

${ctor}
}
`,
    ctx.style,
  );
  const handlerText = nest
    ? render(
        `
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { ${event} } from '${spec}';

@EventsHandler(${event})
export class ${handler} implements IEventHandler<${event}> {
  async handle(_event: ${event}): Promise<void> {
    throw new Error('Not implemented: ${handler}.handle');
  }
}
`,
        ctx.style,
      )
    : render(
        `
import type { ${event} } from '${spec}';

export class ${handler} {
  async handle(_event: ${event}): Promise<void> {
    throw new Error('Not implemented: ${handler}.handle');
  }
}
`,
        ctx.style,
      );
  const files: ScaffoldFile[] = [
    createFile(ctx, eventPath, eventText),
    createFile(ctx, handlerPath, handlerText),
  ];
  const messages: string[] = [];
  const registered = nest
    ? (() => {
        const eventHandlers = classesDecoratedWith(ctx, 'EventsHandler', owner);
        const list = findListingArray(
          ctx,
          (id) =>
            eventHandlers.has(id) ||
            (eventHandlers.size === 0 && (id.endsWith('EventHandler') || id.startsWith('On'))),
          1,
          owner,
        );
        return (
          list && addToArray(ctx, list.file, list.array, handler, [{ name: handler, from: handlerPath }])
        );
      })()
    : addRegistrationCall(
        ctx,
        (id) => id.endsWith('Event'),
        event,
        handler,
        [
          { name: event, from: eventPath },
          { name: handler, from: handlerPath },
        ],
        owner,
      );
  if (registered) {
    files.push(registered);
    messages.push(`Subscribed ${handler} in ${registered.path}.`);
  } else
    messages.push(`No subscription found: subscribe ${handler} to ${event} on your bus or broker client.`);
  return { files, messages };
}

const EVENT_BASE =
  /^(Domain|Integration|Base|Abstract)?Events?$|^(DomainEvent|IntegrationEvent|BaseEvent|AggregateEvent)(Base)?$/;

/**
 * The workspace's base type for events: an exported class or interface named like `DomainEvent`
 * or `BaseEvent`, one in `owner` first, then one extended by the most classes.
 */
function eventBaseType(
  ctx: ScaffoldContext,
  owner: string | undefined,
): { readonly name: string; readonly path: string; readonly kind: 'class' | 'interface' } | undefined {
  const { ts } = ctx;
  const found: {
    name: string;
    path: string;
    kind: 'class' | 'interface';
    own: boolean;
    needsArgs: boolean;
  }[] = [];
  for (const file of tsFiles(ctx.ws)) {
    const text = readText(ctx.ws, file);
    if (text === undefined || !/(class|interface)\s+\w*Event/.test(text)) continue;
    for (const s of ctx.source(file)?.file.statements ?? []) {
      const isClass = ts.isClassDeclaration(s);
      if ((!isClass && !ts.isInterfaceDeclaration(s)) || !s.name || !EVENT_BASE.test(s.name.text)) continue;
      if (!(ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      if ((s.typeParameters?.length ?? 0) > 0) continue;
      // A base class whose constructor takes arguments cannot be called with none: not used.
      const needsArgs =
        isClass &&
        s.members.some(
          (m) =>
            ts.isConstructorDeclaration(m) && m.parameters.some((p) => !p.questionToken && !p.initializer),
        );
      const abstractMembers =
        isClass &&
        s.members.some(
          (m) =>
            ts.canHaveModifiers(m) &&
            (ts.getModifiers(m) ?? []).some((x) => x.kind === ts.SyntaxKind.AbstractKeyword),
        );
      const hasRequiredMembers =
        !isClass && s.members.some((m) => ts.isPropertySignature(m) && !m.questionToken);
      if (abstractMembers || hasRequiredMembers) continue;
      found.push({
        name: s.name.text,
        path: file,
        kind: isClass ? 'class' : 'interface',
        own: owner !== undefined && file.startsWith(`${owner}/`),
        needsArgs,
      });
    }
  }
  const usable = found.filter((f) => !f.needsArgs);
  const uses = (name: string) =>
    tsFiles(ctx.ws).filter((f) =>
      new RegExp(`(extends|implements)\\s+${name}\\b`).test(readText(ctx.ws, f) ?? ''),
    ).length;
  return usable
    .map((f) => ({ ...f, uses: uses(f.name) }))
    .sort((a, b) => Number(b.own) - Number(a.own) || b.uses - a.uses || a.path.localeCompare(b.path))[0];
}
