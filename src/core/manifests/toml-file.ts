import type { ManifestContext } from './context';
import { positionAt } from './paths';
import type { TomlTable } from './toml-reader';
import { TomlSyntaxError, readToml } from './toml-reader';

/** Reads a TOML manifest; a syntax error becomes a warning with its line and column. */
export function readTomlFile(file: string, text: string, ctx: ManifestContext): TomlTable | undefined {
  try {
    return readToml(text);
  } catch (error) {
    if (!(error instanceof TomlSyntaxError)) throw error;
    const { line, column } = positionAt(text, error.offset);
    ctx.warn({ file, line, column, message: `Malformed TOML: ${error.message}.` });
    return undefined;
  }
}
