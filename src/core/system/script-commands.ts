/**
 * What an npm script or a process command starts: a source file run by a Node runner, or a
 * framework's own server. Read as text, never run.
 */

/** Runners that take the file to start as their first non-option argument. */
const NODE_RUNNERS = new Set([
  'node',
  'nodemon',
  'ts-node',
  'ts-node-dev',
  'tsnd',
  'tsx',
  'bun',
  'deno',
  'babel-node',
  'esno',
  'esr',
  'vite-node',
  'jiti',
  'pm2-runtime',
]);

/** Framework commands that start an app rooted at the package folder. */
const FRAMEWORK_COMMANDS: readonly { readonly pattern: RegExp; readonly framework: string }[] = [
  { pattern: /\bnest start\b/, framework: '@nestjs/cli' },
  { pattern: /\bnext (?:start|dev)\b/, framework: 'next' },
  { pattern: /\bnuxt(?:i)? (?:start|dev|preview)\b/, framework: 'nuxt' },
  { pattern: /\bremix(?:-serve)?\b/, framework: 'remix' },
  { pattern: /\bastro (?:dev|preview)\b/, framework: 'astro' },
  { pattern: /\bvite(?: dev| preview)?(?:\s|$)/, framework: 'vite' },
  { pattern: /\breact-scripts start\b/, framework: 'react-scripts' },
  { pattern: /\bng serve\b/, framework: '@angular/cli' },
  { pattern: /\belectron(?:-forge start)? \./, framework: 'electron' },
  { pattern: /\bexpo start\b|\breact-native (?:start|run-)/, framework: 'react-native' },
];

/** One thing a command starts. */
export type Started =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'framework'; readonly framework: string };

/** What `command` starts, for each `&&`/`;`-separated step (flags and env assignments skipped). */
export function startedBy(command: string): Started[] {
  const found: Started[] = [];
  for (const step of command.split(/&&|\|\||;|\|/)) {
    const words = step
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    let at = 0;
    while (at < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[at] ?? '')) at++;
    if (words[at] === 'npx' || words[at] === 'exec' || words[at] === 'cross-env') at++;
    while (at < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[at] ?? '')) at++;
    const runner = words[at];
    if (runner !== undefined && NODE_RUNNERS.has(runner)) {
      const file = words.slice(at + 1).find((w) => !w.startsWith('-') && /\.[cm]?[jt]sx?$|\/|^\.$/.test(w));
      if (file !== undefined && file !== '.') found.push({ kind: 'file', path: file.replace(/^\.\//, '') });
      continue;
    }
    for (const { pattern, framework } of FRAMEWORK_COMMANDS)
      if (pattern.test(step)) found.push({ kind: 'framework', framework });
  }
  return found;
}

/** Scripts that start a program (not build, test, lint or release it). */
export const STARTING_SCRIPT =
  /^(?:start|serve|dev|worker|server|consumer|daemon|start:[\w:-]+|serve:[\w:-]+|worker:[\w:-]+)$/;
