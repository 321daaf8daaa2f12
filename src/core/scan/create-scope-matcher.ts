import { loadConfig } from '../config/load-config';
import type { FileSystemPort } from '../ports';
import { Scope, type ScopeMatcher, type ScopeSettings } from './scope';

/**
 * The scope of a workspace as a {@link ScopeMatcher}, for a path that appeared after a scan.
 * `settings.config` defaults to the `archlens.config.json` at `root` (its warnings are not
 * reported here: the scan reports them). A scan's own matcher is `ScanResult.scope`, which
 * reuses the `.gitignore` files it already read.
 */
export function createScopeMatcher(
  fs: FileSystemPort,
  root: string,
  settings: ScopeSettings = {},
): ScopeMatcher {
  const config = settings.config ?? loadConfig(fs, root).config;
  return new Scope(fs, root, { ...settings, config });
}
