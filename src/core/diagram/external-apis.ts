/**
 * External APIs a backend calls through a client package: payment, mail, messaging, AI, cloud
 * storage. A catalogue as data, one entry per product: the names its client is imported by in
 * each language (npm package, Python module, Java/Kotlin package, C# namespace, Go module path).
 * A name matches an import written as it, or beginning with it and then `/` or `.`.
 */
export interface ExternalApiEntry {
  /** Lower-case key, what `archlens impact <name>` accepts: `stripe`, `s3`. */
  readonly product: string;
  readonly label: string;
  readonly names: readonly string[];
}

export const EXTERNAL_APIS: readonly ExternalApiEntry[] = [
  {
    product: 'stripe',
    label: 'Stripe',
    names: ['stripe', 'com.stripe', 'Stripe', 'github.com/stripe/stripe-go'],
  },
  {
    product: 'sendgrid',
    label: 'SendGrid',
    names: [
      '@sendgrid/mail',
      '@sendgrid/client',
      'sendgrid',
      'com.sendgrid',
      'SendGrid',
      'github.com/sendgrid/sendgrid-go',
    ],
  },
  {
    product: 'twilio',
    label: 'Twilio',
    names: ['twilio', 'com.twilio', 'Twilio', 'github.com/twilio/twilio-go'],
  },
  {
    product: 'openai',
    label: 'OpenAI',
    names: [
      'openai',
      'com.openai',
      'OpenAI',
      'github.com/openai/openai-go',
      'github.com/sashabaranov/go-openai',
    ],
  },
  {
    product: 'anthropic',
    label: 'Anthropic',
    names: [
      '@anthropic-ai/sdk',
      'anthropic',
      'com.anthropic',
      'Anthropic',
      'github.com/anthropics/anthropic-sdk-go',
    ],
  },
  {
    product: 'slack',
    label: 'Slack',
    names: [
      '@slack/web-api',
      '@slack/bolt',
      'slack_sdk',
      'slack_bolt',
      'com.slack.api',
      'SlackNet',
      'github.com/slack-go/slack',
    ],
  },
  {
    product: 'mailgun',
    label: 'Mailgun',
    names: ['mailgun.js', 'mailgun-js', 'github.com/mailgun/mailgun-go'],
  },
  {
    product: 'smtp',
    label: 'SMTP mail server',
    names: [
      'nodemailer',
      'jakarta.mail',
      'javax.mail',
      'MailKit',
      'gopkg.in/gomail.v2',
      'github.com/go-mail/mail',
    ],
  },
  {
    product: 'gcs',
    label: 'Google Cloud Storage',
    names: [
      '@google-cloud/storage',
      'google.cloud.storage',
      'com.google.cloud.storage',
      'Google.Cloud.Storage',
      'cloud.google.com/go/storage',
    ],
  },
  {
    product: 'azure-blob',
    label: 'Azure Blob Storage',
    names: [
      '@azure/storage-blob',
      'azure.storage.blob',
      'com.azure.storage.blob',
      'Azure.Storage.Blobs',
      'github.com/Azure/azure-sdk-for-go/sdk/storage/azblob',
    ],
  },
  {
    product: 's3',
    label: 'Amazon S3',
    names: ['@aws-sdk/lib-storage', '@aws-sdk/s3-request-presigner'],
  },
  { product: 'aws', label: 'AWS (boto3)', names: ['boto3', 'botocore'] },
];

/**
 * AWS SDK clients by service, one per language: `@aws-sdk/client-s3`, the Go v2 SDK's
 * `service/s3`, Java v2's `software.amazon.awssdk.services.s3`, C#'s `Amazon.S3`.
 */
const AWS_CLIENTS: readonly RegExp[] = [
  /^@aws-sdk\/client-([a-z0-9-]+)$/,
  /^github\.com\/aws\/aws-sdk-go-v2\/service\/([a-z0-9]+)/,
  /^software\.amazon\.awssdk\.services\.([a-z0-9]+)/,
  /^Amazon\.([A-Z][A-Za-z0-9]+)(?:\.|$)/,
];

/** C# namespaces under `Amazon.` that are the SDK's own plumbing, not a service's client. */
const NOT_AWS_SERVICES = new Set(['runtime', 'util', 'extensions', 'lambda', 'xray']);

/** AWS services that are a database or a broker rather than an API (drawn and walked as such). */
const AWS_KINDS: Readonly<Record<string, 'database' | 'broker'>> = {
  dynamodb: 'database',
  dynamodbv2: 'database',
  sqs: 'broker',
  sns: 'broker',
  simplenotificationservice: 'broker',
  simpleemail: 'broker',
  eventbridge: 'broker',
  kinesis: 'broker',
};

const AWS_LABELS: Readonly<Record<string, string>> = {
  s3: 'Amazon S3',
  ses: 'Amazon SES',
  sesv2: 'Amazon SES',
  lambda: 'AWS Lambda',
  secretsmanager: 'AWS Secrets Manager',
  cognitoidentityprovider: 'Amazon Cognito',
  'cognito-identity-provider': 'Amazon Cognito',
  bedrockruntime: 'Amazon Bedrock',
  'bedrock-runtime': 'Amazon Bedrock',
  dynamodb: 'DynamoDB',
  dynamodbv2: 'DynamoDB',
  sqs: 'Amazon SQS',
  sns: 'Amazon SNS',
  eventbridge: 'EventBridge',
  kinesis: 'Amazon Kinesis',
};

/** An external system a client import reaches: an API, or (some AWS services) a database or broker. */
export interface ExternalSystem {
  readonly product: string;
  readonly label: string;
  readonly kind: 'external-api' | 'database' | 'broker';
}

const matches = (written: string, name: string): boolean =>
  written === name || written.startsWith(`${name}/`) || written.startsWith(`${name}.`);

/**
 * The external system an external import reaches, from the package (`to`) or the import as
 * written (`specifier`: Python, Java and C# name submodules there), or `undefined`.
 */
export function externalApiTarget(to: string, specifier: string = to): ExternalSystem | undefined {
  for (const written of [to, specifier]) {
    for (const pattern of AWS_CLIENTS) {
      const service = pattern.exec(written)?.[1]?.toLowerCase();
      if (service === undefined || NOT_AWS_SERVICES.has(service)) continue;
      return {
        product: service,
        label: AWS_LABELS[service] ?? `AWS ${service}`,
        kind: AWS_KINDS[service] ?? 'external-api',
      };
    }
    for (const entry of EXTERNAL_APIS)
      if (entry.names.some((name) => matches(written, name)))
        return { product: entry.product, label: entry.label, kind: 'external-api' };
  }
  return undefined;
}
