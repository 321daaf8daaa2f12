/** What every block works with: the compiler API, the workspace, its style, parsed files. */
import type { ts as TS } from 'ts-morph';
import { readCodeStyle, type CodeStyle } from './code-style';
import { takenMessage } from './placement';
import { parseSource, type EditableSource, type Ts } from './text-edit';
import { ScaffoldError, type ScaffoldFile, type ScaffoldWorkspace } from './types';
import { dependencies, exists, readText } from './workspace-files';

export interface ScaffoldContext {
  readonly ts: Ts;
  readonly ws: ScaffoldWorkspace;
  readonly style: CodeStyle;
  readonly deps: ReadonlySet<string>;
  /** The parsed file (its `fileName` is the relative path), or `undefined` when it cannot be read. */
  source(relPath: string): EditableSource | undefined;
}

export function createContext(ts: Ts, ws: ScaffoldWorkspace): ScaffoldContext {
  const cache = new Map<string, EditableSource | undefined>();
  return {
    ts,
    ws,
    style: readCodeStyle(ws),
    deps: dependencies(ws),
    source(relPath) {
      if (!cache.has(relPath)) {
        const text = readText(ws, relPath);
        cache.set(relPath, text === undefined ? undefined : parseSource(ts, relPath, text));
      }
      return cache.get(relPath);
    },
  };
}

/** A new file, refused when the path is taken. */
export function createFile(ctx: ScaffoldContext, path: string, content: string): ScaffoldFile {
  if (exists(ctx.ws, path)) throw new ScaffoldError(takenMessage(ctx.ws, path));
  return { path, action: 'create', content };
}

/** Whether a top-level declaration of `name` exists in a file. */
export function declares(ctx: ScaffoldContext, file: TS.SourceFile, name: string): boolean {
  const { ts } = ctx;
  return file.statements.some((s) => {
    if (ts.isVariableStatement(s))
      return s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name);
    if (ts.isImportDeclaration(s)) {
      const clause = s.importClause;
      const named = clause?.namedBindings;
      return (
        clause?.name?.text === name ||
        (named !== undefined && ts.isNamedImports(named) && named.elements.some((e) => e.name.text === name))
      );
    }
    const named = s as TS.Statement & { readonly name?: TS.Node };
    return named.name !== undefined && ts.isIdentifier(named.name) && named.name.text === name;
  });
}
