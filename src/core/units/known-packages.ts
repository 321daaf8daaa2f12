/**
 * Package names that tell what a file or a deployable does: servers, drivers, brokers,
 * function runtimes, front-end frameworks. Matched by exact name or by `@scope/` prefix.
 */

/** Frameworks that make a package a server when it starts. */
export const SERVER_FRAMEWORKS = [
  'express',
  'fastify',
  'koa',
  '@koa/router',
  '@hapi/hapi',
  'hapi',
  'restify',
  'hono',
  '@hono/node-server',
  '@nestjs/core',
  '@nestjs/platform-express',
  '@nestjs/platform-fastify',
  'polka',
  'micro',
  '@adonisjs/core',
  'sails',
  'loopback',
  '@loopback/core',
  'feathers',
  '@feathersjs/feathers',
  'moleculer',
  '@trpc/server',
  'apollo-server',
  '@apollo/server',
  'graphql-yoga',
  'socket.io',
  'ws',
  '@grpc/grpc-js',
];

/** Front-end frameworks: a package that has these and no server framework is a web app. */
export const FRONTEND_FRAMEWORKS = [
  'react',
  'react-dom',
  'vue',
  'svelte',
  '@angular/core',
  'solid-js',
  'preact',
  'next',
  'nuxt',
  '@remix-run/react',
  'vite',
  'astro',
  '@sveltejs/kit',
  'gatsby',
];

/**
 * Drivers and frameworks that a hexagon's core must not import: web servers, ORMs, database
 * and broker clients, cloud SDKs, HTTP clients. Prefixes end with `/`.
 */
export const INFRASTRUCTURE_PACKAGES = [
  ...SERVER_FRAMEWORKS.filter((name) => name !== 'ws'),
  'ws',
  '@nestjs/typeorm',
  '@nestjs/mongoose',
  '@nestjs/microservices',
  '@nestjs/graphql',
  '@nestjs/axios',
  '@nestjs/sequelize',
  '@nestjs/bull',
  '@nestjs/bullmq',
  '@nestjs/config',
  'typeorm',
  'prisma',
  '@prisma/client',
  'sequelize',
  'sequelize-typescript',
  'mongoose',
  'mongodb',
  'pg',
  'pg-promise',
  'postgres',
  'mysql',
  'mysql2',
  'sqlite3',
  'better-sqlite3',
  'knex',
  'objection',
  '@mikro-orm/',
  'drizzle-orm',
  'kysely',
  'redis',
  'ioredis',
  'kafkajs',
  'amqplib',
  'amqp-connection-manager',
  'nats',
  '@nats-io/',
  '@aws-sdk/',
  'aws-sdk',
  '@google-cloud/',
  '@azure/',
  'firebase-admin',
  '@supabase/supabase-js',
  'axios',
  'node-fetch',
  'got',
  'undici',
  'superagent',
  'graphql',
  'nodemailer',
  'stripe',
  '@sendgrid/',
  'bullmq',
  'bull',
  '@elastic/elasticsearch',
  '@opensearch-project/opensearch',
  'dynamoose',
  '@eventstore/db-client',
  'node-eventstore-client',
  'cassandra-driver',
  'neo4j-driver',
  'mqtt',
  'pg-boss',
  'slonik',
  'nestjs-slonik',
  'mssql',
  'tedious',
  'oracledb',
  'mariadb',
  'couchbase',
  'nano',
  'memcached',
  '@planetscale/database',
  '@neondatabase/serverless',
  '@libsql/client',
  '@nestjs/swagger',
  '@nestjs/websockets',
  'socket.io',
  '@apollo/server',
  'apollo-server',
  'apollo-server-express',
  'type-graphql',
];

/** Node built-ins that reach the outside world (a pure core does not import them). */
export const INFRASTRUCTURE_BUILTINS = [
  'fs',
  'fs/promises',
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dgram',
  'dns',
  'child_process',
  'cluster',
  'worker_threads',
];

/** Message brokers and queue clients: evidence of asynchronous messaging between parts. */
export const BROKER_PACKAGES = [
  'kafkajs',
  'node-rdkafka',
  '@confluentinc/kafka-javascript',
  'amqplib',
  'amqp-connection-manager',
  'rhea',
  'nats',
  '@nats-io/',
  '@aws-sdk/client-sqs',
  '@aws-sdk/client-sns',
  '@aws-sdk/client-eventbridge',
  '@aws-sdk/client-kinesis',
  '@google-cloud/pubsub',
  '@azure/service-bus',
  '@azure/event-hubs',
  '@nestjs/microservices',
  'mqtt',
  'zeromq',
  'stompit',
  'sqs-consumer',
  'rascal',
  'moleculer',
  '@golevelup/nestjs-rabbitmq',
  '@nestjs-plus/rabbitmq',
  // Message queues on Redis (RSMQ, RedisSMQ): messages between parts, not background jobs.
  'rsmq',
  'rsmq-worker',
  'redis-smq',
];

/**
 * Packages named for a broker protocol (`@acme/nestjs-amqp`, `kafka-streams-wrapper`,
 * `@org/rabbitmq-client`): wrappers of a broker client, which the catalogue cannot list one by one.
 */
export const BROKER_NAMED_PACKAGE =
  /(?:^|[/@-])(?:amqp|rabbitmq|rabbit|kafka|nats|mqtt|sqs|sns|servicebus|eventbridge|kinesis|stomp)(?:$|[-/.])/i;

/**
 * Background-job queues: a producer enqueues work and a worker runs it. Asynchronous, but on
 * their own a way to run side effects later, not events between parts (see detect/job-queues).
 */
export const JOB_QUEUE_PACKAGES = [
  'bullmq',
  'bull',
  '@nestjs/bull',
  '@nestjs/bullmq',
  'bee-queue',
  'pg-boss',
  'agenda',
  '@hokify/agenda',
  'graphile-worker',
  'kue',
  'better-queue',
];

/** Broker clients and job queues: every package that sends work or messages asynchronously. */
export const ASYNC_MESSAGING_PACKAGES = [...BROKER_PACKAGES, ...JOB_QUEUE_PACKAGES];

/** In-process event buses: evidence of events inside one deployable. */
export const IN_PROCESS_BUS_PACKAGES = [
  '@nestjs/event-emitter',
  'eventemitter2',
  'eventemitter3',
  'emittery',
  'mitt',
];

/** Event store clients and frameworks: evidence of event sourcing. */
export const EVENT_STORE_PACKAGES = [
  '@eventstore/db-client',
  'node-eventstore-client',
  '@event-driven-io/emmett',
  '@event-driven-io/',
  'eventstore',
  'evtstore',
  '@ocoda/event-sourcing',
  'castore',
  '@castore/',
];

/** Command/query buses: evidence of CQRS. */
export const CQRS_PACKAGES = ['@nestjs/cqrs', '@node-ts/bus-core', 'ts-cqrs', '@ocoda/event-sourcing'];

/** Workflow engines: evidence of sagas / process managers. */
export const WORKFLOW_PACKAGES = [
  '@temporalio/workflow',
  '@temporalio/client',
  'xstate',
  '@aws-sdk/client-sfn',
];

/** Function runtimes and their type packages: evidence of serverless. */
export const SERVERLESS_PACKAGES = [
  '@types/aws-lambda',
  'aws-lambda',
  '@middy/core',
  '@netlify/functions',
  '@vercel/node',
  '@azure/functions',
  'firebase-functions',
  '@google-cloud/functions-framework',
  '@cloudflare/workers-types',
  'serverless-http',
  '@aws-lambda-powertools/',
  'aws-cdk-lib',
  'sst',
];

/** Whether `name` is in `list` (exact name, or under a listed `@scope/` prefix). */
export function matchesPackage(name: string, list: readonly string[]): boolean {
  for (const entry of list) {
    if (entry.endsWith('/') ? name.startsWith(entry) : name === entry || name.startsWith(entry + '/'))
      return true;
  }
  return false;
}
