import * as assert from 'node:assert/strict';
import { cqrs } from '../../../src/core/detect/cqrs';
import { eventDriven } from '../../../src/core/detect/event-driven';
import { eventSourcing } from '../../../src/core/detect/event-sourcing';
import { hexagonal } from '../../../src/core/detect/hexagonal';
import { saga } from '../../../src/core/detect/saga';
import { serverless } from '../../../src/core/detect/serverless';
import type { Manifest, PatternResult } from '../../../src/core/model';
import { buildModel, contextOf, packageJson, symbols } from './support/build-model';
import { analyzeWorkspace } from '../../../src/core';
import { createWorkspaceDetectContext } from '../../../src/core/detect';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';
import { initTreeSitter } from '../../../src/node/tree-sitter-runtime';

/** A workspace whose files are only text (other languages): no import edges, the texts given. */
function textWorkspace(texts: Readonly<Record<string, string>>, manifests: readonly Manifest[] = []) {
  const files = Object.fromEntries(Object.keys(texts).map((f) => [f, [] as string[]]));
  return contextOf(buildModel(files, manifests), { texts });
}

/** A workspace of real files, analysed as the engine does (Go imports parsed and resolved). */
function goWorkspace(texts: Readonly<Record<string, string>>) {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(texts).map(([p, t]) => [`/w/${p}`, t])));
  return createWorkspaceDetectContext(fs, analyzeWorkspace(fs, '/w'));
}

function messages(result: PatternResult): string {
  return result.evidence.map((e) => e.message).join('\n');
}

describe('detect: text signals of other languages', () => {
  it('cqrs: C# command and query handlers read as text, with their own handler interfaces, make a yes', () => {
    const ctx = textWorkspace({
      'src/Orders/Application/Commands/PlaceOrderCommand.cs':
        'public record PlaceOrderCommand(Guid Id) : ICommand;',
      'src/Orders/Application/Commands/PlaceOrderCommandHandler.cs':
        'internal class PlaceOrderCommandHandler : ICommandHandler<PlaceOrderCommand>\n{\n}',
      'src/Orders/Application/Commands/ICommandHandler.cs': 'public interface ICommandHandler<in T> {}',
      'src/Orders/Application/Queries/GetOrderQuery.cs':
        'public record GetOrderQuery(Guid Id) : IQuery<OrderDto>;',
      'src/Orders/Application/Queries/GetOrderQueryHandler.cs':
        'internal class GetOrderQueryHandler : IQueryHandler<GetOrderQuery, OrderDto>\n{\n}',
      'src/Orders/Application/Queries/IQueryHandler.cs': 'public interface IQueryHandler<in T, R> {}',
      'src/Orders/Application/Projections/OrderProjection.cs': 'class OrderProjection {}',
    });
    const result = cqrs.detect(ctx);
    assert.equal(result.verdict, 'yes', messages(result));
    assert.match(messages(result), /declares the handler abstraction `interface ICommandHandler`/);
    assert.match(messages(result), /declares a handler: `ICommandHandler</);
    assert.match(messages(result), /separates queries \(reads\)/);
  });

  it('cqrs: a Python message bus mapping commands to handlers, and a read table written and queried, make a yes', () => {
    const ctx = textWorkspace({
      'src/shop/domain/commands.py': 'class Command:\n    pass\nclass Allocate(Command):\n    pass',
      'src/shop/service_layer/messagebus.py':
        'class MessageBus:\n    def __init__(self, command_handlers: Dict):\n        pass',
      'src/shop/service_layer/handlers.py':
        'def allocate(\n    cmd: commands.Allocate,\n    uow,\n):\n    pass\n\ndef add_view(e, uow):\n    uow.session.execute("INSERT INTO allocations_view (orderid) VALUES (:o)")\n\nCOMMAND_HANDLERS = {\n    commands.Allocate: allocate,\n}',
      'src/shop/views.py':
        'def allocations(orderid, uow):\n    return uow.session.execute("SELECT sku FROM allocations_view WHERE orderid = :o")',
    });
    const result = cqrs.detect(ctx);
    assert.equal(result.verdict, 'yes', messages(result));
    assert.match(messages(result), /routes commands to their handlers/);
    assert.match(
      messages(result),
      /written by `src\/shop\/service_layer\/handlers.py` \(a projection\) and queried by `src\/shop\/views.py`/,
    );
  });

  it('cqrs: a lone Go `command` folder with no query side and no handlers stays a no', () => {
    const ctx = textWorkspace({
      'cmd/tool/command/run.go': 'package command\n\nfunc Run() {}',
      'cmd/tool/main.go': 'package main\n\nfunc main() {}',
    });
    assert.equal(cqrs.detect(ctx).verdict, 'no');
  });

  it('cqrs: services deployed as command/query pairs count as a split write and read side', () => {
    const compose: Manifest = {
      kind: 'compose',
      file: 'docker-compose.yml',
      services: ['orders-command', 'orders-query'].map((name, i) => ({
        name,
        line: i + 2,
        buildContext: '.',
        dockerfile: `src/Orders/${name.endsWith('command') ? 'Command' : 'Query'}/Dockerfile`,
        ports: [],
        dependsOn: [],
        environment: {},
      })),
    };
    const ctx = contextOf(
      buildModel({ 'src/Orders/Command/Program.cs': [], 'src/Orders/Query/Program.cs': [] }, [compose]),
    );
    assert.match(
      messages(cqrs.detect(ctx)),
      /`orders-command` deploys the write side of `orders` apart from its read side/,
    );
  });

  it('event-driven: C# notification handlers and a Python EVENT_HANDLERS map are read as subscriptions', () => {
    const cs = eventDriven.detect(
      textWorkspace({
        'src/Meetings/Application/MemberCreatedNotificationHandler.cs':
          'public class MemberCreatedNotificationHandler : INotificationHandler<MemberCreatedNotification>\n{}',
        'src/BuildingBlocks/EventBus/InMemoryEventBus.cs': 'public class InMemoryEventBus {}',
      }),
    );
    assert.match(messages(cs), /subscribes handlers to events or messages \(`INotificationHandler<`\)/);
    assert.match(messages(cs), /InMemoryEventBus.cs` is an event or message bus/);
    const py = eventDriven.detect(
      textWorkspace({
        'src/shop/domain/events.py': 'class Event:\n    pass\nclass Allocated(Event):\n    pass',
        'src/shop/service_layer/handlers.py': 'EVENT_HANDLERS = {\n    events.Allocated: [publish],\n}',
      }),
    );
    assert.match(messages(py), /`EVENT_HANDLERS =`/);
    assert.match(messages(py), /events.py` declares an event/);
  });

  it('event sourcing: a C# event store appending events and aggregates applying them make a yes', () => {
    const ctx = textWorkspace({
      'src/Payments/Infrastructure/EventStore/EventStoreRepository.cs':
        'public Task SaveAsync(Aggregate a) => _store.AppendEventsAsync(a.Id, a.Events);',
      'src/Payments/Domain/Aggregates/AggregateRoot.cs':
        'protected abstract void Apply(IDomainEvent @event);',
      'src/Payments/Domain/Aggregates/Subscription.cs':
        'private void When(SubscriptionCreatedDomainEvent e) { }',
      'src/Payments/Infrastructure/Migrations/001_First.cs':
        'migrationBuilder.CreateTable(\n    name: "Events",\n    columns: table => new {});',
    });
    const result = eventSourcing.detect(ctx);
    assert.equal(result.verdict, 'yes', messages(result));
    assert.match(messages(result), /changes state by applying events/);
  });

  it('event sourcing: an Axon aggregate rebuilt by `@EventSourcingHandler` methods is an event-sourced aggregate', () => {
    const file = 'src/main/java/acme/giftcard/command/GiftCard.java';
    const text =
      '@Aggregate\npublic class GiftCard {\n  @CommandHandler\n  public GiftCard(IssueCardCommand c) { apply(new CardIssuedEvent(c.id())); }\n  @EventSourcingHandler\n  void on(CardIssuedEvent e) { this.id = e.id(); }\n}';
    const withAxon = eventSourcing.detect(
      contextOf(buildModel({ [file]: ['org.axonframework.eventsourcing.EventSourcingHandler'] }), {
        texts: { [file]: text },
      }),
    );
    assert.match(
      messages(withAxon),
      /GiftCard.java` rebuilds its state from its events \(`@EventSourcingHandler`\)/,
    );
    const withoutImport = eventSourcing.detect(
      contextOf(buildModel({ [file]: [] }), { texts: { [file]: text } }),
    );
    assert.doesNotMatch(messages(withoutImport), /@EventSourcingHandler/);
  });

  it('saga: an Eventuate saga definition with compensation is a yes; the package folder `sagas` alone is not', () => {
    const yes = saga.detect(
      textWorkspace({
        'order-service/src/main/java/io/acme/sagas/orders/sagas/CreateOrderSaga.java':
          'public class CreateOrderSaga implements SimpleSaga<CreateOrderSagaData> {\n  step().invokeLocal(this::create)\n    .withCompensation(this::reject);\n}',
      }),
    );
    assert.equal(yes.verdict, 'yes', messages(yes));
    const no = saga.detect(
      textWorkspace({
        'order-service/src/main/java/io/acme/sagas/orders/web/OrderController.java':
          'public class OrderController {}',
        'order-service/src/main/java/io/acme/sagas/orders/domain/Order.java': 'public class Order {}',
      }),
    );
    assert.equal(no.verdict, 'no', messages(no));
  });

  it('saga: a workflow that collects compensations and runs them on failure is a yes; a workflow without is not', () => {
    const files = (body: string) =>
      contextOf(
        buildModel({ 'src/workflows.ts': ['@temporalio/workflow'] }, [
          {
            kind: 'package-json',
            file: 'package.json',
            name: 'w',
            bin: {},
            scripts: {},
            dependencies: { '@temporalio/workflow': '1' },
            devDependencies: {},
            workspaces: [],
          },
        ]),
        { texts: { 'src/workflows.ts': body } },
      );
    const yes = saga.detect(
      files(
        'export async function open() {\n  const compensations = [];\n  try {\n    await a();\n    compensations.unshift({ fn: undoA });\n  } catch (err) {\n    for (const c of compensations) await c.fn();\n  }\n}',
      ),
    );
    assert.equal(yes.verdict, 'yes', messages(yes));
    assert.match(messages(yes), /collects compensation steps .* and runs them when a step fails/);
    const no = saga.detect(files('export async function open() {\n  await a();\n  await b();\n}'));
    assert.notEqual(no.verdict, 'yes', messages(no));
  });

  it('saga: a file named like a saga with an undo-named function, but no events, commands, saga type or engine, is no yes', () => {
    const model = (extra: Record<string, readonly string[]>) =>
      buildModel({ 'src/detect/saga.ts': Object.keys(extra), ...extra });
    const sagaSymbols = symbols({
      functions: [{ name: 'compensationLists', line: 9, exported: false, parameters: [], async: false }],
      calls: [{ name: 'rollbackAll', line: 4 }],
    });
    const lone = saga.detect(contextOf(model({}), { symbols: { 'src/detect/saga.ts': sagaSymbols } }));
    assert.notEqual(lone.verdict, 'yes', messages(lone));
    assert.match(
      lone.counterEvidence.map((e) => e.message).join('\n'),
      /none reacts to events and issues commands/,
    );
    // The same file reacting to an event and issuing a command is a saga.
    const wired = saga.detect(
      contextOf(model({ 'src/events/order-placed.event.ts': [], 'src/commands/reserve.command.ts': [] }), {
        symbols: { 'src/detect/saga.ts': sagaSymbols },
      }),
    );
    assert.equal(wired.verdict, 'yes', messages(wired));
  });

  it('serverless: containers on Cloud Run (terraform `google_cloud_run_service`) are serverless in part, not functions', () => {
    const manifests: Manifest[] = [
      {
        kind: 'terraform',
        file: 'terraform/service.tf',
        functions: [],
        resources: { 'google_cloud_run_service.service': 'google_cloud_run_service' },
      },
      {
        kind: 'dockerfile',
        file: 'internal/trainer/Dockerfile',
        baseImages: ['golang:1.22'],
        exposedPorts: [],
      },
    ];
    const result = serverless.detect(contextOf(buildModel({ 'internal/trainer/main.go': [] }, manifests)));
    assert.equal(result.verdict, 'partial', messages(result));
    assert.match(messages(result), /runs a container on Cloud Run/);
    assert.ok(
      result.counterEvidence.some((f) =>
        f.message.startsWith('Only containers on a serverless platform, no functions'),
      ),
    );
  });

  it('hexagonal: Go rings confirmed by the Go import graph; a layered Go app whose service imports the repository is not', async () => {
    await initTreeSitter();
    const goMod = 'module example.com/app\n\ngo 1.22\n';
    const hex = hexagonal.detect(
      goWorkspace({
        'go.mod': goMod,
        'domain/article.go': 'package domain\n\nimport "time"\n\ntype Article struct{ At time.Time }',
        'article/service.go':
          'package article\n\nimport (\n\t"context"\n\t"example.com/app/domain"\n)\n\ntype Service struct{}',
        'internal/repository/mysql/article.go':
          'package mysql\n\nimport (\n\t"database/sql"\n\t"example.com/app/domain"\n)\n\ntype Repo struct{}',
        'internal/rest/article.go':
          'package rest\n\nimport (\n\t"net/http"\n\t"example.com/app/domain"\n)\n\ntype Handler struct{}',
        'app/main.go':
          'package main\n\nimport (\n\t"database/sql"\n\t"example.com/app/article"\n\t"example.com/app/internal/rest"\n)\n\nfunc main() {}',
      }),
    );
    assert.equal(hex.verdict, 'yes', messages(hex));
    assert.match(messages(hex), /`article` \(use cases\) depends only on the core/);
    const layered = hexagonal.detect(
      goWorkspace({
        'go.mod': goMod,
        'models/article.go': 'package models\n\ntype Article struct{}',
        'service/article.go':
          'package service\n\nimport (\n\t"example.com/app/models"\n\t"example.com/app/repository"\n)\n\ntype S struct{}',
        'repository/article.go':
          'package repository\n\nimport (\n\t"database/sql"\n\t"example.com/app/models"\n)\n\ntype R struct{}',
        'handlers/article.go':
          'package handlers\n\nimport (\n\t"net/http"\n\t"example.com/app/models"\n\t"example.com/app/service"\n)\n\ntype H struct{}',
      }),
    );
    assert.notEqual(layered.verdict, 'yes', messages(layered));
  });

  it('hexagonal: a Go package of interfaces that the domain and the AWS SDK v2 adapters import is the ports ring', async () => {
    await initTreeSitter();
    const files = (ports: string) => ({
      'go.mod': 'module example.com/shop\n\ngo 1.22\n',
      'types/store.go': ports,
      'domain/products.go':
        'package domain\n\nimport (\n\t"context"\n\t"example.com/shop/types"\n)\n\ntype Products struct{ store types.Store }',
      'store/dynamodb.go':
        'package store\n\nimport (\n\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"\n\t"example.com/shop/types"\n)\n\ntype DynamoDBStore struct{ client *dynamodb.Client }',
      'bus/event_bridge.go':
        'package bus\n\nimport (\n\t"github.com/aws/aws-sdk-go-v2/service/eventbridge"\n\t"example.com/shop/types"\n)\n\ntype EventBridgeBus struct{ client *eventbridge.Client }',
      'functions/get-product/main.go':
        'package main\n\nimport (\n\t"github.com/aws/aws-lambda-go/lambda"\n\t"example.com/shop/domain"\n\t"example.com/shop/store"\n)\n\nfunc main() {}',
    });
    const hex = hexagonal.detect(
      goWorkspace(
        files(
          'package types\n\nimport "context"\n\ntype Store interface {\n\tGet(context.Context, string) error\n}',
        ),
      ),
    );
    assert.equal(hex.verdict, 'yes', messages(hex));
    assert.match(messages(hex), /`types` \(ports\) declares the interfaces that the domain uses/);
    assert.match(messages(hex), /`store` imports `github.com\/aws\/aws-sdk-go-v2\/service\/dynamodb`/);
    // A shared package of plain structs is no ports ring.
    const plain = hexagonal.detect(goWorkspace(files('package types\n\ntype Product struct{ ID string }')));
    assert.doesNotMatch(messages(plain), /\(ports\)/);
  });
});

describe('detect: functions on both sides of a queue', () => {
  it('event-driven: a broker wrapper package (named for AMQP) and a method subscription decorator are messaging', () => {
    const consumer = 'src/payment/drivers/message-drivers/process-payment.controller.ts';
    const publisher = 'src/ride/infra/ride-events.publisher.ts';
    const ctx = contextOf(
      buildModel(
        {
          [consumer]: ['@acme/nestjs-amqp', '@nestjs/common'],
          [publisher]: ['@acme/nestjs-amqp'],
          'src/ride/domain/ride-finished.event.ts': [],
          'src/ride/domain/ride-started.event.ts': [],
        },
        [
          packageJson('package.json', {
            scripts: { start: 'nest start' },
            dependencies: { '@acme/nestjs-amqp': '1', '@nestjs/core': '11' },
          }),
        ],
      ),
      {
        symbols: { [publisher]: symbols({ calls: [{ name: 'publish', receiver: 'amqp', line: 7 }] }) },
        texts: {
          [consumer]:
            "@Controller()\nexport class ProcessPaymentController {\n  @AmqpSubscription({ exchange: 'events', routingKey: 'ride.finished', queue: 'payments' })\n  async execute() {}\n}",
        },
      },
    );
    const result = eventDriven.detect(ctx);
    assert.match(messages(result), /depends on `@acme\/nestjs-amqp` \(a message broker client\)/);
    assert.match(messages(result), /subscribes with `@AmqpSubscription` \(a message handler\)/);
    assert.equal(result.verdict, 'yes', messages(result));
  });

  it('event-driven: a message queue on Redis (RSMQ) is a broker client, not a background job queue', () => {
    const ctx = contextOf(
      buildModel(
        {
          'src/shared/infrastructure/redis/redis.queue.ts': ['rsmq', 'redis'],
          'src/shared/infrastructure/messaging/redis.message-dispatcher.ts': [
            'src/shared/infrastructure/redis/redis.queue.ts',
          ],
        },
        [
          packageJson('package.json', {
            scripts: { start: 'node dist/main.js' },
            dependencies: { rsmq: '0.12', redis: '3', express: '4' },
          }),
        ],
      ),
    );
    const result = eventDriven.detect(ctx);
    assert.match(messages(result), /depends on `rsmq` \(a message broker client\)/);
    assert.doesNotMatch(
      result.counterEvidence.map((e) => e.message).join('\n'),
      /No broker carries these events/,
    );
  });

  it('event-driven: a function handler sending to a queue that triggers another function is both sides of messaging', () => {
    const manifest: Manifest = {
      kind: 'serverless',
      file: 'serverless.yml',
      functions: [
        { name: 'sender', handler: 'handler.sender', handlerFile: 'handler.ts', events: ['http'] },
        { name: 'receiver', handler: 'handler.receiver', handlerFile: 'handler.ts', events: ['sqs'] },
      ],
      resources: { receiverQueue: 'AWS::SQS::Queue' },
    };
    const ctx = contextOf(
      buildModel({ 'handler.ts': ['sqs/sender.ts'], 'sqs/sender.ts': ['aws-sdk'] }, [manifest]),
      {
        symbols: {
          'sqs/sender.ts': symbols({
            calls: [{ name: 'sendMessage', receiver: 'sqs', line: 9 }],
          }),
        },
      },
    );
    const result = eventDriven.detect(ctx);
    assert.match(messages(result), /`sqs\/sender.ts` calls `sqs.sendMessage`/);
    assert.match(
      messages(result),
      /Both sides of messaging are here: `sqs\/sender.ts` sends messages and 1 function is triggered/,
    );
    assert.equal(result.verdict, 'yes', messages(result));
  });
});
