import { code, findingAt, unitFact, type PatternRules, type RuleFinding } from './rule-context';

/**
 * Serverless rules: the handler files named by function manifests (serverless.yml, SAM, CDK,
 * Terraform, Azure, Vercel and Netlify folders) do not import each other.
 */
export const serverlessRules: PatternRules = {
  pattern: 'serverless',
  verdictOf: 'serverless',
  check(input) {
    const { graph, model } = input.ctx;
    const handlers = new Map<string, { name: string; manifest: string; line?: number }>();
    for (const manifest of model.manifests) {
      if (!('functions' in manifest)) continue;
      for (const fn of manifest.functions)
        if (fn.handlerFile !== undefined && !handlers.has(fn.handlerFile))
          handlers.set(fn.handlerFile, {
            name: fn.name,
            manifest: manifest.file,
            ...(fn.line !== undefined ? { line: fn.line } : {}),
          });
    }
    if (handlers.size < 2) return undefined;
    const findings: RuleFinding[] = [];
    for (const [file, fn] of handlers) {
      for (const edge of graph.out.get(file) ?? []) {
        const other = handlers.get(edge.to ?? '');
        if (!other || edge.to === file) continue;
        findings.push(
          findingAt(
            'serverless/handler-imports-handler',
            edge,
            `${code(file)}, the handler of function ${code(fn.name)}, imports ${code(edge.to ?? '')}, the handler of function ${code(other.name)}: share code through a library folder, or invoke the other function by an event.`,
            [
              unitFact(fn.manifest, `Function ${code(fn.name)} is handled by ${code(file)}`, fn.line),
              unitFact(
                other.manifest,
                `Function ${code(other.name)} is handled by ${code(edge.to ?? '')}`,
                other.line,
              ),
            ],
          ),
        );
      }
    }
    return { units: `${handlers.size} function handlers`, findings };
  },
};
