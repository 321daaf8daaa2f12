import type { Fit, NextStep, Recommendation } from '../recommend';
import { PATTERN_NAMES } from '../report/pattern-names';
import { plainNodes } from './plain-text';
import type { DiagramFocus, TreeNode, TreeTarget } from './tree-node';

const GROUPS: readonly { readonly fit: Fit; readonly label: string; readonly icon: TreeNode['icon'] }[] = [
  { fit: 'hurts', label: 'Hurts', icon: { id: 'warning', color: 'list.warningForeground' } },
  { fit: 'fits', label: 'Fits', icon: { id: 'pass', color: 'testing.iconPassed' } },
  { fit: 'consider', label: 'Consider', icon: { id: 'lightbulb' } },
];

/**
 * The Recommendations view: fits / hurts / consider groups; each recommendation expands to the
 * signals that drove it (with their values), the reasoning, and next steps that open a file or
 * folder, focus the diagram, or run a scaffold.
 */
export function recommendationsTree(recommendations: readonly Recommendation[], scope = ''): TreeNode[] {
  const prefix = scope === '' ? '' : `${scope}/`;
  return plainNodes(groups(recommendations, prefix));
}

function groups(recommendations: readonly Recommendation[], prefix: string): TreeNode[] {
  return GROUPS.flatMap((group) => {
    const items = recommendations.filter((r) => r.fit === group.fit);
    if (items.length === 0) return [];
    return [
      {
        id: `${prefix}rec-group:${group.fit}`,
        label: group.label,
        description: String(items.length),
        icon: group.icon,
        context: 'recommendation-group',
        expanded: group.fit !== 'consider',
        children: items.map((r) => recommendationNode(r, `${prefix}rec:${r.id}`, group.icon)),
      },
    ];
  });
}

function recommendationNode(r: Recommendation, id: string, icon: TreeNode['icon']): TreeNode {
  const children: TreeNode[] = [
    {
      id: `${id}:signals`,
      label: 'Signals',
      icon: { id: 'pulse' },
      expanded: true,
      children: r.signals.map((s, i) => ({
        id: `${id}:signal:${i}`,
        label: s.label,
        icon: { id: 'graph-line' },
        context: 'signal',
      })),
    },
    {
      id: `${id}:why`,
      label: 'Why',
      icon: { id: 'info' },
      children: r.reasoning.map((line, i) => ({ id: `${id}:why:${i}`, label: line, tooltip: line })),
    },
  ];
  if (r.steps.length > 0) {
    children.push({
      id: `${id}:steps`,
      label: 'Next steps',
      icon: { id: 'checklist' },
      expanded: true,
      children: r.steps.map((step, i) => stepNode(step, `${id}:step:${i}`)),
    });
  }
  return {
    id,
    label: r.title,
    description: PATTERN_NAMES[r.pattern],
    tooltip: `${r.title}\n${r.signals.map((s) => `• ${s.label}`).join('\n')}`,
    ...(icon ? { icon } : {}),
    context: 'recommendation',
    children,
    expanded: r.fit === 'hurts',
  };
}

/**
 * A next step. Its click: a folder or module step focuses the diagram on it, a file step opens the
 * file at its line (the inline "Show in Diagram" focuses the diagram on the file), a step without a
 * link runs its scaffold.
 */
function stepNode(step: NextStep, id: string): TreeNode {
  const link = step.link;
  const focus: DiagramFocus | undefined = step.focus
    ? { focus: step.focus.focus, ...(step.focus.view === undefined ? {} : { view: step.focus.view }) }
    : link?.kind === 'folder'
      ? { focus: link.path, view: 'overview' }
      : link?.kind === 'file'
        ? { focus: link.path, view: 'deps' }
        : link?.kind === 'diagram'
          ? { focus: link.focus, ...(link.view === undefined ? {} : { view: link.view }) }
          : undefined;
  const scaffold: TreeTarget | undefined = step.scaffold && {
    kind: 'scaffold',
    scaffold: step.scaffold.kind,
    ...(step.scaffold.folder === undefined ? {} : { folder: step.scaffold.folder }),
  };
  const primary: TreeTarget | undefined =
    link?.kind === 'file' ? link : focus ? { kind: 'diagram', ...focus } : undefined;
  const target = primary ?? scaffold;
  const where =
    link?.kind === 'file'
      ? `${link.path}${link.line === undefined ? '' : `:${link.line}`}`
      : link?.kind === 'folder'
        ? `${link.path}/`
        : link?.kind === 'diagram'
          ? `diagram: ${link.focus}`
          : undefined;
  const description = [where, step.scaffold ? `scaffold: ${step.scaffold.kind}` : undefined]
    .filter((p) => p !== undefined)
    .join(' · ');
  // `step-focus…` items get an inline "Show in Diagram" (their click opens a file instead);
  // `…-scaffold` items an inline "Scaffold".
  const context = `step${link?.kind === 'file' ? '-focus' : ''}${step.scaffold ? '-scaffold' : ''}`;
  return {
    id,
    label: step.text,
    ...(description === '' ? {} : { description }),
    tooltip: step.text,
    // The icon says what a click does.
    icon: {
      id:
        primary?.kind === 'diagram'
          ? 'type-hierarchy'
          : primary?.kind === 'file'
            ? 'go-to-file'
            : step.scaffold
              ? 'wand'
              : 'arrow-right',
    },
    ...(target ? { target } : {}),
    ...(primary && scaffold ? { secondary: scaffold } : {}),
    ...(focus ? { focus } : {}),
    context,
  };
}
