import type { DockerStage, DockerfileManifest } from '../model';
import { joinPath } from './paths';

/**
 * The workspace paths one target stage of a multi-stage Dockerfile builds from: the `WORKDIR`s
 * and copied paths of the stage and of every stage it is built on or copies from, mapped back to
 * the build context. A container path maps back when it lies where the context was copied in
 * (`COPY . .` under `WORKDIR /usr/src/app`); a plain `COPY packages/api ./api` names its source.
 * Stage names are matched case-insensitively, as Docker does.
 */
export function targetStagePaths(dockerfile: DockerfileManifest, target: string, context: string): string[] {
  const stages = dockerfile.stages ?? [];
  const byName = new Map(
    stages.flatMap((s) => (s.name !== undefined ? [[s.name.toLowerCase(), s] as const] : [])),
  );
  const closure: DockerStage[] = [];
  const visit = (name: string): void => {
    const stage = byName.get(name.toLowerCase());
    if (stage === undefined || closure.includes(stage)) return;
    closure.push(stage);
    visit(stage.image);
    for (const copy of stage.copies ?? []) if (copy.from !== undefined) visit(copy.from);
  };
  visit(target);
  if (closure.length === 0) return [];

  // Where the build context lands inside the image: the destination of `COPY . <dest>`.
  const roots = new Set<string>();
  for (const stage of closure)
    for (const copy of stage.copies ?? [])
      if (copy.from === undefined && copy.sources.some((s) => s === '.' || s === './')) roots.add(copy.dest);
  const fromRoot = (containerPath: string): string | undefined => {
    for (const root of roots) {
      if (containerPath === root) return undefined;
      const prefix = root === '/' ? '/' : `${root}/`;
      if (containerPath.startsWith(prefix)) return containerPath.slice(prefix.length);
    }
    return undefined;
  };

  const paths = new Set<string>();
  const add = (relative: string | undefined): void => {
    if (relative === undefined) return;
    const clean = relative
      .replace(/^\.\//, '')
      .replace(/\/\*.*$/, '')
      .replace(/\/$/, '');
    if (clean === '' || clean === '.' || clean.startsWith('..') || /[*?[]/.test(clean)) return;
    paths.add(joinPath(context, clean));
  };
  for (const stage of closure) {
    for (const dir of stage.workdirs ?? []) add(fromRoot(dir));
    for (const copy of stage.copies ?? []) {
      for (const source of copy.sources) {
        if (copy.from === undefined) add(source.startsWith('/') ? undefined : source);
        else if (byName.has(copy.from.toLowerCase())) add(fromRoot(source));
      }
    }
  }
  return [...paths].sort();
}

/** The folder a target stage stands for, and the folders it bundles beside it. */
export interface TargetFolder {
  readonly path: string;
  readonly role: 'service' | 'web-app';
  /** The front ends the stage builds beside the backend (their static files served with it). */
  readonly alongside: readonly string[];
}

/**
 * The program a target stage builds, from the paths it builds from: each path belongs to the
 * deepest package or program folder holding it (the context itself names none). One backend
 * folder among them is the stage's program, front ends built beside it are served with it; a
 * program folder inside a front end the stage builds is that front end's asset server. Several
 * backend folders, or none found, say nothing: `undefined`.
 */
export function targetFolder(
  paths: readonly string[],
  context: string,
  owners: readonly string[],
  isFrontEnd: (folder: string) => boolean,
): TargetFolder | undefined {
  const found = new Set<string>();
  for (const path of paths) {
    let best: string | undefined;
    for (const owner of owners) {
      if (owner === context || owner === '.' || !(path === owner || path.startsWith(`${owner}/`))) continue;
      if (best === undefined || owner.length > best.length) best = owner;
    }
    if (best !== undefined) found.add(best);
  }
  const fronts = [...found].filter(isFrontEnd).sort();
  const backends = [...found]
    .filter((f) => !isFrontEnd(f) && !fronts.some((front) => f.startsWith(`${front}/`)))
    .sort();
  if (backends.length === 1 && backends[0] !== undefined)
    return { path: backends[0], role: 'service', alongside: fronts };
  if (backends.length === 0 && fronts.length === 1 && fronts[0] !== undefined)
    return { path: fronts[0], role: 'web-app', alongside: [] };
  return undefined;
}
