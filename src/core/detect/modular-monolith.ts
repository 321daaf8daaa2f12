import type { ModuleDetail } from '../units';
import { baseName, isUnder } from '../units/paths';
import type { DetectContext } from './context';
import type { Detector } from './detector';
import { cycles, exampleEdge, groupGraph } from './folder-graph';
import { ScoreCard } from './scoring';
import type { Fact } from './scoring';
import { importsNotRead } from './signals';
import { boundaryToolFacts } from './boundary-tools';
import { DOCUMENTED_WEIGHT, documentedStyle } from './documented-style';

const DATA_ACCESS =
  /(?:repository|repo|\.dao|store|db|prisma|schema|entity|model)\.[cm]?[jt]s$|\/(?:repositories|persistence|db|data)\//i;

/**
 * Modular monolith: one deployable made of several sibling modules whose cross-module imports
 * land only on each other's public files, without cycles, and, best, a checker in the build
 * that enforces it (Spring Modulith, ArchUnit, import-linter, eslint-plugin-boundaries, …).
 * Imports into another module's insides count against it, each named.
 */
export const modularMonolith: Detector = {
  id: 'modular-monolith',
  detect(ctx: DetectContext) {
    const card = new ScoreCard('modular-monolith');
    const documented = documentedStyle(ctx, 'modular-monolith');
    card.add(DOCUMENTED_WEIGHT, documented);
    const { services } = ctx.units;
    const enforced = boundaryToolFacts(ctx);
    const single = services.length === 1 ? services[0] : undefined;
    // A workload deployed from an image that maps to no folder holds the workspace's code.
    const within = (path: string): boolean =>
      single === undefined || !single.hasSource || isUnder(path, single.path);
    const inside = ctx.units.modules.filter((m) => m.kind !== 'package' && within(m.path));
    const modules = inside.length >= 2 ? inside : ctx.units.modules.filter((m) => within(m.path));
    if (single) {
      card.add(0.2, [
        {
          ...(single.deployables[0]?.source ?? { file: '.', message: '' }),
          message: `One deployable: \`${single.name}\``,
        },
      ]);
    } else if (services.length > 1) {
      card.against(0.2, [
        {
          file: services[0]?.deployables[0]?.source.file ?? '.',
          message: `${services.length} deployables, not one`,
        },
      ]);
    }
    if (modules.length >= 2) {
      const where = commonParent(modules);
      card.add(
        modules.length >= 3 ? 0.2 : 0.1,
        modules.slice(0, 8).map((m) => ({
          file: m.declaredPublic[0] ?? m.files[0] ?? m.path,
          message: `Module \`${m.name}\` (\`${m.path}\`, ${m.files.length} files${
            m.declaredPublic.length > 0
              ? `, public: ${m.declaredPublic
                  .map((f) => `\`${baseName(f)}\``)
                  .slice(0, 3)
                  .join(', ')}`
              : ''
          })`,
        })),
      );
      const explicit = modules.filter((m) => m.kind === 'container' || m.kind === 'nest');
      if (explicit.length >= 2) {
        const nest = explicit.some((m) => m.kind === 'nest');
        card.add(0.1, [
          {
            file: explicit[0]?.path ?? where,
            message: nest
              ? `${explicit.length} NestJS \`@Module\`s`
              : `Modules are declared by a \`${baseName(where)}/\` folder`,
          },
        ]);
      }
      boundaries(ctx, modules, card);
      card.add(0.2, enforced);
      sameShape(modules, card);
      const withData = modules.filter((m) => m.files.some((f) => DATA_ACCESS.test(f)));
      if (withData.length >= 2 && withData.length * 2 >= modules.length) {
        card.add(0.05, [
          {
            file: withData[0]?.files.find((f) => DATA_ACCESS.test(f)) ?? '.',
            message: `${withData.length} of ${modules.length} modules own their data access`,
          },
        ]);
      }
    } else {
      card.note({
        file: '.',
        message: 'No module folders found (`modules/*`, feature folders, NestJS `@Module`s)',
      });
    }
    if (services.length === 0) {
      const web = ctx.units.webApps[0];
      card.cap(
        0.25,
        web
          ? { ...web.source, message: `A front-end app, not a backend: ${web.source.message}` }
          : {
              file: '.',
              message: 'Nothing here starts on its own: modules of a library are not a modular monolith',
            },
      );
    }
    // NestJS `@Module`s are how every Nest app is wired; alone they draw no boundary.
    if (modules.length >= 2 && modules.every((m) => m.kind === 'nest') && enforced.length === 0)
      card.cap(0.55, {
        file: modules[0]?.path ?? '.',
        message:
          'The modules are NestJS `@Module`s only: no `modules/` folder, declared public faces or boundary checker marks them as bounded',
      });
    // Unread imports leave boundaries unproven, unless a checker in the build enforces them.
    const note = importsNotRead(ctx);
    if (note && enforced.length === 0) card.cap(0.55, note);
    else if (note) card.note(note);
    return card.result();
  },
};

/** Cross-module imports: the share landing on public files, the ones reaching insides, and cycles. */
function boundaries(ctx: DetectContext, modules: readonly ModuleDetail[], card: ScoreCard): void {
  if (!ctx.units.importsRead) return;
  const byPath = new Map(modules.map((m) => [m.path, m]));
  const graph = groupGraph(
    ctx.graph,
    modules.map((m) => m.path),
  );
  let total = 0;
  const violations: Fact[] = [];
  for (const [from, row] of graph.edges) {
    for (const [to, edges] of row) {
      const target = byPath.get(to);
      if (!target) continue;
      for (const edge of edges) {
        total++;
        if (target.declaredPublic.length === 0 && target.publicFace.length > 1) {
          violations.push({
            file: edge.from,
            line: edge.line,
            message: `\`${baseName(from)}\` imports \`${edge.to ?? ''}\` directly: module \`${target.name}\` declares no public file (index.ts, api.ts) and ${target.publicFace.length} of its files are used from outside`,
          });
        } else if (!isPublic(edge.to ?? '', target)) {
          violations.push({
            file: edge.from,
            line: edge.line,
            message: `\`${baseName(from)}\` imports \`${edge.to ?? ''}\`, inside module \`${target.name}\` (not its public face)`,
          });
        }
      }
    }
  }
  if (total === 0) {
    card.add(0.15, [
      { file: modules[0]?.path ?? '.', message: `The ${modules.length} modules do not import each other` },
    ]);
  } else {
    const clean = total - violations.length;
    if (clean > 0) {
      card.add(0.25 * (clean / total), [
        {
          file: modules[0]?.path ?? '.',
          message: `${clean} of ${total} cross-module imports land on a module's public files`,
        },
      ]);
    }
    if (violations.length > 0)
      card.against(Math.min(0.45, 0.3 * (violations.length / total) + 0.04 * violations.length), violations);
  }
  const loops = cycles(graph);
  if (loops.length === 0 && total > 0) {
    card.add(0.1, [{ file: modules[0]?.path ?? '.', message: 'No import cycles between modules' }]);
  }
  for (const loop of loops.slice(0, 3)) {
    const a = loop[0] ?? '';
    const b = loop[1] ?? '';
    const edge = exampleEdge(graph, a, b) ?? exampleEdge(graph, b, a);
    card.against(loop.length * 2 >= modules.length ? 0.15 : 0.08, [
      {
        file: edge?.from ?? a,
        ...(edge ? { line: edge.line } : {}),
        message: `Modules ${loop.map((m) => `\`${baseName(m)}\``).join(', ')} import each other in a cycle`,
      },
    ]);
  }
}

/** A file is public when the module declares it so, or (with nothing declared) when it is the one file others use. */
function isPublic(file: string, module: ModuleDetail): boolean {
  if (module.declaredPublic.length > 0) return module.declaredPublic.includes(file);
  return module.publicFace.length <= 1;
}

/** Modules built alike: the same file roles (`*.service.ts`, `*.repository.ts`) or sub-folders in most of them. */
function sameShape(modules: readonly ModuleDetail[], card: ScoreCard): void {
  const counts = new Map<string, number>();
  for (const m of modules) {
    const roles = new Set<string>();
    for (const file of m.files) {
      const rest = file.slice(m.path.length + 1);
      const parts = rest.split('/');
      if (parts.length > 1) roles.add(`${parts[0] ?? ''}/`);
      const suffix = /\.([a-z-]+)\.[cm]?[jt]sx?$/.exec(rest)?.[1];
      if (suffix !== undefined) roles.add(`*.${suffix}`);
      else roles.add(baseName(rest).replace(new RegExp(`^${escape(m.name)}[-.]?`), '*'));
    }
    for (const role of roles) counts.set(role, (counts.get(role) ?? 0) + 1);
  }
  const shared = [...counts].filter(([, n]) => n * 3 >= modules.length * 2 && n >= 2).map(([role]) => role);
  if (shared.length >= 2) {
    card.add(0.1, [
      {
        file: modules[0]?.path ?? '.',
        message: `Modules share one shape: ${shared
          .slice(0, 5)
          .map((r) => `\`${r}\``)
          .join(', ')}`,
      },
    ]);
  }
}

function commonParent(modules: readonly ModuleDetail[]): string {
  const first = modules[0]?.path ?? '.';
  const parent = first.includes('/') ? first.slice(0, first.lastIndexOf('/')) : '.';
  return modules.every((m) => isUnder(m.path, parent)) ? parent : '.';
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
