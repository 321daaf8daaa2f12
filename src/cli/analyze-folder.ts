import { analyzeWorkspace, type WorkspaceModel } from '../core';
import { createParsePool } from '../node/parse-pool-factory';
import { cliCacheOptions } from './cache-option';
import type { CliIO } from './io';
import { clearProgress, stderrProgress, workspaceFromArgs } from './workspace-arg';
import type { NodeFileSystem } from '../node/node-file-system';

/**
 * Analyses the folder named on the command line, with progress on stderr and parsing on all
 * cores; with `cacheDir`, from and into the analysis cache kept there.
 */
export function analyzeFolder(
  positionals: readonly string[],
  io: CliIO,
  cacheDir?: string,
): { fs: NodeFileSystem; model: WorkspaceModel } {
  const { fs, root } = workspaceFromArgs(positionals, io);
  const pool = createParsePool();
  try {
    const model = analyzeWorkspace(fs, root, {
      progress: stderrProgress(io),
      extraction: pool,
      ...(cacheDir === undefined ? {} : { cache: cliCacheOptions(cacheDir, root, io) }),
    });
    clearProgress(io);
    return { fs, model };
  } finally {
    pool.dispose();
  }
}
