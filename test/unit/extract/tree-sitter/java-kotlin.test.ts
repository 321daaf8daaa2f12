import * as assert from 'node:assert/strict';
import { extractImports, extractSymbols } from '../../../../src/core/extract';
import { initTreeSitter } from '../../../../src/node/tree-sitter-runtime';

const imports = (file: string, text: string) =>
  extractImports(file, text).imports.map((i) => [i.specifier, i.line, i.column]);

describe('tree-sitter: Java and Kotlin', () => {
  before(() => initTreeSitter());

  it('reads Java imports: single-type, wildcard, static and static wildcard, with positions', () => {
    const text = [
      '// header comment mentioning import fake.Thing;',
      'package com.acme.orders;',
      '',
      'import java.util.List;',
      'import com.acme.shared.*;',
      'import static org.junit.Assert.assertEquals;',
      'import static com.acme.Util.*;',
      'import  com . acme . spaced . Name ;',
      '',
      '@Service',
      'public class Orders {}',
      'import not.an.Import;',
    ].join('\n');
    assert.deepEqual(imports('Orders.java', text), [
      ['java.util.List', 4, 8],
      ['com.acme.shared.*', 5, 8],
      ['static org.junit.Assert.assertEquals', 6, 15],
      ['static com.acme.Util.*', 7, 15],
      ['com.acme.spaced.Name', 8, 9],
    ]);
    assert.deepEqual(extractImports('Orders.java', text).declares, ['com.acme.orders']);
  });

  it('reads Java declarations: stereotypes, @SpringBootApplication, listeners, extends and implements', () => {
    const text = [
      'package com.acme;',
      'import org.springframework.stereotype.Service;',
      '@SpringBootApplication',
      '@org.springframework.stereotype.Service("orders")',
      'public abstract class Orders extends Base<T> implements Handler<Foo>, Bar {',
      '  @KafkaListener(topics = "orders")',
      '  void on(String m) { kafka.send("payments", m); }',
      '}',
      'interface Port extends A, B { void save(); }',
    ].join('\n');
    const symbols = extractSymbols('Orders.java', text);
    assert.equal(symbols.package, 'com.acme');
    assert.deepEqual(symbols.classes, [
      {
        name: 'Orders',
        line: 5,
        exported: true,
        abstract: true,
        decorators: ['SpringBootApplication', 'Service'],
        decoratorArguments: [],
        extends: 'Base',
        implements: ['Handler', 'Bar'],
        methods: ['on'],
      },
    ]);
    assert.deepEqual(symbols.interfaces, [
      { name: 'Port', line: 9, exported: false, extends: ['A', 'B'], members: ['save'] },
    ]);
    assert.deepEqual(symbols.annotations, [
      { name: 'SpringBootApplication', line: 3, on: 'Orders' },
      { name: 'Service', line: 4, on: 'Orders' },
      { name: 'KafkaListener', line: 6, on: 'on' },
    ]);
    assert.deepEqual(symbols.calls, [
      { name: 'send', line: 7, receiver: 'kafka', firstStringArgument: 'payments' },
    ]);
  });

  it('reads Kotlin imports (wildcard, alias) after @file annotations, and the package', () => {
    const text = [
      '@file:JvmName("Orders")',
      'package com.acme.orders',
      '',
      'import java.util.List',
      'import com.acme.shared.*',
      'import org.foo.Bar as Baz',
      '',
      '@SpringBootApplication',
      'class App',
      'import late.Import',
    ].join('\n');
    assert.deepEqual(imports('App.kt', text), [
      ['java.util.List', 4, 8],
      ['com.acme.shared.*', 5, 8],
      ['org.foo.Bar', 6, 8],
    ]);
    assert.deepEqual(extractImports('App.kt', text).declares, ['com.acme.orders']);
  });

  it('reads Kotlin declarations: annotations, the superclass called with (), interfaces, main', () => {
    const text = [
      'package com.acme',
      '@Service',
      'open class Svc(private val repo: Repo) : Base(), Port<Order> {',
      '  @KafkaListener(topics = ["x"])',
      '  fun handle(e: Event) { kafka.send("orders", e) }',
      '}',
      'interface Port<T> : Marker',
      'fun main(args: Array<String>) {}',
    ].join('\n');
    const symbols = extractSymbols('Svc.kt', text);
    assert.equal(symbols.package, 'com.acme');
    assert.deepEqual(
      symbols.classes.map((c) => [c.name, c.line, c.decorators, c.extends, c.implements, c.methods]),
      [['Svc', 3, ['Service'], 'Base', ['Port'], ['handle']]],
    );
    assert.deepEqual(
      symbols.interfaces.map((i) => [i.name, i.extends]),
      [['Port', ['Marker']]],
    );
    assert.deepEqual(
      symbols.functions.map((f) => [f.name, f.line, f.parameters]),
      [['main', 8, ['args']]],
    );
    assert.deepEqual(symbols.annotations, [
      { name: 'Service', line: 2, on: 'Svc' },
      { name: 'KafkaListener', line: 4, on: 'handle' },
    ]);
    assert.deepEqual(symbols.calls, [
      { name: 'send', line: 5, receiver: 'kafka', firstStringArgument: 'orders' },
    ]);
  });

  it('reads the imports of a package-info.java, whose annotations stand before the package', () => {
    const text = '@NullMarked\npackage run.app.theme;\n\nimport org.jspecify.annotations.NullMarked;\n';
    assert.deepEqual(imports('package-info.java', text), [['org.jspecify.annotations.NullMarked', 4, 8]]);
  });

  it('finds the same imports in the header as in the whole file', () => {
    const body = Array.from({ length: 50 }, (_, i) => `  void m${i}() { int x = ${i}; }`).join('\n');
    const text = `package a;\nimport b.C;\nimport d.*;\n/** class in a comment */\npublic final class X {\n${body}\n}\n`;
    const headerOnly = imports('X.java', text);
    assert.deepEqual(headerOnly, [
      ['b.C', 2, 8],
      ['d.*', 3, 8],
    ]);
  });
});
