import { reach } from '../system/parts';
import { SERVER_FRAMEWORKS, matchesPackage } from '../units/known-packages';
import { SHARED_FOLDERS } from '../units/names';
import { isUnder, joinPath } from '../units/paths';
import type { DetectContext } from './context';
import type { Fact } from './scoring';

/** Below this share of the smaller program's files in common, two servers run separate code. */
const SEPARATE_OVERLAP = 0.5;
/** Programs this small are helpers (a health probe, a one-route stub), not backends of their own. */
const MIN_PROGRAM_FILES = 4;

/**
 * HTTP servers that the scripts of one deployable's package start from different entry files over
 * mostly separate code (`start:orders` and `start:backoffice` of one package): separate backends built from one
 * codebase, not one deployable. A web process and a worker over the same domain code are not
 * this (the worker starts no server), nor are two start commands of the same program.
 */
export function separateServers(ctx: DetectContext, folder: string): Fact[] {
  // The scripts of the deployable's own package: what one build of it can start.
  const manifest = joinPath(folder, 'package.json');
  const starts = [
    ...new Set(
      ctx.system.entryPoints
        .filter((e) => e.kind === 'package-script' && e.source === manifest && isUnder(e.file, folder))
        .map((e) => e.file),
    ),
  ].slice(0, 12);
  const reached = starts.map((file) => {
    const all = new Set<string>();
    reach(file, ctx.graph, all);
    // A shared kernel is meant to be shared: what tells programs apart is the code of their own.
    const files = new Set(
      [...all].filter((f) => !f.split('/').some((s) => SHARED_FOLDERS.has(s.toLowerCase()))),
    );
    return { file, files, all };
  });
  const servers: { file: string; files: Set<string> }[] = [];
  for (const { file, files, all } of reached) {
    if (files.size < MIN_PROGRAM_FILES) continue;
    // A server file that another start imports (`start.ts` → `server.ts`) is that program.
    if (reached.some((other) => other.file !== file && other.all.has(file))) continue;
    const serves = [...all].some((f) =>
      (ctx.graph.externals.get(f) ?? []).some(
        (e) => e.to !== null && e.resolution === 'external' && matchesPackage(e.to, SERVER_FRAMEWORKS),
      ),
    );
    if (serves) servers.push({ file, files });
  }
  for (let i = 0; i < servers.length; i++) {
    for (let j = i + 1; j < servers.length; j++) {
      const a = servers[i];
      const b = servers[j];
      if (a === undefined || b === undefined) continue;
      let shared = 0;
      for (const f of a.files) if (b.files.has(f)) shared++;
      const overlap = shared / Math.min(a.files.size, b.files.size);
      if (overlap < SEPARATE_OVERLAP)
        return [
          {
            file: a.file,
            message: `Two servers start from one deployable over separate code: \`${a.file}\` (${a.files.size} files) and \`${b.file}\` (${b.files.size} files) share ${Math.round(overlap * 100)} % of the smaller one's own code (shared kernels aside)`,
          },
        ];
    }
  }
  return [];
}
