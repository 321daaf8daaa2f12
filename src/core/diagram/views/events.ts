import { aggregateLinks, type Link } from '../aggregate-edges';
import { composeBackingServices, driverTarget } from '../backing-services';
import { fitToBudget } from '../budget';
import type {
  DiagramGroup,
  DiagramInput,
  DiagramModel,
  DiagramNode,
  DiagramResult,
  DiagramState,
} from '../diagram-model';
import { unitsFromModel } from '../fallback-units';
import { applyFocus } from '../focus';
import { findMessageFacts } from '../message-facts';
import { serviceOwner } from '../service-owner';
import { breadcrumbOf, labelOfId, notApplicable, plural, withEdgeCounts } from '../view-helpers';

/**
 * Events: services, the brokers they connect to and the topics or queues between them —
 * producer → topic → consumer, dotted (asynchronous). Topics are grouped by their first name
 * segment (`orders.*`) when there are too many; expanding `topics:<prefix>` lists them.
 */
export function eventsView(input: DiagramInput, state: DiagramState): DiagramResult {
  const { model, symbols } = input;
  if (!symbols)
    return notApplicable(
      'events',
      'The events view needs the declarations and calls of source files, which were not read.',
    );
  const facts = findMessageFacts(model, symbols);
  if (facts.length === 0) {
    return notApplicable(
      'events',
      'No publish or subscribe calls naming a topic or queue were found (publish, emit, send, sendToQueue, subscribe, on, consume … with a string first argument).',
    );
  }
  const owner = serviceOwner(input.detection?.units ?? unitsFromModel(model));
  const factFiles = new Set(facts.map((f) => f.file));
  const brokers = new Map<string, { id: string; label: string }>();
  for (const b of composeBackingServices(model))
    if (b.kind === 'broker') brokers.set(b.product, { id: b.id, label: b.label });
  const clientLinks: Link[] = [];
  for (const edge of model.edges) {
    if (edge.resolution !== 'external' || edge.to === null || !factFiles.has(edge.from)) continue;
    const target = driverTarget(edge.to);
    if (target?.kind !== 'broker') continue;
    const broker = brokers.get(target.product) ?? { id: `broker:${target.product}`, label: target.label };
    brokers.set(target.product, broker);
    clientLinks.push({
      from: owner(edge.from).id,
      to: broker.id,
      location: { file: edge.from, line: edge.line, column: edge.column, text: edge.specifier },
    });
  }
  const topics = [...new Set(facts.map((f) => f.topic))].sort();
  const services = new Map(facts.map((f) => [owner(f.file).id, owner(f.file)]));
  const expanded = state.expanded.filter((id) => id.startsWith('topics:'));
  const onlyBroker = brokers.size === 1 ? [...brokers.values()][0] : undefined;

  const build = (maxNodes: number): DiagramModel => {
    const grouped = topics.length + services.size > maxNodes;
    const topicNode = (topic: string): string => {
      const id = `topics:${prefixOf(topic)}`;
      return grouped && !expanded.includes(id) ? id : `topic:${topic}`;
    };
    const topicGroup = onlyBroker ? { group: onlyBroker.id } : {};
    const nodes: DiagramNode[] = [...services.values()]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((s) => ({
        id: s.id,
        label: s.label,
        kind: 'service',
        path: s.path,
        expandable: false,
        detail: `Service ${s.label} (${s.path})`,
      }));
    const drawnTopics = new Map<string, string[]>();
    for (const topic of topics)
      drawnTopics.set(topicNode(topic), [...(drawnTopics.get(topicNode(topic)) ?? []), topic]);
    for (const [id, members] of drawnTopics) {
      const single = id.startsWith('topic:');
      nodes.push({
        id,
        label: single ? (members[0] ?? id) : `${prefixOf(members[0] ?? '')}.* (${members.length})`,
        kind: 'topic',
        expandable: !single,
        detail: single
          ? `Topic or queue ${members[0] ?? ''}`
          : `${plural(members.length, 'topic')}: ${members.slice(0, 20).join(', ')}`,
        ...topicGroup,
      });
    }
    if (!onlyBroker) {
      for (const broker of brokers.values())
        nodes.push({
          id: broker.id,
          label: broker.label,
          kind: 'broker',
          expandable: false,
          detail: `Broker ${broker.label}`,
        });
    }
    const links: Link[] = facts.map((fact) => {
      const service = owner(fact.file).id;
      const topic = topicNode(fact.topic);
      const location = { file: fact.file, line: fact.line, text: `${fact.call}('${fact.topic}')` };
      return fact.role === 'publish'
        ? { from: service, to: topic, location }
        : { from: topic, to: service, location };
    });
    const edges = aggregateLinks(onlyBroker ? links : [...links, ...clientLinks], () => ({ style: 'async' }));
    const groups: DiagramGroup[] = onlyBroker ? [{ id: onlyBroker.id, label: onlyBroker.label }] : [];
    return applyFocus(
      {
        view: 'events',
        title: 'Events',
        direction: 'LR',
        groups,
        nodes: withEdgeCounts(nodes, edges, 'message call'),
        edges,
        breadcrumb: breadcrumbOf('Events', expanded, labelOfId),
        notes: [],
      },
      state.focus,
    );
  };
  return { kind: 'diagram', model: fitToBudget(build, state.maxNodes) };
}

function prefixOf(topic: string): string {
  return topic.split(/[.:/_-]/)[0] || topic;
}
