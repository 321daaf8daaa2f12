import { z } from 'zod';
import type { Evidence, PatternResult } from '../model';
import { PATTERN_NAMES } from '../report/pattern-names';
import { ROLE_NAMES } from '../system';
import { ringKind } from '../rules/hexagonal';
import { bounded, code, detailInput, limitInput, omittedLine } from './bounds';
import type { AssistantTool } from './tool-types';

const input = z.object({ detail: detailInput, limit: limitInput }).strict();

/** Evidence items per pattern in a summary. */
const SUMMARY_EVIDENCE = 3;

/** `architecture`: the patterns with verdicts and evidence, the parts, and the units with their folders. */
export const architectureTool: AssistantTool<typeof input> = {
  name: 'architecture',
  title: 'Workspace architecture',
  description:
    'The backend architecture ArchLens detected in the workspace, from its folders, resolved imports and manifests: each pattern (monolith, modular monolith, microservices, event-driven, event sourcing, saga, CQRS, serverless, hexagonal) with its verdict (yes/partial/no), score and top evidence (file:line facts); the parts of the workspace and their roles (service, worker, front end, …); the deployables, modules (with their public files), layers and hexagon rings with their folders; and the number of boundary violations. Call it first, before deciding where code goes or what it may import. `detail: full` lists every fact.',
  input,
  run(ws, args) {
    const full = args.detail === 'full';
    const limit = args.limit;
    const detection = ws.detection;
    const patterns = detection.patterns.filter((p) => full || p.verdict !== 'no');
    const shownPatterns = patterns.map((p) => patternData(p, full ? limit : SUMMARY_EVIDENCE));
    const units = ws.context.units;
    const parts = bounded(detection.system.parts, limit);
    const modules = bounded(units.modules, limit);
    const deployables = bounded(detection.units.deployables, limit);
    const rings = units.hexagons.flatMap((h) =>
      h.rings.map((r) => ({ hexagon: h.root, folder: r.folder, kind: ringKind(r), files: r.files })),
    );
    const shownRings = bounded(rings, limit);
    const backing = bounded(units.backing, limit);
    const violations = ws.rules.violations.length;
    const primary = detection.primary;
    const lines = [
      primary === null
        ? 'No pattern has a `yes` verdict.'
        : `Primary pattern: ${PATTERN_NAMES[primary]} (${verdictOf(detection.patterns, primary)}).`,
      '',
      full ? 'Patterns:' : 'Patterns with a yes or partial verdict (the others are no):',
      ...(shownPatterns.length === 0 ? ['  none'] : []),
      ...patterns.flatMap((p) => patternLines(p, full ? limit : SUMMARY_EVIDENCE)),
    ];
    if (parts.shown.length > 0)
      lines.push(
        '',
        'Parts:',
        ...parts.shown.map(
          (p) =>
            `  ${code(p.path)} ${p.name}: ${ROLE_NAMES[p.role]}${p.basis.length > 0 ? ` (${p.basis.join(', ')})` : ''}, ${p.files} files`,
        ),
        ...omittedLine(parts.omitted, 'parts'),
      );
    for (const aside of full ? detection.system.setAside : []) lines.push(`  set aside: ${aside.message}`);
    if (deployables.shown.length > 0)
      lines.push(
        '',
        'Deployables:',
        ...deployables.shown.map((d) => `  ${d.name}: ${code(d.path)} [${d.kind}]`),
        ...omittedLine(deployables.omitted, 'deployables'),
      );
    if (modules.shown.length > 0)
      lines.push(
        '',
        'Modules (import another module only through its public files):',
        ...modules.shown.map(
          (m) =>
            `  ${m.name}: ${code(m.path)}${m.declaredPublic.length > 0 ? `, public: ${m.declaredPublic.map(code).join(', ')}` : ''}`,
        ),
        ...omittedLine(modules.omitted, 'modules'),
      );
    if (detection.units.layers.length > 0)
      lines.push(
        '',
        'Layers:',
        ...detection.units.layers.map((l) => `  ${l.name}: ${l.paths.map(code).join(', ')}`),
      );
    if (shownRings.shown.length > 0)
      lines.push(
        '',
        'Hexagon rings (the core imports no adapter and no driver):',
        ...shownRings.shown.map((r) => `  ${code(r.folder)}: ${r.kind} ring of ${code(r.hexagon)}`),
        ...omittedLine(shownRings.omitted, 'rings'),
      );
    if (backing.shown.length > 0)
      lines.push(
        '',
        'Backing services:',
        ...backing.shown.map((b) => `  ${b.name}: ${b.image} (${b.category}), ${code(b.file)}`),
        ...omittedLine(backing.omitted, 'backing services'),
      );
    lines.push(
      '',
      violations === 0
        ? 'Boundary violations: none.'
        : `Boundary violations: ${violations} (the \`violations\` tool lists them).`,
    );
    return {
      text: lines.join('\n') + '\n',
      data: {
        root: ws.root,
        primary,
        patterns: shownPatterns,
        parts: parts.shown.map((p) => ({ name: p.name, path: p.path, role: p.role, files: p.files })),
        deployables: deployables.shown,
        modules: modules.shown.map((m) => ({
          name: m.name,
          path: m.path,
          kind: m.kind,
          public: m.declaredPublic,
          files: m.files.length,
        })),
        layers: detection.units.layers,
        rings: shownRings.shown,
        backingServices: backing.shown.map((b) => ({
          name: b.name,
          image: b.image,
          category: b.category,
          file: b.file,
        })),
        violations,
        omitted: {
          parts: parts.omitted,
          deployables: deployables.omitted,
          modules: modules.omitted,
          rings: shownRings.omitted,
          backingServices: backing.omitted,
        },
      },
    };
  },
};

function verdictOf(patterns: readonly PatternResult[], id: PatternResult['id']): string {
  const p = patterns.find((q) => q.id === id);
  return p ? `${p.verdict}, ${p.score.toFixed(2)}` : 'unknown';
}

function patternData(p: PatternResult, evidence: number | undefined) {
  return {
    id: p.id,
    name: PATTERN_NAMES[p.id],
    verdict: p.verdict,
    score: Number(p.score.toFixed(2)),
    evidence: p.evidence.slice(0, evidence).map(evidenceData),
    counterEvidence: p.counterEvidence.slice(0, evidence).map(evidenceData),
  };
}

function evidenceData(e: Evidence) {
  return { file: e.file, ...(e.line === undefined ? {} : { line: e.line }), message: e.message };
}

function patternLines(p: PatternResult, evidence: number | undefined): string[] {
  const at = (e: Evidence): string => `${e.file}${e.line === undefined ? '' : `:${e.line}`}`;
  return [
    `  ${PATTERN_NAMES[p.id]} (${p.id}): ${p.verdict}, ${p.score.toFixed(2)}`,
    ...p.evidence.slice(0, evidence).map((e) => `    + ${at(e)}: ${e.message}`),
    ...p.counterEvidence.slice(0, evidence).map((e) => `    - ${at(e)}: ${e.message}`),
  ];
}
