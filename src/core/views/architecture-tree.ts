import type { DetectionResult, Evidence, PatternResult, Verdict } from '../model';
import { PATTERN_NAMES } from '../report/pattern-names';
import { plainNodes } from './plain-text';
import { systemNode } from './system-node';
import type { TreeNode } from './tree-node';

const VERDICT_ICON: Readonly<Record<Verdict, { id: string; color: string }>> = {
  yes: { id: 'pass-filled', color: 'testing.iconPassed' },
  partial: { id: 'circle-large-outline', color: 'list.warningForeground' },
  no: { id: 'circle-slash', color: 'disabledForeground' },
};

/** The Architecture view: patterns by score (evidence and counter-evidence inside), the parts, then the units. */
export function architectureTree(result: DetectionResult, scope = ''): TreeNode[] {
  const prefix = scope === '' ? '' : `${scope}/`;
  const patterns = result.patterns.map((pattern) =>
    patternNode(pattern, result.primary === pattern.id, prefix),
  );
  return plainNodes([...patterns, systemNode(result.system, prefix), unitsNode(result, prefix)]);
}

function patternNode(pattern: PatternResult, primary: boolean, prefix: string): TreeNode {
  const id = `${prefix}pattern:${pattern.id}`;
  const children: TreeNode[] = [
    ...pattern.evidence.map((e, i) => evidenceNode(e, `${id}:e${i}`, 'pass', 'testing.iconPassed')),
    ...pattern.counterEvidence.map((e, i) =>
      evidenceNode(e, `${id}:c${i}`, 'warning', 'list.warningForeground'),
    ),
  ];
  return {
    id,
    label: PATTERN_NAMES[pattern.id],
    description: `${pattern.verdict} · ${pattern.score.toFixed(2)}${primary ? ' · primary' : ''}`,
    tooltip: `${PATTERN_NAMES[pattern.id]}: ${pattern.verdict} (score ${pattern.score.toFixed(2)}), ${pattern.evidence.length} for, ${pattern.counterEvidence.length} against`,
    icon: VERDICT_ICON[pattern.verdict],
    context: 'pattern',
    children,
    expanded: primary,
  };
}

function evidenceNode(evidence: Evidence, id: string, icon: string, color: string): TreeNode {
  const where = evidence.line === undefined ? evidence.file : `${evidence.file}:${evidence.line}`;
  return {
    id,
    label: evidence.message,
    description: where,
    tooltip: `${where}\n${evidence.message}`,
    icon: { id: icon, color },
    target: {
      kind: 'file',
      path: evidence.file,
      ...(evidence.line === undefined ? {} : { line: evidence.line }),
    },
    focus: { focus: evidence.file },
    context: 'evidence',
  };
}

function unitsNode(result: DetectionResult, prefix: string): TreeNode {
  const { deployables, modules, layers } = result.units;
  const group = (key: string, label: string, items: TreeNode[]): TreeNode => ({
    id: `${prefix}units:${key}`,
    label,
    description: String(items.length),
    icon: { id: 'list-tree' },
    children: items,
  });
  return {
    id: `${prefix}units`,
    label: 'Units',
    icon: { id: 'symbol-namespace' },
    context: 'units',
    children: [
      group(
        'deployables',
        'Deployables',
        deployables.map((d) => ({
          id: `${prefix}deployable:${d.kind}:${d.path}:${d.name}`,
          label: d.name,
          description: `${d.kind} · ${d.path}`,
          icon: { id: 'package' },
          target: { kind: 'folder', path: d.path },
          focus: { focus: d.path, view: 'overview' },
          context: 'unit',
        })),
      ),
      group(
        'modules',
        'Modules',
        modules.map((m) => ({
          id: `${prefix}module:${m.path}`,
          label: m.name,
          description: m.path,
          icon: { id: 'folder' },
          target: { kind: 'folder', path: m.path },
          focus: { focus: m.path, view: 'overview' },
          context: 'unit',
        })),
      ),
      group(
        'layers',
        'Layers',
        layers.map((l) => ({
          id: `${prefix}layer:${l.name}`,
          label: l.name,
          description: l.paths.join(', '),
          icon: { id: 'layers' },
          ...(l.paths[0] === undefined ? {} : { target: { kind: 'folder' as const, path: l.paths[0] } }),
          // A layer spans folders: the diagram's layer node, in the layers view.
          focus: { focus: `layer:${l.name}`, view: 'layers' },
          context: 'unit',
        })),
      ),
    ],
  };
}
