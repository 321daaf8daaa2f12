// Checks out each repository of a real-world list at its commit into $ARCHLENS_REAL_WORLD_DIR
// (default /tmp/rw)/<name>, from local bare mirrors under $ARCHLENS_MIRRORS (default /work/.mirror,
// one `<owner>+<name>/repo` per repository). Nothing is fetched from the network and nothing in the
// repositories is run: blobs are read with `git cat-file` and written as plain files. Links and
// submodules are left out, and so are blobs a mirror lacks (snapshots leave out files of 4 MiB and
// more); the count of those is printed.
// Usage: node test/eval/checkout.mjs test/eval/dev-set.json
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const list = JSON.parse(readFileSync(process.argv[2] ?? 'test/eval/dev-set.json', 'utf8'));
const target = process.env.ARCHLENS_REAL_WORLD_DIR ?? '/tmp/rw';
const mirrors = process.env.ARCHLENS_MIRRORS ?? '/work/.mirror';
const gitEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent' };

function git(gitDir, args, input) {
  const run = spawnSync('git', ['--git-dir', gitDir, ...args], {
    input,
    env: gitEnv,
    maxBuffer: 4 * 1024 * 1024 * 1024,
  });
  if (run.status !== 0 && !args.includes('--batch')) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

let missingMirrors = 0;
for (const entry of list) {
  const dir = path.join(target, entry.name);
  if (existsSync(path.join(dir, '.archlens-checkout'))) continue;
  const base = path.join(mirrors, entry.repo.replace('/', '+'));
  const gitDir = [path.join(base, 'repo'), path.join(base, 'repo', '.git')].find((d) =>
    existsSync(path.join(d, 'HEAD')),
  );
  if (gitDir === undefined) {
    console.log(`missing mirror: ${entry.repo} (${base})`);
    missingMirrors++;
    continue;
  }
  const tree = git(gitDir, ['ls-tree', '-r', '-z', entry.commit])
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  const blobs = [];
  for (const line of tree) {
    const [meta, file] = line.split('\t');
    const [mode, type, sha] = meta.split(' ');
    if (type === 'blob' && (mode === '100644' || mode === '100755')) blobs.push({ sha, file });
  }
  const out = git(gitDir, ['cat-file', '--batch'], blobs.map((b) => b.sha).join('\n') + '\n');
  let at = 0;
  let absent = 0;
  for (const blob of blobs) {
    const newline = out.indexOf(10, at);
    const header = out.subarray(at, newline).toString('utf8');
    at = newline + 1;
    if (header.endsWith(' missing')) {
      absent++;
      continue;
    }
    const size = Number(header.split(' ')[2]);
    const content = out.subarray(at, at + size);
    at += size + 1;
    const file = path.join(dir, blob.file);
    if (!file.startsWith(dir + path.sep)) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  writeFileSync(path.join(dir, '.archlens-checkout'), `${entry.repo}@${entry.commit}\n`);
  console.log(
    `${entry.repo}@${entry.commit.slice(0, 10)} → ${dir} (${blobs.length - absent} files, ${absent} not in the mirror)`,
  );
}
process.exitCode = missingMirrors === 0 ? 0 : 1;
