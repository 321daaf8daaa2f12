import type { CollectionTag, Document, Node as YamlNode, ScalarTag, YAMLSeq } from 'yaml';
import { LineCounter, Pair, Scalar, YAMLMap, isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { ManifestContext } from './context';

/** Aliases a document may expand before it counts as an alias bomb ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

/** One parsed YAML document: its plain value and the lines of its keys. */
export interface YamlDocument {
  readonly value: unknown;
  /** 1-based line of the key (or sequence item) at `path`, when it is written in the document. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export interface YamlReadOptions {
  /** Accept CloudFormation short tags (`!Ref`, `!GetAtt`, `!Sub`, …) as their long forms. */
  readonly cloudFormation?: boolean;
  /** Skip unparsable documents without warnings (Helm templates, files that merely look like manifests). */
  readonly quiet?: boolean;
}

/**
 * Parses every document of a YAML file. A document with a syntax error, or one whose aliases
 * expand past {@link MAX_ALIAS_COUNT}, is skipped with a warning (file, line, column); the other
 * documents are kept. Merge keys (`<<: *base`) are applied.
 */
export function readYamlDocuments(
  file: string,
  text: string,
  ctx: ManifestContext,
  options: YamlReadOptions = {},
): YamlDocument[] {
  const lineCounter = new LineCounter();
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, {
      lineCounter,
      merge: true,
      uniqueKeys: false,
      prettyErrors: false,
      strict: false,
      customTags: options.cloudFormation === true ? [...CLOUDFORMATION_TAGS] : [],
    }) as Document.Parsed[];
  } catch (error) {
    if (options.quiet !== true) ctx.warn({ file, message: `Malformed YAML: ${errorText(error)}.` });
    return [];
  }
  if (!Array.isArray(documents)) documents = [documents];
  const out: YamlDocument[] = [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error !== undefined) {
      if (options.quiet !== true) {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        ctx.warn({ file, line, column: col, message: `Malformed YAML: ${firstLine(error.message)}.` });
      }
      continue;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (options.quiet !== true) {
        const start = document.contents?.range[0] ?? 0;
        const { line, col } = lineCounter.linePos(start);
        const tooMany = error instanceof ReferenceError && /alias/i.test(error.message);
        ctx.warn({
          file,
          line,
          column: col,
          message: tooMany
            ? `Skipped: YAML aliases expand past ${MAX_ALIAS_COUNT} (an alias bomb?).`
            : `Malformed YAML: ${errorText(error)}.`,
        });
      }
      continue;
    }
    out.push({ value, lineOf: (path) => lineOfPath(document, lineCounter, path) });
  }
  return out;
}

function lineOfPath(
  document: Document.Parsed,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
): number | undefined {
  let node: unknown = document.contents;
  let marker: YamlNode | undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(document);
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) return undefined;
      marker = pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return undefined;
      marker = item as YamlNode;
      node = item;
    } else return undefined;
  }
  const offset = marker?.range?.[0];
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/[.:]\s*$/, '');
}

function errorText(error: unknown): string {
  return firstLine(error instanceof Error ? error.message : String(error));
}

/** CloudFormation intrinsic functions and their short tags. */
const INTRINSICS: readonly (readonly [tag: string, key: string])[] = [
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ['!GetAtt', 'Fn::GetAtt'],
  ['!Sub', 'Fn::Sub'],
  ['!Join', 'Fn::Join'],
  ['!Select', 'Fn::Select'],
  ['!Split', 'Fn::Split'],
  ['!If', 'Fn::If'],
  ['!Equals', 'Fn::Equals'],
  ['!Not', 'Fn::Not'],
  ['!And', 'Fn::And'],
  ['!Or', 'Fn::Or'],
  ['!FindInMap', 'Fn::FindInMap'],
  ['!Base64', 'Fn::Base64'],
  ['!Cidr', 'Fn::Cidr'],
  ['!GetAZs', 'Fn::GetAZs'],
  ['!ImportValue', 'Fn::ImportValue'],
  ['!Transform', 'Fn::Transform'],
  ['!Length', 'Fn::Length'],
  ['!ToJsonString', 'Fn::ToJsonString'],
];

/** Wraps a parsed collection as `{ Key: collection }`, keeping it a node so alias limits still apply. */
function wrapIn(key: string): (node: YAMLMap.Parsed | YAMLSeq.Parsed) => YAMLMap {
  return (node) => {
    const map = new YAMLMap();
    map.items.push(new Pair(new Scalar(key), node));
    return map;
  };
}

/** Custom tags so CloudFormation templates parse into their long (JSON) form. */
export const CLOUDFORMATION_TAGS: readonly (ScalarTag | CollectionTag)[] = INTRINSICS.flatMap(
  ([tag, key]) => {
    const scalar: ScalarTag = {
      tag,
      resolve: (text: string) => (key === 'Fn::GetAtt' ? { [key]: splitOnce(text) } : { [key]: text }),
    };
    const seq: CollectionTag = { tag, collection: 'seq', resolve: wrapIn(key) };
    const map: CollectionTag = { tag, collection: 'map', resolve: wrapIn(key) };
    return [scalar, seq, map];
  },
);

/** `!GetAtt Queue.Arn` → `['Queue', 'Arn']`. */
function splitOnce(text: string): string[] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}
