import type { ImportEdge } from '../model';
import type { GraphIndex } from '../units';
import { dirOf } from '../units/paths';

/**
 * Which imported modules of Java, Kotlin, Go, Python and C# reach infrastructure (a driver, a web
 * framework, a broker client, a cloud SDK), told from the resolved import graph.
 */

/** Module prefixes that reach infrastructure (persistence, web, messaging, cloud SDKs), per language family. */
const INFRASTRUCTURE_PREFIXES: readonly string[] = [
  // Java / Kotlin
  'javax.persistence',
  'jakarta.persistence',
  'org.springframework.data',
  'org.springframework.web',
  'org.springframework.jdbc',
  'org.springframework.kafka',
  'org.springframework.amqp',
  'org.hibernate',
  'java.sql',
  'javax.sql',
  'com.mongodb',
  'software.amazon',
  'com.amazonaws',
  'io.ktor',
  'org.jetbrains.exposed',
  // Go
  'database/sql',
  'net/http',
  'gorm.io',
  'github.com/go-sql-driver',
  'github.com/jackc/pgx',
  'github.com/lib/pq',
  'github.com/jmoiron/sqlx',
  'go.mongodb.org',
  'github.com/labstack/echo',
  'github.com/gin-gonic',
  'github.com/go-chi',
  'github.com/gorilla/mux',
  'cloud.google.com/go',
  'firebase.google.com',
  'github.com/aws/aws-sdk-go',
  'github.com/aws/aws-sdk-go-v2',
  'github.com/aws/aws-lambda-go',
  'github.com/gofiber/fiber',
  'github.com/valyala/fasthttp',
  'github.com/uptrace/bun',
  'entgo.io',
  'github.com/segmentio/kafka-go',
  'github.com/IBM/sarama',
  'github.com/Shopify/sarama',
  'github.com/nats-io',
  'github.com/rabbitmq/amqp091-go',
  'github.com/streadway/amqp',
  'github.com/elastic/go-elasticsearch',
  'github.com/minio/minio-go',
  'google.golang.org/api',
  'github.com/go-redis',
  'github.com/redis/go-redis',
  'google.golang.org/grpc',
  // Python
  'sqlalchemy',
  'flask',
  'django',
  'fastapi',
  'redis',
  'boto3',
  'psycopg2',
  'requests',
  'pymongo',
  'celery',
  'kombu',
  'pika',
  // C#
  'Microsoft.EntityFrameworkCore',
  'Microsoft.AspNetCore',
  'Dapper',
  'Npgsql',
  'System.Data.SqlClient',
  'Microsoft.Data.SqlClient',
  'MassTransit',
  'RabbitMQ.Client',
  'MongoDB.Driver',
  'Amazon.',
];

/**
 * The first import of infrastructure among a file's resolved external and built-in imports (the
 * engine's graph, so an import in a comment or a string is not one), with its line. A C#
 * `global using` holds for every file of its project: one in a file counts for the `.cs` files
 * under that file's folder (where `GlobalUsings.cs` sits, the project's root).
 */
export function firstInfrastructureImport(
  graph: GraphIndex,
  file: string,
): { line: number; module: string; file: string } | undefined {
  const edges = [...(graph.externals.get(file) ?? [])].sort((x, y) => x.line - y.line);
  const hit = edges.find((edge) => isInfrastructureModule(moduleOf(edge.specifier)));
  if (hit) return { line: hit.line, module: moduleOf(hit.specifier), file };
  if (!file.endsWith('.cs')) return undefined;
  const global = globalUsings(graph).find((g) => g.folder === '.' || file.startsWith(`${g.folder}/`));
  return (
    global && { line: global.edge.line, module: moduleOf(global.edge.specifier), file: global.edge.from }
  );
}

/** The module a specifier names, without C#'s `global ` and `static ` prefixes. */
function moduleOf(specifier: string): string {
  return specifier.replace(/^(?:global\s+)?(?:static\s+)?/, '');
}

const GLOBAL_USINGS = new WeakMap<GraphIndex, { folder: string; edge: ImportEdge }[]>();

/** The C# `global using`s of infrastructure in the workspace, with the folder each holds for. */
function globalUsings(graph: GraphIndex): { folder: string; edge: ImportEdge }[] {
  let found = GLOBAL_USINGS.get(graph);
  if (found === undefined) {
    found = [];
    for (const [from, edges] of graph.externals) {
      if (!from.endsWith('.cs')) continue;
      for (const edge of edges)
        if (edge.specifier.startsWith('global ') && isInfrastructureModule(moduleOf(edge.specifier)))
          found.push({ folder: dirOf(from), edge });
    }
    GLOBAL_USINGS.set(graph, found);
  }
  return found;
}

function matchesPrefix(module: string, prefix: string): boolean {
  if (prefix.endsWith('.')) return module.startsWith(prefix);
  return module === prefix || module.startsWith(prefix + '.') || module.startsWith(prefix + '/');
}

/** Whether an imported module (any of the languages above) reaches infrastructure. */
export function isInfrastructureModule(module: string): boolean {
  return INFRASTRUCTURE_PREFIXES.some((p) => matchesPrefix(module, p));
}
