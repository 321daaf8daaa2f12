import * as assert from 'node:assert/strict';
import { initTreeSitter } from '../../../../src/node/tree-sitter-runtime';
import { edgeList, edgesOf } from './support';

describe('resolve: Java and Kotlin', () => {
  before(() => initTreeSitter());

  const multiModule = {
    'settings.gradle': "include 'orders', 'shared'",
    'orders/build.gradle': "dependencies {\n  implementation project(':shared')\n}",
    'shared/src/main/java/com/acme/shared/Money.java':
      'package com.acme.shared;\npublic class Money { public static class Cents {} }',
    'shared/src/main/java/com/acme/shared/Util.java':
      'package com.acme.shared;\npublic final class Util { public static int twice(int x) { return 2 * x; } }',
    'orders/src/main/java/com/acme/orders/Order.java': [
      'package com.acme.orders;',
      'import com.acme.shared.Money;',
      'import com.acme.shared.Money.Cents;',
      'import com.acme.shared.*;',
      'import static com.acme.shared.Util.twice;',
      'import static com.acme.shared.Util.*;',
      'import com.acme.shared.Missing;',
      'import java.util.List;',
      'import org.springframework.stereotype.Service;',
      'public class Order {}',
    ].join('\n'),
  };

  it('resolves class, nested class, wildcard and static imports across Gradle modules', () => {
    assert.deepEqual(edgesOf(multiModule), [
      [
        'orders/src/main/java/com/acme/orders/Order.java',
        'com.acme.shared.Money',
        'shared/src/main/java/com/acme/shared/Money.java',
        'internal',
      ],
      [
        'orders/src/main/java/com/acme/orders/Order.java',
        'com.acme.shared.Money.Cents',
        'shared/src/main/java/com/acme/shared/Money.java',
        'internal',
      ],
      [
        'orders/src/main/java/com/acme/orders/Order.java',
        'com.acme.shared.*',
        'shared/src/main/java/com/acme/shared/Money.java',
        'internal',
      ],
      [
        'orders/src/main/java/com/acme/orders/Order.java',
        'static com.acme.shared.Util.twice',
        'shared/src/main/java/com/acme/shared/Util.java',
        'internal',
      ],
      [
        'orders/src/main/java/com/acme/orders/Order.java',
        'static com.acme.shared.Util.*',
        'shared/src/main/java/com/acme/shared/Util.java',
        'internal',
      ],
      ['orders/src/main/java/com/acme/orders/Order.java', 'com.acme.shared.Missing', null, 'unresolved'],
      ['orders/src/main/java/com/acme/orders/Order.java', 'java.util.List', 'java.util', 'builtin'],
      [
        'orders/src/main/java/com/acme/orders/Order.java',
        'org.springframework.stereotype.Service',
        'org.springframework.stereotype',
        'external',
      ],
    ]);
    const missing = edgeList(multiModule).find((e) => e.specifier === 'com.acme.shared.Missing');
    assert.equal(missing?.reason, 'no class `Missing` in the workspace package `com.acme.shared`');
  });

  it('places a file by its package declaration, not its folder', () => {
    assert.deepEqual(
      edgesOf({
        'app/Main.java': 'package com.acme.app;\nimport com.acme.core.Engine;\nclass Main {}',
        'lib/Engine.java': 'package com.acme.core;\npublic class Engine {}',
      }),
      [['app/Main.java', 'com.acme.core.Engine', 'lib/Engine.java', 'internal']],
    );
  });

  it('resolves Kotlin class imports, aliases, top-level functions and classes of files named otherwise', () => {
    assert.deepEqual(
      edgesOf({
        'src/main/kotlin/com/acme/App.kt': [
          'package com.acme',
          'import com.acme.domain.Order',
          'import com.acme.domain.Order as O',
          'import com.acme.domain.placeOrder',
          'import com.acme.domain.LineItem',
          'import com.acme.domain.*',
          'import kotlinx.coroutines.launch',
          'fun main() {}',
        ].join('\n'),
        'src/main/kotlin/com/acme/domain/Order.kt':
          'package com.acme.domain\nclass Order\nclass LineItem\nfun placeOrder() {}',
      }),
      [
        [
          'src/main/kotlin/com/acme/App.kt',
          'com.acme.domain.Order',
          'src/main/kotlin/com/acme/domain/Order.kt',
          'internal',
        ],
        [
          'src/main/kotlin/com/acme/App.kt',
          'com.acme.domain.Order',
          'src/main/kotlin/com/acme/domain/Order.kt',
          'internal',
        ],
        [
          'src/main/kotlin/com/acme/App.kt',
          'com.acme.domain.placeOrder',
          'src/main/kotlin/com/acme/domain/Order.kt',
          'internal',
        ],
        [
          'src/main/kotlin/com/acme/App.kt',
          'com.acme.domain.LineItem',
          'src/main/kotlin/com/acme/domain/Order.kt',
          'internal',
        ],
        [
          'src/main/kotlin/com/acme/App.kt',
          'com.acme.domain.*',
          'src/main/kotlin/com/acme/domain/Order.kt',
          'internal',
        ],
        ['src/main/kotlin/com/acme/App.kt', 'kotlinx.coroutines.launch', 'kotlinx.coroutines', 'builtin'],
      ],
    );
  });

  it('picks the copy of a class in a module the importer depends on (Gradle, Kotlin DSL accessors too), never one it does not', () => {
    const files = {
      'settings.gradle.kts':
        'include(\n  ":orders",\n  ":events-api",\n  ":events-lambda",\n  ":billing",\n)',
      'orders/build.gradle.kts': 'dependencies { implementation(projects.eventsApi) }',
      'billing/build.gradle': "dependencies {\n  // compile project(':events-api')\n}",
      'events-api/src/main/java/com/acme/events/Created.java':
        'package com.acme.events;\npublic class Created {}',
      'events-lambda/src/main/java/com/acme/events/Created.java':
        'package com.acme.events;\npublic class Created {}',
      'orders/src/main/java/com/acme/orders/Handler.java':
        'package com.acme.orders;\nimport com.acme.events.Created;\nclass Handler {}',
      'billing/src/main/java/com/acme/billing/Listener.java':
        'package com.acme.billing;\nimport com.acme.events.Created;\nclass Listener {}',
    };
    const edges = edgeList(files);
    assert.deepEqual(
      edges.map((e) => [e.from, e.to, e.resolution]),
      [
        ['billing/src/main/java/com/acme/billing/Listener.java', null, 'unresolved'],
        [
          'orders/src/main/java/com/acme/orders/Handler.java',
          'events-api/src/main/java/com/acme/events/Created.java',
          'internal',
        ],
      ],
    );
    assert.equal(
      edges[0]?.reason,
      '`com.acme.events.Created` is only in modules that the module of this file does not depend on',
    );
  });

  it('prefers main sources over tests for a class in both', () => {
    const edges = edgesOf({
      'src/main/java/a/Use.java': 'package a;\nimport b.Thing;\nclass Use {}',
      'src/test/java/b/Thing.java': 'package b;\nclass Thing {}',
      'src/main/java/b/Thing.java': 'package b;\nclass Thing {}',
    });
    assert.deepEqual(edges[0], [
      'src/main/java/a/Use.java',
      'b.Thing',
      'src/main/java/b/Thing.java',
      'internal',
    ]);
  });
});
