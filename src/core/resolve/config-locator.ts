import { ts } from 'ts-morph';
import type { ConfigLoader, LoadedConfig } from './config-loader';
import { join, parentOf } from './cached-file-system';

/**
 * Picks the config file whose project tsserver makes the default project of a file
 * (`ProjectService.tryFindDefaultConfiguredProjectForOpenScriptInfo`, TypeScript 6.0):
 * 1. the nearest `tsconfig.json`, else `jsconfig.json`, from the file's folder up to the
 *    workspace root (a `node_modules` folder ends the walk);
 * 2. that config if its `files`/`include`/`exclude` select the file;
 * 3. else the first of its `references` (breadth first, recursively) that selects it, unless
 *    `disableReferencedProjectLoad`;
 * 4. else the same search from the next config above it, unless `disableSolutionSearching`;
 * 5. none: the file belongs to an inferred project (`undefined`).
 * Unlike tsserver, a file that a project pulls in only by being imported does not count as
 * part of it; only its own selection does.
 */
export class ConfigLocator {
  private readonly nearest = new Map<string, string | null>();
  /** Per folder: the configs steps 1–4 try for its files, in order, those that can select none left out. */
  private readonly candidatesByDir = new Map<string, readonly LoadedConfig[]>();
  private readonly referencesByConfig = new Map<string, readonly LoadedConfig[]>();
  private readonly checkedReferences = new Set<string>();

  constructor(
    private readonly loader: ConfigLoader,
    private readonly root: string,
    private readonly relative: (path: string) => string,
  ) {}

  /** The config of the file's default project, if any. */
  configFor(file: string): LoadedConfig | undefined {
    const dir = parentOf(file);
    let candidates = this.candidatesByDir.get(dir);
    if (candidates === undefined) {
      candidates = this.candidatesFor(dir);
      this.candidatesByDir.set(dir, candidates);
    }
    for (const config of candidates) if (config.includes(file)) return config;
    return undefined;
  }

  /**
   * The configs tried for a file in `dir`, in tsserver's order: each config on the way up, then
   * its references breadth first; the search ends at `disableSolutionSearching`. The same for
   * every file of a folder, so found once per folder; only which one selects the file differs.
   */
  private candidatesFor(dir: string): LoadedConfig[] {
    const candidates: LoadedConfig[] = [];
    const add = (config: LoadedConfig): void => {
      if (config.mayInclude(dir)) candidates.push(config);
    };
    const visited = new Set<string>();
    let current = this.nearestConfig(dir);
    while (current !== undefined && !visited.has(current)) {
      visited.add(current);
      const config = this.loader.load(current);
      if (config) {
        add(config);
        this.referencesOf(config).forEach(add);
        if (config.options.disableSolutionSearching) break;
      }
      current = this.ancestorConfig(current);
    }
    return candidates;
  }

  forget(): void {
    this.nearest.clear();
    this.candidatesByDir.clear();
    this.referencesByConfig.clear();
    this.checkedReferences.clear();
  }

  /** The projects a config references, breadth first and recursively, unless it disables that. */
  private referencesOf(config: LoadedConfig): readonly LoadedConfig[] {
    let known = this.referencesByConfig.get(config.path);
    if (known === undefined) {
      known = this.walkReferences(config);
      this.referencesByConfig.set(config.path, known);
    }
    return known;
  }

  private walkReferences(config: LoadedConfig): LoadedConfig[] {
    if (config.options.disableReferencedProjectLoad) return [];
    const found: LoadedConfig[] = [];
    const seen = new Set<string>([config.path]);
    let level: LoadedConfig[] = [config];
    while (level.length > 0) {
      const next: LoadedConfig[] = [];
      for (const parent of level) {
        for (const reference of parent.projectReferences) {
          const childPath = ts.resolveProjectReferencePath(reference);
          if (seen.has(childPath)) continue;
          seen.add(childPath);
          const child = this.loader.load(childPath);
          if (!child) continue;
          this.checkCycle(parent.path, childPath);
          found.push(child);
          next.push(child);
        }
      }
      level = next;
    }
    return found;
  }

  /** Warns once per reference that closes a cycle (`from` → `to` → … → `from`). */
  private checkCycle(from: string, to: string): void {
    const key = from + '\0' + to;
    if (this.checkedReferences.has(key)) return;
    this.checkedReferences.add(key);
    if (this.reaches(to, from)) this.warnCycle(from, to);
  }

  /** Whether `from` reaches `to` through references (to tell a cycle from a shared reference). */
  private reaches(from: string, to: string): boolean {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const path = stack.pop();
      if (path === undefined || seen.has(path)) continue;
      if (path === to) return true;
      seen.add(path);
      const config = this.loader.load(path);
      for (const reference of config?.projectReferences ?? [])
        stack.push(ts.resolveProjectReferencePath(reference));
    }
    return false;
  }

  private warnCycle(from: string, to: string): void {
    this.loader.warn({
      file: this.relative(from),
      message: `Circular project reference: ${this.relative(from)} → ${this.relative(to)} → … → ${this.relative(from)}`,
    });
  }

  /** The nearest config at or above a folder (tsconfig.json first, then jsconfig.json). */
  private nearestConfig(dir: string): string | undefined {
    const known = this.nearest.get(dir);
    if (known !== undefined) return known ?? undefined;
    let found: string | undefined;
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const candidate = join(dir, name);
      if (this.loader.exists(candidate)) {
        found = candidate;
        break;
      }
    }
    if (found === undefined && !isNodeModules(dir) && dir !== this.root && this.inRoot(dir)) {
      const parent = parentOf(dir);
      if (parent !== dir) found = this.nearestConfig(parent);
    }
    this.nearest.set(dir, found ?? null);
    return found;
  }

  /** The next config above a config, as tsserver searches it (skipping its own name there). */
  private ancestorConfig(configPath: string): string | undefined {
    const dir = parentOf(configPath);
    if (configPath.endsWith('/tsconfig.json')) {
      const sibling = join(dir, 'jsconfig.json');
      if (this.loader.exists(sibling)) return sibling;
    }
    if (isNodeModules(dir) || dir === this.root || !this.inRoot(dir)) return undefined;
    const parent = parentOf(dir);
    return parent === dir ? undefined : this.nearestConfig(parent);
  }

  private inRoot(dir: string): boolean {
    return dir === this.root || dir.startsWith(this.root.endsWith('/') ? this.root : this.root + '/');
  }
}

function isNodeModules(dir: string): boolean {
  return dir.endsWith('/node_modules');
}
