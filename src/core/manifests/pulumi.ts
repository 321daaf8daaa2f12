import { ts } from 'ts-morph';
import type { FunctionDefinition, PulumiManifest } from '../model';
import type { ManifestContext } from './context';
import { handlerSourceFile, nearestFolderWith } from './context';
import { addEvent } from './events';
import { mentionsPulumi } from './source-markers';
import { dirOf } from './paths';
import type { ImportBinding, StringScope } from './ts-source';
import {
  forEachNode,
  importBindings,
  lineOf,
  parseSource,
  pathOf,
  property,
  staticValue,
  unwrap,
  referenceTo,
} from './ts-source';

/** Lambda resources of `@pulumi/aws` (`aws.lambda.Function`) and their Crosswalk forms. */
const FUNCTION_RESOURCES = new Set(['lambda.Function', 'lambda.CallbackFunction']);
/** Resources that are infrastructure of messaging, by their type token (queues, topics, buses, streams). */
const MESSAGING_RESOURCES: Readonly<Record<string, string>> = {
  'sqs.Queue': 'aws:sqs/queue:Queue',
  'sns.Topic': 'aws:sns/topic:Topic',
  'cloudwatch.EventBus': 'aws:cloudwatch/eventBus:EventBus',
  'cloudwatch.EventRule': 'aws:cloudwatch/eventRule:EventRule',
  'kinesis.Stream': 'aws:kinesis/stream:Stream',
};
/** Crosswalk event subscriptions on a resource (`queue.onEvent('x', fn)`), by the resource kind. */
const SUBSCRIPTIONS: Readonly<Record<string, string>> = {
  'sqs.Queue': 'sqs',
  'sns.Topic': 'sns',
  'cloudwatch.EventRule': 'eventbridge',
  'kinesis.Stream': 'stream',
  's3.Bucket': 's3',
  'dynamodb.Table': 'stream',
};

interface FoundFunction {
  readonly definition: FunctionDefinition;
  readonly events: string[];
}

/**
 * Reads a Pulumi program in TypeScript/JavaScript as a syntax tree (never running it): each
 * `new aws.lambda.Function('name', { handler, code })` — also when the class is handed to a
 * helper (`app.addResource(aws.lambda.Function, { name, config })`) — with its handler and source
 * file; the queues, topics, buses and streams it declares; and triggers wired in the same file
 * (`aws.lambda.EventSourceMapping`, `queue.onEvent(…)`, `aws.lambda.Permission` for API Gateway).
 */
export function parsePulumi(file: string, text: string, ctx: ManifestContext): PulumiManifest | undefined {
  if (!mentionsPulumi(text)) return undefined;
  const source = parseSource(file, text);
  const bindings = importBindings(source);
  const scope: StringScope = { dir: dirOf(file), cwd: nearestFolderWith(file, 'Pulumi.yaml', ctx) };
  const found: FoundFunction[] = [];
  const byReference = new Map<string, FoundFunction>();
  const resources: Record<string, string> = {};
  const kinds = new Map<string, string>();
  forEachNode(source, (node) => {
    const created = resourceOf(node, bindings);
    if (created === undefined) return;
    const reference = referenceTo(node);
    if (reference !== undefined) kinds.set(reference, created.kind);
    const name = nameOf(created.name, source, scope) ?? reference ?? created.kind;
    const type = MESSAGING_RESOURCES[created.kind];
    if (type !== undefined) resources[name] = type;
    if (!FUNCTION_RESOURCES.has(created.kind)) return;
    const entry = functionOf(node, name, created.args, source, scope, ctx);
    found.push(entry);
    if (reference !== undefined) byReference.set(reference, entry);
  });
  if (found.length === 0) return undefined;
  wireEvents(source, bindings, byReference, kinds);
  return {
    kind: 'pulumi',
    file,
    functions: found.map(({ definition, events }) => ({ ...definition, events })),
    ...(Object.keys(resources).length > 0 ? { resources } : {}),
  };
}

interface CreatedResource {
  /** `lambda.Function`, `sqs.Queue` … (the module path under `@pulumi/aws`). */
  readonly kind: string;
  /** The name argument, when written. */
  readonly name: ts.Expression | undefined;
  /** The arguments object, when written. */
  readonly args: ts.ObjectLiteralExpression | undefined;
}

/**
 * `new aws.lambda.Function(name, args)`, or a helper handed the class:
 * `helper(aws.lambda.Function, { name, config: args })` (a wrapper that names resources).
 */
function resourceOf(node: ts.Node, bindings: Map<string, ImportBinding>): CreatedResource | undefined {
  if (ts.isNewExpression(node)) {
    const kind = awsKind(node.expression, bindings);
    if (kind === undefined) return undefined;
    const [name, args] = node.arguments ?? [];
    return { kind, name, args: objectOf(args) };
  }
  if (!ts.isCallExpression(node)) return undefined;
  const [first, second] = node.arguments;
  const kind = first !== undefined ? awsKind(first, bindings) : undefined;
  if (kind === undefined) return undefined;
  const options = objectOf(second);
  const config = options !== undefined ? objectOf(findProperty(options, 'config')) : undefined;
  return { kind, name: options !== undefined ? findProperty(options, 'name') : undefined, args: config };
}

/** The `@pulumi/aws` module path of a class expression (`aws.lambda.Function` → `lambda.Function`). */
function awsKind(expression: ts.Expression, bindings: Map<string, ImportBinding>): string | undefined {
  const chain: string[] = [];
  let node: ts.Expression = unwrap(expression);
  while (ts.isPropertyAccessExpression(node)) {
    chain.unshift(node.name.text);
    node = node.expression;
  }
  if (!ts.isIdentifier(node)) return undefined;
  const binding = bindings.get(node.text);
  if (binding === undefined || !/^@pulumi\/(?:aws|awsx)$/.test(binding.module)) return undefined;
  if (binding.imported !== '*' && binding.imported !== 'default') chain.unshift(binding.imported);
  return chain.length === 2 ? chain.join('.') : undefined;
}

function objectOf(expression: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  const node = expression !== undefined ? unwrap(expression) : undefined;
  return node !== undefined && ts.isObjectLiteralExpression(node) ? node : undefined;
}

function findProperty(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const element of object.properties)
    if (ts.isPropertyAssignment(element) && element.name.getText() === key) return element.initializer;
  return undefined;
}

function nameOf(
  expression: ts.Expression | undefined,
  source: ts.SourceFile,
  scope: StringScope,
): string | undefined {
  if (expression === undefined) return undefined;
  const value = staticValue(expression, scope);
  return value?.kind === 'text' ? value.text : unwrap(expression).getText(source);
}

function functionOf(
  node: ts.Node,
  name: string,
  args: ts.ObjectLiteralExpression | undefined,
  source: ts.SourceFile,
  scope: StringScope,
  ctx: ManifestContext,
): FoundFunction {
  const read = (key: string): ts.Expression | undefined =>
    args !== undefined ? property(args, key, source) : undefined;
  const handlerNode = read('handler');
  const handlerValue = handlerNode !== undefined ? staticValue(handlerNode, scope) : undefined;
  const handler = handlerValue?.kind === 'text' ? handlerValue.text : undefined;
  const codeNode = read('code');
  const assetDir = codeNode !== undefined ? archivePath(codeNode, scope) : undefined;
  const handlerFile =
    assetDir !== undefined && handler !== undefined ? handlerSourceFile(ctx, assetDir, handler) : undefined;
  return {
    definition: {
      name,
      line: lineOf(source, node),
      ...(handler !== undefined ? { handler } : {}),
      ...(handlerFile !== undefined ? { handlerFile } : {}),
      events: [],
    },
    events: [],
  };
}

/**
 * The folder of `new pulumi.asset.FileArchive(path)` or of the first `FileArchive` inside an
 * `AssetArchive({ '.': new pulumi.asset.FileArchive(path) })`.
 */
function archivePath(expression: ts.Expression, scope: StringScope): string | undefined {
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined) return;
    if (ts.isNewExpression(node) && /(?:^|\.)FileArchive$/.test(node.expression.getText())) {
      const argument = node.arguments?.[0];
      found = argument !== undefined ? pathOf(staticValue(argument, scope), scope.cwd) : undefined;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(unwrap(expression));
  return found;
}

/** `fn.arn` / `fn.name` / `fn` as written in an argument: the function it names. */
function referencedIn(
  expression: ts.Expression,
  source: ts.SourceFile,
  byReference: Map<string, FoundFunction>,
): FoundFunction | undefined {
  const text = unwrap(expression)
    .getText(source)
    .replace(/\.(?:arn|name|invokeArn)$/, '');
  return byReference.get(text);
}

function wireEvents(
  source: ts.SourceFile,
  bindings: Map<string, ImportBinding>,
  byReference: Map<string, FoundFunction>,
  kinds: Map<string, string>,
): void {
  if (byReference.size === 0) return;
  forEachNode(source, (node) => {
    // `queue.onEvent('name', fn)`, `bucket.onObjectCreated('name', fn)`.
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const owner = kinds.get(unwrap(node.expression.expression).getText(source));
      const event = owner !== undefined ? SUBSCRIPTIONS[owner] : undefined;
      if (event !== undefined && /^on[A-Z]/.test(node.expression.name.text))
        for (const argument of node.arguments) {
          const target = referencedIn(argument, source, byReference);
          if (target !== undefined) addEvent(target.events, event);
        }
      return;
    }
    if (!ts.isNewExpression(node)) return;
    const kind = awsKind(node.expression, bindings);
    const args = objectOf(node.arguments?.[1]);
    if (args === undefined) return;
    const fn = findProperty(args, 'functionName') ?? findProperty(args, 'function');
    const target = fn !== undefined ? referencedIn(fn, source, byReference) : undefined;
    if (target === undefined) return;
    if (kind === 'lambda.EventSourceMapping') {
      const arn = findProperty(args, 'eventSourceArn');
      const owner =
        arn !== undefined
          ? kinds.get(
              unwrap(arn)
                .getText(source)
                .replace(/\.arn$/, ''),
            )
          : undefined;
      addEvent(target.events, owner === 'kinesis.Stream' || owner === 'dynamodb.Table' ? 'stream' : 'sqs');
    } else if (kind === 'lambda.Permission') {
      const principal = findProperty(args, 'principal')?.getText(source) ?? '';
      if (principal.includes('apigateway')) addEvent(target.events, 'http');
      else if (principal.includes('events')) addEvent(target.events, 'eventbridge');
      else if (principal.includes('sns')) addEvent(target.events, 'sns');
      else if (principal.includes('s3')) addEvent(target.events, 's3');
    }
  });
}
