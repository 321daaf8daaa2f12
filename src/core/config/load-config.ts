import type { Warning } from '../model';
import type { FileSystemPort } from '../ports';
import { readManifestText } from '../scan/read-text';
import { staysInside } from '../scan/workspace-bounds';
import { formatBytes } from '../scan/format-bytes';
import { MAX_FILE_SIZE_CAP } from '../scan/types';
import { type ArchLensConfig, archLensConfigSchema, CONFIG_FILE_NAME } from './config-schema';
import { parseJsonc, type TextPosition } from './jsonc';
import { closestName } from './closest-name';
import { rulesConfigSchema } from './rules-schema';
import { RULE_IDS } from '../rules/catalogue';

/** The largest config file read; anything bigger is not a hand-written config. */
const MAX_CONFIG_SIZE = 1024 * 1024;

/** The result of {@link loadConfig}. */
export interface LoadedConfig {
  /** The valid keys of the file; `{}` when there is no file or nothing in it is usable. */
  readonly config: ArchLensConfig;
  /** One warning per problem, each naming the key and pointing at it in the file. */
  readonly warnings: readonly Warning[];
}

/**
 * Reads `archlens.config.json` at the workspace root (JSON with comments and trailing commas
 * allowed). Never throws: broken JSON gives a warning with its line and column and an empty
 * config; an unknown key or a bad value gives a warning naming the key, and the other keys are
 * still used. A missing file is not a problem: `{ config: {}, warnings: [] }`.
 */
export function loadConfig(fs: FileSystemPort, root: string): LoadedConfig {
  const path = root.replace(/\/+$/, '') + '/' + CONFIG_FILE_NAME;
  // A config linked out of the root is not read (the scan warns about the link).
  if (!staysInside(fs, fs.realpath(root), path)) return { config: {}, warnings: [] };
  if (fs.stat(path) === undefined) return { config: {}, warnings: [] };
  const read = readManifestText(fs, path, CONFIG_FILE_NAME, MAX_CONFIG_SIZE);
  if ('warning' in read) return { config: {}, warnings: [read.warning] };
  return parseConfigText(read.text);
}

/** {@link loadConfig} for text already read (an unsaved editor buffer, tests). */
export function parseConfigText(text: string): LoadedConfig {
  const warnings: Warning[] = [];
  const warn = (message: string, at: TextPosition | undefined): void => {
    warnings.push({ file: CONFIG_FILE_NAME, message, ...(at ?? {}) });
  };

  const parsed = parseJsonc(text);
  if (!parsed.ok) {
    warn(`invalid JSON: ${parsed.message}; the defaults are used`, parsed.at);
    return { config: {}, warnings };
  }
  const root = parsed.value;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    warn('must hold a JSON object; the defaults are used', parsed.positionOf([]));
    return { config: {}, warnings };
  }

  for (const duplicate of parsed.duplicateKeys) {
    warn(`key ${quotePath(duplicate.path)} is written twice; the last one is used`, duplicate.at);
  }

  const shape = archLensConfigSchema.shape;
  const known = Object.keys(shape);
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(root)) {
    if (!Object.hasOwn(shape, key)) {
      const suggestion = closestName(key, known);
      warn(
        `unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; ignored`,
        parsed.keyPositionOf([key]),
      );
      continue;
    }
    if (key === 'rules' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      // One bad rule key drops that key, not every rule setting.
      const rules = parseRules(value as Record<string, unknown>, parsed, warn);
      if (Object.keys(rules).length > 0 || Object.keys(value).length === 0) config[key] = rules;
      continue;
    }
    const result = shape[key as keyof typeof shape].safeParse(value);
    if (result.success) {
      config[key] = result.data;
      if (key === 'maxFileSize' && typeof result.data === 'number' && result.data > MAX_FILE_SIZE_CAP) {
        config[key] = MAX_FILE_SIZE_CAP;
        warn(
          `"maxFileSize" ${result.data} is over the ${formatBytes(MAX_FILE_SIZE_CAP)} cap; ${MAX_FILE_SIZE_CAP} (${formatBytes(MAX_FILE_SIZE_CAP)}) is used`,
          parsed.positionOf([key]),
        );
      }
      continue;
    }
    // One warning per key: its first problem, at the value it concerns.
    const issue = result.error.issues[0];
    const issuePath = [
      key,
      ...(issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol'),
    ];
    const dropped = issuePath.length > 1 ? `; "${key}" is ignored` : '; ignored';
    warn(
      `${quotePath(issuePath)} ${issue?.message ?? 'is not valid'}${dropped}`,
      parsed.positionOf(issuePath) ?? parsed.positionOf([key]),
    );
  }
  return { config: config as ArchLensConfig, warnings };
}

/** Validates each key of `rules` on its own: a bad one is dropped with a warning, the rest kept. */
function parseRules(
  value: Record<string, unknown>,
  parsed: {
    positionOf(path: readonly (string | number)[]): TextPosition | undefined;
    keyPositionOf(path: readonly (string | number)[]): TextPosition | undefined;
  },
  warn: (message: string, at: TextPosition | undefined) => void,
): Record<string, unknown> {
  const shape = rulesConfigSchema.shape;
  const known = Object.keys(shape);
  const rules: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!Object.hasOwn(shape, key)) {
      const suggestion = closestName(key, known);
      warn(
        `unknown rule "${key}" in "rules"${suggestion ? ` (did you mean "${suggestion}"?)` : ` (rules: ${RULE_IDS.join(', ')}; other keys: publicFiles, sharedKernels, allow, pattern)`}; ignored`,
        parsed.keyPositionOf(['rules', key]),
      );
      continue;
    }
    const result = shape[key as keyof typeof shape].safeParse(item);
    if (result.success) {
      rules[key] = result.data;
      continue;
    }
    const issue = result.error.issues[0];
    const issuePath = [
      'rules',
      key,
      ...(issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol'),
    ];
    warn(
      `${quotePath(issuePath)} ${issue?.message ?? 'is not valid'}; "rules.${key}" is ignored`,
      parsed.positionOf(issuePath) ?? parsed.positionOf(['rules', key]),
    );
  }
  return rules;
}

/** `["rules", "no-cycles"]` → `"rules.no-cycles"`, `["exclude", 2]` → `"exclude[2]"`. */
function quotePath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return `"${out}"`;
}
