import type { DetectionResult } from '../model';
import { PATTERN_NAMES } from '../report/pattern-names';
import type { TreeNode } from './tree-node';

/**
 * Messages mark code with backticks for Markdown reports; a tree row, its description and its
 * tooltip show text as it is, so the marks go (`\`Pg\` implements` → `Pg implements`).
 */
export function plainText(text: string): string {
  return text.replace(/`([^`\n]*)`/g, '$1');
}

/** The nodes with their label, description and tooltip as plain text, children included. */
export function plainNodes(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.map((node) => ({
    ...node,
    label: plainText(node.label),
    ...(node.description !== undefined ? { description: plainText(node.description) } : {}),
    ...(node.tooltip !== undefined ? { tooltip: plainText(node.tooltip) } : {}),
    ...(node.children ? { children: plainNodes(node.children) } : {}),
  }));
}

/** The status bar's text for a detection: the primary pattern's display name (`CQRS`, `Event-driven`). */
export function statusBarLabel(detection: Pick<DetectionResult, 'primary'>): string {
  return detection.primary ? PATTERN_NAMES[detection.primary] : 'No clear pattern';
}
