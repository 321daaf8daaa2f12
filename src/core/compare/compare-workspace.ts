import { unitsFromModel } from '../diagram/fallback-units';
import { isUnder, parentOf } from '../diagram/file-tree';
import { serviceOwner } from '../diagram/service-owner';
import { dependencyGraphOf, type ImpactInput } from '../impact';
import { isTestFile } from '../units/paths';
import { findCandidateModules } from './candidate-modules';
import { cutFigures } from './cut-figures';
import type { CandidateModule, Comparison, Cut, CutId, CutPart } from './types';

export interface CompareOptions {
  /** Louvain's resolution (default 1): above 1, more and smaller candidates. */
  readonly resolution?: number;
}

/**
 * The workspace's backend source cut three ways — today's units, the candidate modules as a
 * modular monolith, the same candidates as microservices — each with the imports it crosses,
 * the cycles between its parts, the databases and code its parts share, the files it moves
 * and a cost. Pure: reads only the model (and detection's units and set-aside parts).
 */
export function compareWorkspace(input: ImpactInput, options: CompareOptions = {}): Comparison {
  const { model } = input;
  const units = input.detection?.units ?? unitsFromModel(model);
  const setAside = input.detection?.system.setAside.map((s) => (s.path === '.' ? '' : s.path)) ?? [];
  const files = model.files.filter(
    (file) => !isTestFile(file) && !setAside.some((folder) => folder !== '' && isUnder(file, folder)),
  );
  const notes: string[] = [];
  const skipped = model.files.length - files.length;
  if (skipped > 0)
    notes.push(
      `${skipped} file${skipped === 1 ? ' is' : 's are'} left out of every cut: tests, and the parts set aside from the backend (front ends, tools).`,
    );
  const packageRoots = [
    ...new Set([
      ...model.manifests.filter((m) => m.kind === 'package-json').map((m) => parentOf(m.file)),
      ...units.deployables.map((d) => (d.path === '.' ? '' : d.path)),
    ]),
  ].filter((root) => root !== '');
  const clustering = findCandidateModules({
    files,
    edges: model.edges,
    packageRoots,
    ...(options.resolution === undefined ? {} : { resolution: options.resolution }),
  });
  const graph = dependencyGraphOf(input);
  // Asked for every file of every crossed import of every cut: looked up once per file.
  const ownerOf = serviceOwner(units);
  const owners = new Map<string, ReturnType<typeof ownerOf>>();
  const owner = (file: string): ReturnType<typeof ownerOf> => {
    let found = owners.get(file);
    if (!found) owners.set(file, (found = ownerOf(file)));
    return found;
  };
  const todayOf = (file: string): string => owner(file).label;
  const todayParts = partsOf(files, (file) => owner(file));
  const home = todayHomes(clustering.candidates, todayOf);
  const candidateOf = new Map<string, string>();
  for (const candidate of clustering.candidates)
    for (const file of candidate.files) candidateOf.set(file, candidate.name);
  const cutOf = (file: string): string => candidateOf.get(file) ?? todayOf(file);
  // A file moves when its candidate is not the one that stands for its part of today.
  const moves = (file: string): boolean => {
    const candidate = candidateOf.get(file);
    return candidate !== undefined && home.get(candidate) !== todayOf(file);
  };
  const candidateParts: CutPart[] = clustering.candidates.map((c) => ({
    name: c.name,
    path: c.path,
    files: c.files.length,
  }));
  const build = (id: CutId, label: string, parts: readonly CutPart[], partOf: (f: string) => string): Cut => {
    const result = cutFigures(id, files, model.edges, graph, { partOf, todayOf, moves }, parts.length);
    return { id, label, parts, figures: result.figures, links: result.links, moves: result.moves };
  };
  return {
    version: 1,
    root: model.root,
    files: files.length,
    candidates: clustering.candidates,
    modularity: Math.round(clustering.modularity * 1000) / 1000,
    cuts: [
      build('today', 'Today', todayParts, todayOf),
      build('modular-monolith', 'Modular monolith', candidateParts, cutOf),
      build('microservices', 'Microservices', candidateParts, cutOf),
    ],
    notes,
  };
}

function partsOf(
  files: readonly string[],
  owner: (file: string) => { readonly label: string; readonly path: string },
): CutPart[] {
  const byName = new Map<string, { name: string; path: string; files: number }>();
  for (const file of files) {
    const { label, path } = owner(file);
    const entry = byName.get(label) ?? { name: label, path, files: 0 };
    entry.files++;
    byName.set(label, entry);
  }
  return [...byName.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The part of today each candidate stands for: the one it shares most files with, biggest
 * overlap first, one candidate per part. Files of a candidate that come from another part of
 * today move; a candidate standing for no part of today is a new module, all its files move.
 */
function todayHomes(
  candidates: readonly CandidateModule[],
  todayOf: (file: string) => string,
): Map<string, string> {
  const overlaps: { candidate: string; today: string; files: number }[] = [];
  for (const candidate of candidates) {
    const counts = new Map<string, number>();
    for (const file of candidate.files) counts.set(todayOf(file), (counts.get(todayOf(file)) ?? 0) + 1);
    for (const [today, files] of counts) overlaps.push({ candidate: candidate.name, today, files });
  }
  overlaps.sort(
    (a, b) =>
      b.files - a.files ||
      (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : a.today < b.today ? -1 : 1),
  );
  const homes = new Map<string, string>();
  const taken = new Set<string>();
  for (const { candidate, today } of overlaps) {
    if (homes.has(candidate) || taken.has(today)) continue;
    homes.set(candidate, today);
    taken.add(today);
  }
  return homes;
}
