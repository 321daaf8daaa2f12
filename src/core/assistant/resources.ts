import {
  buildDiagram,
  DIAGRAM_VIEW_IDS,
  INITIAL_STATE,
  symbolsReader,
  toMermaid,
  violationMarks,
  type DiagramViewId,
} from '../diagram';
import { compareWithBaseline, readWorkspaceBaseline } from '../rules';
import { detectionToMarkdown } from '../report/detection-markdown';
import type { AssistantWorkspace } from './assistant-workspace';

/** A read-only document about the workspace, offered by URI (`archlens://report`). */
export interface AssistantResource {
  readonly uri: string;
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly mimeType: string;
  read(ws: AssistantWorkspace): string;
}

/** The report, and the Mermaid text of each diagram view (what the panel draws, in its default state). */
export const assistantResources: readonly AssistantResource[] = [
  {
    uri: 'archlens://report',
    name: 'report',
    title: 'Architecture report',
    description:
      'The detected patterns with verdicts, scores and all evidence, the system and the units, in Markdown (what `archlens detect --format markdown` prints).',
    mimeType: 'text/markdown',
    read: (ws) => detectionToMarkdown(ws.detection),
  },
  ...DIAGRAM_VIEW_IDS.map((view) => diagramResource(view)),
];

function diagramResource(view: DiagramViewId): AssistantResource {
  return {
    uri: `archlens://diagram/${view}`,
    name: `diagram-${view}`,
    title: `Diagram: ${view}`,
    description: `The ${view} view of the architecture diagram as Mermaid text (what \`archlens diagram --view ${view}\` prints).`,
    mimeType: 'text/vnd.mermaid',
    read(ws) {
      // Red edges for the violations the baseline does not list, as `archlens diagram` draws them.
      const fresh = compareWithBaseline(ws.rules, readWorkspaceBaseline(ws.fs, ws.root)).fresh;
      const result = buildDiagram(
        view,
        {
          model: ws.model,
          detection: ws.detection,
          symbols: symbolsReader(ws.fs, ws.root),
          violations: violationMarks(fresh),
        },
        INITIAL_STATE,
      );
      return result.kind === 'not-applicable'
        ? `%% The ${view} view does not apply: ${result.reason}\n`
        : toMermaid(result.model);
    },
  };
}
