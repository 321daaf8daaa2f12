/**
 * The boundary rules ArchLens derives from the detected architecture, as data: one entry per
 * rule with its pattern, a title, the help text reporters and editors show, and an example.
 * The README has one section per rule, reached by {@link ruleHelpUri}.
 */

/** The patterns whose structure rules keep. `layered-monolith` rests on the `monolith` verdict. */
export const RULE_PATTERNS = [
  'hexagonal',
  'modular-monolith',
  'layered-monolith',
  'microservices',
  'cqrs',
  'serverless',
  'event-driven',
] as const;

export type RulePattern = (typeof RULE_PATTERNS)[number];

export const RULE_IDS = [
  'hexagonal/core-imports-adapter',
  'hexagonal/core-imports-infrastructure',
  'hexagonal/adapter-imports-adapter',
  'modular-monolith/deep-import',
  'modular-monolith/module-cycle',
  'modular-monolith/kernel-imports-module',
  'layered-monolith/upward-import',
  'microservices/cross-service-import',
  'cqrs/query-imports-write-side',
  'serverless/handler-imports-handler',
  'event-driven/producer-imports-consumer',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface RuleDefinition {
  readonly id: RuleId;
  readonly pattern: RulePattern;
  /** A short name: "Core imports an adapter". */
  readonly title: string;
  /** What the rule keeps and why, in one or two sentences. */
  readonly help: string;
  /** A violating import, as a person would write it. */
  readonly example: string;
}

export const RULES: readonly RuleDefinition[] = [
  {
    id: 'hexagonal/core-imports-adapter',
    pattern: 'hexagonal',
    title: 'The core imports an adapter',
    help: 'The core of a hexagon (domain, application, ports) depends on nothing outside it: adapters depend inward on the core, never the reverse. Declare a port (an interface) in the core and let the adapter implement it.',
    example: "// src/domain/order.ts\nimport { OrderTable } from '../infrastructure/order-table';",
  },
  {
    id: 'hexagonal/core-imports-infrastructure',
    pattern: 'hexagonal',
    title: 'The core imports a driver or framework',
    help: 'The core of a hexagon imports no driver, framework, network or disk package: those belong in adapters, behind a port of the core.',
    example: "// src/application/place-order.ts\nimport { Pool } from 'pg';",
  },
  {
    id: 'hexagonal/adapter-imports-adapter',
    pattern: 'hexagonal',
    title: 'An adapter imports another adapter',
    help: 'Adapters talk to each other through the core (its ports), not directly; only the composition root (the entry point that wires the program) knows several adapters.',
    example:
      "// src/http/orders-controller.ts\nimport { PgOrderRepository } from '../persistence/pg-order-repository';",
  },
  {
    id: 'modular-monolith/deep-import',
    pattern: 'modular-monolith',
    title: 'An import reaches inside another module',
    help: 'A module is entered only through its public face (`index.ts`, `api.ts`, the `exports` of its package, or the files `rules.publicFiles` names): its other files are its own and may change without notice.',
    example:
      "// src/modules/orders/place-order.ts\nimport { reserve } from '../inventory/internal/stock-store';",
  },
  {
    id: 'modular-monolith/module-cycle',
    pattern: 'modular-monolith',
    title: 'Modules import each other in a cycle',
    help: 'Modules depend on each other in one direction: a cycle between modules means none of them can be understood, tested or split out alone. Break it with an event, a port, or by moving the shared part into a named shared kernel.',
    example:
      "// src/modules/billing/index.ts imports '../orders', and src/modules/orders/index.ts imports '../billing'",
  },
  {
    id: 'modular-monolith/kernel-imports-module',
    pattern: 'modular-monolith',
    title: 'The shared kernel imports a module',
    help: 'A shared kernel (a `shared/`, `shared-kernel/`, `kernel/` or `common/` folder beside the modules, or one `rules.sharedKernels` names) is the code every module may import, through any of its files; so it imports no module, or every module would depend on that one through it.',
    example: "// src/modules/shared/money.ts\nimport { Currency } from '../billing/currency';",
  },
  {
    id: 'layered-monolith/upward-import',
    pattern: 'layered-monolith',
    title: 'A lower layer imports a higher one',
    help: 'Dependencies point one way through the layers: presentation (controllers, routes) → application (services) → data access (repositories) → model (entities). A lower layer importing a higher one ties them together both ways.',
    example:
      "// src/repositories/user-repository.ts\nimport { UserController } from '../controllers/user-controller';",
  },
  {
    id: 'microservices/cross-service-import',
    pattern: 'microservices',
    title: "A service imports another service's source",
    help: "Services share only contracts (a `contracts/`, `proto/`, `schemas/` or `events/` folder) or published packages, never each other's source: a source import couples their releases and makes a distributed monolith.",
    example: "// services/orders/src/checkout.ts\nimport { chargeCard } from '../../payments/src/charge';",
  },
  {
    id: 'cqrs/query-imports-write-side',
    pattern: 'cqrs',
    title: 'The query side imports the write side',
    help: "Queries read their own read model: the query side does not call command handlers, commands or the write side's repositories, which would tie reads back to the write model.",
    example:
      "// src/queries/get-order.handler.ts\nimport { OrderWriteRepository } from '../commands/order-write.repository';",
  },
  {
    id: 'serverless/handler-imports-handler',
    pattern: 'serverless',
    title: 'A function handler imports another handler',
    help: "Each function is deployed and scaled on its own: a handler importing another handler's file bundles that function's code (and cold start) into it. Share code through a library folder, or call the other function by an event.",
    example: "// src/functions/create-note.ts\nimport { handler as notify } from './notify';",
  },
  {
    id: 'event-driven/producer-imports-consumer',
    pattern: 'event-driven',
    title: 'A producer imports its consumer',
    help: 'A producer publishes an event and does not know who consumes it: importing the consumer couples them as a direct call would, and the event adds nothing.',
    example:
      "// src/orders/place-order.ts (publishes order.placed)\nimport { onOrderPlaced } from '../mailer/order-placed.listener';",
  },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** The definition of a rule. */
export function ruleDefinition(id: RuleId): RuleDefinition {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`unknown rule ${id}`);
  return found;
}

/** Whether a string is a rule id. */
export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id as RuleId);
}

/** The address of the README of this project. */
export const README_URL = 'https://github.com/archlens/archlens/blob/main/README.md';

/** The README anchor of a rule's section: `#rule-hexagonalcore-imports-adapter`, as GitHub writes it. */
export function ruleAnchor(id: RuleId): string {
  return `rule-${id.replace(/[^a-z0-9-]/g, '')}`;
}

/** The link to a rule's section of the README. */
export function ruleHelpUri(id: RuleId): string {
  return `${README_URL}#${ruleAnchor(id)}`;
}
