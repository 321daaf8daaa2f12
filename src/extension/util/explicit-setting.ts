// Pure (no `vscode` import) so that the decision is unit-tested in plain Node.

/** The layers of one setting, as `WorkspaceConfiguration.inspect()` returns them. */
export interface InspectedSetting {
  readonly key: string;
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/**
 * The value the user set (folder settings, else workspace, else user settings), or undefined
 * when only the default exists. `get()` cannot tell: it returns the package.json default too.
 * In an untrusted workspace VS Code leaves a restricted setting's workspace values out.
 */
export function explicitSetting(inspected: InspectedSetting | undefined): unknown {
  if (inspected === undefined) return undefined;
  return inspected.workspaceFolderValue ?? inspected.workspaceValue ?? inspected.globalValue;
}

/**
 * `archlens.maxFileSize` when the user set it to a positive integer; else undefined, and then
 * `maxFileSize` of archlens.config.json applies (or the core's default of 1 MiB).
 */
export function maxFileSizeSetting(inspected: InspectedSetting | undefined): number | undefined {
  const value = explicitSetting(inspected);
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
