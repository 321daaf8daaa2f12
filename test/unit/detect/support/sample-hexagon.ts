import type { FileSymbols } from '../../../../src/core/model';
import { symbols } from './build-model';

/** A clean hexagon: a pure core with a port, a driver adapter implementing it, main.ts wiring both. */
export const hexagonFiles: Readonly<Record<string, readonly string[]>> = {
  'src/main.ts': ['src/core/use-case.ts', 'src/adapters/pg-repo.ts'],
  'src/core/use-case.ts': ['src/core/repo.ts', 'src/core/order.ts'],
  'src/core/repo.ts': ['src/core/order.ts'],
  'src/core/order.ts': [],
  'src/adapters/pg-repo.ts': ['pg', 'src/core/repo.ts', 'src/core/order.ts'],
  'src/adapters/http.ts': ['express', 'src/core/use-case.ts'],
};

/** The declarations that make it ports and adapters: `PgOrderRepository implements OrderRepository`. */
export const hexagonSymbols: Readonly<Record<string, FileSymbols>> = {
  'src/core/repo.ts': symbols({
    interfaces: [{ name: 'OrderRepository', line: 2, exported: true, extends: [], members: ['save'] }],
  }),
  'src/adapters/pg-repo.ts': symbols({
    classes: [
      {
        name: 'PgOrderRepository',
        line: 4,
        exported: true,
        abstract: false,
        decorators: [],
        decoratorArguments: [],
        implements: ['OrderRepository'],
        methods: ['save'],
      },
    ],
  }),
};
