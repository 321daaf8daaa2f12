/**
 * Import lines of languages whose imports ArchLens does not resolve (Java, Kotlin, Go, Python,
 * C#), read as text: enough to tell whether a file reaches a driver or a web framework.
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

const IMPORT_LINE =
  /^\s*(?:import\s+(?:static\s+)?([\w.]+)|from\s+([\w.]+)\s+import\b|import\s+([\w.]+)\s*$|using\s+(?:static\s+)?([\w.]+)\s*;|(?:import\s+)?(?:\w+\s+)?"([\w./-]+)"\s*$)/;

/** The first import of infrastructure in a source text, with its 1-based line. */
export function firstInfrastructureImport(text: string): { line: number; module: string } | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && i < 400; i++) {
    const match = IMPORT_LINE.exec(lines[i] ?? '');
    const module = match?.slice(1).find((g) => g !== undefined);
    if (module === undefined) continue;
    if (INFRASTRUCTURE_PREFIXES.some((p) => matchesPrefix(module, p))) return { line: i + 1, module };
  }
  return undefined;
}

function matchesPrefix(module: string, prefix: string): boolean {
  if (prefix.endsWith('.')) return module.startsWith(prefix);
  return module === prefix || module.startsWith(prefix + '.') || module.startsWith(prefix + '/');
}

/** Whether an imported module (any of the languages above) reaches infrastructure. */
export function isInfrastructureModule(module: string): boolean {
  return INFRASTRUCTURE_PREFIXES.some((p) => matchesPrefix(module, p));
}
