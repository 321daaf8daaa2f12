/** What a container image is when the workspace does not build it: a backing service or a gateway. */
export type BackingCategory =
  | 'database'
  | 'cache'
  | 'broker'
  | 'event-store'
  | 'search'
  | 'gateway'
  | 'observability'
  | 'storage'
  | 'cloud-emulator'
  | 'tooling';

/** A known infrastructure image: its category and, for well-known products, their name. */
export interface InfrastructureImage {
  readonly category: BackingCategory;
  /** Lower-case product key (`postgres`, `kafka`) shared with driver packages; named products only. */
  readonly product?: string;
  /** The product's display name (`PostgreSQL`). */
  readonly label?: string;
}

type Entry = readonly [RegExp, BackingCategory, string?, string?];

// Order matters: tooling first (`mongo-express` is not MongoDB), then the specific products.
const IMAGES: readonly Entry[] = [
  [
    /mailhog|mailpit|adminer|pgadmin|phpmyadmin|mongo-express|redis-commander|keycloak|vault|consul|temporal|portainer|flyway|liquibase|smtp/,
    'tooling',
  ],
  [/eventstore|kurrent/, 'event-store', 'eventstore', 'EventStoreDB'],
  [/kafka|redpanda/, 'broker', 'kafka', 'Kafka'],
  [/rabbitmq/, 'broker', 'rabbitmq', 'RabbitMQ'],
  [/nats/, 'broker', 'nats', 'NATS'],
  [/pulsar/, 'broker', 'pulsar', 'Pulsar'],
  [/activemq|artemis/, 'broker', 'activemq', 'ActiveMQ'],
  [/mosquitto|emqx/, 'broker', 'mqtt', 'MQTT broker'],
  [/zookeeper|nsq|servicebus/, 'broker'],
  [/postgres|postgis|timescale/, 'database', 'postgres', 'PostgreSQL'],
  [/mysql|mariadb/, 'database', 'mysql', 'MySQL'],
  [/mongo/, 'database', 'mongodb', 'MongoDB'],
  [/mssql|sqlserver/, 'database', 'mssql', 'SQL Server'],
  [/dynamodb/, 'database', 'dynamodb', 'DynamoDB'],
  [/cassandra|scylla/, 'database', 'cassandra', 'Cassandra'],
  [/cockroach|oracle|neo4j|couchdb|couchbase|clickhouse|influxdb|surrealdb|arangodb/, 'database'],
  [/redis|valkey|keydb|dragonfly/, 'cache', 'redis', 'Redis'],
  [/memcached/, 'cache', 'memcached', 'Memcached'],
  [/elasticsearch|opensearch/, 'search', 'elasticsearch', 'Elasticsearch'],
  [/meilisearch|typesense|solr|kibana/, 'search'],
  [/nginx|traefik|kong|envoy|haproxy|caddy|krakend|tyk|apisix/, 'gateway'],
  [/jaeger|zipkin|prometheus|grafana|otel|opentelemetry|loki|tempo|datadog|seq\b/, 'observability'],
  [/minio|azurite|fake-gcs/, 'storage'],
  [/localstack|emulator|wiremock|mockserver/, 'cloud-emulator'],
];

/**
 * What an infrastructure image is (`postgres:16`, `bitnami/kafka`,
 * `docker.elastic.co/elasticsearch/elasticsearch:8`), or `undefined` for anything else.
 */
export function describeImage(image: string): InfrastructureImage | undefined {
  const name = image.toLowerCase().replace(/[:@].*$/, '');
  const last = name.slice(name.lastIndexOf('/') + 1);
  for (const [pattern, category, product, label] of IMAGES) {
    if (!pattern.test(last) && !pattern.test(name)) continue;
    return product !== undefined && label !== undefined ? { category, product, label } : { category };
  }
  return undefined;
}

/** The category of an image that is infrastructure, or `undefined` for anything else. */
export function classifyImage(image: string): BackingCategory | undefined {
  return describeImage(image)?.category;
}
