import { CQRS_PACKAGES } from '../units/known-packages';
import { stem } from '../units/paths';
import type { DetectContext } from './context';
import type { Detector } from './detector';
import { ScoreCard } from './scoring';
import type { Fact } from './scoring';
import {
  dependencyFacts,
  foldersNamed,
  otherLanguageDependencies,
  scriptsMatching,
  symbolsOf,
} from './signals';

const COMMAND_FILE = /(?:^|\/)commands?\/|[.-]command\.[cm]?[jt]s$|Command\.[cm]?[jt]s$/;
const QUERY_FILE = /(?:^|\/)quer(?:y|ies)\/|[.-]query\.[cm]?[jt]s$|Query\.[cm]?[jt]s$/;
const HANDLER = /handler/i;
const READ_MODEL =
  /(?:^|\/)(?:read-?models?|projections?|projectors?|read-side|readside|views)\/|[.-](?:read-model|projection|projector|view-model)\.[cm]?[jt]s$|ReadModel\.[cm]?[jt]s$|Projection\.[cm]?[jt]s$/i;
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
    const commandFolders = foldersNamed(ctx, new Set(['commands', 'command']));
    const queryFolders = foldersNamed(ctx, new Set(['queries', 'query']));
    if (commandFolders.length > 0 && queryFolders.length > 0) {
      card.add(
        0.25,
        [...commandFolders.slice(0, 3), ...queryFolders.slice(0, 3)].map((f) => ({
          file: f,
          message: `\`${f}/\` separates ${/quer/.test(f) ? 'queries (reads)' : 'commands (writes)'}`,
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
    const commands = scriptsMatching(ctx, COMMAND_FILE);
    const queries = scriptsMatching(ctx, QUERY_FILE);
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
    card.add(0.15, otherLanguageDependencies(ctx, OTHER_LANGUAGE_CQRS, 'a command/query mediator'));
    buses(
      ctx,
      [...commandHandlers, ...queryHandlers, ...commands.slice(0, 50), ...queries.slice(0, 50)],
      card,
    );

    const readModels = scriptsMatching(ctx, READ_MODEL);
    card.add(
      0.15,
      readModels.slice(0, 5).map((file) => ({ file, message: `\`${file}\` is a read model or projection` })),
    );
    const stores = scriptsMatching(ctx, SPLIT_STORE);
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
