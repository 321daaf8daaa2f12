/**
 * Adding an entry to a YAML map (serverless `functions`, compose `services`, SAM `Resources`):
 * the map is found through the `yaml` Document model, the entry is spliced in after its last
 * item with the same indentation and line ending, and the result is parsed again to be sure it
 * holds the new key. Comments and every other byte stay as they were.
 */
import { isMap, isScalar, parseDocument, type Pair } from 'yaml';

/** The text with `entry` (lines relative to the map's key column, `\n`-separated) added to map `key`, or an error message. */
export function addYamlMapEntry(
  text: string,
  path: readonly string[],
  newKey: string,
  entryLines: readonly string[],
): string | { error: string } {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) return { error: `it does not parse: ${doc.errors[0]?.message ?? ''}` };
  const map = doc.getIn(path, true);
  if (!isMap(map) || map.items.length === 0)
    return { error: `it has no \`${path.join('.')}\` map with entries` };
  if (map.items.some((p) => isScalar(p.key) && p.key.value === newKey))
    return { error: `\`${path.join('.')}\` already has \`${newKey}\`` };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const firstKey = (map.items[0] as Pair<unknown, unknown>).key;
  const keyStart = isScalar(firstKey) && firstKey.range ? firstKey.range[0] : undefined;
  if (keyStart === undefined) return { error: 'its entries have no source position' };
  const column = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const indent = ' '.repeat(column);
  const last = map.items[map.items.length - 1] as Pair<unknown, unknown>;
  const value = last.value as { range?: [number, number, number] } | null;
  const end = value?.range?.[1] ?? (isScalar(last.key) ? last.key.range?.[1] : undefined);
  if (end === undefined) return { error: 'its last entry has no source position' };
  // Insert after the line holding the end of the last value.
  let at = text.indexOf('\n', Math.max(end - 1, 0));
  const block = entryLines.map((l) => (l === '' ? '' : indent + l)).join(eol);
  let out: string;
  if (at < 0) out = text + eol + block;
  else {
    at += 1;
    out = text.slice(0, at) + block + eol + text.slice(at);
  }
  const check = parseDocument(out);
  if (check.errors.length > 0 || !isMap(check.getIn([...path, newKey], true))) {
    return { error: 'the new entry would not parse back into the map' };
  }
  return out;
}
