import type { FunctionDefinition, TerraformManifest } from '../model';
import type { ManifestContext } from './context';
import { findSourceFile, handlerSourceFile } from './context';
import { PRINCIPAL_EVENTS, addEvent } from './events';
import type { HclBlock } from './hcl-reader';
import { HclSyntaxError, readHcl } from './hcl-reader';
import { dirOf, joinPath, positionAt } from './paths';

/** Event-source types by the resource type an `event_source_arn` refers to. */
const SOURCE_EVENTS: Readonly<Record<string, string>> = {
  aws_sqs_queue: 'sqs',
  aws_dynamodb_table: 'stream',
  aws_kinesis_stream: 'stream',
  aws_msk_cluster: 'kafka',
  aws_mq_broker: 'mq',
};

/**
 * Reads a Terraform file: each `resource "aws_lambda_function" "name"` with its handler and,
 * when the package comes from a `data "archive_file"` of the same module, the handler's source
 * file; triggers wired to it anywhere in the module folder (event-source mappings, permissions,
 * EventBridge targets, SNS subscriptions, API Gateway integrations, function URLs, S3
 * notifications); and every other resource by address. Malformed HCL is a warning.
 */
export function parseTerraform(
  file: string,
  text: string,
  ctx: ManifestContext,
): TerraformManifest | undefined {
  let root: HclBlock;
  try {
    root = readHcl(text);
  } catch (error) {
    if (!(error instanceof HclSyntaxError)) throw error;
    const { line, column } = positionAt(text, error.offset);
    ctx.warn({ file, line, column, message: `Malformed HCL: ${error.message}.` });
    return undefined;
  }
  const dir = dirOf(file);
  const moduleBlocks = [...root.blocks, ...siblingBlocks(file, ctx)];
  const functions: FunctionDefinition[] = [];
  const resources: Record<string, string> = {};
  for (const block of root.blocks) {
    if (block.type !== 'resource') continue;
    const [type, name] = block.labels;
    if (type === undefined || name === undefined) continue;
    if (type !== 'aws_lambda_function') {
      resources[`${type}.${name}`] = type;
      continue;
    }
    const handler = block.attributes.get('handler')?.text;
    const handlerFile = lambdaSourceFile(block, handler, dir, moduleBlocks, ctx);
    functions.push({
      name,
      line: block.line,
      ...(handler !== undefined ? { handler } : {}),
      ...(handlerFile !== undefined ? { handlerFile } : {}),
      events: triggersOf(name, moduleBlocks),
    });
  }
  if (functions.length === 0 && Object.keys(resources).length === 0) return undefined;
  return { kind: 'terraform', file, functions, ...(Object.keys(resources).length > 0 ? { resources } : {}) };
}

/** Top-level blocks of the other `.tf` files of the same folder (one Terraform module), read once. */
function siblingBlocks(file: string, ctx: ManifestContext): HclBlock[] {
  const dir = dirOf(file);
  const all = ctx.memo(`terraform-module:${dir}`, () =>
    ctx.files
      .filter((other) => other.endsWith('.tf') && dirOf(other) === dir)
      .map((other) => {
        const text = ctx.readText(other);
        try {
          return { file: other, blocks: text === undefined ? [] : readHcl(text).blocks };
        } catch {
          return { file: other, blocks: [] as readonly HclBlock[] };
        }
      }),
  );
  return all.filter((entry) => entry.file !== file).flatMap((entry) => [...entry.blocks]);
}

/** `${path.module}`/`${path.root}` stand for the module folder; other interpolations are unknown. */
function modulePath(value: string | undefined, dir: string): string | undefined {
  if (value === undefined) return undefined;
  const replaced = value.replace(/\$\{path\.(?:module|root|cwd)\}/g, '.');
  return replaced.includes('${') ? undefined : joinPath(dir, replaced);
}

function lambdaSourceFile(
  lambda: HclBlock,
  handler: string | undefined,
  dir: string,
  moduleBlocks: readonly HclBlock[],
  ctx: ManifestContext,
): string | undefined {
  const filename = lambda.attributes.get('filename')?.raw ?? '';
  const archiveName = /data\.archive_file\.([\w-]+)\./.exec(filename)?.[1];
  const archive = moduleBlocks.find(
    (block) => block.type === 'data' && block.labels[0] === 'archive_file' && block.labels[1] === archiveName,
  );
  if (archive !== undefined) {
    const sourceFile = findSourceFile(ctx, modulePath(archive.attributes.get('source_file')?.text, dir));
    if (sourceFile !== undefined) return sourceFile;
    const sourceDir = modulePath(archive.attributes.get('source_dir')?.text, dir);
    if (sourceDir !== undefined && handler !== undefined) return handlerSourceFile(ctx, sourceDir, handler);
  }
  return handler !== undefined ? handlerSourceFile(ctx, dir, handler) : undefined;
}

/** Triggers aimed at `aws_lambda_function.<name>` by other blocks of the module. */
function triggersOf(name: string, blocks: readonly HclBlock[]): string[] {
  const events: string[] = [];
  const reference = new RegExp(`\\baws_lambda_function\\.${name.replace(/[-]/g, '\\-')}\\b`);
  const refers = (block: HclBlock, attribute: string): boolean =>
    reference.test(block.attributes.get(attribute)?.raw ?? '');
  for (const block of blocks) {
    if (block.type !== 'resource') continue;
    switch (block.labels[0]) {
      case 'aws_lambda_event_source_mapping':
        if (refers(block, 'function_name')) {
          const sourceType = /\b(aws_[a-z0-9_]+)\./.exec(
            block.attributes.get('event_source_arn')?.raw ?? '',
          )?.[1];
          addEvent(events, SOURCE_EVENTS[sourceType ?? ''] ?? 'stream');
        }
        break;
      case 'aws_lambda_permission': {
        const event = PRINCIPAL_EVENTS[block.attributes.get('principal')?.text ?? ''];
        if (event !== undefined && refers(block, 'function_name')) addEvent(events, event);
        break;
      }
      case 'aws_cloudwatch_event_target':
        if (refers(block, 'arn'))
          addEvent(events, isScheduledRule(block, blocks) ? 'schedule' : 'eventbridge');
        break;
      case 'aws_sns_topic_subscription':
        if (refers(block, 'endpoint')) addEvent(events, 'sns');
        break;
      case 'aws_apigatewayv2_integration':
        if (refers(block, 'integration_uri')) addEvent(events, 'http');
        break;
      case 'aws_api_gateway_integration':
        if (refers(block, 'uri')) addEvent(events, 'http');
        break;
      case 'aws_lambda_function_url':
        if (refers(block, 'function_name')) addEvent(events, 'http');
        break;
      case 'aws_s3_bucket_notification':
        if (
          block.blocks.some(
            (inner) => inner.type === 'lambda_function' && refers(inner, 'lambda_function_arn'),
          )
        )
          addEvent(events, 's3');
        break;
      default:
        break;
    }
  }
  return events;
}

function isScheduledRule(target: HclBlock, blocks: readonly HclBlock[]): boolean {
  const ruleName = /aws_cloudwatch_event_rule\.([\w-]+)\./.exec(
    target.attributes.get('rule')?.raw ?? '',
  )?.[1];
  return blocks.some(
    (block) =>
      block.type === 'resource' &&
      block.labels[0] === 'aws_cloudwatch_event_rule' &&
      block.labels[1] === ruleName &&
      block.attributes.has('schedule_expression'),
  );
}
