import { mentionsAzureFunctions } from './source-markers';
import { ts } from 'ts-morph';
import type { AzureFunctionsManifest, FunctionDefinition } from '../model';
import type { ManifestContext } from './context';
import { asString, findSourceFile, isRecord } from './context';
import { addEvent } from './events';
import { readJson } from './json-reader';
import { dirOf, joinPath, withoutExtension } from './paths';
import { forEachNode, importBindings, lineOf, parseSource, staticValue } from './ts-source';

/** `app.<method>` of the v4 programming model and the trigger each stands for. */
const V4_METHODS: Readonly<Record<string, string>> = {
  http: 'http',
  get: 'http',
  post: 'http',
  put: 'http',
  patch: 'http',
  delete: 'http',
  deleteRequest: 'http',
  timer: 'schedule',
  storageQueue: 'queue',
  storageBlob: 'blob',
  serviceBusQueue: 'servicebus',
  serviceBusTopic: 'servicebus',
  eventHub: 'eventhub',
  eventGrid: 'eventgrid',
  cosmosDB: 'cosmosdb',
  sql: 'sql',
  mySql: 'mysql',
  webPubSub: 'webpubsub',
  warmup: 'warmup',
  generic: 'generic',
};

/**
 * Reads an Azure Functions app of the classic model from its `host.json`: every
 * `<function>/function.json` beside it, with its trigger bindings as events and its script as
 * the handler (a compiled `dist/…js` is traced back to the `.ts` source when it exists).
 */
export function parseAzureFunctionsHost(
  file: string,
  text: string,
  ctx: ManifestContext,
): AzureFunctionsManifest | undefined {
  if (readJson(file, text, ctx, { comments: true }) === undefined) return undefined;
  const appDir = dirOf(file);
  const functions: FunctionDefinition[] = [];
  for (const candidate of ctx.files) {
    if (!candidate.endsWith('/function.json') || dirOf(dirOf(candidate)) !== appDir) continue;
    const source = ctx.readText(candidate);
    const config =
      source !== undefined ? readJson(candidate, source, ctx, { comments: true })?.value : undefined;
    if (!isRecord(config)) continue;
    const functionDir = dirOf(candidate);
    const events: string[] = [];
    for (const binding of Array.isArray(config['bindings']) ? config['bindings'] : []) {
      const type = isRecord(binding) ? asString(binding['type']) : undefined;
      if (type !== undefined && /trigger$/i.test(type)) addEvent(events, type);
    }
    const scriptFile = asString(config['scriptFile']);
    const handlerFile = scriptSource(ctx, functionDir, scriptFile);
    functions.push({
      name: functionDir.split('/').pop() ?? functionDir,
      line: 1,
      ...(scriptFile !== undefined ? { handler: scriptFile } : {}),
      ...(handlerFile !== undefined ? { handlerFile } : {}),
      events,
    });
  }
  return { kind: 'azure-functions', file, functions };
}

function scriptSource(
  ctx: ManifestContext,
  functionDir: string,
  scriptFile: string | undefined,
): string | undefined {
  if (scriptFile !== undefined) {
    const direct = joinPath(functionDir, scriptFile);
    if (direct !== undefined && ctx.has(direct)) {
      // Prefer the TypeScript source of a compiled script (`dist/fn/index.js` → `fn/index.ts`).
      const fromDist = findSourceFile(
        ctx,
        withoutExtension(direct).replace(/(^|\/)(?:dist|out|build)\//, '$1'),
      );
      return fromDist !== undefined && /\.tsx?$/.test(fromDist) ? fromDist : direct;
    }
    const source = findSourceFile(
      ctx,
      joinPath(functionDir, withoutExtension(scriptFile).replace(/(^|\/)(?:dist|out|build)\//, '$1')),
    );
    if (source !== undefined) return source;
  }
  return findSourceFile(ctx, joinPath(functionDir, 'index'));
}

export { mentionsAzureFunctions };

/**
 * Reads a source file of the v4 programming model: every `app.http('name', …)`,
 * `app.storageQueue(…)`, `app.timer(…)`, … on the `app` imported from `@azure/functions`.
 */
export function parseAzureFunctionsSource(
  file: string,
  text: string,
  _ctx: ManifestContext,
): AzureFunctionsManifest | undefined {
  if (!mentionsAzureFunctions(text)) return undefined;
  const source = parseSource(file, text);
  const bindings = importBindings(source);
  const appNames = new Set<string>();
  const namespaces = new Set<string>();
  for (const [local, binding] of bindings) {
    if (binding.module !== '@azure/functions') continue;
    if (binding.imported === 'app') appNames.add(local);
    if (binding.imported === '*' || binding.imported === 'default') namespaces.add(local);
  }
  const functions: FunctionDefinition[] = [];
  const scope = { dir: dirOf(file), cwd: dirOf(file) };
  forEachNode(source, (node) => {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
    const receiver = node.expression.expression;
    const isApp =
      (ts.isIdentifier(receiver) && appNames.has(receiver.text)) ||
      (ts.isPropertyAccessExpression(receiver) &&
        receiver.name.text === 'app' &&
        ts.isIdentifier(receiver.expression) &&
        namespaces.has(receiver.expression.text));
    const trigger = V4_METHODS[node.expression.name.text];
    if (!isApp || trigger === undefined) return;
    const first = node.arguments[0];
    const name = first !== undefined ? staticValue(first, scope) : undefined;
    if (name?.kind !== 'text') return;
    const events: string[] = [];
    addEvent(events, trigger);
    functions.push({ name: name.text, line: lineOf(source, node), handlerFile: file, events });
  });
  return functions.length === 0 ? undefined : { kind: 'azure-functions', file, functions };
}
