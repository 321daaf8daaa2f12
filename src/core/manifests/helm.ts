import type { HelmChartManifest, KubernetesResource } from '../model';
import type { ManifestContext } from './context';
import { asString, isRecord, scalarText } from './context';
import { resourcesOf } from './kubernetes';
import { dirOf, isInside, joinPath } from './paths';
import { readYamlDocuments } from './yaml-reader';

/** What a template expression stands for when it cannot be evaluated. */
export const TEMPLATE_PLACEHOLDER = 'TEMPLATED';

/** Whether a path is a template of some chart (`<chart>/templates/**.yaml`). */
export function isHelmTemplate(relPath: string, chartDirs: readonly string[]): boolean {
  return (
    /\.ya?ml$/i.test(relPath) &&
    chartDirs.some((dir) => isInside(relPath, joinPath(dir, 'templates') ?? 'templates'))
  );
}

/**
 * Reads a Helm chart from its `Chart.yaml`: its name and the workloads and Services of its
 * `templates/`, read as far as templating allows (see {@link untemplate}). Templates that still
 * do not parse are skipped quietly: they are not malformed, only beyond a static reading.
 */
export function parseHelmChart(
  file: string,
  text: string,
  ctx: ManifestContext,
): HelmChartManifest | undefined {
  const chart = readYamlDocuments(file, text, ctx)[0]?.value;
  if (!isRecord(chart)) return undefined;
  const chartDir = dirOf(file);
  const name = asString(chart['name']) ?? chartDir.split('/').pop() ?? chartDir;
  const valuesFile = joinPath(chartDir, 'values.yaml') ?? 'values.yaml';
  const valuesText = ctx.has(valuesFile) ? ctx.readText(valuesFile) : undefined;
  const values =
    valuesText === undefined
      ? undefined
      : readYamlDocuments(valuesFile, valuesText, ctx, { quiet: true })[0]?.value;
  const scope: TemplateScope = {
    values,
    chartName: name,
    appVersion: scalarText(chart['appVersion']),
    version: scalarText(chart['version']),
  };
  const templatesDir = joinPath(chartDir, 'templates') ?? 'templates';
  const resources: KubernetesResource[] = [];
  for (const template of ctx.files) {
    if (!isInside(template, templatesDir) || !/\.ya?ml$/i.test(template)) continue;
    const source = ctx.readText(template);
    if (source === undefined) continue;
    const plain = untemplate(source, (expression) => evaluate(expression, scope));
    for (const document of readYamlDocuments(template, plain, ctx, { quiet: true })) {
      resources.push(...resourcesOf(document, template));
    }
  }
  return { kind: 'helm-chart', file, name, resources };
}

/**
 * Turns a Go-templated YAML file into plain YAML, line for line (line numbers are kept):
 * comments and lines holding only actions (`{{- if }}`, `{{ end }}`, `{{ include … | nindent 4 }}`)
 * become blank, and every other `{{ … }}` is replaced by what `resolve` gives, or
 * {@link TEMPLATE_PLACEHOLDER}.
 */
export function untemplate(
  text: string,
  resolve: (expression: string) => string | undefined = () => undefined,
): string {
  const withoutComments = text.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, (comment) =>
    comment.replace(/[^\n]/g, ''),
  );
  const lines = withoutComments.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const trimmed = line.trim();
    if (trimmed.startsWith('{{') && !trimmed.includes('}}')) {
      // An action spanning several lines: blank it through its closing braces.
      let j = i;
      while (j < lines.length && !(lines[j] ?? '').includes('}}')) lines[j++] = '';
      if (j < lines.length)
        lines[j] =
          (lines[j] ?? '').slice((lines[j] ?? '').indexOf('}}') + 2).trim() === '' ? '' : (lines[j] ?? '');
      i = j;
      continue;
    }
    if (/^(\{\{[^{}]*\}\}\s*)+$/.test(trimmed)) {
      lines[i] = '';
      continue;
    }
    lines[i] = line.replace(/\{\{-?([^{}]*?)-?\}\}/g, (_match, expression: string) => {
      const value = resolve(expression.trim());
      return value !== undefined && /^[\w./:@-]+$/.test(value) ? value : TEMPLATE_PLACEHOLDER;
    });
  }
  return lines.join('\n');
}

interface TemplateScope {
  readonly values: unknown;
  readonly chartName: string;
  readonly appVersion: string | undefined;
  readonly version: string | undefined;
}

/** Evaluates the simplest pipelines: `.Values.a.b`, `.Chart.*`, `.Release.Name`, `include "*.fullname"`, `| default x`. */
function evaluate(expression: string, scope: TemplateScope): string | undefined {
  const [head = '', ...pipes] = expression.split('|').map((part) => part.trim());
  let value = operand(head, scope);
  for (const pipe of pipes) {
    const fallback = /^default\s+(.+)$/.exec(pipe)?.[1];
    if (fallback !== undefined && (value === undefined || value === ''))
      value = operand(fallback.trim(), scope);
  }
  return value;
}

function operand(text: string, scope: TemplateScope): string | undefined {
  const quoted = /^"([^"]*)"$/.exec(text)?.[1];
  if (quoted !== undefined) return quoted;
  if (text.startsWith('.Values.')) {
    let value: unknown = scope.values;
    for (const key of text.slice('.Values.'.length).split('.'))
      value = isRecord(value) ? value[key] : undefined;
    return scalarText(value);
  }
  if (text === '.Chart.Name') return scope.chartName;
  if (text === '.Chart.AppVersion') return scope.appVersion;
  if (text === '.Chart.Version') return scope.version;
  if (text === '.Release.Name') return 'release';
  if (/^(?:include|template)\s+"[^"]*\.(?:fullname|name)"/.test(text)) return scope.chartName;
  return undefined;
}
