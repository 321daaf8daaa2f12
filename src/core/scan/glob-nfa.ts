/**
 * A tiny regular language and its matcher, for globs: a pattern is compiled to a Thompson NFA
 * and a path is matched by walking every live state at once, one character at a time. Time is
 * linear in the path (times the pattern size) whatever the pattern: nothing backtracks, so a
 * workspace's `exclude` globs cannot stall the scan (`**` repeated compiles, as a RegExp, to
 * nested `(?:.*\/)?` that backtrack exponentially).
 */

/** One node of a pattern. `char` matches one code point. */
export type GlobNode =
  | { readonly type: 'char'; readonly test: (char: string) => boolean }
  | { readonly type: 'seq'; readonly items: readonly GlobNode[] }
  | { readonly type: 'alt'; readonly items: readonly GlobNode[] }
  | { readonly type: 'star'; readonly item: GlobNode }
  | { readonly type: 'opt'; readonly item: GlobNode };

/** A compiled glob: `test` answers whether a whole path matches. */
export interface GlobMatcher {
  test(path: string): boolean;
}

/** NFA states: `test` consumes a character to `next`; otherwise ε-edges to `out`. */
interface State {
  test?: (char: string) => boolean;
  next?: number;
  readonly out: number[];
}

const ACCEPT = 0;

/** Compiles a pattern tree to a matcher over whole strings. */
export function compileNfa(node: GlobNode): GlobMatcher {
  const states: State[] = [{ out: [] }];
  const add = (state: State): number => states.push(state) - 1;
  // Builds `node` so that it continues to `next`; returns the entry state.
  const build = (n: GlobNode, next: number): number => {
    switch (n.type) {
      case 'char':
        return add({ test: n.test, next, out: [] });
      case 'seq': {
        let entry = next;
        for (let i = n.items.length - 1; i >= 0; i--) entry = build(n.items[i] as GlobNode, entry);
        return entry;
      }
      case 'alt':
        return add({ out: n.items.map((item) => build(item, next)) });
      case 'opt':
        return add({ out: [build(n.item, next), next] });
      case 'star': {
        const loop = add({ out: [] });
        (states[loop] as State).out.push(build(n.item, loop), next);
        return loop;
      }
    }
  };
  const start = build(node, ACCEPT);
  return { test: (path) => run(states, start, path) };
}

function run(states: readonly State[], start: number, path: string): boolean {
  // `mark[s] === step` when state s is already in the set of this step.
  const mark = new Int32Array(states.length).fill(-1);
  let current: number[] = [];
  let step = 0;
  const close = (into: number[], state: number): void => {
    const stack = [state];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (mark[s] === step) continue;
      mark[s] = step;
      const node = states[s] as State;
      if (node.test !== undefined) into.push(s);
      else if (s === ACCEPT) into.push(s);
      else for (let i = node.out.length - 1; i >= 0; i--) stack.push(node.out[i] as number);
    }
  };
  close(current, start);
  for (const char of path) {
    step++;
    const next: number[] = [];
    for (const s of current) {
      const node = states[s] as State;
      if (node.test?.(char) === true) close(next, node.next as number);
    }
    if (next.length === 0) return false;
    current = next;
  }
  return current.includes(ACCEPT);
}
