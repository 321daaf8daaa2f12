import { aggregateLinks, type Link } from '../aggregate-edges';
import { backingForDriver, composeBackingServices } from '../backing-services';
import { fitToBudget } from '../budget';
import { findCqrsElements, type CqrsElement } from '../cqrs-facts';
import type {
  DiagramInput,
  DiagramModel,
  DiagramNode,
  DiagramNodeKind,
  DiagramResult,
  DiagramState,
} from '../diagram-model';
import { unitsFromModel } from '../fallback-units';
import { baseName } from '../file-tree';
import { applyFocus } from '../focus';
import { isTestFile } from '../../units/paths';
import { serviceOwner } from '../service-owner';
import { breadcrumbOf, labelOfId, notApplicable, plural, withEdgeCounts } from '../view-helpers';

const STORE_PATH = /repositor|store|storage|database|persistence|dao|prisma|(^|\/)db(\/|\.|$)/i;

const KIND: Readonly<Record<CqrsElement['kind'], DiagramNodeKind>> = {
  command: 'command',
  query: 'query',
  'command-handler': 'handler',
  'query-handler': 'handler',
  'event-handler': 'handler',
  'read-model': 'read-model',
};

/** What one element is called in a label, and several of them. */
const KIND_WORD: Readonly<Record<CqrsElement['kind'], string>> = {
  command: 'command',
  query: 'query',
  'command-handler': 'command handler',
  'query-handler': 'query handler',
  'event-handler': 'event handler',
  'read-model': 'read model',
};
const KIND_WORDS: Readonly<Record<CqrsElement['kind'], string>> = {
  command: 'commands',
  query: 'queries',
  'command-handler': 'command handlers',
  'query-handler': 'query handlers',
  'event-handler': 'event handlers',
  'read-model': 'read models',
};

/** Test files, and fakes, mocks and stubs standing in for real commands and queries in tests. */
function isTestDouble(e: CqrsElement): boolean {
  return (
    isTestFile(e.file) ||
    /(?:^|\/)(?:doubles?|fakes?|mocks?|stubs?|fixtures?|testing)\//i.test(e.file) ||
    /^(?:Fake|Mock|Stub|Dummy|Spy)[A-Z]/.test(e.name)
  );
}

/**
 * CQRS: commands and queries, the handlers that handle them, the read models they read or
 * project, and the stores they use; write side, read side and event handlers in separate boxes
 * (test files and test doubles left out). When there
 * are too many, elements are grouped per service and kind (`cqrs-group:<kind>:<service>`).
 */
export function cqrsView(input: DiagramInput, state: DiagramState): DiagramResult {
  const { model, symbols } = input;
  if (!symbols)
    return notApplicable(
      'cqrs',
      'The CQRS view needs the declarations of source files, which were not read.',
    );
  const elements = findCqrsElements(model, symbols).filter((e) => !isTestDouble(e));
  if (
    !elements.some(
      (e) =>
        e.kind === 'command' ||
        e.kind === 'query' ||
        e.kind === 'command-handler' ||
        e.kind === 'query-handler',
    )
  ) {
    return notApplicable(
      'cqrs',
      'No commands or queries were found (classes named *Command/*Query, or @CommandHandler/@QueryHandler handlers).',
    );
  }
  const owner = serviceOwner(input.detection?.units ?? unitsFromModel(model));
  const compose = composeBackingServices(model);
  const byFile = new Map<string, CqrsElement[]>();
  for (const e of elements) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const expanded = state.expanded.filter((id) => id.startsWith('cqrs-group:'));
  const side = (e: CqrsElement): string =>
    e.kind === 'command' || e.kind === 'command-handler'
      ? 'cqrs:write'
      : e.kind === 'event-handler'
        ? 'cqrs:events'
        : 'cqrs:read';

  const build = (maxNodes: number): DiagramModel => {
    const grouped = elements.length > maxNodes;
    const nodeOf = (e: CqrsElement): string => {
      const group = `cqrs-group:${e.kind}:${owner(e.file).path}`;
      return grouped && !expanded.includes(group) ? group : `cqrs:${e.file}#${e.name}`;
    };
    const nodes = new Map<string, DiagramNode>();
    const members = new Map<string, string[]>();
    for (const e of elements) {
      const id = nodeOf(e);
      members.set(id, [...(members.get(id) ?? []), e.name]);
      const names = members.get(id) ?? [];
      const single = id.startsWith('cqrs:');
      nodes.set(id, {
        id,
        label: single
          ? e.name
          : `${owner(e.file).label}: ${plural(names.length, KIND_WORD[e.kind], KIND_WORDS[e.kind])}`,
        kind: KIND[e.kind],
        path: e.file,
        expandable: !single,
        group: side(e),
        detail: single
          ? `${KIND_WORD[e.kind]} ${e.name} in ${e.file}:${e.line}`
          : names.slice(0, 20).join(', '),
      });
    }
    const links: Link[] = [];
    for (const handler of elements.filter((e) => e.handles !== undefined)) {
      for (const message of elements.filter(
        (e) => e.name === handler.handles && (e.kind === 'command' || e.kind === 'query'),
      )) {
        links.push({
          from: nodeOf(message),
          to: nodeOf(handler),
          location: { file: handler.file, line: handler.line, text: `handles ${message.name}` },
        });
      }
    }
    for (const edge of model.edges) {
      const handlers = (byFile.get(edge.from) ?? []).filter((e) => e.kind.endsWith('handler'));
      if (handlers.length === 0 || edge.to === null) continue;
      const location = { file: edge.from, line: edge.line, column: edge.column, text: edge.specifier };
      const readModels =
        edge.resolution === 'internal'
          ? (byFile.get(edge.to) ?? []).filter((e) => e.kind === 'read-model')
          : [];
      let target: string | undefined;
      if (edge.resolution === 'internal' && readModels.length === 0 && STORE_PATH.test(edge.to)) {
        target = `store:${edge.to}`;
        if (!nodes.has(target)) {
          nodes.set(target, {
            id: target,
            label: baseName(edge.to).replace(/\.[^.]+$/, ''),
            kind: 'store',
            path: edge.to,
            expandable: false,
            detail: `Data access ${edge.to}`,
          });
        }
      } else if (edge.resolution === 'external') {
        const backing = backingForDriver(edge.to, compose);
        if (backing && backing.kind !== 'broker' && backing.kind !== 'external-api') {
          target = backing.id;
          if (!nodes.has(target))
            nodes.set(target, {
              id: target,
              label: backing.label,
              kind: 'store',
              expandable: false,
              detail: `Store ${backing.label}`,
            });
        }
      }
      for (const handler of handlers) {
        for (const readModel of readModels)
          links.push({ from: nodeOf(handler), to: nodeOf(readModel), location });
        if (target !== undefined) links.push({ from: nodeOf(handler), to: target, location });
      }
    }
    const edges = aggregateLinks(links, undefined, input.violations);
    return applyFocus(
      {
        view: 'cqrs',
        title: 'CQRS',
        direction: 'LR',
        groups: [
          { id: 'cqrs:write', label: 'Write side: commands' },
          { id: 'cqrs:read', label: 'Read side: queries' },
          ...(elements.some((e) => e.kind === 'event-handler')
            ? [{ id: 'cqrs:events', label: 'Event handlers: reactions and projections' }]
            : []),
        ],
        nodes: withEdgeCounts([...nodes.values()], edges, 'link'),
        edges,
        breadcrumb: breadcrumbOf('CQRS', expanded, labelOfId),
        notes: [],
      },
      state.focus,
    );
  };
  return { kind: 'diagram', model: fitToBudget(build, state.maxNodes) };
}
