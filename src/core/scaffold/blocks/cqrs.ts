/** CQRS blocks: a command or query with its handler (NestJS `@nestjs/cqrs` or plain classes), registered where handlers are. */
import type { ScaffoldContext } from '../context';
import { createFile } from '../context';
import { findDeclared } from '../find';
import { pascalCase, withSuffix, withoutSuffix } from '../names';
import { fileName, fileNaming, folderNamed, sourceRoot } from '../placement';
import { moduleFolder, ownerFolder, ringFolderIn, siblingLayout } from '../owner';
import { addRegistrationCall, addToArray, classesDecoratedWith, findListingArray } from '../registration';
import { render } from '../render';
import { testFileFor } from '../tests';
import { ScaffoldError, type ScaffoldFile, type ScaffoldPlan } from '../types';
import { dirname, join, specifier } from '../workspace-files';

/**
 * A command or query with its handler. With `module` (a module's name or folder), inside that
 * module: in its `commands`/`queries` folder (one under `application` first), else where its
 * sibling modules keep theirs, else in `<module>/application/<commands|queries>`.
 */
export function planCommandOrQuery(
  ctx: ScaffoldContext,
  kind: 'command' | 'query',
  rawName: string,
  folder?: string,
  module?: string,
): ScaffoldPlan {
  const Kind = kind === 'command' ? 'Command' : 'Query';
  const base = withoutSuffix(pascalCase(rawName), Kind);
  const message = `${base}${Kind}`;
  const handler = withSuffix(`${base}${kind === 'command' ? '' : 'Query'}`, 'Handler');
  for (const name of [message, handler]) {
    if (findDeclared(ctx, 'class', name).length > 0 || findDeclared(ctx, 'interface', name).length > 0) {
      throw new ScaffoldError(`${name} already exists in the workspace.`);
    }
  }
  const ring = kind === 'command' ? 'commands' : 'queries';
  const owner = module === undefined ? undefined : moduleFolder(ctx.ws, module);
  if (module !== undefined && owner === undefined)
    throw new ScaffoldError(`No module named ${module} was detected.`);
  const dir =
    folder ??
    (owner !== undefined
      ? (ringFolderIn(ctx.ws, owner, [ring], ['application']) ??
        join(owner, siblingLayout(ctx.ws, owner, [ring]) ?? join('application', ring)))
      : (folderNamed(ctx.ws, [ring]) ?? join(sourceRoot(ctx.ws), ring)));
  const naming = fileNaming(ctx.ws, dir);
  const messagePath = join(dir, fileName(naming, base, kind));
  const handlerPath = join(dir, fileName(naming, naming.roleSuffix ? base : `${base}-handler`, 'handler'));
  const messageText = render(
    `
/** ${kind === 'command' ? 'A request to change state' : 'A request to read state'}: ${base}. */
export class ${message} {
  constructor() {}
}
`,
    ctx.style,
  );
  const made = handlerFiles(ctx, kind, message, messagePath, handler, handlerPath);
  return {
    files: [createFile(ctx, messagePath, messageText), ...made.files],
    messages: made.messages,
  };
}

/**
 * A handler for a command or query class that exists already (the "Create handler" code action):
 * beside the message, named as the workspace names handlers, registered where handlers are.
 */
export function planHandler(
  ctx: ScaffoldContext,
  kind: 'command' | 'query',
  message: string,
  messagePath: string,
): ScaffoldPlan {
  const Kind = kind === 'command' ? 'Command' : 'Query';
  const base = withoutSuffix(message, Kind);
  const handler = withSuffix(`${base}${kind === 'command' ? '' : 'Query'}`, 'Handler');
  if (findDeclared(ctx, 'class', handler).length > 0)
    throw new ScaffoldError(`${handler} already exists in the workspace.`);
  const dir = dirname(messagePath);
  const naming = fileNaming(ctx.ws, dir);
  const handlerPath = join(dir, fileName(naming, naming.roleSuffix ? base : `${base}-handler`, 'handler'));
  return handlerFiles(ctx, kind, message, messagePath, handler, handlerPath);
}

/** The handler file of a message, its registration and its test. */
function handlerFiles(
  ctx: ScaffoldContext,
  kind: 'command' | 'query',
  message: string,
  messagePath: string,
  handler: string,
  handlerPath: string,
): { files: ScaffoldFile[]; messages: string[] } {
  const Kind = kind === 'command' ? 'Command' : 'Query';
  const nest = ctx.deps.has('@nestjs/cqrs');
  // Registered in the unit that owns the message, in the list of handlers of the same kind.
  const owner = ownerFolder(ctx.ws, messagePath);
  const spec = specifier(handlerPath, messagePath, ctx.style.jsExtension);
  const returns = kind === 'command' ? 'void' : 'unknown';
  const handlerText = nest
    ? render(
        `
import { ${Kind}Handler, type I${Kind}Handler } from '@nestjs/cqrs';
import { ${message} } from '${spec}';

@${Kind}Handler(${message})
export class ${handler} implements I${Kind}Handler<${message}> {
  async execute(_${kind}: ${message}): Promise<${returns}> {
    throw new Error('Not implemented: ${handler}.execute');
  }
}
`,
        ctx.style,
      )
    : render(
        `
import type { ${message} } from '${spec}';

export class ${handler} {
  async execute(_${kind}: ${message}): Promise<${returns}> {
    throw new Error('Not implemented: ${handler}.execute');
  }
}
`,
        ctx.style,
      );
  const files: ScaffoldFile[] = [createFile(ctx, handlerPath, handlerText)];
  const messages: string[] = [];
  const sameKind = classesDecoratedWith(ctx, `${Kind}Handler`, owner);
  const isHandler = (id: string) =>
    sameKind.has(id) || (sameKind.size === 0 && id.endsWith(`${Kind}Handler`));
  const registered = nest
    ? (() => {
        const list = findListingArray(ctx, isHandler, 1, owner);
        return (
          list && addToArray(ctx, list.file, list.array, handler, [{ name: handler, from: handlerPath }])
        );
      })()
    : addRegistrationCall(
        ctx,
        (id) => id.endsWith(Kind),
        message,
        handler,
        [
          { name: message, from: messagePath },
          { name: handler, from: handlerPath },
        ],
        owner,
      );
  if (registered) {
    files.push(registered);
    messages.push(`Registered ${handler} in ${registered.path}.`);
  } else messages.push(`No handler registration found: register ${handler} with your ${kind} bus.`);
  const test = testFileFor(ctx, handlerPath, handler);
  if (test) files.push(test);
  return { files, messages };
}
