import {
  BROKER_NAMED_PACKAGE,
  BROKER_PACKAGES,
  CQRS_PACKAGES,
  EVENT_STORE_PACKAGES,
  IN_PROCESS_BUS_PACKAGES,
  JOB_QUEUE_PACKAGES,
} from '../units/known-packages';
import { dirOf, isScript, isUnder } from '../units/paths';
import type { DetectContext } from './context';
import type { Detector } from './detector';
import { findJobFlows } from './job-queues';
import { PARTIAL_THRESHOLD, ScoreCard } from './scoring';
import type { Fact } from './scoring';
import {
  dependencyFacts,
  importFacts,
  importers,
  otherLanguageDependencies,
  filesMatching,
  interleave,
  otherLanguageSources,
  sourceTextFacts,
  symbolsOf,
} from './signals';
import { DOCUMENTED_WEIGHT, documentedStyle } from './documented-style';

/** Files that declare events: `order-placed.event.ts`, `events/…`, `OrderPlacedEvent.ts`. */
export const EVENT_FILE =
  /(?:^|\/)(?:events|domain-events|integration-events)\/|[.-]event\.[cm]?[jt]s$|Event\.[cm]?[jt]s$|[-.]occurred\.[cm]?[jt]s$|(?:Event|Occurred)\.(?:cs|java|kt|scala)$|(?:^|\/)(?:domain_|integration_)?events\.py$/i;
/** Files that react to events or messages. */
export const HANDLER_FILE =
  /(?:^|\/)(?:listeners|subscribers|consumers|subscriptions|workers)\/|[.-](?:listener|subscriber|subscriptions?|consumer|event-handler|events-handler)\.[cm]?[jt]s$|(?:^|\/)on-[\w-]+\.[cm]?[jt]s$|(?:Consumer|Listener|Subscriber|EventHandler)\.(?:cs|java|kt|scala|go|py)$|(?:^|\/)\w*event_?(?:publisher|consumer|subscriber|listener)\w*\.(?:py|go|cs|java|kt)$/i;
const MESSAGING_CALLS = new Set([
  'publish',
  'subscribe',
  'emit',
  'produce',
  'consume',
  'publishEvent',
  'publishAll',
  'sendMessage',
  'sendMessageBatch',
  'sendToQueue',
  'addListener',
  'dispatchEvent',
  'assertQueue',
  'assertExchange',
  'bindQueue',
  'subscribeToAll',
  'subscribeToStream',
]);
const MESSAGING_DECORATORS = new Set([
  'EventPattern',
  'MessagePattern',
  'OnEvent',
  'EventsHandler',
  'Subscribe',
  'Processor',
  'Process',
  'RabbitSubscribe',
  'SqsMessageHandler',
  'OnQueueEvent',
]);
/** A method decorator that subscribes to a broker's exchange, queue or topic. */
const METHOD_SUBSCRIPTION =
  /^[ \t]*@(\w*(?:Subscription|Subscribe|MessageHandler|EventPattern|MessagePattern|QueueListener|TopicListener|KafkaListener|RabbitListener))\s*\(/m;
const EVENT_TRIGGERS =
  /^(?:sqs|sns|eventbridge|kinesis|stream|dynamodb|kafka|msk|mq|rabbitmq|queue|topic|pubsub|servicebus|eventhub|cloudwatchevent|s3|event)/i;
const OTHER_LANGUAGE_BROKERS =
  /\b(?:kafka-python|confluent[-_]kafka|aiokafka|pika|aio-pika|celery|nats-py|kombu|segmentio\/kafka-go|Shopify\/sarama|streadway\/amqp|rabbitmq\/amqp091-go|nats-io\/nats\.go|spring-kafka|spring-boot-starter-amqp|spring-cloud-stream|axon|MassTransit|NServiceBus|Confluent\.Kafka|RabbitMQ\.Client|Azure\.Messaging\.ServiceBus|kafka-clients|eventuate-messaging[\w-]*|eventuate-tram[\w-]*)\b/;

/**
 * Event-driven: parts publish and subscribe to events. Broker clients, broker services,
 * event-triggered functions, event and handler files, publish/subscribe calls, and Node's
 * EventEmitter used as a bus across folders.
 */
export const eventDriven: Detector = {
  id: 'event-driven',
  detect(ctx: DetectContext) {
    const card = new ScoreCard('event-driven');
    const documented = documentedStyle(ctx, 'event-driven');
    card.add(DOCUMENTED_WEIGHT, documented);
    // Evidence that a broker outside the process carries the messages, kept apart from
    // in-process events and background jobs: those alone are side effects, not the integration style.
    const brokerPackages = [...BROKER_PACKAGES, ...brokerNamedPackages(ctx)];
    const brokerClients = dependencyFacts(ctx, brokerPackages, 'a message broker client');
    const otherBrokerClients = otherLanguageDependencies(
      ctx,
      OTHER_LANGUAGE_BROKERS,
      'a message broker client',
    );
    card.add(0.25, brokerClients);
    card.add(0.25, otherBrokerClients);
    card.add(0.1, dependencyFacts(ctx, JOB_QUEUE_PACKAGES, 'a background job queue'));
    card.add(0.1, dependencyFacts(ctx, IN_PROCESS_BUS_PACKAGES, 'an in-process event bus'));
    card.add(
      0.1,
      dependencyFacts(ctx, EVENT_STORE_PACKAGES, 'an event store whose streams can be subscribed to'),
    );
    card.add(
      0.1,
      importFacts(ctx, [...brokerPackages, ...JOB_QUEUE_PACKAGES, ...IN_PROCESS_BUS_PACKAGES], 'messaging'),
    );
    const brokers = ctx.units.backing.filter((b) => b.category === 'broker' || b.category === 'event-store');
    card.add(
      0.2,
      brokers.map((b) => ({
        file: b.file,
        ...(b.line !== undefined ? { line: b.line } : {}),
        message: `Broker \`${b.name}\` (\`${b.image}\`) runs beside the services`,
      })),
    );
    const triggered = ctx.units.functions.filter((f) =>
      (f.triggers ?? []).some((t) => EVENT_TRIGGERS.test(t)),
    );
    card.add(
      0.2,
      triggered.map((f) => ({ ...f.source, message: `Event-triggered function: ${f.source.message}` })),
    );
    const jobs = findJobFlows(ctx);
    card.add(0.25, jobs.chained.slice(0, 5));
    const queues = queueResources(ctx, card);

    const eventFiles = filesMatching(ctx, EVENT_FILE);
    // Two event files, or one module declaring the events (`events.py`).
    if (
      eventFiles.length >= 2 ||
      eventFiles.some((f) => /(?:^|\/)(?:domain_|integration_)?events\.py$/.test(f))
    ) {
      card.add(
        0.1,
        eventFiles.slice(0, 6).map((file) => ({ file, message: `\`${file}\` declares an event` })),
      );
    }
    const handlerFiles = filesMatching(ctx, HANDLER_FILE);
    card.add(
      0.1,
      handlerFiles.slice(0, 6).map((file) => ({ file, message: `\`${file}\` reacts to events or messages` })),
    );

    const busFiles = importers(ctx, [
      ...brokerPackages,
      ...JOB_QUEUE_PACKAGES,
      ...IN_PROCESS_BUS_PACKAGES,
      ...CQRS_PACKAGES,
      ...EVENT_STORE_PACKAGES,
    ]);
    const emitterFiles = [...ctx.graph.externals]
      .filter(([, edges]) => edges.some((e) => e.resolution === 'builtin' && e.to === 'events'))
      .map(([file]) => file);
    // Files that use a bus wrapper (one import away from the broker client or EventEmitter) publish and subscribe too.
    const wrappers = new Set([...busFiles, ...emitterFiles]);
    const busUsers = [...wrappers]
      .flatMap((file) => (ctx.graph.in.get(file) ?? []).map((e) => e.from))
      .slice(0, 200);
    const candidates = interleave([
      busFiles,
      handlerFiles.filter(isScript),
      emitterFiles,
      busUsers,
      eventFiles.filter((f) => /handler|listener|subscriber|consumer|saga/i.test(f)),
    ]);
    // Function handlers named in manifests (a Lambda sending to SQS with the monolithic `aws-sdk`).
    const functionHandlers = ctx.model.manifests.flatMap((m) =>
      'functions' in m
        ? m.functions.flatMap((f) => (f.handlerFile !== undefined ? [f.handlerFile] : []))
        : [],
    );
    // …and what they re-export (`export { default as sender } from './sqs/sender'`).
    const reached = functionHandlers.flatMap((f) =>
      (ctx.graph.out.get(f) ?? []).flatMap((e) =>
        e.resolution === 'internal' && e.to !== null ? [e.to] : [],
      ),
    );
    const sends = messagingCalls(ctx, interleave([candidates, [...functionHandlers, ...reached]]), card);
    if (sends.length > 0 && triggered.length > 0)
      card.add(0.15, [
        {
          ...(sends[0] ?? { file: '.', message: '' }),
          message: `Both sides of messaging are here: \`${sends[0]?.file ?? ''}\` sends messages and ${triggered.length} function${triggered.length === 1 ? ' is' : 's are'} triggered by a queue, topic or stream`,
        },
      ]);
    messagingText(
      ctx,
      [...handlerFiles, ...eventFiles].filter((f) => !isScript(f)),
      card,
    );
    const brokerHandlers = handlerText(ctx, card);
    const bus = emitterBus(ctx, emitterFiles, card);
    const brokerBacked =
      brokerClients.length +
        otherBrokerClients.length +
        brokers.length +
        triggered.length +
        queues +
        brokerHandlers >
      0;
    // An in-process bus its authors call event-driven architecture is one.
    // Said only where it binds or explains a partial; a workspace with no events hears nothing of it.
    if (
      !brokerBacked &&
      jobs.chained.length === 0 &&
      bus === 0 &&
      documented.length === 0 &&
      card.score >= PARTIAL_THRESHOLD
    )
      card.cap(0.55, {
        file: '.',
        message:
          'No broker carries these events, no job starts another and no event bus connects modules: events and jobs stay side effects inside one process',
      });
    return card.result();
  },
};

/** Dependencies named for a broker protocol: wrappers of a broker client. */
function brokerNamedPackages(ctx: DetectContext): string[] {
  const names = new Set<string>();
  for (const m of ctx.model.manifests) {
    if (m.kind !== 'package-json') continue;
    for (const name of [...Object.keys(m.dependencies), ...Object.keys(m.devDependencies)])
      if (BROKER_NAMED_PACKAGE.test(name) && !name.startsWith('@types/')) names.add(name);
  }
  return [...names];
}

/** Queues, topics and streams declared as infrastructure; returns how many. */
function queueResources(ctx: DetectContext, card: ScoreCard): number {
  const facts: Fact[] = [];
  for (const m of ctx.model.manifests) {
    if (m.kind !== 'sam' && m.kind !== 'serverless' && m.kind !== 'terraform' && m.kind !== 'pulumi')
      continue;
    for (const [id, type] of Object.entries(m.resources ?? {})) {
      if (
        /SQS::Queue|SNS::Topic|Events::(?:EventBus|Rule)|Kinesis::Stream|MSK|AmazonMQ|aws_sqs_queue|aws_sns_topic|aws_cloudwatch_event|aws_kinesis|^aws:(?:sqs|sns|kinesis|cloudwatch\/event)/i.test(
          type,
        )
      )
        facts.push({ file: m.file, message: `\`${m.file}\`: ${type} \`${id}\`` });
    }
  }
  card.add(0.1, facts.slice(0, 5));
  return facts.length;
}

/** Adds the messaging calls and handler classes found; returns the sending calls. */
function messagingCalls(ctx: DetectContext, candidates: readonly string[], card: ScoreCard): Fact[] {
  const calls: Fact[] = [];
  const decorators: Fact[] = [];
  for (const [file, symbols] of symbolsOf(ctx, candidates)) {
    for (const call of symbols.calls) {
      const named =
        MESSAGING_CALLS.has(call.name) ||
        // `listen` only with a channel name: `app.listen(3000)` is an HTTP server, not a subscriber.
        ((call.name === 'on' || call.name === 'once' || call.name === 'send' || call.name === 'listen') &&
          (call.firstStringArgument ?? call.objectTopics?.[0]) !== undefined);
      if (!named) continue;
      const channel = call.firstStringArgument ?? call.objectTopics?.[0];
      const topic = channel !== undefined ? ` \`${channel}\`` : '';
      calls.push({
        file,
        line: call.line,
        message: `\`${file}\` calls \`${call.receiver !== undefined ? call.receiver + '.' : ''}${call.name}\`${topic}`,
      });
    }
    // Subscriptions declared on methods: `@RabbitSubscribe({ exchange, routingKey, queue })`, `@EventPattern('x')`.
    const text = ctx.readText(file) ?? '';
    const subscription = METHOD_SUBSCRIPTION.exec(text);
    if (subscription !== null)
      decorators.push({
        file,
        line: text.slice(0, subscription.index).split('\n').length,
        message: `\`${file}\` subscribes with \`@${subscription[1] ?? ''}\` (a message handler)`,
      });
    for (const cls of symbols.classes) {
      const found = cls.decorators.filter((d) => MESSAGING_DECORATORS.has(d));
      if (found.length > 0)
        decorators.push({
          file,
          line: cls.line,
          message: `\`${cls.name}\` is decorated \`@${found[0] ?? ''}\` (a message handler)`,
        });
      else if (/(?:Listener|Subscriber|Consumer|EventHandler)$/.test(cls.name))
        decorators.push({ file, line: cls.line, message: `\`${cls.name}\` handles events` });
    }
  }
  card.add(0.15, calls.slice(0, 20));
  const sends = calls.filter((c) =>
    /`(?:[\w.]+\.)?(?:publish\w*|emit|produce|send\w*|dispatchEvent)`/.test(c.message),
  );
  const receives = calls.filter((c) =>
    /`(?:[\w.]+\.)?(?:subscribe|on|once|consume|listen|addListener|assertQueue|bindQueue)`/.test(c.message),
  );
  if (sends.length > 0 && receives.length > 0) {
    card.add(0.05, [
      {
        ...(receives[0] ?? sends[0] ?? { file: '.', message: '' }),
        message: `Both sides of messaging are here: ${sends.length} publishing and ${receives.length} subscribing calls`,
      },
    ]);
  }
  card.add(0.1, decorators.slice(0, 10));
  return sends;
}

/** A file using Node's EventEmitter that files from two or more other modules or folders import: a bus across modules. */
function emitterBus(ctx: DetectContext, emitterFiles: readonly string[], card: ScoreCard): number {
  const facts: Fact[] = [];
  const modules = ctx.units.modules;
  const ownerOf = (file: string): string => modules.find((m) => isUnder(file, m.path))?.path ?? dirOf(file);
  for (const file of emitterFiles) {
    const own = ownerOf(file);
    const users = new Set<string>();
    for (const edge of ctx.graph.in.get(file) ?? []) {
      const owner = ownerOf(edge.from);
      if (owner !== own) users.add(owner);
    }
    if (users.size >= 2) {
      facts.push({
        file,
        message: `\`${file}\` wraps Node's EventEmitter and is used from ${users.size} modules or folders (${[
          ...users,
        ]
          .slice(0, 4)
          .map((u) => `\`${u}\``)
          .join(', ')}): an event bus`,
      });
    }
  }
  card.add(0.25, facts.slice(0, 3));
  return facts.length;
}

const MESSAGING_TEXT =
  /\b(?:Publish|Consume|Subscribe|basic_publish|basic_consume|publish|subscribe|produce|SendAsync|KafkaListener|RabbitListener|JmsListener)\w*\s*[<(]/;

/** For sources whose symbols are not read (other languages): publish/consume calls found in the text of a few files. */
function messagingText(ctx: DetectContext, files: readonly string[], card: ScoreCard): void {
  const facts: Fact[] = [];
  for (const file of files.slice(0, 30)) {
    const lines = (ctx.readText(file) ?? '').split('\n');
    const index = lines.findIndex((l) => MESSAGING_TEXT.test(l));
    if (index >= 0)
      facts.push({
        file,
        line: index + 1,
        message: `\`${file}\` publishes or consumes messages: \`${(lines[index] ?? '').trim().slice(0, 80)}\``,
      });
  }
  card.add(0.15, facts.slice(0, 5));
}

/**
 * Subscriptions declared the same way in C#, Java, Kotlin, Python: `INotificationHandler<…>`,
 * `IConsumer<…>`, `IIntegrationEventHandler<…>`, `@KafkaListener`, `@EventHandler`, Spring Modulith's
 * `@ApplicationModuleListener` (events between application modules), Eventuate
 * `DomainEventHandlers`, and message buses mapping event types to handlers (`EVENT_HANDLERS = {`).
 */
/** The subscriptions of {@link HANDLER_TEXT} that a broker delivers (MassTransit, Spring Kafka/AMQP/JMS/SQS, Eventuate). */
const BROKER_HANDLER_TEXT =
  /\bIConsumer\s*<|\bIIntegrationEventHandler\s*<|@(?:KafkaListener|RabbitListener|JmsListener|SqsListener|StreamListener)\b|@Eventuate\w*Handler\b|\bDomainEventHandlers(?:Builder)?\b/;
/** Spring Modulith's `@Externalized` event types: published to a broker (Kafka, AMQP, JMS, SQS) as well as in process. */
const BROKER_PUBLICATION_TEXT = /@Externalized\b/;
const HANDLER_TEXT =
  /\bI(?:Notification|DomainEvent|IntegrationEvent|Event)Handler\s*<|\bIConsumer\s*<|@(?:KafkaListener|RabbitListener|JmsListener|SqsListener|StreamListener|EventHandler|SagaEventHandler|EventListener|TransactionalEventListener|ApplicationModuleListener)\b|@Eventuate\w*Handler\b|\bDomainEventHandlers(?:Builder)?\b|\b(?:EVENT_HANDLERS|event_handlers|eventHandlers)\s*[:=]/;

/** Adds the subscriptions found in other languages' sources; returns how many go through a broker. */
function handlerText(ctx: DetectContext, card: ScoreCard): number {
  const candidates = otherLanguageSources(
    ctx,
    /(?:handler|consumer|listener|subscriber|subscription|saga|bus|bootstrap|messag|event|projection|worker)\w*\.\w+$/i,
  );
  const facts = sourceTextFacts(
    ctx,
    candidates,
    HANDLER_TEXT,
    (file, match) => `\`${file}\` subscribes handlers to events or messages (\`${match}\`)`,
  );
  card.add(0.2, facts.slice(0, 8));
  const buses = otherLanguageSources(ctx, /(?:^|\/)\w*(?:event_?s?_?bus|message_?bus)\w*\.\w+$/i);
  card.add(
    0.1,
    buses.slice(0, 3).map((file) => ({ file, message: `\`${file}\` is an event or message bus` })),
  );
  const published = sourceTextFacts(
    ctx,
    candidates,
    BROKER_PUBLICATION_TEXT,
    (file, match) => `\`${file}\` declares events published to a broker (\`${match}\`)`,
  );
  card.add(0.15, published.slice(0, 5));
  return facts.filter((f) => BROKER_HANDLER_TEXT.test(f.message)).length + published.length;
}
