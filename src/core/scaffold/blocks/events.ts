/** Event-driven blocks: a domain event and its handler, subscribed on the workspace's bus. */
import type { ScaffoldContext } from '../context';
import { createFile } from '../context';
import { findDeclared } from '../find';
import { pascalCase, withoutSuffix } from '../names';
import { fileName, fileNaming, folderNamed, sourceRoot } from '../placement';
import { addRegistrationCall, addToArray, findListingArray } from '../registration';
import { render } from '../render';
import { ScaffoldError, type ScaffoldFile, type ScaffoldPlan } from '../types';
import { join, specifier } from '../workspace-files';

export function planEvent(ctx: ScaffoldContext, rawName: string, folder?: string): ScaffoldPlan {
  const base = withoutSuffix(pascalCase(rawName), 'Event');
  const event = `${base}Event`;
  const handler = `On${base}`;
  for (const name of [event, handler]) {
    if (findDeclared(ctx, 'class', name).length > 0)
      throw new ScaffoldError(`A class named ${name} already exists.`);
  }
  const eventsDir = folder ?? folderNamed(ctx.ws, ['events']) ?? join(sourceRoot(ctx.ws), 'events');
  const handlersDir =
    folder ?? folderNamed(ctx.ws, ['handlers', 'subscribers', 'listeners', 'consumers']) ?? eventsDir;
  const eventPath = join(eventsDir, fileName(fileNaming(ctx.ws, eventsDir), base, 'event'));
  const handlerPath = join(handlersDir, fileName(fileNaming(ctx.ws, handlersDir), `on-${base}`, 'handler'));
  const spec = specifier(handlerPath, eventPath, ctx.style.jsExtension);
  const nest = ctx.deps.has('@nestjs/cqrs');
  const eventText = render(
    `
/** Something that happened: ${base}. */
export class ${event} {
  static readonly type = '${base}';

  constructor(readonly occurredAt: Date = new Date()) {}
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
        const list = findListingArray(ctx, (id) => id.endsWith('Handler') || id.startsWith('On'));
        return (
          list && addToArray(ctx, list.file, list.array, handler, [{ name: handler, from: handlerPath }])
        );
      })()
    : addRegistrationCall(ctx, (id) => id.endsWith('Event'), event, handler, [
        { name: event, from: eventPath },
        { name: handler, from: handlerPath },
      ]);
  if (registered) {
    files.push(registered);
    messages.push(`Subscribed ${handler} in ${registered.path}.`);
  } else
    messages.push(`No subscription found: subscribe ${handler} to ${event} on your bus or broker client.`);
  return { files, messages };
}
