// The `archlens` executable (dist/cli.js): runs the CLI bundle (dist/cli-main.js, which carries
// TypeScript and is 15 MB) through V8's code cache (see src/node/code-cache.ts), so that every
// run after the first skips compiling it (about 0.3–0.4 s).
import * as path from 'node:path';
import { runThroughCodeCache } from '../node/code-cache';

runThroughCodeCache(path.join(__dirname, 'cli-main.js'), 'cli');
