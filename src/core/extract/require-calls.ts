import type { Found } from './scan-imports';

const REQUIRE_CALLEE = /"callee":\{"type":"Identifier",(?:"decorators":\[\],)?"name":"require",/g;
const REST_OF_CALLEE = /[^{}]*\},(?:"typeArguments":null,)?"arguments":\[/y;
const STRING_ARGUMENT =
  /\{"type":"Literal","value":("(?:[^"\\]|\\.)*"),"raw":"(?:[^"\\]|\\.)*","start":(\d+),/y;
const STRING_LITERAL_START = '{"type":"Literal","value":"';
const TEMPLATE_START = '{"type":"TemplateLiteral"';
const IMPORT_EQUALS = '"type":"TSExternalModuleReference"';

/**
 * The `require('x')` calls of a file, read from the JSON text of oxc's AST without parsing it:
 * a call whose callee is the identifier `require` and whose first argument is a string literal.
 * Parsing the JSON is what makes the full AST expensive, and only these few nodes matter here.
 *
 * Returns `undefined` when the full AST is needed: a template-literal argument, an
 * `import x = require('x')`, or JSON not shaped as expected (a changed oxc version).
 */
export function requireCallsInJson(json: string, source: string): Found[] | undefined {
  if (json.includes(IMPORT_EQUALS)) return undefined;
  const found: Found[] = [];
  REQUIRE_CALLEE.lastIndex = 0;
  for (let match = REQUIRE_CALLEE.exec(json); match !== null; match = REQUIRE_CALLEE.exec(json)) {
    REST_OF_CALLEE.lastIndex = REQUIRE_CALLEE.lastIndex;
    if (REST_OF_CALLEE.exec(json) === null) return undefined;
    const argument = REST_OF_CALLEE.lastIndex;
    if (json.startsWith(TEMPLATE_START, argument)) return undefined;
    if (!json.startsWith(STRING_LITERAL_START, argument)) continue; // `require()`, `require(name)`
    STRING_ARGUMENT.lastIndex = argument;
    const literal = STRING_ARGUMENT.exec(json);
    if (literal === null) return undefined;
    const offset = Number(literal[2]);
    const quote = source[offset];
    if (quote !== '"' && quote !== "'") return undefined;
    found.push({ specifier: JSON.parse(literal[1] as string) as string, offset, kind: 'require' });
    REQUIRE_CALLEE.lastIndex = STRING_ARGUMENT.lastIndex;
  }
  return found;
}
