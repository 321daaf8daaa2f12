import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES, ruleAnchor, ruleHelpUri } from '../../../src/core/rules';

/** GitHub's heading anchor: lower case, punctuation but `-` dropped, spaces to `-`. */
function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

describe('the README documents every rule', () => {
  const readme = readFileSync(path.resolve('README.md'), 'utf8');
  const anchors = new Set([...readme.matchAll(/^#{1,6} (.+)$/gm)].map((m) => githubAnchor(m[1] ?? '')));

  for (const rule of RULES) {
    it(`${rule.id}: a section the help link reaches, with its example`, () => {
      assert.ok(anchors.has(ruleAnchor(rule.id)), `no heading for #${ruleAnchor(rule.id)}`);
      assert.ok(ruleHelpUri(rule.id).endsWith(`README.md#${ruleAnchor(rule.id)}`));
      const at = readme.indexOf(`#### Rule \`${rule.id}\``);
      const section = readme.slice(at, readme.indexOf('\n#', at + 1));
      assert.ok(section.includes(rule.example.split('\n')[0] ?? '\u0000'), `${rule.id} shows its example`);
    });
  }
});
