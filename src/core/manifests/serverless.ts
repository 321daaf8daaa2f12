import type { FunctionDefinition, ServerlessFrameworkManifest } from '../model';
import type { ManifestContext } from './context';
import { asString, handlerSourceFile, isRecord } from './context';
import { addEvent } from './events';
import { dirOf } from './paths';
import { readYamlDocuments } from './yaml-reader';

/**
 * Reads a Serverless Framework `serverless.yml`: service, provider, functions (map, or a list of
 * maps) with their handler, the source file the handler names, and event types; and the
 * CloudFormation `resources`. `${self:…}` variables stay as text; CloudFormation short tags parse.
 */
export function parseServerlessYaml(
  file: string,
  text: string,
  ctx: ManifestContext,
): ServerlessFrameworkManifest | undefined {
  const document = readYamlDocuments(file, text, ctx, { cloudFormation: true })[0];
  if (document === undefined || !isRecord(document.value)) return undefined;
  const config = document.value;
  const baseDir = dirOf(file);
  const functions: FunctionDefinition[] = [];
  const add = (name: string, definition: unknown, path: (string | number)[]): void => {
    if (!isRecord(definition)) return;
    const line = document.lineOf(path);
    functions.push(serverlessFunction(name, definition, baseDir, ctx, line));
  };
  const declared = config['functions'];
  if (isRecord(declared))
    for (const [name, definition] of Object.entries(declared)) add(name, definition, ['functions', name]);
  else if (Array.isArray(declared)) {
    declared.forEach((group, index) => {
      if (isRecord(group))
        for (const [name, definition] of Object.entries(group))
          add(name, definition, ['functions', index, name]);
    });
  }
  const service = isRecord(config['service'])
    ? asString(config['service']['name'])
    : asString(config['service']);
  const provider = isRecord(config['provider'])
    ? asString(config['provider']['name'])
    : asString(config['provider']);
  const resources = cloudFormationResources(
    isRecord(config['resources']) ? config['resources']['Resources'] : undefined,
  );
  return {
    kind: 'serverless',
    file,
    ...(service !== undefined ? { service } : {}),
    ...(provider !== undefined ? { provider } : {}),
    functions,
    ...(Object.keys(resources).length > 0 ? { resources } : {}),
  };
}

/** One function of a Serverless config (shared with `serverless.ts`). */
export function serverlessFunction(
  name: string,
  definition: Record<string, unknown>,
  baseDir: string,
  ctx: ManifestContext,
  line: number | undefined,
): FunctionDefinition {
  const handler = asString(definition['handler']);
  const handlerFile = handler !== undefined ? handlerSourceFile(ctx, baseDir, handler) : undefined;
  const events: string[] = [];
  if (Array.isArray(definition['events'])) {
    for (const event of definition['events']) {
      if (isRecord(event)) for (const type of Object.keys(event)) addEvent(events, type);
      else if (typeof event === 'string') addEvent(events, event);
    }
  }
  if (definition['url'] !== undefined && definition['url'] !== false) addEvent(events, 'functionUrl');
  return {
    name,
    ...(line !== undefined ? { line } : {}),
    ...(handler !== undefined ? { handler } : {}),
    ...(handlerFile !== undefined ? { handlerFile } : {}),
    events,
  };
}

/** Logical id → `Type` of a CloudFormation `Resources` map. */
export function cloudFormationResources(resources: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(resources)) return out;
  for (const [id, resource] of Object.entries(resources)) {
    const type = isRecord(resource) ? asString(resource['Type']) : undefined;
    if (type !== undefined && id !== '__proto__') out[id] = type;
  }
  return out;
}
