/**
 * One vocabulary for triggers across Serverless, SAM, CDK, Terraform and Azure: `http`, `sqs`,
 * `sns`, `schedule`, `s3`, `eventbridge`, `stream`, `queue`, `kafka`, `mq`, `websocket`, …
 * Unknown names are kept, lower-cased.
 */
export function normalizeEvent(name: string): string {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return EVENT_NAMES[key] ?? key;
}

const EVENT_NAMES: Readonly<Record<string, string>> = {
  http: 'http',
  httpapi: 'http',
  api: 'http',
  restapi: 'http',
  alb: 'http',
  functionurl: 'http',
  httptrigger: 'http',
  websocket: 'websocket',
  websocketapi: 'websocket',
  sqs: 'sqs',
  sns: 'sns',
  schedule: 'schedule',
  schedulev2: 'schedule',
  timertrigger: 'schedule',
  timer: 'schedule',
  s3: 's3',
  eventbridge: 'eventbridge',
  eventbridgerule: 'eventbridge',
  cloudwatchevent: 'eventbridge',
  stream: 'stream',
  dynamodb: 'stream',
  kinesis: 'stream',
  msk: 'kafka',
  kafka: 'kafka',
  selfmanagedkafka: 'kafka',
  mq: 'mq',
  activemq: 'mq',
  rabbitmq: 'mq',
  queuetrigger: 'queue',
  storagequeue: 'queue',
  servicebustrigger: 'servicebus',
  servicebusqueue: 'servicebus',
  servicebustopic: 'servicebus',
  eventhubtrigger: 'eventhub',
  eventhub: 'eventhub',
  eventgridtrigger: 'eventgrid',
  eventgrid: 'eventgrid',
  blobtrigger: 'blob',
  storageblob: 'blob',
  cosmosdbtrigger: 'cosmosdb',
  cosmosdb: 'cosmosdb',
  cognitouserpool: 'cognito',
};

/** Adds an event once, keeping first-seen order. */
export function addEvent(events: string[], name: string): void {
  const event = normalizeEvent(name);
  if (event !== '' && !events.includes(event)) events.push(event);
}

/** Triggers given by the service a `AWS::Lambda::Permission` lets invoke the function. */
export const PRINCIPAL_EVENTS: Readonly<Record<string, string>> = {
  'apigateway.amazonaws.com': 'http',
  'elasticloadbalancing.amazonaws.com': 'http',
  'events.amazonaws.com': 'eventbridge',
  'scheduler.amazonaws.com': 'schedule',
  'sns.amazonaws.com': 'sns',
  's3.amazonaws.com': 's3',
};
