import type { Expression } from 'oxc-parser';

/**
 * Keys under which messaging clients take the channel in an options object: kafkajs
 * `subscribe({ topic })` / `send({ topic, messages })` and `subscribe({ topics: [...] })`, AWS SDK v3
 * commands (`QueueUrl`, `TopicArn`, `StreamName`, EventBridge `DetailType`), NATS and Redis
 * `subject`/`channel`, BullMQ and RabbitMQ `queue`/`queueName`.
 */
const TOPIC_KEYS = new Set([
  'topic',
  'topics',
  'queue',
  'queueName',
  'subject',
  'channel',
  'QueueUrl',
  'QueueName',
  'TopicArn',
  'StreamName',
  'DetailType',
]);

/**
 * The channel names an options-object argument names with string literals (`{ topic: 'orders' }`,
 * `{ topics: ['a', 'b'] }`); property order kept, duplicates dropped. A name held in a constant
 * or an enum member is given by {@link objectTopicNames}.
 */
export function objectTopics(argument: Expression): string[] {
  return topicValues(argument, (value) => {
    const text = literal(value);
    return text !== undefined && text.trim() !== '' ? text : undefined;
  });
}

/** What `read` makes of each value under a channel key of an options object, in property order, once each. */
function topicValues(argument: Expression, read: (value: Expression) => string | undefined): string[] {
  if (argument.type !== 'ObjectExpression') return [];
  const found: string[] = [];
  for (const property of argument.properties) {
    if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
    if (!TOPIC_KEYS.has(property.key.name)) continue;
    const values = property.value.type === 'ArrayExpression' ? property.value.elements : [property.value];
    for (const value of values) {
      if (value === null || value.type === 'SpreadElement') continue;
      const text = read(value);
      if (text !== undefined && !found.includes(text)) found.push(text);
    }
  }
  return found;
}

function literal(expression: Expression): string | undefined {
  if (expression.type === 'Literal' && typeof expression.value === 'string') return expression.value;
  if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0)
    return expression.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * The constants an options-object argument names its channels with (`{ topic: TOPICS.ORDERS }`,
 * `{ topics: [Topic.Placed] }`), as dotted names, in property order.
 */
export function objectTopicNames(argument: Expression): string[] {
  return topicValues(argument, referenceName);
}

/** `A` or `A.B.C` for an identifier or a non-computed member chain. */
export function referenceName(expression: Expression): string | undefined {
  if (expression.type === 'Identifier') return expression.name;
  if (
    expression.type === 'MemberExpression' &&
    !expression.computed &&
    expression.property.type === 'Identifier'
  ) {
    const object = referenceName(expression.object);
    return object === undefined ? undefined : `${object}.${expression.property.name}`;
  }
  return undefined;
}
