// The peer tools ArchLens is compared with, installed on first use into bench/.peers/<tool>
// with `npm install --prefix` (never as project dependencies), and how each is run and counted.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXCLUDED_FOLDERS_PATTERN } from './source-files.mjs';

/** What each peer folder installs. Node 22 comes from the registry's `node` package. */
export const PEER_INSTALLS = {
  node22: { packages: ['node@22'], main: 'node' },
  'dependency-cruiser': { packages: ['dependency-cruiser@18', 'typescript@5'], main: 'dependency-cruiser' },
  madge: { packages: ['madge@8', 'typescript@5'], main: 'madge' },
  skott: { packages: ['skott@0.35'], main: 'skott' },
};

/** Installs the peers that are missing; returns their installed versions. */
export function ensurePeers(peersDir, names = Object.keys(PEER_INSTALLS), log = console.error) {
  const versions = {};
  for (const name of names) {
    const spec = PEER_INSTALLS[name];
    const prefix = path.join(peersDir, name);
    const manifest = path.join(prefix, 'node_modules', spec.main, 'package.json');
    if (!existsSync(manifest)) {
      mkdirSync(prefix, { recursive: true });
      log(`[bench] installing ${spec.packages.join(' ')} into ${path.relative(process.cwd(), prefix)} …`);
      execFileSync(
        'npm',
        ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', ...spec.packages],
        {
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
    }
    versions[name] = JSON.parse(readFileSync(manifest, 'utf8')).version;
  }
  return versions;
}

/** The Node 22 binary installed by the `node` package. */
export function node22Binary(peersDir) {
  return path.join(peersDir, 'node22', 'node_modules', 'node', 'bin', 'node');
}

const EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];

/**
 * The peer rows: how to run each one on `dir` and how to read its edge count from its output.
 * @param {{ peersDir: string, benchDir: string, dir: string, outFile: (name: string) => string }} context
 */
export function peerRows({ peersDir, benchDir, dir }) {
  const tsconfig = existsSync(path.join(dir, 'tsconfig.json')) ? 'tsconfig.json' : undefined;
  return [
    {
      id: 'dependency-cruiser',
      label: 'dependency-cruiser 18 (Node 22)',
      command: node22Binary(peersDir),
      args: (outFile, workDir) => [
        path.join(
          peersDir,
          'dependency-cruiser',
          'node_modules',
          'dependency-cruiser',
          'bin',
          'dependency-cruiser.mjs',
        ),
        '--config',
        writeDepcruiseConfig(workDir, dir, tsconfig),
        '--output-type',
        'json',
        '--output-to',
        outFile,
        '--progress',
        'none',
        '--no-cache',
        '.',
      ],
      stdoutToFile: false,
      edges(outText) {
        const result = JSON.parse(outText);
        let edges = 0;
        let internal = 0;
        for (const module of result.modules) {
          edges += module.dependencies.length;
          for (const dep of module.dependencies) if (dep.dependencyTypes?.includes('local')) internal++;
        }
        return { files: result.summary?.totalCruised ?? result.modules.length, edges, internal };
      },
    },
    {
      id: 'madge',
      label: 'madge 8',
      command: process.execPath,
      args: () => [
        path.join(peersDir, 'madge', 'node_modules', 'madge', 'bin', 'cli.js'),
        '--json',
        '--no-spinner',
        '--no-color',
        '--extensions',
        EXTENSIONS.join(','),
        '--exclude',
        EXCLUDED_FOLDERS_PATTERN,
        ...(tsconfig ? ['--ts-config', tsconfig] : []),
        '.',
      ],
      stdoutToFile: true,
      edges(outText) {
        const result = JSON.parse(outText);
        let edges = 0;
        for (const deps of Object.values(result)) edges += deps.length;
        return { files: Object.keys(result).length, edges, internal: edges };
      },
    },
    {
      id: 'skott',
      label: 'skott 0.35',
      command: process.execPath,
      args: () => [path.join(benchDir, 'peers', 'skott-graph.mjs'), path.join(peersDir, 'skott')],
      stdoutToFile: true,
      edges(outText) {
        const result = JSON.parse(outText);
        return {
          files: result.files,
          edges: result.internal + result.thirdParty + result.builtin,
          internal: result.internal,
        };
      },
    },
  ];
}

/**
 * dependency-cruiser 18 takes its tsconfig and type-only-import switch from a config file only:
 * writes one (no rules, just the options the other tools get on their command line).
 */
function writeDepcruiseConfig(workDir, dir, tsconfig) {
  const file = path.join(workDir, 'depcruise.config.cjs');
  const options = {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: EXCLUDED_FOLDERS_PATTERN },
    tsPreCompilationDeps: true,
    ...(tsconfig ? { tsConfig: { fileName: path.join(dir, tsconfig) } } : {}),
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: EXTENSIONS.map((e) => '.' + e).concat(['.d.ts', '.json']),
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  };
  writeFileSync(file, `module.exports = ${JSON.stringify({ options }, null, 2)};\n`);
  return file;
}
