/** Serverless block: a function handler and its entry in `serverless.yml` or the SAM template. */
import type { ScaffoldContext } from '../context';
import { createFile } from '../context';
import { camelCase, kebabCase, pascalCase } from '../names';
import { folderNamed, sourceRoot } from '../placement';
import { render } from '../render';
import { ScaffoldError, type ScaffoldFile, type ScaffoldPlan } from '../types';
import { addYamlMapEntry } from '../yaml-edit';
import { exists, join, readText } from '../workspace-files';
import { isMap, isScalar, parseDocument } from 'yaml';

export function planFunction(ctx: ScaffoldContext, rawName: string, folder?: string): ScaffoldPlan {
  const slug = kebabCase(rawName);
  const manifest = ['serverless.yml', 'serverless.yaml', 'template.yaml', 'template.yml'].find((f) =>
    exists(ctx.ws, f),
  );
  const dir =
    folder ??
    folderNamed(ctx.ws, ['handlers', 'functions', 'lambdas']) ??
    join(sourceRoot(ctx.ws), 'handlers');
  const path = join(dir, `${slug}.ts`);
  const typed = ctx.deps.has('@types/aws-lambda');
  const content = render(
    typed
      ? `
import type { Handler } from 'aws-lambda';

export const handler: Handler = async (_event, _context) => {
  throw new Error('Not implemented: ${slug}.handler');
};
`
      : `
export async function handler(_event: unknown, _context: unknown): Promise<unknown> {
  throw new Error('Not implemented: ${slug}.handler');
}
`,
    ctx.style,
  );
  const files: ScaffoldFile[] = [createFile(ctx, path, content)];
  const messages: string[] = [];
  if (manifest === undefined) {
    messages.push('No serverless.yml or SAM template found: declare the function where you deploy it.');
    return { files, messages };
  }
  const text = readText(ctx.ws, manifest) ?? '';
  const handlerRef = `${path.replace(/\.ts$/, '')}.handler`;
  const edited = manifest.startsWith('serverless')
    ? addYamlMapEntry(text, ['functions'], camelCase(rawName), [
        `${camelCase(rawName)}:`,
        `  handler: ${mirrorHandler(text, handlerRef)}`,
      ])
    : addSamFunction(text, rawName, path);
  if (typeof edited !== 'string')
    throw new ScaffoldError(`Cannot add the function to ${manifest}: ${edited.error}.`);
  files.push({ path: manifest, action: 'edit', original: text, content: edited });
  messages.push(`Declared ${camelCase(rawName)} in ${manifest}.`);
  return { files, messages };
}

/** Handler references keep the form of the existing ones (e.g. a `dist/` prefix and `.js`-less paths). */
function mirrorHandler(text: string, handlerRef: string): string {
  const doc = parseDocument(text);
  const functions = doc.get('functions', true);
  if (!isMap(functions)) return handlerRef;
  for (const pair of functions.items) {
    const value = pair.value;
    const handler = isMap(value) ? value.get('handler') : undefined;
    if (typeof handler === 'string' && handler.startsWith('dist/'))
      return `dist/${handlerRef.replace(/^src\//, '')}`;
  }
  return handlerRef;
}

function addSamFunction(text: string, rawName: string, path: string): string | { error: string } {
  const doc = parseDocument(text);
  const resources = doc.get('Resources', true);
  let codeUri: string | undefined;
  if (isMap(resources)) {
    for (const pair of resources.items) {
      const value = pair.value;
      if (!isMap(value) || value.get('Type') !== 'AWS::Serverless::Function') continue;
      const props = value.get('Properties', true);
      const uri = isMap(props) ? props.get('CodeUri', true) : undefined;
      if (isScalar(uri) && typeof uri.value === 'string') codeUri = uri.value;
    }
  }
  const base = codeUri?.replace(/\/$/, '');
  const rel = base && path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path;
  const lines = [
    `${pascalCase(rawName)}Function:`,
    '  Type: AWS::Serverless::Function',
    '  Properties:',
    `    Handler: ${rel.replace(/\.ts$/, '')}.handler`,
    ...(codeUri !== undefined ? [`    CodeUri: ${codeUri}`] : []),
  ];
  return addYamlMapEntry(text, ['Resources'], `${pascalCase(rawName)}Function`, lines);
}
