import type { ImportEdge, WorkspaceModel } from '../../../src/core';

/** A workspace generated as `modules` clean modules plus noise edges, with the truth kept. */
export interface GeneratedWorkspace {
  readonly model: WorkspaceModel;
  /** The hidden module of each file. */
  readonly truth: ReadonlyMap<string, number>;
}

export interface GenerateOptions {
  readonly seed: number;
  readonly modules?: number;
  readonly foldersPerModule?: number;
  readonly filesPerFolder?: number;
  /** Imports each file makes inside its module. */
  readonly importsPerFile?: number;
  /** Share of all imports that go to a random file of another module. */
  readonly noise?: number;
}

/**
 * Folders are named `src/p00`, `src/p01`, … in an order shuffled across modules, so folder
 * names and their order give the modules away in no way: only the imports do.
 */
export function generateModules(options: GenerateOptions): GeneratedWorkspace {
  const random = mulberry32(options.seed);
  const modules = options.modules ?? 3;
  const foldersPerModule = options.foldersPerModule ?? 4;
  const filesPerFolder = options.filesPerFolder ?? 3;
  const importsPerFile = options.importsPerFile ?? 3;
  const noise = options.noise ?? 0.1;
  const folderModules = Array.from({ length: modules * foldersPerModule }, (_, i) => i % modules);
  for (let i = folderModules.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [folderModules[i], folderModules[j]] = [folderModules[j] as number, folderModules[i] as number];
  }
  const truth = new Map<string, number>();
  const byModule: string[][] = Array.from({ length: modules }, () => []);
  folderModules.forEach((module, folder) => {
    for (let f = 0; f < filesPerFolder; f++) {
      const file = `src/p${String(folder).padStart(2, '0')}/f${f}.ts`;
      truth.set(file, module);
      byModule[module]?.push(file);
    }
  });
  const files = [...truth.keys()].sort();
  const edges: ImportEdge[] = [];
  const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)] as string;
  for (const from of files) {
    const own = byModule[truth.get(from) ?? 0] ?? [];
    for (let n = 0; n < importsPerFile; n++) {
      const crossing = random() < noise;
      const others = byModule.filter((_, m) => m !== truth.get(from)).flat();
      const to = crossing ? pick(others) : pick(own.filter((file) => file !== from));
      edges.push(edge(from, to, edges.length + 1));
    }
  }
  edges.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.line - b.line));
  return {
    model: { version: 1, root: '/generated', files, edges, manifests: [], warnings: [] },
    truth,
  };
}

function edge(from: string, to: string, line: number): ImportEdge {
  const up = from.split('/').length - 1;
  return {
    from,
    to,
    specifier: `${'../'.repeat(up - 1)}${to.slice(4).replace(/\.ts$/, '.js')}`,
    line,
    column: 1,
    kind: 'static',
    resolution: 'internal',
  };
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
