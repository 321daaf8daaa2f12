#!/usr/bin/env node
// Generates a deterministic synthetic TypeScript monorepo for the benchmark: a pnpm/npm
// workspaces monorepo of several packages and apps, a root tsconfig with `baseUrl` and `paths`
// aliases, index barrels, `export *` / `export * as ns` re-exports, `.js` specifiers that point
// at `.ts` files, type-only imports, dynamic imports, some `require`s (in .cjs files), and a few
// Dockerfiles and a compose file. Same size + seed → byte-identical tree.
//
// Usage: node bench/generate-workspace.mjs <1k|10k|50k|N> [--out <dir>] [--seed <n>]
// Prints the folder it wrote (or reused: a finished tree is cached by size, seed and version).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the generated shape changes, so cached trees are rebuilt. */
export const GENERATOR_VERSION = 1;
const MARKER = '.archlens-bench-workspace.json';

/** mulberry32: a tiny seeded PRNG, good enough for shapes and reproducible everywhere. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Parses `1k`, `10k`, `50k`, `2500` into a file count. */
export function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)(k)?$/i.exec(String(text).trim());
  if (!match) throw new Error(`not a workspace size: ${text} (use 1k, 10k, 50k or a number)`);
  return Math.round(Number(match[1]) * (match[2] ? 1000 : 1));
}

const LAYERS = ['domain', 'application', 'infrastructure', 'api', 'shared'];
const NOUNS = [
  'order',
  'invoice',
  'customer',
  'payment',
  'shipment',
  'product',
  'catalog',
  'cart',
  'user',
  'account',
  'session',
  'report',
  'audit',
  'ledger',
  'refund',
  'coupon',
  'review',
  'stock',
  'warehouse',
  'supplier',
  'notification',
  'message',
  'tenant',
  'plan',
  'subscription',
  'quote',
];
const SUFFIXES = [
  'service',
  'repository',
  'handler',
  'mapper',
  'policy',
  'factory',
  'events',
  'schema',
  'client',
  'util',
];
const EXTERNALS = [
  'zod',
  'express',
  'lodash',
  'rxjs',
  '@nestjs/common',
  'pg',
  'ioredis',
  'kafkajs',
  'date-fns',
  'uuid',
];
const BUILTINS = ['node:fs', 'node:path', 'node:crypto', 'node:events', 'node:url', 'node:util'];

/**
 * Plans and writes the workspace. Returns a summary (file counts by kind).
 * @param {{ files: number, out: string, seed?: number }} options
 */
export function generateWorkspace({ files: total, out, seed = 42 }) {
  const random = prng(seed * 2654435761 + total);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

  // ~1 package per 250 files, between 4 and 160; a fifth of them are deployable apps.
  const packageCount = Math.min(160, Math.max(4, Math.round(total / 250)));
  const appCount = Math.max(2, Math.round(packageCount / 5));
  /** @type {{ name: string, dir: string, app: boolean, index: number, nodenext: boolean, files: {rel: string, layer: string, exports: string[], cjs: boolean}[] }[]} */
  const packages = [];
  for (let i = 0; i < packageCount; i++) {
    const app = i >= packageCount - appCount;
    const name = app
      ? `svc-${NOUNS[i % NOUNS.length]}-${i}`
      : `${NOUNS[i % NOUNS.length]}-${SUFFIXES[i % SUFFIXES.length]}-${i}`;
    packages.push({
      name,
      dir: app ? `apps/${name}` : `packages/${name}`,
      app,
      index: i,
      nodenext: i % 3 === 1,
      files: [],
    });
  }

  // Distribute source files: every package gets one index barrel per layer plus src/index.ts;
  // the rest are spread with some skew (a few big packages, many small ones).
  const weights = packages.map(() => 0.3 + random() ** 2 * 2);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const fixedPerPackage = LAYERS.length + 1;
  let remaining = total - packageCount * fixedPerPackage;
  if (remaining < 0) throw new Error(`size ${total} too small for ${packageCount} packages`);
  const counts = weights.map((w) => Math.floor((remaining * w) / weightSum));
  let leftover = remaining - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; leftover > 0; i = (i + 1) % counts.length, leftover--) counts[i]++;

  for (const [p, pkg] of packages.entries()) {
    const used = new Set();
    for (let f = 0; f < counts[p]; f++) {
      const layer = LAYERS[f % LAYERS.length];
      // Deeper folders in big packages: layer/<feature>/file.
      const feature = counts[p] > 60 ? `${pick(NOUNS)}` : '';
      let base;
      do base = `${pick(NOUNS)}-${pick(SUFFIXES)}${chance(0.5) ? `-${int(1, 999)}` : ''}`;
      while (used.has(`${layer}/${feature}/${base}`));
      used.add(`${layer}/${feature}/${base}`);
      const cjs = chance(0.02);
      const ext = cjs ? '.cjs' : chance(0.12) ? '.tsx' : '.ts';
      const rel = `src/${layer}/${feature ? feature + '/' : ''}${base}${ext}`;
      pkg.files.push({ rel, layer, exports: [ident(base, 'A'), ident(base, 'B')], cjs });
    }
  }

  if (existsSync(out)) rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const write = (rel, text) => {
    const target = path.join(out, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  };

  // Root manifests: npm workspaces, pnpm workspace, tsconfig with baseUrl + paths aliases.
  write(
    'package.json',
    json({ name: 'synthetic-monorepo', private: true, type: 'module', workspaces: ['packages/*', 'apps/*'] }),
  );
  write('pnpm-workspace.yaml', "packages:\n  - 'packages/*'\n  - 'apps/*'\n");
  write('.gitignore', 'node_modules\ndist\n*.log\n');
  const paths = {};
  for (const pkg of packages) {
    paths[`@acme/${pkg.name}`] = [`${pkg.dir}/src/index.ts`];
    paths[`@acme/${pkg.name}/*`] = [`${pkg.dir}/src/*`];
  }
  // A root-level alias into the first package's shared layer, as `~shared/x.js`.
  paths['~shared/*'] = [`${packages[0].dir}/src/shared/*`];
  const sharedTargets = packages[0].files.filter((f) => f.layer === 'shared' && !f.cjs);
  write(
    'tsconfig.base.json',
    json({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        strict: true,
        jsx: 'react-jsx',
        allowJs: true,
        baseUrl: '.',
        paths,
      },
    }),
  );
  write(
    'tsconfig.json',
    json({ extends: './tsconfig.base.json', include: ['packages/*/src', 'apps/*/src'] }),
  );

  let sourceFiles = 0;
  let edges = 0;
  for (const pkg of packages) {
    const deps = {};
    const lowerPackages = packages.slice(Math.max(0, pkg.index - 12), pkg.index);
    const usable = pkg.app ? packages.filter((q) => !q.app) : lowerPackages;
    for (const q of usable) deps[`@acme/${q.name}`] = 'workspace:*';
    for (const e of EXTERNALS.slice(0, 4)) deps[e] = '^1.0.0';
    write(
      `${pkg.dir}/package.json`,
      json({
        name: `@acme/${pkg.name}`,
        version: '1.0.0',
        type: 'module',
        main: './src/index.ts',
        exports: { '.': './src/index.ts', './*': './src/*' },
        dependencies: deps,
      }),
    );
    // A third of the packages resolve as NodeNext (where relative `.js` specifiers are required).
    write(
      `${pkg.dir}/tsconfig.json`,
      json({
        extends: '../../tsconfig.base.json',
        compilerOptions: pkg.nodenext
          ? { module: 'NodeNext', moduleResolution: 'NodeNext' }
          : { rootDir: 'src' },
        include: ['src'],
      }),
    );
    if (pkg.app) {
      write(
        `${pkg.dir}/Dockerfile`,
        `FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nEXPOSE ${3000 + pkg.index}\nCMD ["node", "dist/main.js"]\n`,
      );
    }

    // Layer barrels: `export *` of a handful of the layer's files, one `export * as ns`.
    const byLayer = new Map(LAYERS.map((l) => [l, pkg.files.filter((f) => f.layer === l)]));
    for (const layer of LAYERS) {
      const members = byLayer.get(layer) ?? [];
      const lines = [];
      for (const [k, f] of members.slice(0, 12).entries()) {
        const spec =
          './' + f.rel.slice(`src/${layer}/`.length).replace(/\.(tsx?|cjs)$/, f.cjs ? '.cjs' : '.js');
        lines.push(
          k === 3 ? `export * as ${ident(f.rel, 'Ns')} from '${spec}';` : `export * from '${spec}';`,
        );
        edges++;
      }
      if (members.length === 0) lines.push('export {};');
      write(`${pkg.dir}/src/${layer}/index.ts`, lines.join('\n') + '\n');
      sourceFiles++;
    }
    write(
      `${pkg.dir}/src/index.ts`,
      LAYERS.map((l) => `export * from './${l}/index.js';`).join('\n') +
        `\nexport type { ${ident(pkg.name, 'Config')} } from './shared/index.js';\n`,
    );
    edges += LAYERS.length + 1;
    sourceFiles++;

    for (const file of pkg.files) {
      const { text, count } = sourceText(file, pkg, usable);
      write(`${pkg.dir}/${file.rel}`, text);
      sourceFiles++;
      edges += count;
    }
  }

  // Compose file naming the apps, as a microservices repo would.
  const services = packages.filter((p) => p.app);
  let compose = 'services:\n';
  for (const svc of services) {
    compose += `  ${svc.name}:\n    build: ./${svc.dir}\n    ports:\n      - "${3000 + svc.index}:${3000 + svc.index}"\n    depends_on:\n      - kafka\n`;
  }
  compose += '  kafka:\n    image: bitnami/kafka:3.7\n  postgres:\n    image: postgres:16\n';
  write('docker-compose.yml', compose);

  const summary = {
    generator: GENERATOR_VERSION,
    seed,
    requested: total,
    sourceFiles,
    packages: packageCount,
    apps: appCount,
    plannedImports: edges,
  };
  write(MARKER, json(summary));
  return summary;

  /** The text of one source file: imports of every kind, then a body of realistic size. */
  function sourceText(file, pkg, usable) {
    const lines = [];
    let count = 0;
    const depth = file.rel.split('/').length - 2; // folders below src/
    const up = depth === 0 ? './' : '../'.repeat(depth);
    const siblings = pkg.files.filter((f) => f !== file && f.layer === file.layer);
    const others = pkg.files.filter((f) => f.layer !== file.layer);
    const relTo = (target, jsExt) => {
      const from = path.posix.dirname(file.rel);
      let rel = path.posix.relative(from, target.rel);
      if (!rel.startsWith('.')) rel = './' + rel;
      if (target.cjs) return rel;
      return jsExt ? rel.replace(/\.tsx?$/, '.js') : rel.replace(/\.tsx?$/, '');
    };
    const jsExt = pkg.nodenext || chance(0.5);
    if (file.cjs) {
      // CommonJS: requires of siblings and externals, a lazy require inside a function.
      for (let i = 0; i < int(1, 3) && siblings.length > 0; i++) {
        lines.push(`const m${i} = require('${relTo(pick(siblings), true)}');`);
        count++;
      }
      lines.push(`const ext = require('${pick(EXTERNALS)}');`);
      lines.push(`const fs = require('node:fs');`);
      count += 2;
      lines.push('', `function lazy() {\n  return require('${up}shared/index.js');\n}`);
      count++;
      lines.push(`module.exports = { ${file.exports[0]}: lazy, ${file.exports[1]}: ext };`);
      return { text: lines.join('\n') + '\n' + body(file, 8), count };
    }
    const used = new Set();
    const importFrom = (target, spec, typeOnly) => {
      const names = target.exports.filter((n) => !used.has(n));
      if (names.length === 0) return;
      const name = names[0];
      used.add(name);
      lines.push(`import ${typeOnly ? 'type ' : ''}{ ${name} } from '${spec}';`);
      count++;
    };
    for (let i = 0; i < int(1, 4) && siblings.length > 0; i++) {
      const t = pick(siblings);
      if (!t.cjs) importFrom(t, relTo(t, jsExt), chance(0.2));
    }
    for (let i = 0; i < int(0, 2) && others.length > 0; i++) {
      const t = pick(others);
      if (!t.cjs) importFrom(t, relTo(t, jsExt), chance(0.3));
    }
    if (chance(0.5)) {
      // A layer barrel, written as folder (`../domain`) or explicit index (`../domain/index.js`).
      const layer = pick(LAYERS.filter((l) => l !== file.layer));
      lines.push(`import * as ${layer}Layer from '${up}${layer}${jsExt ? '/index.js' : ''}';`);
      count++;
    }
    if (usable.length > 0) {
      for (let i = 0; i < int(0, 3); i++) {
        const q = pick(usable);
        const target = q.files.length > 0 && chance(0.3) ? pick(q.files) : undefined;
        if (target && !target.cjs) {
          // Deep alias into another package's source: `@acme/pkg/domain/x.js`.
          importFrom(target, `@acme/${q.name}/${target.rel.slice(4).replace(/\.tsx?$/, '.js')}`, chance(0.3));
        } else {
          lines.push(
            `import ${chance(0.3) ? 'type ' : ''}{ ${ident(q.name, 'Config')} as ${ident(q.name, 'Cfg')}${i} } from '@acme/${q.name}';`,
          );
          count++;
        }
      }
    }
    if (chance(0.1) && sharedTargets.length > 0) {
      const t = pick(sharedTargets);
      importFrom(t, `~shared/${t.rel.slice('src/shared/'.length).replace(/\.tsx?$/, '.js')}`, false);
    }
    for (let i = 0; i < int(0, 2); i++) {
      lines.push(`import * as ext${i} from '${pick(EXTERNALS)}';`);
      count++;
    }
    if (chance(0.3)) {
      lines.push(
        `import { ${pick(['readFileSync', 'join', 'randomUUID', 'EventEmitter', 'inspect'])} as b0 } from '${pick(BUILTINS)}';`,
      );
      count++;
    }
    if (chance(0.08)) {
      const t = pick(siblings.length > 0 ? siblings : others);
      if (t) {
        lines.push(`export * from '${relTo(t, jsExt)}';`);
        count++;
      }
    }
    if (chance(0.05)) {
      lines.push(`export { ${file.layer}Thing } from '${up}${file.layer}/index.js';`);
      count++;
    }
    const dynamicTarget = chance(0.1) && others.length > 0 ? pick(others) : undefined;
    if (file.layer === 'shared' && file.rel.endsWith('.ts')) {
      lines.push(
        `export interface ${ident(pkg.name, 'Config')} { readonly name: string; readonly retries: number }`,
      );
    }
    let text = lines.join('\n') + '\n\n';
    if (dynamicTarget) {
      text += `export async function load${file.exports[0]}() {\n  const mod = await import('${relTo(dynamicTarget, true)}');\n  return mod;\n}\n\n`;
      count++;
    }
    text += body(file, int(3, 9));
    return { text, count };
  }

  /** Plain code of realistic size: an interface, a class with methods, a function. */
  function body(file, methods) {
    const [a, b] = file.exports;
    if (file.cjs) {
      let out = '';
      for (let i = 0; i < methods; i++)
        out += `function step${i}(input) {\n  const value = input * ${i + 1};\n  return value > ${int(10, 99)} ? value - 1 : value + 1;\n}\n`;
      return out;
    }
    let out = `/** A ${a} record, as the ${file.layer} layer sees it. */\nexport interface ${a}Props {\n`;
    for (let i = 0; i < int(3, 8); i++)
      out += `  readonly field${i}: ${pick(['string', 'number', 'boolean', 'Date', 'readonly string[]'])};\n`;
    out += `}\n\nexport class ${a} {\n  private readonly cache = new Map<string, number>();\n\n  constructor(private readonly props: ${a}Props) {}\n\n`;
    for (let i = 0; i < methods; i++) {
      out += `  method${i}(input: number, label = '${a}-${i}'): number {\n`;
      out += `    const key = \`\${label}:\${input}\`;\n    const hit = this.cache.get(key);\n    if (hit !== undefined) return hit;\n`;
      out += `    let total = 0;\n    for (let k = 0; k < input; k++) total += k % ${int(2, 9)} === 0 ? k : -k;\n`;
      out += `    this.cache.set(key, total);\n    return total;\n  }\n\n`;
    }
    out += `}\n\nexport const ${b} = (props: ${a}Props): ${a} => new ${a}(props);\n`;
    if (file.rel.endsWith('.tsx'))
      out += `\nexport function ${a}View({ title }: { title: string }) {\n  return <section className="${file.layer}"><h1>{title}</h1></section>;\n}\n`;
    if (file.layer !== 'shared' || !file.exports[0]) return out;
    return out;
  }
}

function ident(text, suffix) {
  const words = String(text)
    .replace(/\.[a-z]+$/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return (/^[0-9]/.test(name) ? 'N' + name : name) + suffix;
}

function json(value) {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * Returns the folder of a cached synthetic workspace of `size`, generating it when missing or
 * stale. `baseDir` defaults to bench/.work/synthetic.
 */
export function ensureWorkspace(size, { seed = 42, baseDir } = {}) {
  const files = parseSize(size);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const out = path.join(baseDir ?? path.join(here, '.work', 'synthetic'), `${size}-seed${seed}`);
  const markerPath = path.join(out, MARKER);
  if (existsSync(markerPath)) {
    try {
      const marker = JSON.parse(readFileSync(markerPath, 'utf8'));
      if (marker.generator === GENERATOR_VERSION && marker.requested === files && marker.seed === seed)
        return { dir: out, summary: marker, cached: true };
    } catch {
      // A broken marker: regenerate.
    }
  }
  const summary = generateWorkspace({ files, out, seed });
  return { dir: out, summary, cached: false };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const size = args.find(
    (a) =>
      !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--out' && args[args.indexOf(a) - 1] !== '--seed',
  );
  if (!size) {
    console.error('usage: node bench/generate-workspace.mjs <1k|10k|50k|N> [--out <dir>] [--seed <n>]');
    process.exit(2);
  }
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 42;
  const outAt = args.indexOf('--out');
  const started = Date.now();
  if (outAt >= 0) {
    const summary = generateWorkspace({ files: parseSize(size), out: path.resolve(args[outAt + 1]), seed });
    console.log(JSON.stringify({ dir: path.resolve(args[outAt + 1]), ...summary, ms: Date.now() - started }));
  } else {
    const { dir, summary, cached } = ensureWorkspace(size, { seed });
    console.log(JSON.stringify({ dir, cached, ...summary, ms: Date.now() - started }));
  }
}
