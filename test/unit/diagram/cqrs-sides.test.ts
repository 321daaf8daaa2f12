import * as assert from 'node:assert/strict';
import { buildDiagram, INITIAL_STATE, type DiagramModel } from '../../../src/core/diagram';
import type { ClassSymbol, FileSymbols } from '../../../src/core/model';
import { modelOf } from './sample-models';

const cls = (name: string, extra: Partial<ClassSymbol> = {}): ClassSymbol => ({
  name,
  line: 1,
  exported: true,
  abstract: false,
  decorators: [],
  decoratorArguments: [],
  implements: [],
  methods: [],
  ...extra,
});
const only = (...classes: ClassSymbol[]): FileSymbols => ({
  classes,
  interfaces: [],
  functions: [],
  calls: [],
});

// A library service: two commands and a query with handlers, an event handler that reacts to a
// published event, and test doubles beside them that must not show up.
const SYMBOLS: Record<string, FileSymbols> = {
  'src/loans/commands/lend-book.command.ts': only(cls('LendBookCommand')),
  'src/loans/commands/lend-book.handler.ts': only(
    cls('LendBookHandler', { decorators: ['CommandHandler'], decoratorArguments: ['LendBookCommand'] }),
  ),
  'src/loans/commands/return-book.command.ts': only(cls('ReturnBookCommand')),
  'src/loans/queries/overdue-loans.query.ts': only(cls('OverdueLoansQuery')),
  'src/loans/queries/overdue-loans.handler.ts': only(
    cls('OverdueLoansHandler', { decorators: ['QueryHandler'], decoratorArguments: ['OverdueLoansQuery'] }),
  ),
  'src/loans/events/book-lent.handler.ts': only(
    cls('NotifyReaderOnBookLent', { decorators: ['EventsHandler'], decoratorArguments: ['BookLentEvent'] }),
  ),
  'src/loans/commands/lend-book.handler.spec.ts': only(cls('FakeLendBookCommand')),
  'test/doubles/stub-overdue-loans.query.ts': only(cls('StubOverdueLoansQuery')),
  'src/loans/__mocks__/mock-return-book.command.ts': only(cls('MockReturnBookCommand')),
};

function cqrs(): DiagramModel {
  const model = modelOf(Object.keys(SYMBOLS), []);
  const result = buildDiagram('cqrs', { model, symbols: (file) => SYMBOLS[file] }, INITIAL_STATE);
  if (result.kind !== 'diagram') assert.fail(result.reason);
  return result.model;
}

describe('CQRS view: sides, test doubles and words', () => {
  it('event handlers are drawn apart, not on the read side', () => {
    const model = cqrs();
    const group = (label: string) => model.nodes.find((n) => n.label === label)?.group;
    assert.equal(group('LendBookCommand'), 'cqrs:write');
    assert.equal(group('OverdueLoansQuery'), 'cqrs:read');
    assert.notEqual(group('NotifyReaderOnBookLent'), 'cqrs:read');
    assert.notEqual(group('NotifyReaderOnBookLent'), 'cqrs:write');
    const eventsGroup = model.groups.find((g) => g.id === group('NotifyReaderOnBookLent'));
    assert.match(eventsGroup?.label ?? '', /event/i);
  });

  it('leaves out test files and test doubles', () => {
    const labels = cqrs().nodes.map((n) => n.label);
    for (const double of ['FakeLendBookCommand', 'StubOverdueLoansQuery', 'MockReturnBookCommand'])
      assert.ok(!labels.includes(double), `${double} drawn: ${labels.join(', ')}`);
  });

  it('a grouped drawing says "queries" and "command handlers", never "querys"', () => {
    // Enough queries in one service that the view groups them per kind.
    const many: Record<string, FileSymbols> = {};
    for (let i = 0; i < 80; i++) {
      many[`src/reports/queries/report-${i}.query.ts`] = only(cls(`Report${i}Query`));
      many[`src/reports/commands/job-${i}.command.ts`] = only(cls(`Job${i}Command`));
      many[`src/reports/commands/job-${i}.handler.ts`] = only(
        cls(`Job${i}Handler`, { decorators: ['CommandHandler'], decoratorArguments: [`Job${i}Command`] }),
      );
    }
    const result = buildDiagram(
      'cqrs',
      { model: modelOf(Object.keys(many), []), symbols: (file) => many[file] },
      INITIAL_STATE,
    );
    if (result.kind !== 'diagram') assert.fail(result.reason);
    const labels = result.model.nodes.map((n) => n.label).join(' | ');
    assert.doesNotMatch(labels, /querys/);
    assert.match(labels, /80 queries/);
    assert.match(labels, /80 command handlers/);
  });
});
