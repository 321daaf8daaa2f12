import { SERVERLESS_PACKAGES } from '../units/known-packages';
import type { DetectContext } from './context';
import type { Detector } from './detector';
import { ScoreCard } from './scoring';
import type { Fact } from './scoring';
import { dependencyFacts, scriptsMatching, sourceTextFacts, symbolsOf } from './signals';
import { DOCUMENTED_WEIGHT, documentedStyle } from './documented-style';

const HANDLER_NAMES = new Set(['handler', 'main', 'handle', 'default', 'fetch', 'run']);

/**
 * Serverless: functions run on events on managed infrastructure. Function manifests
 * (serverless.yml, SAM, CDK, Terraform, Azure, Vercel/Netlify folders, wrangler), handler
 * exports, function runtimes in dependencies; long-running servers beside them count against.
 */
export const serverless: Detector = {
  id: 'serverless',
  detect(ctx: DetectContext) {
    const card = new ScoreCard('serverless');
    const documented = documentedStyle(ctx, 'serverless');
    card.add(DOCUMENTED_WEIGHT, documented);
    const { functions, services } = ctx.units;
    card.add(
      0.45,
      functions.map((f) => ({ ...f.source, message: `Function: ${f.source.message}` })),
    );
    if (functions.length >= 3)
      card.add(0.1, [{ file: functions[0]?.source.file ?? '.', message: `${functions.length} functions` }]);
    // The manifest names each handler's export (`todos/create.create` → `create`).
    const exportsByFile = new Map<string, Set<string>>();
    for (const m of ctx.model.manifests) {
      if (!('functions' in m)) continue;
      for (const f of m.functions) {
        if (f.handlerFile === undefined) continue;
        const names = exportsByFile.get(f.handlerFile) ?? new Set<string>();
        const written = f.handler?.split(/[.:]/).pop();
        if (written) names.add(written);
        exportsByFile.set(f.handlerFile, names);
      }
    }
    const handlerFiles = [...exportsByFile.keys()];
    const guessed =
      functions.length === 0
        ? scriptsMatching(ctx, /(?:^|\/)(?:functions|lambdas?|handlers)\/[^/]+\.[cm]?[jt]s$/)
        : [];
    const handlers: Fact[] = [];
    for (const [file, symbols] of symbolsOf(ctx, [...handlerFiles, ...guessed].slice(0, 100))) {
      const fn = symbols.functions.find(
        (f) =>
          f.exported &&
          (HANDLER_NAMES.has(f.name) || exportsByFile.get(file)?.has(f.name) === true) &&
          f.parameters.length >= 1,
      );
      if (fn)
        handlers.push({
          file,
          line: fn.line,
          message: `\`${file}\` exports \`${fn.name}(${fn.parameters.join(', ')})\``,
        });
    }
    handlers.push(...workerHandlers(ctx));
    card.add(functions.length > 0 ? 0.15 : 0.2, handlers.slice(0, 8));
    card.add(0.1, dependencyFacts(ctx, SERVERLESS_PACKAGES, 'a function runtime'));
    const containers = managedContainers(ctx);
    card.add(0.5, containers);
    if (containers.length > 0 && services.length > 0)
      card.add(0.15, [
        {
          file: containers[0]?.file ?? '.',
          message: `${services.length} service${services.length === 1 ? '' : 's'} built here run as containers on a serverless platform (scaled per request, to zero when idle)`,
        },
      ]);
    // Containers on a platform called serverless are not functions: serverless in how they are hosted.
    if (functions.length === 0 && containers.length > 0)
      card.cap(0.5, {
        file: containers[0]?.file ?? '.',
        message:
          'Only containers on a serverless platform, no functions: serverless in how it is hosted, not in how it is built',
      });
    if (functions.length === 0 && containers.length === 0 && card.score > 0) {
      card.cap(0.45, {
        file: '.',
        message:
          'No function manifest (serverless.yml, SAM template, CDK, Terraform, wrangler.toml …) was found',
      });
    }
    if (functions.length > 0 && services.length === 0)
      card.add(0.1, [
        {
          file: functions[0]?.source.file ?? '.',
          message: 'Everything here deploys as functions: no long-lived server runs beside them',
        },
      ]);
    if (functions.length > 0 && services.length > 0) {
      card.against(
        functions.length <= services.length ? 0.25 : 0.1,
        services.map((s) => ({
          ...(s.deployables[0]?.source ?? { file: '.', message: '' }),
          message: `Also runs a long-lived server: \`${s.name}\``,
        })),
      );
    }
    return card.result();
  },
};

/** A Workers module's default export with event handlers: `export default { async fetch(request, env) {…} }`. */
const WORKER_MODULE =
  /export\s+default\s*\{[\s\S]{0,2000}?\b(?:async\s+)?(fetch|scheduled|queue|email|tail)\s*\(\s*\w/;

/** The handlers of the Cloudflare Workers a `wrangler` config deploys (module syntax). */
function workerHandlers(ctx: DetectContext): Fact[] {
  const facts: Fact[] = [];
  for (const m of ctx.model.manifests) {
    if (m.kind !== 'wrangler' || m.mainFile === undefined) continue;
    const text = ctx.readText(m.mainFile);
    const match = text === undefined ? null : WORKER_MODULE.exec(text);
    if (match === null || text === undefined) continue;
    const line = text.slice(0, match.index).split('\n').length;
    facts.push({
      file: m.mainFile,
      line,
      message: `\`${m.mainFile}\` exports a Workers \`${match[1] ?? 'fetch'}\` handler`,
    });
  }
  return facts;
}

/** Serverless container platforms in Terraform: Google Cloud Run services and jobs. */
const MANAGED_CONTAINER_RESOURCE = /^google_cloud_run_(?:v2_)?(?:service|job)$/;
/** …and the same deployed by script or CI: `gcloud run deploy`, or a Knative/Cloud Run service manifest. */
const MANAGED_CONTAINER_TEXT =
  /\bgcloud\s+(?:beta\s+)?run\s+deploy\b|\bapiVersion:\s*serving\.knative\.dev\//;

/**
 * Containers run on a serverless platform (Cloud Run): the services are started per request and
 * scaled to zero by the platform, which is what the authors of such systems call serverless.
 */
function managedContainers(ctx: DetectContext): Fact[] {
  const facts: Fact[] = [];
  for (const m of ctx.model.manifests) {
    if (m.kind !== 'terraform') continue;
    for (const [id, type] of Object.entries(m.resources ?? {})) {
      if (MANAGED_CONTAINER_RESOURCE.test(type))
        facts.push({ file: m.file, message: `\`${m.file}\`: \`${id}\` runs a container on Cloud Run` });
    }
  }
  const scripts = ctx.graph.files.filter(
    (f) => /\.(?:sh|ya?ml)$|(?:^|\/)Makefile$/.test(f) && !/(?:^|\/)node_modules\//.test(f),
  );
  facts.push(
    ...sourceTextFacts(
      ctx,
      scripts,
      MANAGED_CONTAINER_TEXT,
      (file, match) => `\`${file}\` deploys to Cloud Run (\`${match}\`)`,
    ),
  );
  return facts.slice(0, 5);
}
