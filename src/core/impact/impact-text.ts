import type { ImpactDependent, ImpactResult } from './types';

const KIND_NAMES = {
  file: 'file',
  folder: 'folder',
  module: 'module',
  service: 'service',
  function: 'function',
  backing: 'backing service',
} as const;

/** `archlens impact` as text: the target, then dependents by what happens to them, then by unit. */
export function impactToText(impact: ImpactResult): string {
  const { target, counts } = impact;
  const where =
    target.kind !== 'backing' && target.path !== undefined && !target.label.includes(target.path)
      ? ` (${target.path})`
      : '';
  const size = target.files.length > 1 ? `, ${target.files.length} files` : '';
  const kind = target.backingKind === 'external-api' ? 'external API' : KIND_NAMES[target.kind];
  const lines = [`Impact of ${kind} ${target.label}${where}${size} failing`];
  if (impact.uses.length > 0)
    lines.push(`Uses: ${impact.uses.map((id) => id.replace(/^backing:/, '')).join(', ')}`);
  lines.push(
    `${counts.dependents} dependent file${counts.dependents === 1 ? '' : 's'}: ${counts.direct} direct, ${counts.transitive} transitive — ` +
      `${counts.fails} fail, ${counts.degrades} degrade, ${counts.buildTimeOnly} build time only`,
  );
  const section = (title: string, picked: readonly ImpactDependent[]): void => {
    if (picked.length === 0) return;
    lines.push('', `${title} (${picked.length}):`);
    for (const d of picked) lines.push(`  ${dependentLine(d)}`);
  };
  section(
    'Fails with it (synchronous imports and calls)',
    impact.dependents.filter((d) => d.relation === 'sync' && d.effect === 'fails'),
  );
  section(
    'Shares a database with it (may fail or read corrupted data)',
    impact.dependents.filter((d) => d.relation === 'shared-database'),
  );
  section(
    'Degrades (messages wait in a broker, or it needs something that does)',
    impact.dependents.filter((d) => d.effect === 'degrades'),
  );
  section(
    'Build time only (type imports: no runtime impact)',
    impact.dependents.filter((d) => d.relation === 'build-time'),
  );
  if (impact.units.length > 0) {
    lines.push('', 'By unit:');
    const width = Math.max(...impact.units.map((u) => u.unit.length));
    for (const unit of impact.units)
      lines.push(
        `  ${unit.unit.padEnd(width)}  ${EFFECT_WORDS[unit.effect].padEnd(10)}  ${String(unit.files).padStart(4)} file${unit.files === 1 ? ' ' : 's'}  from hop ${unit.hops}  ${unit.relations.join(', ')}`,
      );
  }
  if (counts.dependents === 0) lines.push('', 'Nothing in the workspace depends on it.');
  return lines.join('\n') + '\n';
}

const EFFECT_WORDS = { fails: 'fails', degrades: 'degrades', none: 'build only' } as const;

function dependentLine(d: ImpactDependent): string {
  const unit = d.unit === undefined ? '' : `  [${d.unit}]`;
  const on = d.via.on.startsWith('backing:') ? d.via.on.slice('backing:'.length) : d.via.on;
  const how = d.via.text.startsWith('topic ') ? `${d.via.text} from ${on}` : `${d.via.text} → ${on}`;
  return `hop ${d.hops}  ${d.file}${unit}  ${how} (${d.via.file}:${d.via.line})`;
}
