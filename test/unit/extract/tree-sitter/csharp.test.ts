import * as assert from 'node:assert/strict';
import { extractImports, extractSymbols } from '../../../../src/core/extract';
import { initTreeSitter } from '../../../../src/node/tree-sitter-runtime';

const imports = (file: string, text: string) =>
  extractImports(file, text).imports.map((i) => [i.specifier, i.line, i.column]);

describe('tree-sitter: C#', () => {
  before(() => initTreeSitter());

  it('reads using, using static, global using and aliases, inside namespace blocks too', () => {
    const text = [
      'global using System.Text;',
      'using static System.Math;',
      'using Alias = Acme.Shared.Thing;',
      'global using static Acme.Guard;',
      'using Acme.Orders;',
      'namespace Acme.Orders.App {',
      '  using Acme.Inner;',
      '  [ApiController]',
      '  public class H {}',
      '}',
    ].join('\n');
    assert.deepEqual(imports('H.cs', text), [
      ['global System.Text', 1, 14],
      ['static System.Math', 2, 14],
      ['Acme.Shared.Thing', 3, 15],
      ['global static Acme.Guard', 4, 21],
      ['Acme.Orders', 5, 7],
      ['Acme.Inner', 7, 9],
    ]);
    assert.deepEqual(extractImports('H.cs', text).declares, ['Acme.Orders.App']);
  });

  it('reads a file that starts with a byte-order mark and has CRLF line ends', () => {
    const text =
      '\uFEFFusing System;\r\nusing Acme.Domain;\r\n\r\nnamespace Acme.Api;\r\npublic class C {}\r\n';
    assert.deepEqual(imports('C.cs', text), [
      ['System', 1, 8],
      ['Acme.Domain', 2, 7],
    ]);
    assert.deepEqual(extractImports('C.cs', text).declares, ['Acme.Api']);
    const symbols = extractSymbols('C.cs', text);
    assert.deepEqual(
      symbols.classes.map((c) => [c.name, c.line]),
      [['C', 5]],
    );
  });

  it('reads nested and file-scoped namespaces', () => {
    assert.deepEqual(extractImports('a.cs', 'namespace A { namespace B { class X {} } }').declares, [
      'A',
      'A.B',
    ]);
    assert.deepEqual(extractImports('b.cs', 'namespace A.B.C;\nclass X {}').declares, ['A.B.C']);
  });

  it('reads MediatR handlers: attributes, base class and interfaces with their lines, and calls', () => {
    const text = [
      'namespace Acme.App;',
      '[Authorize]',
      'public sealed class Create : Base, IRequestHandler<CreateOrder, int>, INotificationHandler<Created>',
      '{',
      '  [HttpPost] public async Task Run() { await _bus.Publish("orders", 1); }',
      '}',
      'public record Created(int Id) : INotification;',
      'public interface IOrders : IRepository<Order> { void Save(); }',
    ].join('\n');
    const symbols = extractSymbols('Create.cs', text);
    assert.equal(symbols.package, 'Acme.App');
    assert.deepEqual(
      symbols.classes.map((c) => [c.name, c.line, c.decorators, c.extends, c.implements, c.methods]),
      [
        ['Create', 3, ['Authorize'], 'Base', ['IRequestHandler', 'INotificationHandler'], ['Run']],
        ['Created', 7, [], undefined, ['INotification'], []],
      ],
    );
    assert.deepEqual(
      symbols.interfaces.map((i) => [i.name, i.extends, i.members]),
      [['IOrders', ['IRepository'], ['Save']]],
    );
    assert.deepEqual(symbols.annotations, [
      { name: 'Authorize', line: 2, on: 'Create' },
      { name: 'HttpPost', line: 5, on: 'Run' },
    ]);
    assert.deepEqual(symbols.calls, [
      { name: 'Publish', line: 5, receiver: '_bus', firstStringArgument: 'orders' },
    ]);
  });
});
