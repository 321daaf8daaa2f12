import type { WranglerManifest } from '../model';
import type { ManifestContext } from './context';
import { asString, findSourceFile, isRecord } from './context';
import { readJson } from './json-reader';
import { dirOf, joinPath } from './paths';
import { readTomlFile } from './toml-file';

/**
 * Reads a Cloudflare Workers config (`wrangler.toml`, `wrangler.json`, `wrangler.jsonc`): the
 * worker's name and `main`, and the workspace file `main` names.
 */
export function parseWrangler(
  file: string,
  text: string,
  ctx: ManifestContext,
): WranglerManifest | undefined {
  const config = /\.toml$/i.test(file)
    ? readTomlFile(file, text, ctx)
    : readJson(file, text, ctx, { comments: true })?.value;
  if (!isRecord(config)) return undefined;
  const name = asString(config['name']);
  const main = asString(config['main']);
  const mainPath = main !== undefined ? joinPath(dirOf(file), main) : undefined;
  const mainFile =
    mainPath !== undefined && ctx.has(mainPath)
      ? mainPath
      : findSourceFile(ctx, mainPath?.replace(/\.[cm]?[jt]sx?$/, ''));
  return {
    kind: 'wrangler',
    file,
    ...(name !== undefined ? { name } : {}),
    ...(main !== undefined ? { main } : {}),
    ...(mainFile !== undefined ? { mainFile } : {}),
  };
}
