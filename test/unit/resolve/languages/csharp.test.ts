import * as assert from 'node:assert/strict';
import { initTreeSitter } from '../../../../src/node/tree-sitter-runtime';
import { edgeList, edgesOf } from './support';

describe('resolve: C#', () => {
  before(() => initTreeSitter());

  const solution = {
    'src/Domain/Domain.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>',
    'src/Domain/Orders/Order.cs': '\uFEFFnamespace Acme.Domain.Orders;\npublic class Order {}',
    'src/Domain/Guard.cs': 'namespace Acme.Domain { public static class Guard {} }',
    'src/Application/Application.csproj':
      '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="..\\Domain\\Domain.csproj" /></ItemGroup></Project>',
    'src/Application/GlobalUsings.cs': 'global using Acme.Domain.Orders;',
    'src/Application/Create.cs': [
      '\uFEFFusing System.Threading;',
      'using MediatR;',
      'using static Acme.Domain.Guard;',
      'using O = Acme.Domain.Orders.Order;',
      'using Acme.Domain.Missing;',
      'namespace Acme.Application;',
      'public class Create {}',
    ].join('\r\n'),
    // Declares the same namespace in a project Application does not reference.
    'tools/Other/Other.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>',
    'tools/Other/A.cs': 'namespace Acme.Domain.Orders;\nclass A {}',
  };

  it('resolves usings to the files declaring the namespace, preferring referenced projects', () => {
    assert.deepEqual(edgesOf(solution), [
      ['src/Application/Create.cs', 'System.Threading', 'System.Threading', 'builtin'],
      ['src/Application/Create.cs', 'MediatR', 'MediatR', 'external'],
      ['src/Application/Create.cs', 'static Acme.Domain.Guard', 'src/Domain/Guard.cs', 'internal'],
      ['src/Application/Create.cs', 'Acme.Domain.Orders.Order', 'src/Domain/Orders/Order.cs', 'internal'],
      ['src/Application/Create.cs', 'Acme.Domain.Missing', null, 'unresolved'],
      [
        'src/Application/GlobalUsings.cs',
        'global Acme.Domain.Orders',
        'src/Domain/Orders/Order.cs',
        'internal',
      ],
    ]);
    const missing = edgeList(solution).find((e) => e.specifier === 'Acme.Domain.Missing');
    assert.match(missing?.reason ?? '', /no file declares namespace `Acme.Domain.Missing`/);
  });

  it('binds a namespace declared only in unreferenced projects to the framework, or leaves it unresolved', () => {
    const files = {
      'Api/Api.csproj': '<Project/>',
      'Api/Program.cs': 'using Microsoft.Extensions.DependencyInjection;\nusing Acme.Grpc;\nclass Program {}',
      'Lib/Lib.csproj': '<Project/>',
      // A library extending the framework's namespace, and a service whose gRPC client the API generates itself.
      'Lib/Registration.cs':
        'namespace Microsoft.Extensions.DependencyInjection;\nstatic class Registration {}',
      'Lib/Service.cs': 'namespace Acme.Grpc;\nclass Service {}',
    };
    assert.deepEqual(edgesOf(files), [
      [
        'Api/Program.cs',
        'Microsoft.Extensions.DependencyInjection',
        'Microsoft.Extensions.DependencyInjection',
        'builtin',
      ],
      ['Api/Program.cs', 'Acme.Grpc', null, 'unresolved'],
    ]);
    assert.equal(
      edgeList(files)[1]?.reason,
      'namespace `Acme.Grpc` is declared only in projects that the project of this file does not reference',
    );
  });

  it('takes ProjectReferences of Directory.Build.props above the project', () => {
    const edges = edgesOf({
      'src/Directory.Build.props':
        '<Project><ItemGroup><ProjectReference Include="$(MSBuildThisFileDirectory)Shared/Shared.csproj" /></ItemGroup></Project>',
      'src/Shared/Shared.csproj': '<Project/>',
      'src/Shared/Clock.cs': 'namespace Acme.Time;\nclass Clock {}',
      'other/Other.csproj': '<Project/>',
      'other/Clock.cs': 'namespace Acme.Time;\nclass Clock {}',
      'src/Api/Api.csproj': '<Project/>',
      'src/Api/Program.cs': 'using Acme.Time;\nclass Program {}',
    });
    assert.deepEqual(edges, [['src/Api/Program.cs', 'Acme.Time', 'src/Shared/Clock.cs', 'internal']]);
  });
});
