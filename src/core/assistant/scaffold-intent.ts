import { SCAFFOLD_KINDS, type ScaffoldKind } from '../scaffold/types';

/** What a sentence such as "a Stripe payment adapter" asks for: a kind of block and a name. */
export interface ScaffoldIntent {
  readonly kind: ScaffoldKind;
  /** The words of the name, as typed (`Stripe payment`). */
  readonly name: string;
  /** The words of the sentence that may name the port or module it is for. */
  readonly words: readonly string[];
}

/** Words that name each kind, the longer phrases first (`use case` before `case`). */
const KIND_WORDS: readonly (readonly [RegExp, ScaffoldKind])[] = [
  [/\b(?:use[- ]?cases?|interactors?|application services?)\b/i, 'use-case'],
  [/\b(?:domain events?|integration events?|events?|event handlers?|subscribers?|listeners?)\b/i, 'event'],
  [/\b(?:commands?|command handlers?)\b/i, 'command'],
  [/\b(?:queries|query|query handlers?|read models?)\b/i, 'query'],
  [/\b(?:adapters?|clients?|gateway implementations?|implementations?)\b/i, 'adapter'],
  [/\b(?:ports?|interfaces?)\b/i, 'port'],
  [/\b(?:lambdas?|functions?|serverless functions?|cloud functions?)\b/i, 'function'],
  [/\b(?:micro-?services?|services?)\b/i, 'service'],
  [/\b(?:modules?|bounded contexts?|features?|feature modules?)\b/i, 'module'],
];

/** Words that carry no name: articles, fillers, and what the kinds are called. */
const FILLER = new Set([
  'a',
  'an',
  'the',
  'new',
  'for',
  'of',
  'to',
  'that',
  'which',
  'with',
  'and',
  'in',
  'on',
  'my',
  'our',
  'some',
  'one',
  'create',
  'add',
  'write',
  'make',
  'build',
  'scaffold',
  'i',
  'want',
  'need',
  'please',
  'handler',
  'handlers',
  'class',
  'file',
  'code',
  'called',
  'named',
]);

/**
 * Reads the kind and the name from a short description. The kind is the first kind word found
 * (most specific first); the name is the other words, in order. `undefined` when no kind word is
 * there.
 */
export function scaffoldIntent(description: string): ScaffoldIntent | undefined {
  const text = description.trim();
  const exact = (SCAFFOLD_KINDS as readonly string[]).find((k) => text.toLowerCase().startsWith(`${k} `));
  let kind: ScaffoldKind | undefined = exact as ScaffoldKind | undefined;
  let rest = exact ? text.slice(exact.length) : text;
  if (!kind) {
    for (const [pattern, candidate] of KIND_WORDS) {
      const match = pattern.exec(text);
      if (!match) continue;
      kind = candidate;
      rest = text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length);
      break;
    }
  }
  if (!kind) return undefined;
  const words = rest
    .replace(/["'`“”‘’]/g, ' ')
    .split(/[^\p{L}\p{N}_-]+/u)
    .filter((w) => w !== '' && !FILLER.has(w.toLowerCase()));
  return { kind, name: words.join(' '), words };
}
