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

const CATEGORIES: readonly (readonly [RegExp, BackingCategory])[] = [
  [
    /mailhog|mailpit|adminer|pgadmin|phpmyadmin|mongo-express|redis-commander|keycloak|vault|consul|temporal|portainer|flyway|liquibase|smtp/,
    'tooling',
  ],
  [/eventstore|kurrent/, 'event-store'],
  [/kafka|zookeeper|rabbitmq|nats|redpanda|pulsar|activemq|artemis|emqx|mosquitto|nsq|servicebus/, 'broker'],
  [
    /postgres|postgis|timescale|mysql|mariadb|mongo|cockroach|mssql|sqlserver|oracle|cassandra|scylla|neo4j|couchdb|couchbase|clickhouse|influxdb|dynamodb|surrealdb|arangodb|supabase\/postgres/,
    'database',
  ],
  [/redis|valkey|memcached|keydb|dragonfly/, 'cache'],
  [/elasticsearch|opensearch|meilisearch|typesense|solr|kibana/, 'search'],
  [/nginx|traefik|kong|envoy|haproxy|caddy|krakend|tyk|apisix/, 'gateway'],
  [/jaeger|zipkin|prometheus|grafana|otel|opentelemetry|loki|tempo|datadog|seq\b/, 'observability'],
  [/minio|azurite|fake-gcs/, 'storage'],
  [/localstack|emulator|wiremock|mockserver/, 'cloud-emulator'],
];

/**
 * The category of an image that is infrastructure (`postgres:16`, `bitnami/kafka`,
 * `docker.elastic.co/elasticsearch/elasticsearch:8`), or `undefined` for anything else.
 */
export function classifyImage(image: string): BackingCategory | undefined {
  const name = image.toLowerCase().replace(/[:@].*$/, '');
  const last = name.slice(name.lastIndexOf('/') + 1);
  for (const [pattern, category] of CATEGORIES) if (pattern.test(last) || pattern.test(name)) return category;
  return undefined;
}
