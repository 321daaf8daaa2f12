import type { UnitAnalysis } from '../units';
import type { SystemDeployable } from './types';

/**
 * One deployable per built artefact: the deployables found in one source folder (its package, its
 * Dockerfile, the compose services built from it, its Procfile lines) are the processes of one
 * artefact, not several services. Functions and web apps are artefacts of their own.
 */
export function systemDeployables(units: UnitAnalysis): SystemDeployable[] {
  const out: SystemDeployable[] = [];
  for (const service of units.services) {
    out.push({
      name: service.name,
      path: service.path,
      role: 'service',
      processes: service.deployables.map((d) => ({
        name: d.name,
        kind: d.kind,
        file: d.source.file,
        ...(d.source.line !== undefined ? { line: d.source.line } : {}),
      })),
    });
  }
  for (const d of [...units.functions, ...units.webApps]) {
    out.push({
      name: d.name,
      path: d.path,
      role: d.role,
      processes: [
        {
          name: d.name,
          kind: d.kind,
          file: d.source.file,
          ...(d.source.line !== undefined ? { line: d.source.line } : {}),
        },
      ],
    });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.name < b.name ? -1 : 1));
}
