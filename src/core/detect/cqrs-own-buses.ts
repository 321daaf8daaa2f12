import type { DetectContext } from './context';
import type { Fact } from './scoring';
import { scriptsMatching, symbolsOf } from './signals';

const BUS_FILE = /(?:Command|Query)Bus|(?:command|query)[-_.]?bus/i;
const BUS_NAME = /^I?(Command|Query)Bus$/;

/**
 * A command bus and a query bus the codebase declares itself (`interface CommandBus` in the
 * domain, `class InMemoryCommandBus implements CommandBus` in the infrastructure), as a bus
 * package would provide them: both sides, or nothing.
 */
export function ownBuses(ctx: DetectContext): Fact[] {
  const found = new Map<'Command' | 'Query', Fact>();
  for (const [file, symbols] of symbolsOf(ctx, scriptsMatching(ctx, BUS_FILE).slice(0, 40))) {
    for (const declared of [...symbols.interfaces, ...symbols.classes.filter((c) => c.abstract)]) {
      const side = BUS_NAME.exec(declared.name)?.[1];
      if ((side === 'Command' || side === 'Query') && !found.has(side))
        found.set(side, {
          file,
          line: declared.line,
          message: `\`${declared.name}\` is the ${side.toLowerCase()} bus the code declares itself`,
        });
    }
    for (const cls of symbols.classes) {
      const bus = cls.implements.find((i) => BUS_NAME.test(i));
      const side = bus !== undefined ? BUS_NAME.exec(bus)?.[1] : undefined;
      if ((side === 'Command' || side === 'Query') && !found.has(side))
        found.set(side, {
          file,
          line: cls.line,
          message: `\`${cls.name}\` implements its own ${side.toLowerCase()} bus \`${bus ?? ''}\``,
        });
    }
  }
  const command = found.get('Command');
  const query = found.get('Query');
  return command !== undefined && query !== undefined ? [command, query] : [];
}
