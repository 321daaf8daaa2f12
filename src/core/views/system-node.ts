import type { PartRole, SystemModel } from '../model';
import { ROLE_NAMES } from '../system';
import type { TreeNode } from './tree-node';

const ROLE_ICON: Readonly<Record<PartRole, string>> = {
  service: 'server-process',
  worker: 'gear',
  function: 'symbol-event',
  'web-frontend': 'browser',
  mobile: 'device-mobile',
  desktop: 'window',
  cli: 'terminal',
  library: 'library',
  tooling: 'tools',
  tests: 'beaker',
};

/**
 * The parts of the system with their roles (each opening its folder and focusing the diagram on
 * it), and the code that was not scored for backend patterns.
 */
export function systemNode(system: SystemModel, prefix: string): TreeNode {
  const parts: TreeNode[] = system.parts.map((part) => ({
    id: `${prefix}part:${part.role}:${part.path}`,
    label: part.name,
    description: `${ROLE_NAMES[part.role]} · ${part.path}`,
    tooltip: `${part.path}: ${ROLE_NAMES[part.role]} — ${part.basis.join('; ')}\nStarts at ${part.entryPoints.join(', ')}; ${part.files} files`,
    icon: { id: ROLE_ICON[part.role] },
    target: { kind: 'folder', path: part.path },
    focus: { focus: part.path, view: 'overview' },
    context: 'unit',
  }));
  const aside: TreeNode[] = system.setAside.map((item) => ({
    id: `${prefix}aside:${item.path}`,
    label: item.path,
    description: `${ROLE_NAMES[item.role]} · not scored`,
    tooltip: item.message,
    icon: { id: 'eye-closed', color: 'disabledForeground' },
    target: { kind: 'folder', path: item.path },
    context: 'unit',
  }));
  return {
    id: `${prefix}system`,
    label: 'Parts',
    description: String(system.parts.length),
    tooltip:
      'What starts in this workspace and what each part is for; backend patterns are judged on services, workers and functions',
    icon: { id: 'symbol-structure' },
    context: 'units',
    children: [
      ...parts,
      ...(aside.length === 0
        ? []
        : [
            {
              id: `${prefix}system:aside`,
              label: 'Not scored',
              description: String(aside.length),
              icon: { id: 'eye-closed' },
              children: aside,
            },
          ]),
    ],
  };
}
