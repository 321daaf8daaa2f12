import { mentionsCdk } from './source-markers';
import { ts } from 'ts-morph';
import type { CdkManifest, FunctionDefinition } from '../model';
import type { ManifestContext } from './context';
import { findSourceFile, handlerSourceFile, nearestFolderWith } from './context';
import { addEvent } from './events';
import { dirOf, joinPath, withoutExtension } from './paths';
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

export { mentionsCdk };

/** Function construct classes by the module that exports them (v2 and v1 names). */
const FUNCTION_CLASSES: Readonly<Record<string, readonly string[]>> = {
  'aws-cdk-lib/aws-lambda': ['Function', 'SingletonFunction', 'DockerImageFunction'],
  '@aws-cdk/aws-lambda': ['Function', 'SingletonFunction', 'DockerImageFunction'],
  'aws-cdk-lib/aws-lambda-nodejs': ['NodejsFunction'],
  '@aws-cdk/aws-lambda-nodejs': ['NodejsFunction'],
  '@aws-cdk/aws-lambda-python-alpha': ['PythonFunction'],
  '@aws-cdk/aws-lambda-python': ['PythonFunction'],
  '@aws-cdk/aws-lambda-go-alpha': ['GoFunction'],
};

/** `fn.addEventSource(new X(...))`: the trigger each event-source class stands for. */
const EVENT_SOURCES: Readonly<Record<string, string>> = {
  SqsEventSource: 'sqs',
  SnsEventSource: 'sns',
  DynamoEventSource: 'stream',
  KinesisEventSource: 'stream',
  S3EventSource: 's3',
  S3EventSourceV2: 's3',
  ManagedKafkaEventSource: 'kafka',
  SelfManagedKafkaEventSource: 'kafka',
  ApiEventSource: 'http',
};

/** Constructs that make a function the target of a trigger when it is passed to them. */
const TARGET_CONSTRUCTS: Readonly<Record<string, string>> = {
  LambdaIntegration: 'http',
  HttpLambdaIntegration: 'http',
  LambdaRestApi: 'http',
  WebSocketLambdaIntegration: 'websocket',
  LambdaFunction: 'eventbridge',
  LambdaSubscription: 'sns',
};

interface FoundFunction {
  readonly definition: FunctionDefinition;
  readonly events: string[];
}

/**
 * Reads a CDK app's TypeScript/JavaScript source as a syntax tree (never running it): each
 * `new lambda.Function`/`NodejsFunction`/… `(this, 'Id', { handler, entry | code })` with its
 * id, handler and source file, and the triggers wired to it in the same file
 * (`addEventSource`, API integrations, rule targets, topic subscriptions, function URLs).
 * Classes are recognised through the file's imports, so `cloudfront.Function` is not taken
 * for a Lambda.
 */
export function parseCdk(file: string, text: string, ctx: ManifestContext): CdkManifest | undefined {
  if (!mentionsCdk(text)) return undefined;
  const source = parseSource(file, text);
  const bindings = importBindings(source);
  const scope: StringScope = { dir: dirOf(file), cwd: nearestFolderWith(file, 'cdk.json', ctx) };
  const found: FoundFunction[] = [];
  const byReference = new Map<string, FoundFunction>();
  forEachNode(source, (node) => {
    if (!ts.isNewExpression(node)) return;
    const constructClass = classOf(node.expression, bindings);
    if (
      constructClass === undefined ||
      !FUNCTION_CLASSES[constructClass.module]?.includes(constructClass.name)
    )
      return;
    const entry = functionOf(node, constructClass.name, file, source, scope, ctx);
    if (entry === undefined) return;
    found.push(entry);
    const reference = referenceTo(node);
    if (reference !== undefined) byReference.set(reference, entry);
  });
  if (found.length === 0) return undefined;
  wireEvents(source, bindings, byReference);
  return { kind: 'cdk', file, functions: found.map(({ definition, events }) => ({ ...definition, events })) };
}

/** The module and exported name of a class expression, through the file's imports. */
function classOf(
  expression: ts.Expression,
  bindings: Map<string, ImportBinding>,
): { module: string; name: string } | undefined {
  const chain: string[] = [];
  let node: ts.Expression = unwrap(expression);
  while (ts.isPropertyAccessExpression(node)) {
    chain.unshift(node.name.text);
    node = node.expression;
  }
  if (!ts.isIdentifier(node)) return undefined;
  const binding = bindings.get(node.text);
  if (binding === undefined) return undefined;
  let module = binding.module;
  if (binding.imported !== '*' && binding.imported !== 'default') {
    if (chain.length === 0) return { module, name: binding.imported };
    chain.unshift(binding.imported); // `import { aws_lambda } from 'aws-cdk-lib'`
  }
  while (chain.length > 1 && module === 'aws-cdk-lib' && chain[0]?.startsWith('aws_') === true) {
    module = `aws-cdk-lib/${(chain.shift() ?? '').replace(/_/g, '-')}`;
  }
  const name = chain.length === 1 ? chain[0] : undefined;
  return name !== undefined ? { module, name } : undefined;
}

function functionOf(
  node: ts.NewExpression,
  className: string,
  file: string,
  source: ts.SourceFile,
  scope: StringScope,
  ctx: ManifestContext,
): FoundFunction | undefined {
  const [, idNode, propsNode] = node.arguments ?? [];
  const idValue = idNode !== undefined ? staticValue(idNode, scope) : undefined;
  const name = idValue?.kind === 'text' ? idValue.text : (idNode?.getText(source) ?? className);
  const props = propsNode !== undefined ? unwrap(propsNode) : undefined;
  const object = props !== undefined && ts.isObjectLiteralExpression(props) ? props : undefined;
  const read = (key: string): ts.Expression | undefined =>
    object !== undefined ? property(object, key, source) : undefined;
  const handlerNode = read('handler');
  const handlerValue = handlerNode !== undefined ? staticValue(handlerNode, scope) : undefined;
  const handler = handlerValue?.kind === 'text' ? handlerValue.text : undefined;
  let handlerFile: string | undefined;
  const entryNode = read('entry');
  if (entryNode !== undefined) {
    const entry = pathOf(staticValue(entryNode, scope), scope.cwd);
    handlerFile = findSourceFile(ctx, entry);
    if (className === 'PythonFunction' && entry !== undefined) {
      const indexNode = read('index');
      const index = indexNode !== undefined ? staticValue(indexNode, scope) : undefined;
      handlerFile = findSourceFile(ctx, joinPath(entry, index?.kind === 'text' ? index.text : 'index.py'));
    }
  } else if (className === 'NodejsFunction' && idValue?.kind === 'text') {
    handlerFile = findSourceFile(ctx, `${withoutExtension(file)}.${idValue.text}`);
  }
  const codeNode = read('code');
  if (handlerFile === undefined && codeNode !== undefined && handler !== undefined) {
    const assetDir = assetPath(codeNode, scope);
    if (assetDir !== undefined) handlerFile = handlerSourceFile(ctx, assetDir, handler);
  }
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

/** The folder of `Code.fromAsset(path)`. */
function assetPath(expression: ts.Expression, scope: StringScope): string | undefined {
  const node = unwrap(expression);
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  if (node.expression.name.text !== 'fromAsset') return undefined;
  const argument = node.arguments[0];
  return argument !== undefined ? pathOf(staticValue(argument, scope), scope.cwd) : undefined;
}

function wireEvents(
  source: ts.SourceFile,
  bindings: Map<string, ImportBinding>,
  byReference: Map<string, FoundFunction>,
): void {
  if (byReference.size === 0) return;
  const referenced = (expression: ts.Expression): FoundFunction | undefined =>
    byReference.get(unwrap(expression).getText(source));
  forEachNode(source, (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const target = referenced(node.expression.expression);
      const method = node.expression.name.text;
      if (target !== undefined && method === 'addEventSource') {
        const argument = node.arguments[0] !== undefined ? unwrap(node.arguments[0]) : undefined;
        if (argument !== undefined && ts.isNewExpression(argument)) {
          const event = EVENT_SOURCES[lastName(argument.expression)];
          if (event !== undefined) addEvent(target.events, event);
        }
      } else if (target !== undefined && method === 'addFunctionUrl') addEvent(target.events, 'http');
      return;
    }
    if (!ts.isNewExpression(node)) return;
    const name = lastName(node.expression);
    let event = TARGET_CONSTRUCTS[name];
    if (
      name === 'LambdaDestination' &&
      classOf(node.expression, bindings)?.module.endsWith('aws-s3-notifications') === true
    )
      event = 's3';
    if (event === undefined) return;
    if (event === 'eventbridge' && insideScheduledRule(node, source)) event = 'schedule';
    for (const argument of node.arguments ?? []) {
      const value = unwrap(argument);
      const candidates = ts.isObjectLiteralExpression(value)
        ? value.properties.flatMap((element) =>
            ts.isPropertyAssignment(element)
              ? [element.initializer]
              : ts.isShorthandPropertyAssignment(element)
                ? [element.name]
                : [],
          )
        : [value];
      for (const candidate of candidates) {
        const target = referenced(candidate);
        if (target !== undefined) addEvent(target.events, event);
      }
    }
  });
}

function lastName(expression: ts.Expression): string {
  const node = unwrap(expression);
  return ts.isPropertyAccessExpression(node) ? node.name.text : ts.isIdentifier(node) ? node.text : '';
}

/** A rule target inside `new Rule(this, 'x', { schedule: …, targets: [here] })`. */
function insideScheduledRule(node: ts.Node, source: ts.SourceFile): boolean {
  for (let current: ts.Node | undefined = node.parent; current !== undefined; current = current.parent) {
    if (ts.isObjectLiteralExpression(current)) return property(current, 'schedule', source) !== undefined;
    if (ts.isBlock(current) || ts.isSourceFile(current)) return false;
  }
  return false;
}
