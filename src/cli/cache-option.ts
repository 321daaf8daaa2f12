import * as path from 'node:path';
import type { AnalysisCacheOptions } from '../core/cache';
import { FileAnalysisCacheStore } from '../node/analysis-cache-store';
import type { OptionSpec, ParsedArgs } from './command';
import type { CliIO } from './io';
import { VERSION } from './version';

/** `--cache <dir>`: keep the analysis between runs (off unless given). */
export const CACHE_OPTION: OptionSpec = {
  name: 'cache',
  type: 'string',
  valueName: 'dir',
  description:
    'keep the analysis in this folder between runs: the next run reads and resolves again only what changed (default: off)',
};

/** The cache folder named on the command line, absolute, or `undefined`. */
export function cacheDirOf(args: ParsedArgs, io: CliIO): string | undefined {
  const value = args.options['cache'];
  return typeof value === 'string' && value !== '' ? path.resolve(io.cwd, value) : undefined;
}

/** The engine's cache options for a workspace root; problems go to stderr, one line each. */
export function cliCacheOptions(dir: string, root: string, io: CliIO): AnalysisCacheOptions {
  const store = new FileAnalysisCacheStore(dir, root, (message) => io.stderr(`archlens: ${message}\n`));
  return {
    store,
    version: VERSION,
    onDiscard: (problem) =>
      io.stderr(
        `archlens: the analysis cache ${store.file} was not used (${problem}); analysing from scratch\n`,
      ),
  };
}
