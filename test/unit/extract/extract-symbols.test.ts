import * as assert from 'node:assert/strict';
import { extractSymbols } from '../../../src/core/extract';

describe('extractSymbols', () => {
  it('reads classes: decorators, their first identifier argument, heritage, methods', () => {
    const text = [
      "import { Injectable } from '@nestjs/common';",
      '@Injectable()',
      '@CommandHandler(CreateOrderCommand, "x")',
      '@nest.Module({ imports: [] })',
      '@Sealed',
      'export abstract class CreateOrderHandler extends Base<T> implements ICommandHandler<CreateOrderCommand>, ns.Port {',
      '  constructor(private readonly bus: EventBus) { super(); }',
      '  async execute(command: CreateOrderCommand) {}',
      '  abstract undo(): void;',
      '  handle = async (e: Event) => {};',
      '  #secret() {}',
      '  get value() { return 1; }',
      '  count = 0;',
      '}',
      'class Local extends mixin(A) {}',
    ].join('\n');
    assert.deepEqual(extractSymbols('h.ts', text).classes, [
      {
        name: 'CreateOrderHandler',
        line: 6,
        exported: true,
        abstract: true,
        decorators: ['Injectable', 'CommandHandler', 'Module', 'Sealed'],
        decoratorArguments: ['CreateOrderCommand'],
        extends: 'Base',
        implements: ['ICommandHandler', 'ns.Port'],
        methods: ['execute', 'undo', 'handle', '#secret'],
      },
      {
        name: 'Local',
        line: 15,
        exported: false,
        abstract: false,
        decorators: [],
        decoratorArguments: [],
        implements: [],
        methods: [],
      },
    ]);
  });

  it('reads interfaces with their heritage and members', () => {
    const text = [
      'export interface OrderRepository extends Repository<Order>, base.Port {',
      '  save(order: Order): Promise<void>;',
      '  readonly name: string;',
      '  [key: string]: unknown;',
      '  (x: number): void;',
      '}',
      'interface Hidden {}',
      'export { Hidden };',
    ].join('\n');
    assert.deepEqual(extractSymbols('r.ts', text).interfaces, [
      {
        name: 'OrderRepository',
        line: 1,
        exported: true,
        extends: ['Repository', 'base.Port'],
        members: ['save', 'name'],
      },
      { name: 'Hidden', line: 7, exported: true, extends: [], members: [] },
    ]);
  });

  it('reads top-level functions and function-valued consts', () => {
    const text = [
      'export async function main(event, context = {}, ...rest) {}',
      'function helper({ a }, [b]) {}',
      'export const handler = async (event: APIGatewayEvent) => ({ statusCode: 200 });',
      'const local = function named(x) {};',
      'const notAFunction = 1;',
      'export default async (req) => {};',
      'function inner() { function nested() {} }',
    ].join('\n');
    assert.deepEqual(extractSymbols('f.ts', text).functions, [
      { name: 'main', line: 1, exported: true, parameters: ['event', 'context', 'rest'], async: true },
      { name: 'helper', line: 2, exported: false, parameters: ['{}', '[]'], async: false },
      { name: 'handler', line: 3, exported: true, parameters: ['event'], async: true },
      { name: 'local', line: 4, exported: false, parameters: ['x'], async: false },
      { name: 'default', line: 6, exported: true, parameters: ['req'], async: true },
      { name: 'inner', line: 7, exported: false, parameters: [], async: false },
    ]);
  });

  it('reads calls with their receiver and first string argument, or the name of the first argument', () => {
    const text = [
      'class S {',
      '  run() {',
      "    this.eventBus.publish('order.created', payload);",
      '    bus.subscribe(`order.paid`, h);',
      '    emit(name);',
      "    this.save('x');",
      "    a.b.c.send('deep');",
      "    client?.emit('maybe');",
      '    (producer as Producer).send(msg);',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(extractSymbols('c.ts', text).calls, [
      { name: 'publish', receiver: 'eventBus', line: 3, firstStringArgument: 'order.created' },
      { name: 'subscribe', receiver: 'bus', line: 4, firstStringArgument: 'order.paid' },
      { name: 'emit', line: 5, firstArgumentName: 'name' },
      { name: 'save', line: 6, firstStringArgument: 'x' },
      { name: 'send', line: 7, firstStringArgument: 'deep' },
      { name: 'emit', receiver: 'client', line: 8, firstStringArgument: 'maybe' },
      { name: 'send', receiver: 'producer', line: 9, firstArgumentName: 'msg' },
    ]);
  });

  it('marks declarations exported through an export list or export default', () => {
    const text = 'class A {}\nclass B {}\nfunction c() {}\nexport { A as Alpha, c };\nexport default B;';
    const symbols = extractSymbols('e.ts', text);
    assert.deepEqual(
      symbols.classes.map((c) => [c.name, c.exported]),
      [
        ['A', true],
        ['B', true],
      ],
    );
    assert.deepEqual(
      symbols.functions.map((f) => [f.name, f.exported]),
      [['c', true]],
    );
  });

  it('counts lines after non-ASCII text and in JSX files', () => {
    const text = "// 😀 中文\nexport const View = () => <div onClick={() => track('click')} />;";
    const symbols = extractSymbols('v.jsx', text);
    assert.deepEqual(symbols.functions[0]?.line, 2);
    assert.deepEqual(symbols.calls, [{ name: 'track', line: 2, firstStringArgument: 'click' }]);
  });

  it('returns no symbols, without throwing, for broken or unknown files', () => {
    assert.deepEqual(extractSymbols('x.ts', 'class {'), {
      classes: [],
      interfaces: [],
      functions: [],
      calls: [],
    });
    assert.deepEqual(extractSymbols('x.md', 'class A {}'), {
      classes: [],
      interfaces: [],
      functions: [],
      calls: [],
    });
  });
});
