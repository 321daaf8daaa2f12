import * as path from 'node:path';
import { ParsePool } from './parse-pool';

/** A parse pool whose helper threads run `parse-worker.js` from the same folder as the calling bundle. */
export function createParsePool(bundleDir: string = __dirname): ParsePool {
  return new ParsePool(path.join(bundleDir, 'parse-worker.js'));
}
