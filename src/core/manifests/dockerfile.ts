import type { DockerCopy, DockerStage, DockerfileManifest } from '../model';
import type { ManifestContext } from './context';

interface Instruction {
  readonly keyword: string;
  readonly args: string;
  readonly line: number;
}

/** A stage as it is read: its `WORKDIR`s and copies collected as the instructions come. */
interface OpenStage {
  readonly image: string;
  readonly name?: string;
  readonly line: number;
  workdir: string;
  readonly workdirs: string[];
  readonly copies: DockerCopy[];
}

/**
 * Reads a Dockerfile: the image and `AS` name of every stage with its `WORKDIR`s and copies,
 * `EXPOSE`d ports and the last `CMD`/`ENTRYPOINT`. Handles line continuations (and the `# escape=` directive), comments
 * inside continuations, and heredoc bodies (`RUN <<EOF`). Build arguments are not substituted.
 */
export function parseDockerfile(
  file: string,
  text: string,
  _ctx: ManifestContext,
): DockerfileManifest | undefined {
  const stages: OpenStage[] = [];
  const exposedPorts: number[] = [];
  let command: string | undefined;
  for (const instruction of instructions(text)) {
    const stage = stages[stages.length - 1];
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((word) => word !== '' && !word.startsWith('--'));
      const image = words[0];
      if (image === undefined) continue;
      const name = words[1]?.toUpperCase() === 'AS' ? words[2] : undefined;
      // A stage built on an earlier one starts in that one's working directory.
      const base = stages.find((s) => s.name !== undefined && s.name.toLowerCase() === image.toLowerCase());
      stages.push({
        image,
        ...(name !== undefined ? { name } : {}),
        line: instruction.line,
        workdir: base?.workdir ?? '/',
        workdirs: [],
        copies: [],
      });
    } else if (instruction.keyword === 'WORKDIR' && stage !== undefined) {
      const dir = unquote(instruction.args);
      if (dir !== '' && !dir.includes('$')) {
        stage.workdir = containerPath(stage.workdir, dir);
        stage.workdirs.push(stage.workdir);
      }
    } else if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && stage !== undefined) {
      const copy = copyOf(instruction.args, stage.workdir);
      if (copy !== undefined) stage.copies.push(copy);
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
    stages: stages.map(closed),
    exposedPorts,
    ...(command !== undefined ? { command } : {}),
  };
}

function closed(stage: OpenStage): DockerStage {
  return {
    image: stage.image,
    ...(stage.name !== undefined ? { name: stage.name } : {}),
    line: stage.line,
    ...(stage.workdirs.length > 0 ? { workdirs: stage.workdirs } : {}),
    ...(stage.copies.length > 0 ? { copies: stage.copies } : {}),
  };
}

/** `COPY [--from=x] [--chown=…] a b dest` or the JSON form `["a", "dest"]`. */
function copyOf(args: string, workdir: string): DockerCopy | undefined {
  const flags = args.match(/^(?:--\S+\s+)*/)?.[0] ?? '';
  const from = /--from=(\S+)/.exec(flags)?.[1];
  const rest = args.slice(flags.length).trim();
  let words: string[];
  if (rest.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(rest);
      words = Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string') : [];
    } catch {
      return undefined;
    }
  } else words = rest.split(/\s+/).filter((w) => w !== '' && !w.startsWith('<<'));
  if (words.length < 2) return undefined;
  const dest = words[words.length - 1] ?? '';
  if (dest.includes('$')) return undefined;
  return {
    ...(from !== undefined ? { from } : {}),
    sources: words.slice(0, -1).filter((w) => !w.includes('$')),
    dest: containerPath(workdir, dest),
  };
}

/** `dir` joined to `cwd` inside the image, normalised (`/usr/src/app`, `.` → `cwd`). */
function containerPath(cwd: string, dir: string): string {
  const joined = dir.startsWith('/') ? dir : `${cwd.replace(/\/$/, '')}/${dir}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return /^(["']).*\1$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
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
