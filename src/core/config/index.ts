export {
  archLensConfigSchema,
  configJsonSchema,
  CONFIG_FILE_NAME,
  type ArchLensConfig,
  type ArchLensConfigKey,
} from './config-schema';
export { loadConfig, parseConfigText, type LoadedConfig } from './load-config';
export { parseJsonc, type JsoncResult, type JsonValue, type TextPosition } from './jsonc';
