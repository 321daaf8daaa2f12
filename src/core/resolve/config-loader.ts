import { ts } from 'ts-morph';
import type { Warning } from '../model/workspace-model';
import type { CachedFileSystem } from './cached-file-system';
import { parentOf } from './cached-file-system';
import { ConfigMembership, type ConfigFileSpecs } from './config-membership';

/** A tsconfig.json or jsconfig.json as TypeScript parses it. */
export interface LoadedConfig {
  /** Absolute path of the config file. */
  readonly path: string;
  readonly options: ts.CompilerOptions;
  readonly projectReferences: readonly ts.ProjectReference[];
  /** Whether its `files`/`include`/`exclude` select this (existing, absolute) file. */
  includes(file: string): boolean;
  /** Whether it can select any file directly in this folder (false: `includes` is false for all). */
  mayInclude(dir: string): boolean;
}

// Diagnostics that say nothing is wrong with the config file itself.
const ignoredCodes = new Set([
  18003, // No inputs were found in config file.
]);

// Diagnostics about an `extends` target that cannot be read or found.
const extendsCodes = new Set([5083, 6053, 18001]);

/** The position of the `extends` key of a config, if it has one. */
function extendsPosition(config: ts.JsonSourceFile): number | undefined {
  const root = config.statements[0]?.expression;
  if (!root || !ts.isObjectLiteralExpression(root)) return undefined;
  const property = root.properties.find(
    (p) => p.name !== undefined && ts.isStringLiteral(p.name) && p.name.text === 'extends',
  );
  return property ? property.getStart(config) : undefined;
}

/**
 * Parses config files through a {@link CachedFileSystem} the way tsserver does
 * (`parseJsonSourceFileConfigFileContent` with an `extends` cache shared by every config), and
 * turns their diagnostics into warnings. A config that cannot be read at all yields `undefined`.
 */
export class ConfigLoader {
  private readonly configs = new Map<string, LoadedConfig | null>();
  private readonly extendedCache = new Map<string, ts.ExtendedConfigCacheEntry>();
  private readonly warned = new Set<string>();
  private readonly allReadFiles = new Set<string>();
  readonly warnings: Warning[] = [];

  constructor(
    private readonly files: CachedFileSystem,
    private readonly relative: (path: string) => string,
  ) {}

  load(path: string): LoadedConfig | undefined {
    const known = this.configs.get(path);
    if (known !== undefined) return known ?? undefined;
    const loaded = this.parse(path);
    this.configs.set(path, loaded ?? null);
    return loaded;
  }

  /** Whether this config file exists. */
  exists(path: string): boolean {
    return this.files.fileExists(path);
  }

  /** Records a warning once (e.g. a reference cycle, found while walking references). */
  warn(warning: Warning): void {
    const key = `${warning.file}:${warning.line ?? 0}:${warning.message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push(warning);
  }

  /** Whether any loaded config read this file (so that a change to it changes configs). */
  dependsOn(path: string): boolean {
    return this.allReadFiles.has(path);
  }

  clear(): void {
    this.configs.clear();
    this.extendedCache.clear();
    this.warned.clear();
    this.allReadFiles.clear();
    this.warnings.length = 0;
  }

  private parse(path: string): LoadedConfig | undefined {
    const text = this.files.readFile(path);
    this.allReadFiles.add(path);
    if (text === undefined) return undefined;
    const readFiles = new Set<string>([path]);
    const host: ts.ParseConfigHost = {
      useCaseSensitiveFileNames: true,
      fileExists: (p) => this.files.fileExists(p),
      readFile: (p) => {
        readFiles.add(p);
        return this.files.readFile(p);
      },
      // The selection is answered per file by ConfigMembership instead of by walking the tree.
      readDirectory: () => [],
    };
    try {
      const source = ts.parseJsonText(path, text);
      const parsed = ts.parseJsonSourceFileConfigFileContent(
        source,
        host,
        parentOf(path),
        {},
        path,
        [],
        undefined,
        this.extendedCache,
      );
      for (const read of readFiles) this.allReadFiles.add(read);
      // Syntax errors are kept on the source file (an internal field tsserver reads too).
      const syntax =
        (source as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
      const diagnostics = [...syntax, ...parsed.errors];
      for (const diagnostic of diagnostics) this.report(source, diagnostic);
      const specs = (parsed.options['configFile'] as { configFileSpecs?: ConfigFileSpecs } | undefined)
        ?.configFileSpecs;
      const membership = new ConfigMembership(specs, parentOf(path), parsed.options, (p) =>
        this.files.fileExists(p),
      );
      return {
        path,
        options: parsed.options,
        projectReferences: parsed.projectReferences ?? [],
        includes: (file) => membership.has(file),
        mayInclude: (dir) => membership.mayHaveIn(dir),
      };
    } catch (error) {
      this.warn({ file: this.relative(path), message: `Cannot parse config: ${String(error)}` });
      return undefined;
    }
  }

  private report(config: ts.JsonSourceFile, diagnostic: ts.Diagnostic): void {
    if (diagnostic.category !== ts.DiagnosticCategory.Error || ignoredCodes.has(diagnostic.code)) return;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const file = diagnostic.file ?? config;
    // TypeScript gives an unreadable `extends` target no position: point at the `extends` key.
    const start = diagnostic.file
      ? diagnostic.start
      : extendsCodes.has(diagnostic.code)
        ? extendsPosition(config)
        : undefined;
    if (start !== undefined) {
      const { line, character } = file.getLineAndCharacterOfPosition(start);
      this.warn({ file: this.relative(file.fileName), message, line: line + 1, column: character + 1 });
    } else {
      this.warn({ file: this.relative(file.fileName), message });
    }
  }
}
