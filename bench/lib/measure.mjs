// Runs one command as a whole process and measures its wall time and peak memory.
// Peak memory is the "Maximum resident set size" that GNU time (`/usr/bin/time -v`) reports
// when it is installed; otherwise the summed RSS of the process tree, polled from /proc.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { setInterval, clearInterval } from 'node:timers';

export const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * @typedef {{ ok: boolean, ms: number, cpuMs: number | undefined, peakRssMb: number | undefined, exitCode: number | null,
 *   timedOut: boolean, stderrTail: string }} Measurement
 */

/**
 * Runs `command args` in `cwd`, stdout to `stdoutFile` (or /dev/null), and measures it.
 * @param {{ command: string, args: string[], cwd?: string, stdoutFile?: string, workDir: string,
 *   timeoutMs?: number, env?: NodeJS.ProcessEnv, okExitCodes?: number[] }} spec
 * `okExitCodes`: the exit codes of a run that worked (`archlens check` exits 1 when it found violations).
 * @returns {Promise<Measurement>}
 */
export async function measure({
  command,
  args,
  cwd,
  stdoutFile,
  workDir,
  timeoutMs = 600_000,
  env,
  okExitCodes = [0],
}) {
  const timeFile = path.join(workDir, `time-${process.pid}-${Date.now()}.txt`);
  const stderrFile = path.join(workDir, `stderr-${process.pid}-${Date.now()}.txt`);
  const out = openSync(stdoutFile ?? '/dev/null', 'w');
  const err = openSync(stderrFile, 'w');
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, {
    cwd,
    stdio: ['ignore', out, err],
    env: env ?? process.env,
    detached: true,
  });
  let polledPeak = 0;
  const poll = GNU_TIME
    ? undefined
    : setInterval(() => {
        polledPeak = Math.max(polledPeak, treeRssKb(child.pid));
      }, 25);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, timeoutMs);
  const exitCode = await new Promise((resolve) => {
    child.on('close', (code) => resolve(code));
    child.on('error', () => resolve(-1));
  });
  const ms = performance.now() - started;
  clearTimeout(timer);
  if (poll) clearInterval(poll);
  closeSync(out);
  closeSync(err);
  let peakRssMb;
  let cpuMs;
  if (GNU_TIME && existsSync(timeFile)) {
    const report = readFileSync(timeFile, 'utf8');
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
    if (match) peakRssMb = Number(match[1]) / 1024;
    const user = /User time \(seconds\): ([\d.]+)/.exec(report);
    const system = /System time \(seconds\): ([\d.]+)/.exec(report);
    if (user && system) cpuMs = (Number(user[1]) + Number(system[1])) * 1000;
  } else if (polledPeak > 0) {
    peakRssMb = polledPeak / 1024;
  }
  const stderr = existsSync(stderrFile) ? readFileSync(stderrFile, 'utf8') : '';
  rmSync(timeFile, { force: true });
  rmSync(stderrFile, { force: true });
  return {
    ok: okExitCodes.includes(exitCode) && !timedOut,
    ms,
    cpuMs,
    peakRssMb,
    exitCode,
    timedOut,
    stderrTail: stderr.slice(-2000),
  };
}

/** Summed RSS (kB) of a process and all its descendants, from /proc. */
function treeRssKb(rootPid) {
  const children = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
