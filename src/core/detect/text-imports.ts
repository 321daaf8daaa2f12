import type { GraphIndex } from '../units';

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
 * engine's graph, so an import in a comment or a string is not one), with its line.
 */
export function firstInfrastructureImport(
  graph: GraphIndex,
  file: string,
): { line: number; module: string } | undefined {
  const edges = [...(graph.externals.get(file) ?? [])].sort((x, y) => x.line - y.line);
  const hit = edges.find((edge) => isInfrastructureModule(edge.specifier));
  return hit ? { line: hit.line, module: hit.specifier } : undefined;
}

function matchesPrefix(module: string, prefix: string): boolean {
  if (prefix.endsWith('.')) return module.startsWith(prefix);
  return module === prefix || module.startsWith(prefix + '.') || module.startsWith(prefix + '/');
}

/** Whether an imported module (any of the languages above) reaches infrastructure. */
export function isInfrastructureModule(module: string): boolean {
  return INFRASTRUCTURE_PREFIXES.some((p) => matchesPrefix(module, p));
}
