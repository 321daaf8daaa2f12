import type { FunctionDefinition, SamTemplateManifest } from '../model';
import type { ManifestContext } from './context';
import { asString, findSourceFile, handlerSourceFile, isRecord } from './context';
import { PRINCIPAL_EVENTS, addEvent } from './events';
import { readJson } from './json-reader';
import { dirOf, joinPath } from './paths';
import { cloudFormationResources } from './serverless';
import { readYamlDocuments } from './yaml-reader';

const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);

/** Event-source types by the type of the resource an `EventSourceArn` points at. */
const SOURCE_EVENTS: Readonly<Record<string, string>> = {
  'AWS::SQS::Queue': 'sqs',
  'AWS::DynamoDB::Table': 'stream',
  'AWS::Kinesis::Stream': 'stream',
  'AWS::MSK::Cluster': 'kafka',
  'AWS::AmazonMQ::Broker': 'mq',
};

/**
 * Whether a YAML text is a SAM or CloudFormation template that declares functions, whatever the
 * file is called: the SAM transform, or a template format version with a function resource.
 */
export function looksLikeSamTemplate(text: string): boolean {
  if (text.includes('AWS::Serverless-2016-10-31') || text.includes('AWS::Serverless::Function')) return true;
  return text.includes('AWSTemplateFormatVersion') && text.includes('AWS::Lambda::Function');
}

/**
 * Reads an AWS SAM / CloudFormation template (`template.yaml|yml|json`): every
 * `AWS::Serverless::Function` and `AWS::Lambda::Function` by logical id with its handler
 * (`Globals.Function` applied), the source file (from `CodeUri` + handler, or an esbuild
 * `EntryPoints`), and its events (SAM `Events`, plus event-source mappings, permissions and
 * EventBridge rule targets aimed at it); every other resource by logical id and type.
 * Returns `undefined` when the file has no `Resources` map.
 */
export function parseSamTemplate(
  file: string,
  text: string,
  ctx: ManifestContext,
): SamTemplateManifest | undefined {
  const isJson = /\.json$/i.test(file);
  let template: unknown;
  let lineOf: (id: string) => number | undefined;
  if (isJson) {
    const read = readJson(file, text, ctx);
    template = read?.value;
    lineOf = (id) => jsonKeyLine(text, id);
  } else {
    const document = readYamlDocuments(file, text, ctx, { cloudFormation: true })[0];
    template = document?.value;
    lineOf = (id) => document?.lineOf(['Resources', id]);
  }
  if (!isRecord(template) || !isRecord(template['Resources'])) return undefined;
  const resources = template['Resources'];
  const types = cloudFormationResources(resources);
  const globals =
    isRecord(template['Globals']) && isRecord(template['Globals']['Function'])
      ? template['Globals']['Function']
      : {};
  const baseDir = dirOf(file);
  const triggers = triggersByFunction(resources, types);
  const functions: FunctionDefinition[] = [];
  const others: Record<string, string> = {};
  for (const [id, type] of Object.entries(types)) {
    if (!FUNCTION_TYPES.has(type)) {
      others[id] = type;
      continue;
    }
    const resource = resources[id];
    const properties = isRecord(resource) && isRecord(resource['Properties']) ? resource['Properties'] : {};
    const metadata = isRecord(resource) && isRecord(resource['Metadata']) ? resource['Metadata'] : {};
    const handler = asString(properties['Handler']) ?? asString(globals['Handler']);
    const codeUri =
      asString(properties['CodeUri']) ?? asString(properties['Code']) ?? asString(globals['CodeUri']) ?? '.';
    const codeDir = joinPath(baseDir, codeUri);
    const handlerFile = codeDir === undefined ? undefined : samHandlerFile(ctx, codeDir, handler, metadata);
    const events: string[] = [];
    if (isRecord(properties['Events'])) {
      for (const event of Object.values(properties['Events'])) {
        const eventType = isRecord(event) ? asString(event['Type']) : undefined;
        if (eventType !== undefined) addEvent(events, eventType);
      }
    }
    if (properties['FunctionUrlConfig'] !== undefined) addEvent(events, 'functionUrl');
    for (const event of triggers.get(id) ?? []) addEvent(events, event);
    const line = lineOf(id);
    functions.push({
      name: id,
      ...(line !== undefined ? { line } : {}),
      ...(handler !== undefined ? { handler } : {}),
      ...(handlerFile !== undefined ? { handlerFile } : {}),
      events,
    });
  }
  return { kind: 'sam', file, functions, resources: others };
}

function samHandlerFile(
  ctx: ManifestContext,
  codeDir: string,
  handler: string | undefined,
  metadata: Record<string, unknown>,
): string | undefined {
  const build = isRecord(metadata['BuildProperties']) ? metadata['BuildProperties'] : {};
  const entryPoints = build['EntryPoints'];
  const entry = Array.isArray(entryPoints) ? asString(entryPoints[0]) : undefined;
  if (entry !== undefined) {
    const found = findSourceFile(ctx, joinPath(codeDir, entry));
    if (found !== undefined) return found;
  }
  return handler !== undefined ? handlerSourceFile(ctx, codeDir, handler) : undefined;
}

/** Triggers declared outside the function: event-source mappings, permissions, rule targets. */
function triggersByFunction(
  resources: Record<string, unknown>,
  types: Record<string, string>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (target: unknown, event: string | undefined): void => {
    const id = referencedId(target);
    if (id === undefined || event === undefined || !FUNCTION_TYPES.has(types[id] ?? '')) return;
    const list = out.get(id) ?? [];
    list.push(event);
    out.set(id, list);
  };
  for (const [id, resource] of Object.entries(resources)) {
    const properties = isRecord(resource) && isRecord(resource['Properties']) ? resource['Properties'] : {};
    const type = types[id];
    if (type === 'AWS::Lambda::EventSourceMapping') {
      const source = referencedId(properties['EventSourceArn']);
      add(
        properties['FunctionName'],
        source !== undefined ? (SOURCE_EVENTS[types[source] ?? ''] ?? 'stream') : 'stream',
      );
    } else if (type === 'AWS::Lambda::Permission') {
      add(properties['FunctionName'], PRINCIPAL_EVENTS[asString(properties['Principal']) ?? '']);
    } else if (type === 'AWS::Events::Rule' && Array.isArray(properties['Targets'])) {
      const event = properties['ScheduleExpression'] !== undefined ? 'schedule' : 'eventbridge';
      for (const target of properties['Targets']) if (isRecord(target)) add(target['Arn'], event);
    } else if (type === 'AWS::SNS::Subscription' && asString(properties['Protocol']) === 'lambda') {
      add(properties['Endpoint'], 'sns');
    }
  }
  return out;
}

/** The logical id in `{ Ref: X }`, `{ 'Fn::GetAtt': [X, 'Arn'] }` or `Fn::GetAtt: 'X.Arn'`. */
function referencedId(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const ref = asString(value['Ref']);
  if (ref !== undefined) return ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt)) return asString(getAtt[0]);
  const dotted = asString(getAtt);
  return dotted?.split('.')[0];
}

/** Line of the first `"id":` key in a JSON text. */
function jsonKeyLine(text: string, id: string): number | undefined {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const from = Math.max(text.indexOf('"Resources"'), 0);
  const match = new RegExp(`"${escaped}"\\s*:`).exec(text.slice(from));
  return match === null ? undefined : text.slice(0, from + match.index).split('\n').length;
}
