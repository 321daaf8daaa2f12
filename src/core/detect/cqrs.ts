import { CQRS_PACKAGES } from '../units/known-packages';
import { baseName, stem } from '../units/paths';
import type { ServiceUnit } from '../units';
import type { DetectContext } from './context';
import type { Detector } from './detector';
import { ScoreCard } from './scoring';
import type { Fact } from './scoring';
import {
  dependencyFacts,
  foldersNamed,
  otherLanguageDependencies,
  filesMatching,
  otherLanguageSources,
  sourceTextFacts,
  symbolsOf,
} from './signals';
import { DOCUMENTED_WEIGHT, documentedStyle } from './documented-style';
import { ownBuses } from './cqrs-own-buses';

/** Source extensions whose file names follow the same conventions in any language. */
const EXT = String.raw`(?:[cm]?[jt]s|cs|java|kt|scala|go|py)`;
const COMMAND_FILE = new RegExp(
  String.raw`(?:^|\/)commands?\/|[.\-_]command(?:[.\-_]handler)?\.${EXT}$|Command(?:Handler)?\.${EXT}$|(?:^|\/)commands\.py$`,
  'i',
);
const QUERY_FILE = new RegExp(
  String.raw`(?:^|\/)quer(?:y|ies)\/|[.\-_]query(?:[.\-_]handler)?\.${EXT}$|Query(?:Handler)?\.${EXT}$|(?:^|\/)queries\.py$`,
  'i',
);
const HANDLER = /handler/i;
const READ_MODEL = new RegExp(
  String.raw`(?:^|\/)(?:read-?models?|projections?|projectors?|read-side|readside|views)\/|[.\-_](?:read-model|projection|projector|view-model)\.${EXT}$|ReadModel\.${EXT}$|Projection\.${EXT}$`,
  'i',
);
/** Handler declarations that read the same in C#, Java, Kotlin, Go: `class XCommandHandler`, `ICommandHandler<`, `decorator.QueryHandler[`, `@CommandHandler`. */
const HANDLER_TEXT =
  /\b(?:class|record|struct|type|object)\s+\w*(?:Command|Query)Handler\b|\bI?(?:Command|Query)Handler\s*[<[]|@(?:Command|Query)Handler\b/;
/** A Python handler function taking a command: `def allocate(cmd: commands.Allocate, uow)`. */
const FUNCTION_TAKING_COMMAND = /^\s*(?:def\s+\w+\(\s*)?\w+\s*:\s*commands\.[A-Z]\w*/;
/** The code's own command and query handler abstractions: `type CommandHandler[C any] interface`, `interface IQueryHandler<…>`. */
const HANDLER_INTERFACE =
  /\b(?:type\s+I?(?:Command|Query)Handler\b[^\n]*\binterface\b|interface\s+I?(?:Command|Query)Handler\b)/;
/** A message bus keeping a map from command types to their handlers (`COMMAND_HANDLERS = {`, `command_handlers:`). */
const COMMAND_MAP = /\b(?:COMMAND_HANDLERS|command_handlers|commandHandlers)\s*[:=]/;
/** A denormalised read table written by projections and read by queries: `allocations_view`, `order_read_model`. */
const READ_TABLE =
  /\b(?:from|into|update|join|table)\s*\(?\s*["'`]?[\w.]*_(?:view|read_?model|projection)\b|Table\(\s*["']\w+_(?:view|read_?model|projection)["']/i;
const SPLIT_STORE =
  /(?:^|[/.-])(?:read|query)[-_.]?(?:db|database|store|repository|connection|datasource|data-source)|(?:^|[/.-])(?:write|command)[-_.]?(?:db|database|store|connection|datasource|data-source)/i;
const CRUD_COMMAND = /^(?:create|update|delete|remove|add|edit|save|patch|upsert|set)[-_.]?/i;
const OTHER_LANGUAGE_CQRS = /\b(?:MediatR|axon|Axon|Brighter|Wolverine|eventuous|kotlin-cqrs|commanded)\b/;

/**
 * CQRS: a write path (commands) apart from a read path (queries), each with its own model and
 * maybe its own store. A command/query split over plain CRUD with no read model counts against.
 */
export const cqrs: Detector = {
  id: 'cqrs',
  detect(ctx: DetectContext) {
    const card = new ScoreCard('cqrs');
    const documented = documentedStyle(ctx, 'cqrs');
    card.add(DOCUMENTED_WEIGHT, documented);
    const commandFolders = foldersNamed(ctx, new Set(['commands', 'command']));
    const queryFolders = foldersNamed(ctx, new Set(['queries', 'query']));
    if (commandFolders.length > 0 && queryFolders.length > 0) {
      card.add(
        0.25,
        [...commandFolders.slice(0, 3), ...queryFolders.slice(0, 3)].map((f) => ({
          file: f,
          message: `\`${f}/\` separates ${/quer/i.test(baseName(f)) ? 'queries (reads)' : 'commands (writes)'}`,
        })),
      );
    } else if (commandFolders.length + queryFolders.length > 0) {
      const f = commandFolders[0] ?? queryFolders[0] ?? '.';
      card.add(0.05, [
        {
          file: f,
          message: `\`${f}/\` but no matching ${commandFolders.length > 0 ? 'queries' : 'commands'} folder`,
        },
      ]);
    }
    const commands = filesMatching(ctx, COMMAND_FILE);
    const queries = filesMatching(ctx, QUERY_FILE);
    const commandHandlers = commands.filter((f) => HANDLER.test(f));
    const queryHandlers = queries.filter((f) => HANDLER.test(f));
    if (commands.length > 0 && queries.length > 0) {
      card.add(0.15, [
        {
          file: commands[0] ?? '.',
          message: `${commands.length} command files, like \`${commands[0] ?? ''}\``,
        },
        { file: queries[0] ?? '.', message: `${queries.length} query files, like \`${queries[0] ?? ''}\`` },
      ]);
    }
    if (commandHandlers.length > 0 && queryHandlers.length > 0) {
      card.add(0.1, [
        {
          file: commandHandlers[0] ?? '.',
          message: `${commandHandlers.length} command handlers, like \`${commandHandlers[0] ?? ''}\``,
        },
        {
          file: queryHandlers[0] ?? '.',
          message: `${queryHandlers.length} query handlers, like \`${queryHandlers[0] ?? ''}\``,
        },
      ]);
    }
    card.add(0.15, dependencyFacts(ctx, CQRS_PACKAGES, 'a command/query bus'));
    card.add(0.15, ownBuses(ctx));
    card.add(0.15, otherLanguageDependencies(ctx, OTHER_LANGUAGE_CQRS, 'a command/query mediator'));
    buses(
      ctx,
      [...commandHandlers, ...queryHandlers, ...commands.slice(0, 50), ...queries.slice(0, 50)],
      card,
    );
    splitDeployables(ctx, card);
    const tableReaders = readTables(ctx, card);
    if (commands.length > 0 && queries.length === 0 && tableReaders.length > 0)
      card.add(0.15, [
        { file: commands[0] ?? '.', message: `Commands are declared in \`${commands[0] ?? ''}\`` },
        {
          ...(tableReaders[0] ?? { file: '.', message: '' }),
          message: `Queries read the read table in \`${tableReaders[0]?.file ?? ''}\``,
        },
      ]);
    otherLanguageBuses(ctx, commands, queries, tableReaders, card);

    const readModels = filesMatching(ctx, READ_MODEL);
    card.add(
      0.15,
      readModels.slice(0, 5).map((file) => ({ file, message: `\`${file}\` is a read model or projection` })),
    );
    const stores = filesMatching(ctx, SPLIT_STORE);
    const readers = stores.filter((f) => /read|query/i.test(f));
    const writers = stores.filter((f) => /write|command/i.test(f));
    if (readers.length > 0 && writers.length > 0) {
      card.add(
        0.1,
        [...readers.slice(0, 2), ...writers.slice(0, 2)].map((file) => ({
          file,
          message: `\`${file}\`: a separate ${/read|query/i.test(file) ? 'read' : 'write'} store`,
        })),
      );
    }

    if (commands.length > 0 && queries.length > 0 && readModels.length === 0) {
      const names = commands.filter((f) => !HANDLER.test(f)).map((f) => stem(f).replace(/[.-]command$/i, ''));
      const crud = names.filter((n) => CRUD_COMMAND.test(n));
      if (names.length > 0 && crud.length === names.length) {
        card.against(0.15, [
          {
            file: commands[0] ?? '.',
            message: `CQRS on plain CRUD: every command (${crud
              .slice(0, 4)
              .map((n) => `\`${n}\``)
              .join(', ')}) creates, updates or deletes, and no read model differs from the write model`,
          },
        ]);
      }
    }
    return card.result();
  },
};

function buses(ctx: DetectContext, candidates: readonly string[], card: ScoreCard): void {
  const facts: Fact[] = [];
  for (const [file, symbols] of symbolsOf(ctx, [...new Set(candidates)])) {
    for (const cls of symbols.classes) {
      const decorator = cls.decorators.find((d) => d === 'CommandHandler' || d === 'QueryHandler');
      if (decorator !== undefined)
        facts.push({ file, line: cls.line, message: `\`${cls.name}\` is a \`@${decorator}\`` });
      else if (cls.implements.some((i) => /^I?(?:Command|Query)Handler\b/.test(i)))
        facts.push({
          file,
          line: cls.line,
          message: `\`${cls.name}\` implements \`${cls.implements[0] ?? ''}\``,
        });
    }
  }
  const kinds = new Set(facts.map((f) => (/Query/.test(f.message) ? 'query' : 'command')));
  if (kinds.size === 2) card.add(0.1, facts.slice(0, 10));
}

/**
 * Other languages (declarations not extracted): command and query handler declarations read as
 * text in the command and query files, and message buses that map command types to handlers.
 */
function otherLanguageBuses(
  ctx: DetectContext,
  commands: readonly string[],
  queries: readonly string[],
  readers: readonly Fact[],
  card: ScoreCard,
): void {
  const isOther = (f: string): boolean => !/\.[cm]?[jt]s$/.test(f);
  const describe = (file: string, match: string): string => `\`${file}\` declares a handler: \`${match}\``;
  const commandSide = sourceTextFacts(
    ctx,
    commands.filter(isOther).filter((f) => !/quer/i.test(f)),
    HANDLER_TEXT,
    describe,
  );
  const querySide = sourceTextFacts(
    ctx,
    queries.filter(isOther).filter((f) => !/command/i.test(f)),
    HANDLER_TEXT,
    describe,
  );
  commandSide.push(
    ...sourceTextFacts(
      ctx,
      otherLanguageSources(ctx, /(?:^|\/)\w*handlers?\.py$/),
      FUNCTION_TAKING_COMMAND,
      (file, match) => `\`${file}\` handles a command: \`${match}\``,
    ),
  );
  querySide.push(...readers);
  if (commandSide.length > 0 && querySide.length > 0)
    card.add(0.1, interleaveFacts(commandSide.slice(0, 5), querySide.slice(0, 5)));
  const interfaces = sourceTextFacts(
    ctx,
    [...commands, ...queries]
      .filter(isOther)
      .filter((f) => /handler|decorator|bus|abstraction|\/(?:command|query)\.\w+$/i.test(f)),
    HANDLER_INTERFACE,
    (file, match) => `\`${file}\` declares the handler abstraction \`${match}\``,
  );
  const kinds = new Set(interfaces.map((f) => (/Query/.test(f.message) ? 'query' : 'command')));
  if (kinds.size === 2)
    card.add(0.1, [
      ...interfaces.filter((f) => /Command/.test(f.message)).slice(0, 1),
      ...interfaces.filter((f) => /Query/.test(f.message)).slice(0, 1),
    ]);
  const maps = sourceTextFacts(
    ctx,
    otherLanguageSources(ctx, /(?:bus|bootstrap|handlers?|dispatch|mediator|main|app)\w*\.\w+$/i),
    COMMAND_MAP,
    (file, match) => `\`${file}\` routes commands to their handlers (\`${match}\`): a command bus`,
  );
  card.add(0.15, maps.slice(0, 3));
}

/**
 * Other languages: a denormalised read table (`…_view`) that one file writes (a projection) and
 * another reads (a query). Returns the reading files' facts.
 */
function readTables(ctx: DetectContext, card: ScoreCard): Fact[] {
  const facts = sourceTextFacts(
    ctx,
    otherLanguageSources(ctx, /(?:view|quer|handler|projection|read|repositor|orm|dao)\w*\.\w+$/i).filter(
      (f) => !/(?:^|\/)migrations?\//i.test(f),
    ),
    READ_TABLE,
    (file, match) => `\`${file}\` uses a separate read table (\`${match}\`)`,
  );
  if (facts.length === 0) return [];
  card.add(0.15, facts.slice(0, 4));
  const writes = facts.filter((f) => /\b(?:into|update)\b/i.test(f.message));
  const reads = facts.filter((f) => /\b(?:from|join)\b/i.test(f.message));
  if (writes.length > 0 && reads.length > 0)
    card.add(0.1, [
      {
        ...(reads[0] ?? writes[0] ?? { file: '.', message: '' }),
        message: `The read table is written by \`${writes[0]?.file ?? ''}\` (a projection) and queried by \`${reads[0]?.file ?? ''}\``,
      },
    ]);
  return reads.map((f) => ({ ...f, message: `\`${f.file}\` answers queries from the read table` }));
}

function interleaveFacts(a: readonly Fact[], b: readonly Fact[]): Fact[] {
  const out: Fact[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x) out.push(x);
    if (y) out.push(y);
  }
  return out;
}

/** Services deployed in command/query (or write/read) pairs: `orders-command` and `orders-query`. */
function splitDeployables(ctx: DetectContext, card: ScoreCard): void {
  const sideOf = (s: ServiceUnit): { base: string; side: 'write' | 'read' } | undefined => {
    for (const label of [s.name, s.path]) {
      const m = /^(.*?)[-_./]?(command|write|query|read)(?:[-_./]?(?:side|service|api))?$/i.exec(label);
      if (m?.[1] && m[2]) {
        const base = m[1].replace(/[-_./]+$/, '').toLowerCase();
        return { base, side: /command|write/i.test(m[2]) ? 'write' : 'read' };
      }
    }
    return undefined;
  };
  const byBase = new Map<string, Set<string>>();
  const examples: Fact[] = [];
  for (const service of ctx.units.services) {
    const side = sideOf(service);
    if (!side) continue;
    const sides = byBase.get(side.base) ?? new Set<string>();
    sides.add(side.side);
    byBase.set(side.base, sides);
  }
  const paired = [...byBase].filter(([, sides]) => sides.size === 2).map(([base]) => base);
  if (paired.length === 0) return;
  for (const service of ctx.units.services) {
    const side = sideOf(service);
    if (side && paired.includes(side.base) && examples.length < 4) {
      const source = service.deployables[0]?.source;
      examples.push({
        file: source?.file ?? service.path,
        ...(source?.line !== undefined ? { line: source.line } : {}),
        message: `\`${service.name}\` deploys the ${side.side} side of \`${side.base}\` apart from its ${side.side === 'write' ? 'read' : 'write'} side`,
      });
    }
  }
  card.add(0.2, examples);
}
