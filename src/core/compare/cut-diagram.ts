import { DEFAULT_MAX_NODES } from '../diagram/budget';
import type { DiagramEdge, DiagramModel, DiagramNode } from '../diagram/diagram-model';
import { keepReadableEdges, readableEdgeBudget } from '../diagram/readable-edges';
import type { Cut } from './types';

/**
 * A cut drawn as a diagram: one node per part (the biggest {@link DEFAULT_MAX_NODES} − 1 when
 * there are more, the rest as one node), the runtime imports between parts with their counts
 * (links in a cycle drawn as violations), and each shared database with the parts using it.
 * Edges are thinned to the readable budget the other views keep.
 */
export function cutDiagram(cut: Cut): DiagramModel {
  const sorted = [...cut.parts].sort((a, b) => b.files - a.files || (a.name < b.name ? -1 : 1));
  const databases = cut.figures.sharedDatabases;
  const room = Math.max(1, DEFAULT_MAX_NODES - databases.length - 1);
  const drawn = sorted.length > room + 1 ? sorted.slice(0, room) : sorted;
  const rest = sorted.slice(drawn.length);
  const restId = 'part:…';
  const idOf = new Map<string, string>(drawn.map((p) => [p.name, `part:${p.name}`]));
  for (const part of rest) idOf.set(part.name, restId);
  const kind = cut.id === 'microservices' ? 'service' : 'module';
  const nodes: DiagramNode[] = drawn.map((part) => ({
    id: `part:${part.name}`,
    label: `${part.name} (${part.files})`,
    kind,
    path: part.path,
    expandable: false,
    detail: `${cut.id === 'microservices' ? 'Service' : 'Module'} ${part.name} at ${part.path}: ${part.files} file${part.files === 1 ? '' : 's'}`,
  }));
  if (rest.length > 0)
    nodes.push({
      id: restId,
      label: `${rest.length} more parts`,
      kind: 'more',
      expandable: false,
      detail: `${rest.length} smaller parts drawn as one node: ${rest
        .slice(0, 8)
        .map((p) => p.name)
        .join(', ')}${rest.length > 8 ? ', …' : ''}`,
    });
  const byKey = new Map<string, DiagramEdge>();
  for (const link of cut.links) {
    if (link.typeOnly) continue;
    const from = idOf.get(link.from);
    const to = idOf.get(link.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}→${to}`;
    const old = byKey.get(key);
    const location = { file: link.example.file, line: link.example.line, text: link.example.text };
    byKey.set(key, {
      id: key,
      from,
      to,
      count: (old?.count ?? 0) + link.count,
      style: cut.id === 'microservices' ? 'async' : 'normal',
      ...(link.inCycle || old?.violation ? { violation: true } : {}),
      locations: [...(old?.locations ?? []), location],
    });
  }
  databases.forEach((shared, index) => {
    const id = `backing:shared-${index}`;
    nodes.push({
      id,
      label: shared.database,
      kind: 'database',
      expandable: false,
      detail: `${shared.database}, used by ${shared.parts.join(', ')}`,
    });
    for (const part of shared.parts) {
      const from = idOf.get(part);
      if (from === undefined || byKey.has(`${from}→${id}`)) continue;
      byKey.set(`${from}→${id}`, {
        id: `${from}→${id}`,
        from,
        to: id,
        count: 1,
        label: 'shared',
        style: 'normal',
        violation: cut.id === 'microservices',
        locations: [],
      });
    }
  });
  const edges = [...byKey.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const model: DiagramModel = {
    view: 'overview',
    title: cut.label,
    direction: 'LR',
    groups: [],
    nodes,
    edges,
    breadcrumb: [],
    notes: rest.length > 0 ? [`${rest.length} smaller parts are drawn as one node.`] : [],
  };
  return keepReadableEdges(model, readableEdgeBudget(nodes.length, { expanded: [] }));
}
