import type { SystemModel } from '../model';
import { ROLE_NAMES } from '../system';

/** The parts of the system with their roles, and what was set aside, as report lines. */
export function systemLines(system: SystemModel, indent: string): string[] {
  const lines = [`${indent}Parts (${system.parts.length})`];
  for (const part of system.parts)
    lines.push(
      `${indent}  ${part.path} — ${ROLE_NAMES[part.role]} (${part.basis[0] ?? ''}), ${part.files} files`,
    );
  if (system.notServices.length > 0) {
    lines.push(`${indent}Not a service (${system.notServices.length})`);
    for (const item of system.notServices.slice(0, 10)) lines.push(`${indent}  ${item.message}`);
    if (system.notServices.length > 10)
      lines.push(`${indent}  … ${system.notServices.length - 10} more (see --json)`);
  }
  if (system.setAside.length > 0) {
    lines.push(`${indent}Not scored (${system.setAside.length})`);
    for (const aside of system.setAside) lines.push(`${indent}  ${aside.message}`);
  }
  return lines;
}
