/**
 * What a scaffold prompt offers to pick from: the ports the workspace declares (for an adapter or
 * a use case) and the modules detection found (for a command, query or event). Read from the
 * text of the files, without parsing, so a prompt opens at once on a large workspace.
 */
import { isPortFile } from '../units/rings';
import { PORT_NAME, ringOf } from './code-actions';
import { ownerFolder } from './owner';
import type { ScaffoldWorkspace } from './types';
import { readText, tsFiles } from './workspace-files';

export { moduleChoices } from './owner';

/** A port to pick: its name, the file declaring it and the module that owns it (when any). */
export interface PortChoice {
  readonly name: string;
  readonly path: string;
  readonly owner?: string;
}

const EXPORTED_INTERFACE = /^export\s+interface\s+([A-Z]\w*)/gm;

/**
 * The ports of the workspace, as the code actions see them: exported interfaces of a ports ring
 * or port file, and exported interfaces of the core (domain, application) that an adapter
 * implements or that are named like ports. Sorted by name, then path.
 */
export function portChoices(ws: ScaffoldWorkspace): PortChoice[] {
  const files = tsFiles(ws);
  const adapterTexts = files
    .filter((f) => ringOf(ws, f) === 'adapters')
    .map((f) => readText(ws, f) ?? '')
    .join('\n');
  const found: PortChoice[] = [];
  for (const file of files) {
    const role = ringOf(ws, file);
    const portRing = role === 'ports' || isPortFile(file);
    if (!portRing && role !== 'domain' && role !== 'application') continue;
    const text = readText(ws, file);
    if (text === undefined || !text.includes('interface')) continue;
    for (const match of text.matchAll(EXPORTED_INTERFACE)) {
      const name = match[1] ?? '';
      const implemented = new RegExp(`implements[^{]*\\b${name}\\b`).test(adapterTexts);
      if (!portRing && !PORT_NAME.test(name) && !implemented) continue;
      const owner = ownerFolder(ws, file);
      found.push({ name, path: file, ...(owner !== undefined ? { owner } : {}) });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path));
}
