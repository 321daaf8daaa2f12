import * as assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../src/core';
import { createWorkspaceDetectContext } from '../../../src/core/detect';
import { hexagonal } from '../../../src/core/detect/hexagonal';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';
import type { PatternResult } from '../../../src/core/model';
import { initTreeSitter } from '../../../src/node/tree-sitter-runtime';

/** A workspace of real files, analysed as the engine does (imports parsed by the grammars and resolved). */
function workspace(texts: Readonly<Record<string, string>>) {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(texts).map(([p, t]) => [`/w/${p}`, t])));
  return createWorkspaceDetectContext(fs, analyzeWorkspace(fs, '/w'));
}

function all(result: PatternResult): string {
  return [...result.evidence, ...result.counterEvidence].map((e) => e.message).join('\n');
}

/**
 * In each language, a core file mentions an infrastructure import only in a comment or a string
 * (a line that reads `import org.hibernate.Session;` inside a block comment, a docstring, a raw
 * string): read as text lines it would be a leaky core; read from the resolved imports it is not.
 * And a real infrastructure import in the core is a leak, found from the graph with its line.
 */
const CASES: readonly {
  readonly language: string;
  readonly clean: Readonly<Record<string, string>>;
  readonly leakyFile: string;
  readonly leaky: string;
  readonly leakLine: number;
}[] = [
  {
    language: 'Java',
    clean: {
      'src/main/java/com/acme/shop/domain/Order.java':
        'package com.acme.shop.domain;\n\n/*\nimport org.hibernate.Session;\n*/\npublic class Order {}\n',
      'src/main/java/com/acme/shop/application/PlaceOrder.java':
        'package com.acme.shop.application;\n\nimport com.acme.shop.domain.Order;\n\npublic class PlaceOrder {}\n',
      'src/main/java/com/acme/shop/adapters/OrderRepository.java':
        'package com.acme.shop.adapters;\n\nimport com.acme.shop.domain.Order;\nimport jakarta.persistence.Entity;\n\npublic class OrderRepository {}\n',
    },
    leakyFile: 'src/main/java/com/acme/shop/domain/Order.java',
    leaky:
      'package com.acme.shop.domain;\n\nimport java.util.List;\nimport org.hibernate.Session;\n\npublic class Order {}\n',
    leakLine: 4,
  },
  {
    language: 'Kotlin',
    clean: {
      'src/main/kotlin/com/acme/shop/domain/Order.kt':
        'package com.acme.shop.domain\n\nval note = """\nimport io.ktor.server.application\n"""\nclass Order\n',
      'src/main/kotlin/com/acme/shop/application/PlaceOrder.kt':
        'package com.acme.shop.application\n\nimport com.acme.shop.domain.Order\n\nclass PlaceOrder\n',
      'src/main/kotlin/com/acme/shop/adapters/OrderRoutes.kt':
        'package com.acme.shop.adapters\n\nimport com.acme.shop.domain.Order\nimport io.ktor.server.routing.Route\n\nclass OrderRoutes\n',
    },
    leakyFile: 'src/main/kotlin/com/acme/shop/domain/Order.kt',
    leaky: 'package com.acme.shop.domain\n\nimport io.ktor.server.routing.Route\n\nclass Order\n',
    leakLine: 3,
  },
  {
    language: 'C#',
    clean: {
      'src/Shop/Domain/Order.cs':
        'namespace Shop.Domain;\n\n/*\nusing Microsoft.EntityFrameworkCore;\n*/\npublic class Order {}\n',
      'src/Shop/Application/PlaceOrder.cs':
        'using Shop.Domain;\n\nnamespace Shop.Application;\n\npublic class PlaceOrder {}\n',
      'src/Shop/Adapters/OrderStore.cs':
        'using Microsoft.EntityFrameworkCore;\nusing Shop.Domain;\n\nnamespace Shop.Adapters;\n\npublic class OrderStore {}\n',
      'src/Shop/Shop.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
    },
    leakyFile: 'src/Shop/Domain/Order.cs',
    leaky:
      '\uFEFFusing System;\nusing Microsoft.EntityFrameworkCore;\n\nnamespace Shop.Domain;\n\npublic class Order {}\n',
    leakLine: 2,
  },
  {
    language: 'Python',
    clean: {
      'shop/__init__.py': '',
      'shop/domain/__init__.py': '',
      'shop/domain/order.py': '"""The order.\n\nimport sqlalchemy\n"""\n\n\nclass Order:\n    pass\n',
      'shop/application/__init__.py': '',
      'shop/application/place_order.py': 'from shop.domain.order import Order\n',
      'shop/adapters/__init__.py': '',
      'shop/adapters/repository.py': 'import sqlalchemy\nfrom shop.domain.order import Order\n',
    },
    leakyFile: 'shop/domain/order.py',
    leaky: 'import dataclasses\nimport sqlalchemy\n\n\nclass Order:\n    pass\n',
    leakLine: 2,
  },
];

describe('detect: named rings judged from the resolved imports of Java, Kotlin, C# and Python', () => {
  before(async () => {
    await initTreeSitter();
  });

  it('C#: a `global using` of infrastructure at the project root counts for the core files of that project', () => {
    const csharp = CASES.find((c) => c.language === 'C#');
    assert.ok(csharp);
    const leaky = hexagonal.detect(
      workspace({
        ...csharp.clean,
        'src/Shop/GlobalUsings.cs': 'global using Microsoft.EntityFrameworkCore;\n',
      }),
    );
    const leak = leaky.counterEvidence.find((e) => e.message.startsWith('Leaky hexagon'));
    assert.ok(leak, all(leaky));
    assert.equal(leak.file, 'src/Shop/GlobalUsings.cs');
    assert.match(leak.message, /sees `Microsoft.EntityFrameworkCore` through the `global using`/);
  });

  for (const c of CASES) {
    it(`${c.language}: an infrastructure import written in a comment or string of the core is no leak; a real one is, with its line`, () => {
      const clean = hexagonal.detect(workspace(c.clean));
      assert.doesNotMatch(all(clean), /Leaky hexagon/, all(clean));
      assert.doesNotMatch(all(clean), /imports were not read|read as text/, all(clean));
      assert.match(all(clean), /import no driver or web framework \(their resolved imports\)/, all(clean));

      const leaky = hexagonal.detect(workspace({ ...c.clean, [c.leakyFile]: c.leaky }));
      const leak = leaky.counterEvidence.find((e) => e.message.startsWith('Leaky hexagon'));
      assert.ok(leak, all(leaky));
      assert.equal(leak.file, c.leakyFile);
      assert.equal(leak.line, c.leakLine);
    });
  }
});
