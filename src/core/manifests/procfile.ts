import type { ProcfileManifest } from '../model';
import type { ManifestContext } from './context';

/** Reads a Heroku-style `Procfile`: one `name: command` per line, `#` comments. */
export function parseProcfile(
  file: string,
  text: string,
  ctx: ManifestContext,
): ProcfileManifest | undefined {
  const processes: { name: string; command: string; line: number }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^([A-Za-z0-9_-]+)\s*:\s*(.*)$/.exec(line);
    if (match?.[1] === undefined || match[2] === undefined || match[2] === '') {
      ctx.warn({
        file,
        line: index + 1,
        column: 1,
        message: 'Skipped Procfile line: expected `name: command`.',
      });
      return;
    }
    processes.push({ name: match[1], command: match[2], line: index + 1 });
  });
  return processes.length === 0 ? undefined : { kind: 'procfile', file, processes };
}
