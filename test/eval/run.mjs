// `npm run eval`: detection on every labelled fixture workspace, precision and recall per pattern.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildEval } from './build.mjs';

const out = await buildEval();
const result = spawnSync(process.execPath, [path.join(out, 'eval-fixtures.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
