import type { PatternId } from '../model';
import { joinPath } from '../units/paths';
import type { DetectContext } from './context';
import type { Fact } from './scoring';

/**
 * What the authors say their architecture is, in the documents a reader opens first. The phrases
 * name a style, not a technology in passing: "hexagonal architecture", not "microservice".
 */
const CLAIMS: Readonly<Partial<Record<PatternId, RegExp>>> = {
  hexagonal:
    /\bhexagonal(?:\s+architecture|\s+design|\s+approach)?\b|\bports[\s-]+(?:and|&)[\s-]+adapters\b/i,
  'modular-monolith': /\bmodular[\s-]+monolith(?:ic)?\b/i,
  microservices:
    /\bmicro-?services?[\s-]+(?:architecture|based|oriented)\b|\b(?:built|designed|split)\s+(?:as|into)\s+micro-?services\b/i,
  'event-driven':
    /\bevent[\s-]+driven(?:\s+(?:architecture|design|system|microservices|communication|approach))\b/i,
  cqrs: /\bCQRS\b|\bcommand[\s-]+query\s+responsibility\s+segregation\b/i,
  'event-sourcing': /\bevent[\s-]+sourc(?:ing|ed)\b/i,
  saga: /\bsaga(?:s)?\s+(?:pattern|orchestrat\w*|choreograph\w*)\b|\bprocess\s+managers?\b/i,
  serverless: /\bserverless\s+(?:architecture|application|app|api|backend|functions?)\b/i,
};

/** Layered styles that are no pattern of their own here, but present a codebase as designed so. */
const LAYERED_STYLE_CLAIM = /\b(?:clean|onion)[\s-]+architecture\b/i;

/** A line that names a style to set it apart or leave it: not a claim. */
const DISTANCING =
  /\b(?:not|no|without|instead\s+of|unlike|rather\s+than|versus|vs\.?|compared|comparison|alternative|migrat\w*\s+(?:away\s+)?from|moving\s+from|from\s+a|overkill|avoid\w*|don['’]t|doesn['’]t|isn['’]t|aren['’]t|when\s+to|if\s+you)\b/i;

/** The documents read: the root's and each backend part's README, and an architecture document. */
const DOCUMENTS = [
  'README.md',
  'readme.md',
  'README.rst',
  'ARCHITECTURE.md',
  'docs/architecture.md',
  'docs/ARCHITECTURE.md',
];
/** At most this many characters of a document are read (its opening says what it is). */
const DOCUMENT_PREFIX = 20_000;

type ClaimId = PatternId | 'layered-style';
const CLAIMS_READ: Readonly<Partial<Record<ClaimId, RegExp>>> = {
  ...CLAIMS,
  'layered-style': LAYERED_STYLE_CLAIM,
};

// One reading per detection run: the system model is made once per run and shared by every detector.
const cache = new WeakMap<object, Map<ClaimId, Fact>>();

/**
 * The first sentence of the authors' documents that names each style as theirs, with its file
 * and line. Lines that set a style apart ("not microservices", "instead of CQRS") are not claims.
 */
function documentedClaims(ctx: DetectContext): ReadonlyMap<ClaimId, Fact> {
  const cached = cache.get(ctx.system);
  if (cached !== undefined) return cached;
  const found = new Map<ClaimId, Fact>();
  const folders = ['.', ...ctx.system.parts.map((p) => p.path)];
  const files = [...new Set(folders.flatMap((folder) => DOCUMENTS.map((d) => joinPath(folder, d) ?? d)))];
  for (const file of files.slice(0, 40)) {
    const text = ctx.readText(file)?.slice(0, DOCUMENT_PREFIX);
    if (text === undefined) continue;
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      if (DISTANCING.test(line)) return;
      for (const [id, claim] of Object.entries(CLAIMS_READ) as [ClaimId, RegExp][]) {
        if (found.has(id)) continue;
        const match = claim.exec(line);
        if (match === null) continue;
        found.set(id, {
          file,
          line: index + 1,
          message: `The authors name it: \`${file}\` says “${excerpt(line, match.index)}”`,
        });
      }
    });
  }
  cache.set(ctx.system, found);
  return found;
}

/** The words around a match, trimmed to a short quote. */
function excerpt(line: string, at: number): string {
  const plain = line.replace(/[#*_`>|[\]]/g, '').replace(/\s+/g, ' ');
  const offset = Math.max(0, Math.min(plain.length, at) - 60);
  const quote = plain.slice(offset, offset + 140).trim();
  return `${offset > 0 ? '…' : ''}${quote}${offset + 140 < plain.length ? '…' : ''}`;
}

/** The patterns the authors name as theirs, each with the first line that does. */
export function documentedStyles(ctx: DetectContext): ReadonlyMap<PatternId, Fact> {
  const patterns = new Map<PatternId, Fact>();
  for (const [id, fact] of documentedClaims(ctx)) if (id !== 'layered-style') patterns.set(id, fact);
  return patterns;
}

/** The documented claim for one pattern as a list of facts (empty without one). */
export function documentedStyle(ctx: DetectContext, id: PatternId): Fact[] {
  const fact = documentedClaims(ctx).get(id);
  return fact === undefined ? [] : [fact];
}

/**
 * The authors' first words presenting the codebase as a style other than a plain monolith: a
 * pattern (hexagonal, CQRS, modular monolith, …) or a layered design (Clean, Onion Architecture).
 */
export function presentedStyle(ctx: DetectContext): Fact | undefined {
  let first: Fact | undefined;
  for (const fact of documentedClaims(ctx).values())
    if (
      first === undefined ||
      fact.file < first.file ||
      (fact.file === first.file && (fact.line ?? 0) < (first.line ?? 0))
    )
      first = fact;
  return first;
}

/** What the authors' own words weigh: enough to tip a borderline verdict, never a verdict alone. */
export const DOCUMENTED_WEIGHT = 0.15;
