import { EVENT_STORE_PACKAGES } from '../units/known-packages';
import type { DetectContext } from './context';
import type { Detector } from './detector';
import { ScoreCard } from './scoring';
import type { Fact } from './scoring';
import {
  dependencyFacts,
  otherLanguageDependencies,
  filesMatching,
  interleave,
  otherLanguageSources,
  scriptsMatching,
  sourceTextFacts,
  symbolsOf,
} from './signals';
import { DOCUMENTED_WEIGHT, documentedStyle } from './documented-style';

const STORE_FILE =
  /event[-_.]?store|event[-_.]?stream|events?[-_.]?repository|aggregate[-_.]?(?:repository|store)|event[-_.]?log/i;
const AGGREGATE_FILE = /aggregate|(?:^|\/)domain\//i;
const REHYDRATE = new Set([
  'loadFromHistory',
  'rehydrate',
  'fromHistory',
  'fromEvents',
  'replay',
  'reconstitute',
  'hydrate',
  'applyEvents',
]);
const APPLY = new Set(['apply', 'when', 'applyEvent', 'mutate', 'evolve', 'on']);
/** An aggregate method applying an event, in C#, Java, Kotlin, Go, Python: `void When(OrderPlaced @event)`, `def apply(self, event: Event)`. */
const APPLY_TEXT =
  /\b(?:void|def|fun|func(?:\s*\([^)]*\))?)\s+(?:apply|when|mutate|evolve|on)\w*\s*\((?:self,\s*)?[^)]*Event\b/i;
const EVENTS_TABLE =
  /create\s+table\s+(?:if\s+not\s+exists\s+)?[`"]?(?:\w+\.)?(?:events|event_store|event_stream|domain_events|stored_events)\b|^\s*name:\s*"(?:Events|EventStore|StoredEvents|DomainEvents|StreamEvents)"/i;
const OTHER_LANGUAGE_ES =
  /\b(?:eventsourcing|esdbclient|EventStore\.Client|Marten|Axon|axon|eventuous|commanded|EventStoreDB|Akka\.Persistence|SqlStreamStore)\b/;

/**
 * Event sourcing: an append-only event store is the source of truth and aggregates are rebuilt
 * by applying events. Event store clients or images, store files that append to streams,
 * aggregates with `apply`/`when` and a rehydrate method, projections, an `events` table.
 */
export const eventSourcing: Detector = {
  id: 'event-sourcing',
  detect(ctx: DetectContext) {
    const card = new ScoreCard('event-sourcing');
    const documented = documentedStyle(ctx, 'event-sourcing');
    card.add(DOCUMENTED_WEIGHT, documented);
    card.add(0.35, dependencyFacts(ctx, EVENT_STORE_PACKAGES, 'an event store client'));
    card.add(0.3, otherLanguageDependencies(ctx, OTHER_LANGUAGE_ES, 'event sourcing'));
    const images = ctx.units.backing.filter((b) => b.category === 'event-store');
    card.add(
      0.2,
      images.map((b) => ({
        file: b.file,
        ...(b.line !== undefined ? { line: b.line } : {}),
        message: `Event store \`${b.name}\` (\`${b.image}\`)`,
      })),
    );

    const stores = filesMatching(ctx, STORE_FILE);
    const appending: Fact[] = [];
    for (const file of stores.slice(0, 30)) {
      const text = ctx.readText(file) ?? '';
      const line = text
        .split('\n')
        .findIndex((l) =>
          /\b(?:append(?:ToStream|Events?)?(?:Async)?|readStream(?:Async)?|loadStream|saveEvents|getEventsFor)\s*[(<]/i.test(
            l,
          ),
        );
      if (line >= 0)
        appending.push({ file, line: line + 1, message: `\`${file}\` appends to and reads event streams` });
    }
    card.add(0.25, appending.slice(0, 5));
    if (appending.length === 0)
      card.add(
        0.05,
        stores.slice(0, 3).map((file) => ({ file, message: `\`${file}\` is named as an event store` })),
      );

    const aggregates: Fact[] = [];
    for (const [file, symbols] of symbolsOf(
      ctx,
      interleave([scriptsMatching(ctx, /aggregate/i), scriptsMatching(ctx, AGGREGATE_FILE)]).slice(0, 20),
    )) {
      for (const cls of symbols.classes) {
        const rebuild = cls.methods.find((m) => REHYDRATE.has(m));
        const apply = cls.methods.find(
          (m) => APPLY.has(m) || /^(?:apply|when|on)[A-Z]\w*(?:ed|Event)$/.test(m),
        );
        if (rebuild !== undefined && apply !== undefined) {
          aggregates.push({
            file,
            line: cls.line,
            message: `\`${cls.name}\` is rebuilt from events (\`${rebuild}\`, \`${apply}\`)`,
          });
        }
      }
    }
    aggregates.push(
      ...sourceTextFacts(
        ctx,
        interleave([otherLanguageSources(ctx, /aggregate/i), otherLanguageSources(ctx, AGGREGATE_FILE)]),
        APPLY_TEXT,
        (file, match) => `\`${file}\` changes state by applying events (\`${match}\`)`,
      ),
    );
    // Aggregates a framework rebuilds from their events: Axon's `@EventSourcingHandler` methods.
    aggregates.push(
      ...sourceTextFacts(
        ctx,
        eventSourcingImporters(ctx),
        /@EventSourcingHandler\b/,
        (file) => `\`${file}\` rebuilds its state from its events (\`@EventSourcingHandler\`)`,
      ),
    );
    card.add(0.25, aggregates.slice(0, 6));

    const projections = filesMatching(
      ctx,
      /(?:^|\/)projections?\/|[.-]projection\.[cm]?[jt]s$|[.-]projector\.[cm]?[jt]s$|Project(?:ion|or)\.(?:cs|java|kt|go|py)$/i,
    );
    if (card.score > 0)
      card.add(
        0.1,
        projections
          .slice(0, 4)
          .map((file) => ({ file, message: `\`${file}\` projects events into a read model` })),
      );

    const migrations = ctx.graph.files.filter((f) => /migrat|schema|\.sql$/i.test(f)).slice(0, 40);
    const tables: Fact[] = [];
    for (const file of migrations) {
      const text = ctx.readText(file) ?? '';
      const lines = text.split('\n');
      const index = lines.findIndex((l) => EVENTS_TABLE.test(l));
      if (index >= 0)
        tables.push({ file, line: index + 1, message: `\`${file}\` creates an append-only events table` });
    }
    card.add(0.15, tables.slice(0, 3));
    return card.result();
  },
};

/** Files importing an event-sourcing framework's aggregate support (`org.axonframework.eventsourcing`). */
function eventSourcingImporters(ctx: DetectContext): string[] {
  const files: string[] = [];
  for (const [file, edges] of ctx.graph.externals)
    if (edges.some((e) => /^org\.axonframework\.eventsourcing\b/.test(e.specifier))) files.push(file);
  return files.sort().slice(0, 40);
}
