import type * as Sarif from 'sarif';
import { fingerprintOf } from '../baseline';
import { RULES, ruleHelpUri, README_URL } from '../catalogue';
import type { CheckOutcome } from './check-outcome';

/**
 * SARIF 2.1.0 for code scanning (GitHub and others): one run with every rule (title, help text,
 * help link) and one result per new violation, located relative to the root (`%SRCROOT%`), with
 * the evidence as related locations and a fingerprint that survives line moves.
 */
export function violationsToSarif(outcome: CheckOutcome, toolVersion: string): string {
  const rules: Sarif.ReportingDescriptor[] = RULES.map((rule) => ({
    id: rule.id,
    name: rule.id
      .replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())
      .replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.help },
    help: {
      text: `${rule.help}\n\nExample:\n${rule.example}`,
      markdown: `${rule.help}\n\nExample:\n\n\`\`\`ts\n${rule.example}\n\`\`\`\n\n[More](${ruleHelpUri(rule.id)})`,
    },
    helpUri: ruleHelpUri(rule.id),
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['architecture', rule.pattern] },
  }));
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = outcome.comparison.fresh.map((v) => ({
    ruleId: v.rule,
    ruleIndex: index.get(v.rule) ?? 0,
    level: v.severity === 'error' ? 'error' : 'warning',
    message: { text: v.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodePath(v.file), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: v.line,
            startColumn: v.column,
            endLine: v.line,
            endColumn: v.column + v.specifier.length + 2,
          },
        },
      },
    ],
    relatedLocations: v.evidence.map((e, i) => ({
      id: i + 1,
      message: { text: e.message },
      physicalLocation: {
        artifactLocation: { uri: encodePath(e.file === '.' ? '' : e.file), uriBaseId: '%SRCROOT%' },
        ...(e.line !== undefined ? { region: { startLine: e.line } } : {}),
      },
    })),
    partialFingerprints: { 'archlensViolation/v1': fingerprintOf(v) },
    properties: {
      target: v.target,
      specifier: v.specifier,
      pattern: v.pattern,
      verdict: v.basis.verdict,
      score: v.basis.score,
      weak: v.basis.weak,
    },
  }));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ArchLens',
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: README_URL,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri(outcome.root) } },
        results,
        properties: {
          known: outcome.comparison.known.length,
          fixed: outcome.comparison.fixed,
          ...(outcome.baselineFile !== undefined ? { baseline: outcome.baselineFile } : {}),
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** A relative POSIX path as a URI reference: each segment percent-encoded. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** `file:///abs/root/` (with the trailing slash SARIF wants for a base), drive letters kept. */
function rootUri(root: string): string {
  const withSlash = root.endsWith('/') ? root : `${root}/`;
  const prefixed = withSlash.startsWith('/') ? withSlash : `/${withSlash}`;
  return `file://${encodePath(prefixed).replace(/^\/([A-Za-z])%3A/, '/$1:')}`;
}
