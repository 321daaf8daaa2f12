// Hand-made inputs for the diagram views: a small hexagonal shop with CQRS and events, and a
// generated model of any size for the budget tests.
import type {
  ClassSymbol,
  CallSymbol,
  DetectionResult,
  FileSymbols,
  ImportEdge,
  Manifest,
  WorkspaceModel,
} from '../../../src/core/model';
import type { DiagramEdge, DiagramNode } from '../../../src/core/diagram';

export function internal(from: string, to: string, line = 1): ImportEdge {
  return { from, to, specifier: `./${to}`, line, column: 1, kind: 'static', resolution: 'internal' };
}

export function external(from: string, pkg: string, line = 1): ImportEdge {
  return { from, to: pkg, specifier: pkg, line, column: 1, kind: 'static', resolution: 'external' };
}

export function modelOf(
  files: readonly string[],
  edges: readonly ImportEdge[],
  manifests: readonly Manifest[] = [],
): WorkspaceModel {
  return {
    version: 1,
    root: '/w',
    files: [...files].sort(),
    edges: [...edges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.line - b.line)),
    manifests,
    warnings: [],
  };
}

const SHOP_FILES = [
  'src/main.ts',
  'src/domain/order.ts',
  'src/domain/order-repository.ts',
  'src/domain/leak.ts',
  'src/application/place-order.ts',
  'src/application/commands/place-order-command.ts',
  'src/application/commands/place-order-handler.ts',
  'src/application/queries/get-order-query.ts',
  'src/application/queries/get-order-handler.ts',
  'src/application/read-models/order-summary.ts',
  'src/adapters/http/orders-controller.ts',
  'src/adapters/db/pg-order-repository.ts',
  'src/adapters/messaging/order-events.ts',
  'src/adapters/messaging/shipping-listener.ts',
];

/** A small hexagonal shop: layers, one leak (domain → adapters), commands, queries, a topic. */
export function shopModel(): WorkspaceModel {
  return modelOf(
    SHOP_FILES,
    [
      internal('src/main.ts', 'src/adapters/http/orders-controller.ts'),
      internal('src/main.ts', 'src/adapters/db/pg-order-repository.ts', 2),
      internal('src/domain/order-repository.ts', 'src/domain/order.ts'),
      internal('src/domain/leak.ts', 'src/adapters/db/pg-order-repository.ts'),
      internal('src/application/place-order.ts', 'src/domain/order.ts'),
      internal('src/application/place-order.ts', 'src/domain/order-repository.ts', 2),
      internal(
        'src/application/commands/place-order-handler.ts',
        'src/application/commands/place-order-command.ts',
      ),
      internal('src/application/commands/place-order-handler.ts', 'src/domain/order-repository.ts', 2),
      internal('src/application/queries/get-order-handler.ts', 'src/application/queries/get-order-query.ts'),
      internal(
        'src/application/queries/get-order-handler.ts',
        'src/application/read-models/order-summary.ts',
        2,
      ),
      internal('src/adapters/http/orders-controller.ts', 'src/application/place-order.ts'),
      internal(
        'src/adapters/http/orders-controller.ts',
        'src/application/commands/place-order-command.ts',
        2,
      ),
      internal('src/adapters/db/pg-order-repository.ts', 'src/domain/order-repository.ts'),
      external('src/adapters/db/pg-order-repository.ts', 'pg', 2),
      internal('src/adapters/messaging/order-events.ts', 'src/domain/order.ts'),
      external('src/adapters/messaging/order-events.ts', 'kafkajs', 2),
      external('src/adapters/messaging/shipping-listener.ts', 'kafkajs'),
    ],
    [
      {
        kind: 'package-json',
        file: 'package.json',
        name: 'shop',
        bin: {},
        scripts: { start: 'node dist/main.js' },
        dependencies: { pg: '8', kafkajs: '2' },
        devDependencies: {},
        workspaces: [],
      },
      {
        kind: 'compose',
        file: 'compose.yaml',
        services: [
          {
            name: 'shop',
            line: 2,
            buildContext: '.',
            ports: ['3000:3000'],
            dependsOn: ['db', 'kafka'],
            environment: {},
          },
          { name: 'db', line: 6, image: 'postgres:16', ports: [], dependsOn: [], environment: {} },
          { name: 'kafka', line: 8, image: 'bitnami/kafka:3', ports: [], dependsOn: [], environment: {} },
        ],
      },
    ],
  );
}

function cls(name: string, line: number, extra: Partial<ClassSymbol> = {}): ClassSymbol {
  return {
    name,
    line,
    exported: true,
    abstract: false,
    decorators: [],
    decoratorArguments: [],
    implements: [],
    methods: [],
    ...extra,
  };
}

function call(name: string, receiver: string, line: number, topic: string): CallSymbol {
  return { name, receiver, line, firstStringArgument: topic };
}

const SHOP_SYMBOLS: Readonly<Record<string, FileSymbols>> = {
  'src/application/commands/place-order-command.ts': {
    classes: [cls('PlaceOrderCommand', 1)],
    interfaces: [],
    functions: [],
    calls: [],
  },
  'src/application/commands/place-order-handler.ts': {
    classes: [
      cls('PlaceOrderHandler', 3, {
        decorators: ['CommandHandler'],
        decoratorArguments: ['PlaceOrderCommand'],
      }),
    ],
    interfaces: [],
    functions: [],
    calls: [],
  },
  'src/application/queries/get-order-query.ts': {
    classes: [cls('GetOrderQuery', 1)],
    interfaces: [],
    functions: [],
    calls: [],
  },
  'src/application/queries/get-order-handler.ts': {
    classes: [cls('GetOrderQueryHandler', 3)],
    interfaces: [],
    functions: [],
    calls: [],
  },
  'src/application/read-models/order-summary.ts': {
    classes: [cls('OrderSummaryReadModel', 1)],
    interfaces: [],
    functions: [],
    calls: [],
  },
  'src/adapters/messaging/order-events.ts': {
    classes: [],
    interfaces: [],
    functions: [],
    calls: [call('send', 'producer', 9, 'orders.placed'), call('on', 'process', 12, 'SIGTERM')],
  },
  'src/adapters/messaging/shipping-listener.ts': {
    classes: [],
    interfaces: [],
    functions: [],
    calls: [call('subscribe', 'consumer', 4, 'orders.placed'), call('on', 'stream', 5, 'data')],
  },
};

/** `symbols(relPath)` for the shop. */
export function shopSymbols(relPath: string): FileSymbols | undefined {
  return SHOP_SYMBOLS[relPath] ?? { classes: [], interfaces: [], functions: [], calls: [] };
}

/**
 * A generated workspace: `packages` packages × `folders` folders × `files` files, each file
 * importing a few files of other folders and packages (deterministic pseudo-random).
 */
export function generatedModel(
  packages: number,
  folders: number,
  files: number,
  importsPerFile = 3,
): WorkspaceModel {
  const all: string[] = [];
  for (let p = 0; p < packages; p++)
    for (let f = 0; f < folders; f++)
      for (let i = 0; i < files; i++) all.push(`packages/pkg-${p}/src/feature-${f}/file-${i}.ts`);
  let seed = 42;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const edges: ImportEdge[] = [];
  for (const from of all)
    for (let k = 0; k < importsPerFile; k++)
      edges.push(internal(from, all[random(all.length)] ?? from, k + 1));
  const manifests: Manifest[] = Array.from({ length: packages }, (_, p) => ({
    kind: 'package-json',
    file: `packages/pkg-${p}/package.json`,
    name: `pkg-${p}`,
    bin: {},
    scripts: {},
    dependencies: {},
    devDependencies: {},
    workspaces: [],
  }));
  return modelOf(all, edges, manifests);
}

/** A detection with no pattern verdicts, only the given units (what the overview draws). */
export function detectionWithUnits(units: Partial<DetectionResult['units']>): DetectionResult {
  return {
    version: 1,
    root: '/w',
    primary: null,
    patterns: [],
    units: { deployables: [], modules: [], layers: [], ...units },
    system: { entryPoints: [], parts: [], deployables: [], notServices: [], setAside: [] },
  };
}

/** The shop's units: one deployable with `domain` and `adapters` modules. */
export const shopUnits = detectionWithUnits({
  deployables: [{ name: 'shop', path: '.', kind: 'package' }],
  modules: [
    { name: 'domain', path: 'src/domain' },
    { name: 'adapters', path: 'src/adapters' },
  ],
});

/** A folder node whose id is its label. */
export const folderNode = (id: string): DiagramNode => ({
  id,
  label: id,
  kind: 'folder',
  expandable: false,
  detail: id,
});

/** A plain edge of one import, red when it is a rule violation. */
export const plainEdge = (from: string, to: string, violation = false): DiagramEdge => ({
  id: `${from}→${to}`,
  from,
  to,
  count: 1,
  style: 'normal' as const,
  locations: [],
  ...(violation ? { violation } : {}),
});
