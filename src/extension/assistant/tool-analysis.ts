import { AssistantWorkspace } from '../../core/assistant';
import { NodeFileSystem } from '../../node/node-file-system';
import type { AnalysisSession, FolderAnalysis } from '../session';

/** One assistant workspace per analysis: a question after another on the same analysis reuses its units and rules. */
const workspaces = new WeakMap<FolderAnalysis, AssistantWorkspace>();

/** The assistant's view of an analysis (its detection and rules reused, the rest computed on demand). */
export function assistantWorkspaceOf(analysis: FolderAnalysis): AssistantWorkspace {
  let ws = workspaces.get(analysis);
  if (!ws) {
    ws = new AssistantWorkspace({
      fs: new NodeFileSystem(),
      model: analysis.model,
      detection: analysis.detection,
      rules: analysis.rules,
    });
    workspaces.set(analysis, ws);
  }
  return ws;
}

/** The analysis a tool answers from: the current one, or a fresh one when none ran yet. */
export async function analysisForTool(session: AnalysisSession): Promise<FolderAnalysis> {
  const analysis = session.current ?? (await session.analyze({ quiet: true }));
  if (!analysis) throw new Error('ArchLens has no workspace folder to answer from: open a folder first.');
  return analysis;
}
