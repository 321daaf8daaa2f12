import { ts } from 'ts-morph';
import type { FunctionDefinition, ServerlessFrameworkManifest } from '../model';
import type { ManifestContext } from './context';
import { findSourceFile, handlerSourceFile } from './context';
import { addEvent } from './events';
import { dirOf, joinPath } from './paths';
import type { StringScope } from './ts-source';
import {
  forEachNode,
  importBindings,
  lineOf,
  parseSource,
  property,
  propertyName,
  staticValue,
  unwrap,
} from './ts-source';

/**
 * Reads a `serverless.ts` (or `serverless.js`) as source, never running it: finds the object
 * literal with `functions` (and `service` or `provider`), and reads each function's handler and
 * events. A function given by name is followed to its declaration in the file, or through an
 * import to the default-exported object of another file (the `aws-nodejs-typescript` layout,
 * `handler: \`${handlerPath(__dirname)}/handler.main\``).
 */
export function parseServerlessTypeScript(
  file: string,
  text: string,
  ctx: ManifestContext,
): ServerlessFrameworkManifest | undefined {
  const source = parseSource(file, text);
  const config = findConfigObject(source);
  if (config === undefined) return undefined;
  const serviceDir = dirOf(file);
  const scope: StringScope = { dir: serviceDir, cwd: serviceDir };
  const serviceNode = property(config, 'service', source);
  const service = serviceNode !== undefined ? staticText(serviceNode, scope) : undefined;
  const providerNode = property(config, 'provider', source);
  const providerObject = providerNode !== undefined ? objectOf(providerNode, source) : undefined;
  const providerName = providerObject !== undefined ? property(providerObject, 'name', source) : undefined;
  const provider = providerName !== undefined ? staticText(providerName, scope) : undefined;
  const functions: FunctionDefinition[] = [];
  const functionsNode = property(config, 'functions', source);
  const functionsObject = functionsNode !== undefined ? objectOf(functionsNode, source) : undefined;
  for (const element of functionsObject?.properties ?? []) {
    let name: string | undefined;
    let value: ts.Expression | undefined;
    if (ts.isPropertyAssignment(element)) {
      name = propertyName(element.name, source);
      value = element.initializer;
    } else if (ts.isShorthandPropertyAssignment(element)) {
      name = element.name.text;
      value = element.name;
    }
    if (name === undefined || value === undefined) continue;
    const definition = functionObject(value, source, file, ctx);
    functions.push(
      definitionOf(name, definition, lineOf(source, element), serviceDir, ctx) ?? {
        name,
        line: lineOf(source, element),
        events: [],
      },
    );
  }
  return {
    kind: 'serverless',
    file,
    ...(service !== undefined ? { service } : {}),
    ...(provider !== undefined ? { provider } : {}),
    functions,
  };
}

interface Located {
  readonly object: ts.ObjectLiteralExpression;
  readonly source: ts.SourceFile;
  readonly file: string;
}

function definitionOf(
  name: string,
  located: Located | undefined,
  line: number,
  serviceDir: string,
  ctx: ManifestContext,
): FunctionDefinition | undefined {
  if (located === undefined) return undefined;
  const { object, source, file } = located;
  const scope: StringScope = { dir: dirOf(file), cwd: serviceDir };
  const handlerNode = property(object, 'handler', source);
  const handlerValue = handlerNode !== undefined ? staticValue(handlerNode, scope) : undefined;
  let handler: string | undefined;
  let handlerFile: string | undefined;
  if (handlerValue?.kind === 'text') {
    handler = handlerValue.text;
    handlerFile = handlerSourceFile(ctx, serviceDir, handler);
  } else if (handlerValue?.kind === 'path') {
    handler = handlerValue.path;
    handlerFile = handlerSourceFile(ctx, '.', handler);
  }
  const events: string[] = [];
  const eventsNode = property(object, 'events', source);
  const eventsArray = eventsNode !== undefined ? unwrap(eventsNode) : undefined;
  if (eventsArray !== undefined && ts.isArrayLiteralExpression(eventsArray)) {
    for (const event of eventsArray.elements) {
      const eventObject = unwrap(event);
      if (!ts.isObjectLiteralExpression(eventObject)) continue;
      for (const element of eventObject.properties) {
        const type = element.name !== undefined ? propertyName(element.name, source) : undefined;
        if (type !== undefined) addEvent(events, type);
      }
    }
  }
  return {
    name,
    line,
    ...(handler !== undefined ? { handler } : {}),
    ...(handlerFile !== undefined ? { handlerFile } : {}),
    events,
  };
}

function staticText(node: ts.Expression, scope: StringScope): string | undefined {
  const value = staticValue(node, scope);
  return value?.kind === 'text' ? value.text : undefined;
}

/** The first object literal with `functions` and `service` or `provider`. */
function findConfigObject(source: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined;
  forEachNode(source, (node) => {
    if (found !== undefined || !ts.isObjectLiteralExpression(node)) return;
    const names = new Set(
      node.properties.map((element) =>
        element.name !== undefined ? propertyName(element.name, source) : undefined,
      ),
    );
    if (names.has('functions') && (names.has('service') || names.has('provider'))) found = node;
  });
  return found;
}

/** An object literal, directly or through a `const` of the same file. */
function objectOf(expression: ts.Expression, source: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  const node = unwrap(expression);
  if (ts.isObjectLiteralExpression(node)) return node;
  if (!ts.isIdentifier(node)) return undefined;
  const initializer = localInitializer(source, node.text);
  const value = initializer !== undefined ? unwrap(initializer) : undefined;
  return value !== undefined && ts.isObjectLiteralExpression(value) ? value : undefined;
}

function localInitializer(source: ts.SourceFile, name: string): ts.Expression | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return declaration.initializer;
    }
  }
  return undefined;
}

/** A function's config object: literal, local `const`, or the default export of an imported file. */
function functionObject(
  expression: ts.Expression,
  source: ts.SourceFile,
  file: string,
  ctx: ManifestContext,
): Located | undefined {
  const local = objectOf(expression, source);
  if (local !== undefined) return { object: local, source, file };
  const node = unwrap(expression);
  if (!ts.isIdentifier(node)) return undefined;
  const binding = importBindings(source).get(node.text);
  if (binding === undefined) return undefined;
  const target = moduleFile(binding.module, dirOf(file), ctx);
  const text = target !== undefined ? ctx.readText(target) : undefined;
  if (target === undefined || text === undefined) return undefined;
  const imported = parseSource(target, text);
  const exported = exportedExpression(imported, binding.imported);
  const object = exported !== undefined ? objectOf(exported, imported) : undefined;
  return object !== undefined ? { object, source: imported, file: target } : undefined;
}

function exportedExpression(source: ts.SourceFile, name: string): ts.Expression | undefined {
  for (const statement of source.statements) {
    if (name === 'default' && ts.isExportAssignment(statement)) return statement.expression;
    if (name !== 'default' && name !== '*' && ts.isVariableStatement(statement)) {
      const exported =
        statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) === true;
      if (exported) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name) && declaration.name.text === name)
            return declaration.initializer;
        }
      }
    }
  }
  return undefined;
}

/**
 * The file an import names: relative specifiers exactly; others (path aliases such as
 * `@functions/hello`, which would need the tsconfig) by the workspace file whose path ends like
 * the specifier without its leading `@`/`~`.
 */
function moduleFile(specifier: string, fromDir: string, ctx: ManifestContext): string | undefined {
  if (specifier.startsWith('.')) return findSourceFile(ctx, joinPath(fromDir, specifier));
  const tail = specifier.replace(/^[@~]\/?/, '');
  if (tail === '' || tail.startsWith('/')) return undefined;
  for (const candidate of ctx.files) {
    if (/\.d\.[cm]?ts$/.test(candidate) || candidate.includes('node_modules/')) continue;
    const stem = candidate.replace(/\.[cm]?[jt]sx?$/, '');
    if (stem === candidate) continue;
    if (
      stem.endsWith(`/${tail}`) ||
      stem.endsWith(`/${tail}/index`) ||
      stem === tail ||
      stem === `${tail}/index`
    )
      return candidate;
  }
  return undefined;
}
