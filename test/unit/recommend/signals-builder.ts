import type { DetectionResult, PatternId, Verdict } from '../../../src/core/model';
import { PATTERN_IDS } from '../../../src/core/model';
import type { WorkspaceSignals } from '../../../src/core/recommend';

/** Signals of a small, quiet workspace, with the given parts replaced. */
export function signals(parts: Partial<WorkspaceSignals> = {}): WorkspaceSignals {
  return {
    team: { known: true, authors: 3 },
    deployables: { count: 1, names: ['app'] },
    releaseConfigs: 1,
    handlers: { commands: 0, queries: 0, readModels: 0, crudOnly: false },
    messaging: { brokerClients: [], brokerServices: [], eventHandlers: 0, queueConsumers: 0, eventFiles: 0 },
    functions: { count: 0, manifests: [] },
    domain: { folders: [], files: 0, entities: 0 },
    coupling: { kind: 'folders', groups: [], mutual: [], cycles: [], eventOnly: [] },
    crossServiceImports: [],
    hexagonLeaks: [],
    ...parts,
  };
}

/** A detection result with the given verdicts (every other pattern `no`). */
export function detection(verdicts: Partial<Record<PatternId, Verdict>> = {}): DetectionResult {
  const score = { yes: 0.8, partial: 0.4, no: 0 } as const;
  const patterns = PATTERN_IDS.map((id) => {
    const verdict = verdicts[id] ?? 'no';
    return { id, verdict, score: score[verdict], evidence: [], counterEvidence: [] };
  });
  return {
    version: 1,
    root: '/ws',
    primary: patterns.find((p) => p.verdict === 'yes')?.id ?? null,
    patterns,
    units: { deployables: [], modules: [], layers: [] },
    system: { entryPoints: [], parts: [], deployables: [], notServices: [], setAside: [] },
  };
}

/** An import edge from one file to another at a line. */
export function edge(from: string, to: string, line = 1) {
  return {
    from,
    to,
    specifier: to,
    line,
    column: 1,
    kind: 'static' as const,
    resolution: 'internal' as const,
  };
}
