/** Modular-monolith block: a module with public API, service and repository, registered where modules are. */
import type { ScaffoldContext } from '../context';
import { createFile } from '../context';
import { camelCase, kebabCase, pascalCase } from '../names';
import { sourceRoot } from '../placement';
import { addToArray, findListingArray } from '../registration';
import { render } from '../render';
import { testFileFor } from '../tests';
import { ScaffoldError, type ScaffoldFile, type ScaffoldPlan } from '../types';
import { basename, dirname, exists, filesIn, join } from '../workspace-files';

export function planModule(ctx: ScaffoldContext, rawName: string, folder?: string): ScaffoldPlan {
  const modules = ctx.ws.detection.units.modules;
  const parents = new Map<string, number>();
  for (const m of modules) parents.set(dirname(m.path), (parents.get(dirname(m.path)) ?? 0) + 1);
  const container =
    folder ?? [...parents].sort((a, b) => b[1] - a[1])[0]?.[0] ?? join(sourceRoot(ctx.ws), 'modules');
  const slug = kebabCase(rawName);
  const Name = pascalCase(rawName);
  const dir = join(container, slug);
  if (exists(ctx.ws, dir)) throw new ScaffoldError(`${dir} already exists; choose another module name.`);
  const sibling = modules.find((m) => dirname(m.path) === container);
  const siblingFiles = sibling ? filesIn(ctx.ws, sibling.path).map(basename) : [];
  const prefixed = siblingFiles.some(
    (f) => sibling !== undefined && f.startsWith(`${basename(sibling.path)}.`),
  );
  const file = (role: string) => join(dir, prefixed ? `${slug}.${role}.ts` : `${role}.ts`);
  const nest = ctx.deps.has('@nestjs/common');
  const spec = (from: string, to: string) =>
    `./${basename(to).replace(/\.ts$/, ctx.style.jsExtension ? '.js' : '')}${from === '' ? '' : ''}`;
  const repoPath = file('repository');
  const servicePath = file('service');
  const modulePath = file('module');
  const repository = `${Name}Repository`;
  const service = `${Name}Service`;
  const moduleClass = `${Name}Module`;
  const injectable = nest ? `import { Injectable } from '@nestjs/common';\n\n@Injectable()\n` : '';
  const files: ScaffoldFile[] = [
    createFile(
      ctx,
      repoPath,
      render(
        `
${injectable}/** Data access of the ${slug} module; only this module uses it. */
export class ${repository} {
  private readonly items = new Map<string, unknown>();

  async byId(id: string): Promise<unknown> {
    return this.items.get(id);
  }
}
`,
        ctx.style,
      ),
    ),
    createFile(
      ctx,
      servicePath,
      render(
        `
${nest ? `import { Injectable } from '@nestjs/common';\n` : ''}import { ${repository} } from '${spec('', repoPath)}';

${nest ? '@Injectable()\n' : ''}/** What the ${slug} module does; other modules reach it through the module's index. */
export class ${service} {
  constructor(private readonly repository: ${repository}) {}

  async find(id: string): Promise<unknown> {
    return this.repository.byId(id);
  }
}
`,
        ctx.style,
      ),
    ),
  ];
  let registration: string;
  if (nest) {
    files.push(
      createFile(
        ctx,
        modulePath,
        render(
          `
import { Module } from '@nestjs/common';
import { ${repository} } from '${spec('', repoPath)}';
import { ${service} } from '${spec('', servicePath)}';

@Module({
  providers: [${service}, ${repository}],
  exports: [${service}],
})
export class ${moduleClass} {}
`,
          ctx.style,
        ),
      ),
    );
    files.push(
      createFile(
        ctx,
        join(dir, 'index.ts'),
        render(
          `
export { ${moduleClass} } from '${spec('', modulePath)}';
export { ${service} } from '${spec('', servicePath)}';
`,
          ctx.style,
        ),
      ),
    );
    registration = moduleClass;
  } else {
    registration = `${camelCase(rawName)}Module`;
    files.push(
      createFile(
        ctx,
        join(dir, 'index.ts'),
        render(
          `
import { ${repository} } from '${spec('', repoPath)}';
import { ${service} } from '${spec('', servicePath)}';

export { ${service} } from '${spec('', servicePath)}';

/** The public face of the ${slug} module. */
export const ${registration} = {
  name: '${slug}',
  service: new ${service}(new ${repository}()),
};
`,
          ctx.style,
        ),
      ),
    );
  }
  const messages: string[] = [];
  const moduleNames = new Set(modules.map((m) => m.name));
  const list = findListingArray(
    ctx,
    (id) =>
      /Module$/.test(id) &&
      (moduleNames.size === 0 ||
        [...moduleNames].some((n) =>
          id.toLowerCase().startsWith(n.replace(/[^a-z0-9]/gi, '').toLowerCase()),
        )),
    1,
    undefined,
    'Module',
  );
  const edit =
    list &&
    addToArray(ctx, list.file, list.array, registration, [
      { name: registration, from: join(dir, 'index.ts') },
    ]);
  if (edit) {
    files.push(edit);
    messages.push(`Registered ${registration} in ${edit.path}.`);
  } else messages.push(`No module list found: register ${registration} where your modules are put together.`);
  const test = testFileFor(ctx, servicePath, service);
  if (test) files.push(test);
  return { files, messages };
}
