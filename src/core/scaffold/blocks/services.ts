/** Microservices block: a new service folder (package.json, entry, Dockerfile) and its compose entry. */
import type { ScaffoldContext } from '../context';
import { createFile } from '../context';
import { kebabCase } from '../names';
import { render } from '../render';
import { ScaffoldError, type ScaffoldFile, type ScaffoldPlan } from '../types';
import { addYamlMapEntry } from '../yaml-edit';
import { dirname, exists, join, readText } from '../workspace-files';

export function planService(ctx: ScaffoldContext, rawName: string, folder?: string): ScaffoldPlan {
  const slug = kebabCase(rawName);
  const services = ctx.ws.detection.units.deployables.filter((d) => d.path !== '.' && d.kind === 'package');
  const parents = new Map<string, number>();
  for (const s of services) parents.set(dirname(s.path), (parents.get(dirname(s.path)) ?? 0) + 1);
  const container = folder ?? [...parents].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'services';
  const dir = join(container, slug);
  if (exists(ctx.ws, dir)) throw new ScaffoldError(`${dir} already exists; choose another service name.`);
  const sibling = services.find((s) => dirname(s.path) === container);
  const eol = ctx.style.eol;
  const json = (value: unknown) => JSON.stringify(value, null, 2).replace(/\n/g, eol) + eol;
  const siblingTsconfig = sibling ? readText(ctx.ws, join(sibling.path, 'tsconfig.json')) : undefined;
  const files: ScaffoldFile[] = [
    createFile(
      ctx,
      join(dir, 'package.json'),
      json({
        name: slug,
        version: '0.1.0',
        private: true,
        main: 'dist/index.js',
        scripts: { build: 'tsc -p .', start: 'node dist/index.js' },
      }),
    ),
    createFile(
      ctx,
      join(dir, 'src/index.ts'),
      render(
        `
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 3000);

createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ service: '${slug}', status: 'ok' }));
}).listen(port);
`,
        ctx.style,
      ),
    ),
    createFile(
      ctx,
      join(dir, 'Dockerfile'),
      [
        'FROM node:20-alpine',
        'WORKDIR /app',
        'COPY package*.json ./',
        'RUN npm install',
        'COPY . .',
        'RUN npm run build',
        'CMD ["node", "dist/index.js"]',
        '',
      ].join(eol),
    ),
  ];
  if (siblingTsconfig !== undefined) files.push(createFile(ctx, join(dir, 'tsconfig.json'), siblingTsconfig));
  const messages: string[] = [];
  const compose = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yaml', 'compose.yml'].find((f) =>
    exists(ctx.ws, f),
  );
  if (compose === undefined) messages.push('No compose file found: add the service where you run it.');
  else {
    const text = readText(ctx.ws, compose) ?? '';
    const used = [...text.matchAll(/"?(\d{4,5}):\d+"?/g)].map((m) => Number(m[1]));
    const port = Math.max(3000, ...used) + 1;
    const edited = addYamlMapEntry(text, ['services'], slug, [
      `${slug}:`,
      `  build: ./${dir}`,
      '  ports:',
      `    - "${port}:3000"`,
    ]);
    if (typeof edited !== 'string')
      throw new ScaffoldError(`Cannot add the service to ${compose}: ${edited.error}.`);
    files.push({ path: compose, action: 'edit', original: text, content: edited });
    messages.push(`Added ${slug} to ${compose} on port ${port}.`);
  }
  return { files, messages };
}
