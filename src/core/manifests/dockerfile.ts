import type { DockerStage, DockerfileManifest } from '../model';
import type { ManifestContext } from './context';

interface Instruction {
  readonly keyword: string;
  readonly args: string;
  readonly line: number;
}

/**
 * Reads a Dockerfile: the image and `AS` name of every stage, `EXPOSE`d ports and the last
 * `CMD`/`ENTRYPOINT`. Handles line continuations (and the `# escape=` directive), comments
 * inside continuations, and heredoc bodies (`RUN <<EOF`). Build arguments are not substituted.
 */
export function parseDockerfile(
  file: string,
  text: string,
  _ctx: ManifestContext,
): DockerfileManifest | undefined {
  const stages: DockerStage[] = [];
  const exposedPorts: number[] = [];
  let command: string | undefined;
  for (const instruction of instructions(text)) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((word) => word !== '' && !word.startsWith('--'));
      const image = words[0];
      if (image === undefined) continue;
      const name = words[1]?.toUpperCase() === 'AS' ? words[2] : undefined;
      stages.push({ image, ...(name !== undefined ? { name } : {}), line: instruction.line });
    } else if (instruction.keyword === 'EXPOSE') {
      for (const word of instruction.args.split(/\s+/)) {
        const port = /^(\d+)(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/i.exec(word)?.[1];
        if (port !== undefined && !exposedPorts.includes(Number(port))) exposedPorts.push(Number(port));
      }
    } else if (instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT') {
      command = instruction.args;
    }
  }
  if (stages.length === 0) return undefined;
  return {
    kind: 'dockerfile',
    file,
    baseImages: stages.map((stage) => stage.image),
    stages,
    exposedPorts,
    ...(command !== undefined ? { command } : {}),
  };
}

function instructions(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  const escape = /^#\s*escape\s*=\s*`/im.test(lines.slice(0, 5).join('\n')) ? '`' : '\\';
  const out: Instruction[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i] ?? '';
    const start = i;
    i++;
    if (first.trim() === '' || first.trimStart().startsWith('#')) continue;
    let logical = first;
    while (endsWithEscape(logical, escape) && i < lines.length) {
      logical = logical.trimEnd().slice(0, -1).trimEnd();
      const next = lines[i] ?? '';
      i++;
      if (next.trimStart().startsWith('#')) {
        logical += escape; // comment lines inside a continuation are dropped
        continue;
      }
      logical += ` ${next.trim()}`;
    }
    const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(logical);
    if (match?.[1] === undefined) continue;
    const args = (match[2] ?? '').trim();
    out.push({ keyword: match[1].toUpperCase(), args, line: start + 1 });
    for (const delimiter of heredocDelimiters(args)) {
      while (i < lines.length && (lines[i] ?? '').trim() !== delimiter) i++;
      i++;
    }
  }
  return out;
}

function endsWithEscape(line: string, escape: string): boolean {
  return line.trimEnd().endsWith(escape);
}

/** `RUN <<EOF`, `COPY <<-"END" /x`: the delimiters whose bodies follow the instruction. */
function heredocDelimiters(args: string): string[] {
  return [...args.matchAll(/<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g)].map((match) => match[2] ?? '');
}
