import type { DetectionResult, WorkspaceModel } from '../model';
import { isUnder } from './file-tree';
import { describeImage, type BackingCategory } from '../units/infrastructure-images';
import type { DiagramNodeKind } from './diagram-model';
import { externalApiTarget } from './external-apis';

/**
 * A database, cache, broker or external API the workspace talks to, as found in compose files,
 * driver imports or API client imports (see `external-apis.ts`).
 */
export interface BackingNode {
  readonly id: string;
  readonly label: string;
  readonly kind: Extract<DiagramNodeKind, 'database' | 'cache' | 'broker' | 'external-api'>;
  /** Lower-case product key (`postgres`, `kafka`) to match drivers to compose services. */
  readonly product: string;
  readonly file?: string;
  readonly line?: number;
  /** The compose service name, when from a compose file. */
  readonly service?: string;
}

type Kind = BackingNode['kind'];

/** The diagram shape of an infrastructure category; the others (gateways, tooling…) are not drawn. */
const KIND_OF: Partial<Record<BackingCategory, Exclude<Kind, 'external-api'>>> = {
  database: 'database',
  'event-store': 'database',
  search: 'database',
  cache: 'cache',
  broker: 'broker',
};

/** Driver packages → product and kind. */
const DRIVERS: Readonly<Record<string, readonly [string, string, Exclude<Kind, 'external-api'>]>> = {
  pg: ['postgres', 'PostgreSQL', 'database'],
  postgres: ['postgres', 'PostgreSQL', 'database'],
  mysql: ['mysql', 'MySQL', 'database'],
  mysql2: ['mysql', 'MySQL', 'database'],
  mongodb: ['mongodb', 'MongoDB', 'database'],
  mongoose: ['mongodb', 'MongoDB', 'database'],
  mssql: ['mssql', 'SQL Server', 'database'],
  '@aws-sdk/client-dynamodb': ['dynamodb', 'DynamoDB', 'database'],
  '@aws-sdk/lib-dynamodb': ['dynamodb', 'DynamoDB', 'database'],
  '@eventstore/db-client': ['eventstore', 'EventStoreDB', 'database'],
  '@kurrent/kurrentdb-client': ['eventstore', 'EventStoreDB', 'database'],
  '@prisma/client': ['sql', 'Database (Prisma)', 'database'],
  typeorm: ['sql', 'Database (TypeORM)', 'database'],
  sequelize: ['sql', 'Database (Sequelize)', 'database'],
  knex: ['sql', 'Database (Knex)', 'database'],
  'drizzle-orm': ['sql', 'Database (Drizzle)', 'database'],
  ioredis: ['redis', 'Redis', 'cache'],
  redis: ['redis', 'Redis', 'cache'],
  kafkajs: ['kafka', 'Kafka', 'broker'],
  '@confluentinc/kafka-javascript': ['kafka', 'Kafka', 'broker'],
  amqplib: ['rabbitmq', 'RabbitMQ', 'broker'],
  'amqp-connection-manager': ['rabbitmq', 'RabbitMQ', 'broker'],
  nats: ['nats', 'NATS', 'broker'],
  '@aws-sdk/client-sqs': ['sqs', 'Amazon SQS', 'broker'],
  '@aws-sdk/client-sns': ['sns', 'Amazon SNS', 'broker'],
  '@aws-sdk/client-eventbridge': ['eventbridge', 'EventBridge', 'broker'],
  '@google-cloud/pubsub': ['pubsub', 'Google Pub/Sub', 'broker'],
  '@azure/service-bus': ['servicebus', 'Azure Service Bus', 'broker'],
  bullmq: ['redis', 'Redis (BullMQ)', 'broker'],
  bull: ['redis', 'Redis (Bull)', 'broker'],
};

/** What a driver package connects to, or `undefined` when it is not a known driver. */
export function driverTarget(
  pkg: string,
):
  | { readonly product: string; readonly label: string; readonly kind: Exclude<Kind, 'external-api'> }
  | undefined {
  const hit = DRIVERS[pkg];
  return hit ? { product: hit[0], label: hit[1], kind: hit[2] } : undefined;
}

/** Backing services declared in compose files (images the workspace runs but does not build). */
export function composeBackingServices(model: WorkspaceModel): BackingNode[] {
  const found: BackingNode[] = [];
  for (const manifest of model.manifests) {
    if (manifest.kind !== 'compose') continue;
    for (const service of manifest.services) {
      if (service.buildContext !== undefined || service.image === undefined) continue;
      const image = describeImage(service.image);
      const kind = image && KIND_OF[image.category];
      if (!image?.product || !kind || found.some((b) => b.service === service.name)) continue;
      found.push({
        id: `backing:${service.name}`,
        label: `${service.name} (${image.label ?? image.product})`,
        kind,
        product: image.product,
        file: manifest.file,
        ...(service.line !== undefined ? { line: service.line } : {}),
        service: service.name,
      });
    }
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The backing node a driver or API client import leads to: the one compose service of that
 * product when there is exactly one, else a node named after the product. `specifier` is the
 * import as written (Python, Java and C# name the client's submodule there).
 */
export function backingForDriver(
  pkg: string,
  compose: readonly BackingNode[],
  specifier: string = pkg,
): BackingNode | undefined {
  const target = driverTarget(pkg) ?? externalApiTarget(pkg, specifier);
  if (!target) return undefined;
  const matches = compose.filter(
    (b) => b.product === target.product || (target.product === 'sql' && b.kind === 'database'),
  );
  if (matches.length === 1 && matches[0]) return matches[0];
  return { id: `backing:${target.product}`, label: target.label, kind: target.kind, product: target.product };
}

/**
 * Whether an import of `file` may count as a call to an external API: only backend code does
 * (a front end's or a tool's client calls are set aside with their part).
 */
export function backendFileTest(detection: DetectionResult | undefined): (file: string) => boolean {
  const setAside = (detection?.system.setAside ?? []).map((s) => (s.path === '.' ? '' : s.path));
  if (setAside.length === 0) return () => true;
  return (file) => !setAside.some((folder) => folder === '' || isUnder(file, folder));
}
