import type { ImportEdge } from '../model';
import type { GraphIndex, ModuleDetail } from '../units';
import { isSourceFile } from '../units/languages';
import { baseName, dirOf, isTestFile, isUnder, joinPath } from '../units/paths';
import type { RulesConfig } from '../config/rules-schema';

/** Folder names that make a sibling of the modules (or of their container) a shared kernel. */
const KERNEL_NAMES = new Set(['shared-kernel', 'sharedkernel', 'shared', 'kernel', 'common', 'commons']);

/** A shared kernel: code every module may import, which itself imports no module. */
export interface SharedKernel {
  /** The kernel's folder, relative to the root. */
  readonly path: string;
  /** How it was found: named in `rules.sharedKernels`, or by its folder's name beside the modules. */
  readonly source: 'config' | 'name';
  /** Its source files (tests left out). */
  readonly files: readonly string[];
}

/**
 * The shared kernels of a modular monolith: the folders `rules.sharedKernels` names, and the
 * folders named `shared`, `shared-kernel`, `kernel` or `common` beside the modules or beside
 * their container (`src/modules/shared`, `src/shared` for `src/modules/*`). A module named in
 * `rules.sharedKernels` stops being a module for the rules.
 */
export function sharedKernelsOf(
  graph: GraphIndex,
  modules: readonly ModuleDetail[],
  config: RulesConfig,
): SharedKernel[] {
  const found = new Map<string, SharedKernel['source']>();
  for (const written of config.sharedKernels ?? []) {
    const path = joinPath('.', written.replace(/\/+$/, ''));
    if (path !== '.') found.set(path, 'config');
  }
  const containers = new Set<string>();
  for (const module of modules) {
    const container = dirOf(module.path);
    containers.add(container);
    if (container !== '.') containers.add(dirOf(container));
  }
  for (const container of containers)
    for (const child of graph.subfolders(container))
      if (KERNEL_NAMES.has(baseName(child).toLowerCase()) && !found.has(child)) found.set(child, 'name');
  const kernels: SharedKernel[] = [];
  for (const [path, source] of [...found].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // A kernel inside a module is that module's own code; a kernel holding modules is their container.
    if (modules.some((m) => m.path !== path && (isUnder(path, m.path) || isUnder(m.path, path)))) continue;
    const files = graph.filesUnder(path).filter((f) => isSourceFile(f) && !isTestFile(f));
    if (files.length > 0 || source === 'config') kernels.push({ path, source, files });
  }
  return kernels;
}

/** Imports from a shared kernel's files into a module, with the kernel and the module reached. */
export function kernelImportsOfModules(
  graph: GraphIndex,
  kernels: readonly SharedKernel[],
  modules: readonly ModuleDetail[],
): { kernel: SharedKernel; module: ModuleDetail; edge: ImportEdge }[] {
  const found: { kernel: SharedKernel; module: ModuleDetail; edge: ImportEdge }[] = [];
  for (const kernel of kernels)
    for (const file of kernel.files)
      for (const edge of graph.out.get(file) ?? []) {
        const to = edge.to;
        if (to === null) continue;
        const module = modules.find((m) => isUnder(to, m.path));
        if (module) found.push({ kernel, module, edge });
      }
  return found;
}
