import type { KubernetesManifest, KubernetesResource } from '../model';
import type { ManifestContext } from './context';
import { asString, isRecord } from './context';
import type { YamlDocument } from './yaml-reader';
import { readYamlDocuments } from './yaml-reader';

/** The kinds recorded: what runs (workloads) and what routes to it (Service). */
export const KUBERNETES_KINDS: ReadonlySet<string> = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Pod',
  'Service',
]);

/** A cheap test before parsing: some line starts with `apiVersion:` and some with `kind:`. */
export function looksLikeKubernetes(text: string): boolean {
  return /^\s*-?\s*apiVersion\s*:/m.test(text) && /^\s*-?\s*kind\s*:/m.test(text);
}

/**
 * Reads Kubernetes resources from a (multi-document) YAML file: workloads and Services with
 * their names, container images and lines; `kind: List` items too. Returns `undefined` when the
 * file holds none. Files with template braces (`{{ }}`) that do not parse are skipped quietly.
 */
export function parseKubernetes(
  file: string,
  text: string,
  ctx: ManifestContext,
): KubernetesManifest | undefined {
  const documents = readYamlDocuments(file, text, ctx, { quiet: text.includes('{{') });
  const resources = documents.flatMap((document) => resourcesOf(document));
  return resources.length === 0 ? undefined : { kind: 'kubernetes', file, resources };
}

/** The recorded resources of one parsed document (used by Helm too). */
export function resourcesOf(document: YamlDocument, file?: string): KubernetesResource[] {
  const out: KubernetesResource[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (!isRecord(value)) return;
    const kind = asString(value['kind']);
    if (kind === 'List' && Array.isArray(value['items'])) {
      value['items'].forEach((item, index) => visit(item, [...path, 'items', index]));
      return;
    }
    if (kind === undefined || asString(value['apiVersion']) === undefined || !KUBERNETES_KINDS.has(kind))
      return;
    const metadata = isRecord(value['metadata']) ? value['metadata'] : {};
    const name = asString(metadata['name']) ?? asString(metadata['generateName']) ?? '(unnamed)';
    const line = document.lineOf([...path, 'kind']);
    out.push({
      kind,
      name,
      ...(line !== undefined ? { line } : {}),
      images: imagesOf(value),
      ...(file !== undefined ? { file } : {}),
    });
  };
  visit(document.value, []);
  return out;
}

/** Container images of a workload: Pod spec, `template`, or CronJob `jobTemplate`. */
function imagesOf(resource: Record<string, unknown>): string[] {
  const spec = resource['spec'];
  const podSpecs: unknown[] = [spec];
  if (isRecord(spec)) {
    const template = spec['template'];
    if (isRecord(template)) podSpecs.push(template['spec']);
    const jobTemplate = spec['jobTemplate'];
    if (isRecord(jobTemplate) && isRecord(jobTemplate['spec'])) {
      const jobPodTemplate = jobTemplate['spec']['template'];
      if (isRecord(jobPodTemplate)) podSpecs.push(jobPodTemplate['spec']);
    }
  }
  const images: string[] = [];
  for (const podSpec of podSpecs) {
    if (!isRecord(podSpec)) continue;
    for (const key of ['initContainers', 'containers']) {
      const containers = podSpec[key];
      if (!Array.isArray(containers)) continue;
      for (const container of containers) {
        const image = isRecord(container) ? asString(container['image']) : undefined;
        if (image !== undefined && !images.includes(image)) images.push(image);
      }
    }
  }
  return images;
}
