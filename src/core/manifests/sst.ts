import type { FunctionDefinition, SstManifest } from '../model';
import type { ManifestContext } from './context';
import { handlerSourceFile } from './context';
import { mentionsSst } from './source-markers';

export { mentionsSst };

/** A quoted `path/to/module.export` (`"packages/functions/src/list.main"`). */
const HANDLER_LITERAL = /(["'`])((?:\.{0,2}\/)?(?:[\w@.-]+\/)+[\w.-]+\.[A-Za-z_$][\w$]*)\1/g;
const FILE_EXTENSION = /\.(?:[cm]?[jt]sx?|py|go|json|ya?ml)$/;
/** An HTTP route key before a handler on the same line (`"GET /notes"`, `"$default"`). */
const ROUTE_KEY = /(["'`])(?:(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) \/[^"'`]*|\$default)\1/;
/** Constructs whose handlers run on a schedule or a queue, topic, bucket or stream event. */
const TRIGGER_CONSTRUCTS: readonly (readonly [RegExp, string])[] = [
  [/\bCron\b/, 'schedule'],
  [/\bQueue\b/, 'sqs'],
  [/\bSnsTopic\b|\bTopic\b/, 'sns'],
  [/\bBucket\b/, 's3'],
  [/\bDynamo\b|\bKinesisStream\b/, 'stream'],
  [/\bBus\b/, 'eventbridge'],
  [/\bApiGateway(?:V1|V2)?\b|\bApi\b|\bRouter\b|\burl:\s*true\b|\.route\(/, 'http'],
];

/**
 * Reads the functions an SST app declares, in `sst.config.ts` and in any source file that uses
 * SST's constructs (v3 `sst.aws.*`, v2 `sst/constructs`): every quoted `module.export` handler
 * that names a source file of the workspace (`api.route("GET /notes",
 * "packages/functions/src/list.main")`, `new sst.aws.Function("Fn", { handler: "src/fn.handler" })`,
 * v2 `routes: { "GET /notes": "…" }`), with the trigger its line or construct shows. Handlers are
 * relative to the app root (the folder of `sst.config.ts`, else the workspace root). Nothing is run.
 */
export function parseSst(file: string, text: string, ctx: ManifestContext): SstManifest | undefined {
  if (!mentionsSst(text)) return undefined;
  const appRoot = sstAppRoot(ctx, file);
  const functions: FunctionDefinition[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  lines.forEach((lineText, index) => {
    for (const match of lineText.matchAll(HANDLER_LITERAL)) {
      const handler = match[2] ?? '';
      // `"./infra/storage.ts"` is a module path, not a handler.
      if (FILE_EXTENSION.test(handler)) continue;
      const handlerFile = handlerSourceFile(ctx, appRoot, handler.replace(/^\.\//, ''));
      if (handlerFile === undefined || seen.has(handler)) continue;
      seen.add(handler);
      const context = lines.slice(Math.max(0, index - 3), index + 1).join('\n');
      const events = ROUTE_KEY.test(lineText)
        ? ['http']
        : TRIGGER_CONSTRUCTS.filter(([pattern]) => pattern.test(context))
            .map(([, event]) => event)
            .slice(0, 1);
      functions.push({ name: handler, line: index + 1, handler, handlerFile, events });
    }
  });
  return functions.length > 0 ? { kind: 'sst', file, functions } : undefined;
}

/** The folder of the nearest `sst.config.*` above a file (the app root), else the workspace root. */
function sstAppRoot(ctx: ManifestContext, file: string): string {
  const parts = file.split('/');
  for (let depth = parts.length - 1; depth >= 0; depth--) {
    const folder = parts.slice(0, depth).join('/') || '.';
    const prefix = folder === '.' ? '' : `${folder}/`;
    if (['sst.config.ts', 'sst.config.js', 'sst.config.mjs'].some((name) => ctx.has(prefix + name)))
      return folder;
  }
  return '.';
}
