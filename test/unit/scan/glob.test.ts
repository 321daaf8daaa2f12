import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { globToRegExp } from '../../../src/core/scan/glob';

function matches(glob: string, path: string): boolean {
  return globToRegExp(glob).test(path);
}

describe('globToRegExp', () => {
  it('anchors a pattern without ** at the root', () => {
    assert.ok(matches('dist', 'dist'));
    assert.ok(!matches('dist', 'packages/a/dist'));
    assert.ok(matches('src/*.ts', 'src/a.ts'));
    assert.ok(!matches('src/*.ts', 'lib/src/a.ts'));
  });

  it('keeps * and ? inside one segment', () => {
    assert.ok(matches('*.js', 'a.js'));
    assert.ok(!matches('*.js', 'src/a.js'));
    assert.ok(matches('*.js', '.eslintrc.js'));
    assert.ok(matches('a?c', 'abc'));
    assert.ok(!matches('a?c', 'a/c'));
    assert.ok(!matches('a?c', 'ac'));
  });

  it('lets ** span any number of segments, none included', () => {
    assert.ok(matches('**/node_modules', 'node_modules'));
    assert.ok(matches('**/node_modules', 'a/b/node_modules'));
    assert.ok(!matches('**/node_modules', 'a/node_modules_x'));
    assert.ok(matches('src/**/*.ts', 'src/a.ts'));
    assert.ok(matches('src/**/*.ts', 'src/x/y/a.ts'));
    assert.ok(!matches('src/**/*.ts', 'lib/a.ts'));
    assert.ok(matches('**', 'any/thing/at/all'));
    assert.ok(matches('**/gen/**', 'a/gen/b/c.ts'));
    assert.ok(matches('**/gen/**', 'gen/c.ts'));
    assert.ok(!matches('**/gen/**', 'a/generated/c.ts'));
  });

  it('matches the folder itself for a trailing /**', () => {
    assert.ok(matches('legacy/**', 'legacy'));
    assert.ok(matches('legacy/**', 'legacy/a/b.ts'));
    assert.ok(!matches('legacy/**', 'legacy2'));
  });

  it('treats ** inside a segment as *', () => {
    assert.ok(matches('a**b', 'axxb'));
    assert.ok(!matches('a**b', 'a/b'));
  });

  it('expands {a,b} alternatives, with globs and nesting inside', () => {
    assert.ok(matches('**/*.{ts,js}', 'x/a.ts'));
    assert.ok(matches('**/*.{ts,js}', 'a.js'));
    assert.ok(!matches('**/*.{ts,js}', 'a.css'));
    assert.ok(matches('{src/**/*.gen.ts,tmp}', 'src/a/b.gen.ts'));
    assert.ok(matches('{src/**/*.gen.ts,tmp}', 'tmp'));
    assert.ok(matches('a.{x,{y,z}}', 'a.z'));
    assert.ok(matches('a{,.bak}', 'a'));
  });

  it('supports [abc], ranges and negated sets, never across a slash', () => {
    assert.ok(matches('file[0-9].ts', 'file7.ts'));
    assert.ok(!matches('file[0-9].ts', 'filex.ts'));
    assert.ok(matches('[abc].ts', 'b.ts'));
    assert.ok(matches('[!abc].ts', 'd.ts'));
    assert.ok(!matches('[!abc].ts', 'a.ts'));
    assert.ok(matches('[^abc].ts', 'd.ts'));
    assert.ok(!matches('a[!x]b', 'a/b'));
    assert.ok(matches('[]x]', ']'));
    assert.ok(matches('[a-]', '-'));
  });

  it('takes a set with a range out of order literally', () => {
    assert.ok(globToRegExp('[a-\\]').test('[a-]'), 'the backslash escapes the bracket');
    assert.ok(globToRegExp('x[z-a]').test('x[z-a]'));
  });

  it('takes unbalanced brackets and braces literally', () => {
    assert.ok(matches('a[b', 'a[b'));
    assert.ok(matches('a{b', 'a{b'));
    assert.ok(matches('[]', '[]'));
  });

  it('escapes regular-expression characters and honours backslash escapes', () => {
    assert.ok(matches('a+b(c).ts', 'a+b(c).ts'));
    assert.ok(!matches('a.ts', 'abts'));
    assert.ok(matches('\\*.ts', '*.ts'));
    assert.ok(!matches('\\*.ts', 'a.ts'));
    assert.ok(matches('$x^|y', '$x^|y'));
  });

  it('drops a leading ./ or / and a trailing /', () => {
    assert.ok(matches('./src/gen', 'src/gen'));
    assert.ok(matches('/src/gen', 'src/gen'));
    assert.ok(matches('src/gen/', 'src/gen'));
  });

  it('matches unicode and odd names literally', () => {
    assert.ok(matches('**/dé jà #1/*.ts', 'x/dé jà #1/a.ts'));
    assert.ok(matches('**/😀.ts', '😀.ts'));
    assert.ok(matches("it's.ts", "it's.ts"));
  });

  it('compiles every string, and a glob without special characters matches only itself', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', '/', '*', '?', '[', ']', '{', '}', ',', '!', '\\', '.', '-', ' '),
        }),
        (glob) => {
          globToRegExp(glob);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9 ._#()'+$^|-]+(\/[a-z0-9 ._#()'+$^|-]+)*$/),
        fc.string(),
        (literal, other) => {
          fc.pre(literal === literal.trim() && !literal.startsWith('./'));
          const regExp = globToRegExp(literal);
          assert.ok(regExp.test(literal), literal);
          if (other !== literal) assert.ok(!regExp.test(other), `${literal} vs ${other}`);
        },
      ),
    );
  });
});
