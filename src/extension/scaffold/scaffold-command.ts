import * as vscode from 'vscode';
import {
  kindsForDetection,
  moduleChoices,
  nameProblem,
  portChoices,
  pascalCase,
  planScaffold,
  ScaffoldError,
  type ScaffoldKind,
  type ScaffoldRequest,
} from '../../core/scaffold';
import type { AnalysisSession, FolderAnalysis } from '../session';
import { anyChangeApplied } from './applied-check';
import { folderInRoot } from './folder-in-root';
import { OpenDocumentsFileSystem } from './open-documents-file-system';
import { planToEdit } from './plan-to-edit';

const LABELS: Record<
  ScaffoldKind,
  { readonly label: string; readonly detail: string; readonly needsFor?: string }
> = {
  port: { label: 'Port', detail: 'An interface the core needs (hexagonal)' },
  adapter: {
    label: 'Adapter',
    detail: 'A class implementing a port, every member stubbed',
    needsFor: 'Port it implements',
  },
  'use-case': {
    label: 'Use case',
    detail: 'A use case depending on ports',
    needsFor: 'Ports it uses (comma-separated, may be empty)',
  },
  module: { label: 'Module', detail: 'Public API, service and repository, registered (modular monolith)' },
  command: { label: 'Command + handler', detail: 'The write side (CQRS)' },
  query: { label: 'Query + handler', detail: 'The read side (CQRS)' },
  event: { label: 'Domain event + handler', detail: 'Subscribed on the bus (event-driven)' },
  function: { label: 'Function', detail: 'A handler and its serverless.yml / SAM entry' },
  service: { label: 'Service', detail: 'A service folder with Dockerfile and compose entry (microservices)' },
};

/** What a caller of `archlens.scaffold` may decide in advance; each preset skips its prompt. */
export interface ScaffoldPresets {
  readonly kind?: ScaffoldKind;
  readonly name?: string;
  readonly for?: string;
}

/** Runs "Scaffold…": pick a block that fits the detected pattern, name it, preview and apply. */
export async function scaffoldInteractively(
  session: AnalysisSession,
  folder?: vscode.Uri,
  presets: ScaffoldPresets = {},
): Promise<boolean> {
  const presetKind = presets.kind;
  const analysis = session.current ?? (await session.analyze());
  if (!analysis) return false;
  const kinds = kindsForDetection(analysis);
  const items: (vscode.QuickPickItem & { readonly block: ScaffoldKind })[] = kinds.map((kind) => ({
    block: kind,
    label: LABELS[kind].label,
    detail: LABELS[kind].detail,
  }));
  // A recommendation step (or any caller) names its block: skip the pick.
  const preset =
    items.find((item) => item.block === presetKind) ??
    (presetKind ? { block: presetKind, label: LABELS[presetKind].label } : undefined);
  const picked =
    preset ??
    (await vscode.window.showQuickPick(items, {
      title: 'ArchLens: Scaffold',
      placeHolder: 'What to create',
    }));
  if (!picked) return false;
  const taken = declaredNames(analysis);
  const name =
    presets.name ??
    (await vscode.window.showInputBox({
      title: `ArchLens: ${picked.label}`,
      prompt: 'Name',
      validateInput: (value) =>
        nameProblem(value) ??
        (taken.has(pascalCase(value)) ? `${pascalCase(value)} is already taken.` : undefined),
    }));
  if (name === undefined) return false;
  const needsFor = LABELS[picked.block].needsFor;
  const chosen =
    presets.for !== undefined
      ? { for: presets.for }
      : await askFor(analysis, picked.block, `ArchLens: ${picked.label}`, needsFor);
  if (chosen === undefined) return false;
  const forValue = chosen.for;
  const relFolder = folder ? folderInRoot(analysis.folder.uri.fsPath, folder.fsPath) : undefined;
  if (folder && relFolder === undefined) {
    // Said, not ignored: scaffolding elsewhere than asked would surprise as much as writing outside.
    void vscode.window.showErrorMessage(
      `ArchLens: ${folder.fsPath} is outside the workspace folder ${analysis.folder.name}; nothing was written.`,
    );
    return false;
  }
  const request: ScaffoldRequest = {
    kind: picked.block,
    name,
    ...(forValue ? { for: forValue } : {}),
    ...(chosen.forPath ? { forPath: chosen.forPath } : {}),
    ...(relFolder !== undefined && relFolder !== '.' ? { folder: relFolder } : {}),
  };
  return applyScaffold(analysis, request);
}

/**
 * What the block is for, picked from lists: the port an adapter implements, the ports a use case
 * uses (typed when the workspace declares none), the module of a command, query or event when
 * detection found several (the only one when there is one). `undefined` when the user cancelled.
 */
async function askFor(
  analysis: FolderAnalysis,
  kind: ScaffoldKind,
  title: string,
  prompt: string | undefined,
): Promise<{ readonly for?: string; readonly forPath?: string } | undefined> {
  const ws = { fs: new OpenDocumentsFileSystem(), model: analysis.model, detection: analysis.detection };
  if (kind === 'adapter' || kind === 'use-case') {
    const ports = portChoices(ws);
    if (ports.length === 0) {
      const typed = await vscode.window.showInputBox({ title, prompt: prompt ?? 'Port' });
      return typed === undefined ? undefined : { for: typed };
    }
    const items = ports.map((port) => ({ label: port.name, description: port.path, port }));
    if (kind === 'adapter') {
      const one = await vscode.window.showQuickPick(items, {
        title,
        placeHolder: 'The port it implements',
        matchOnDescription: true,
      });
      return one && { for: one.port.name, forPath: one.port.path };
    }
    const many = await vscode.window.showQuickPick(items, {
      title,
      placeHolder: 'The ports it uses (none is fine)',
      canPickMany: true,
      matchOnDescription: true,
    });
    return many && { for: many.map((item) => item.port.name).join(',') };
  }
  if (kind === 'command' || kind === 'query' || kind === 'event') {
    const modules = moduleChoices(ws);
    if (modules.length === 0) return {};
    if (modules.length === 1) return { for: modules[0]?.path ?? '' };
    const picked = await vscode.window.showQuickPick(
      modules.map((module) => ({ label: module.name, description: module.path, module })),
      { title, placeHolder: 'The module it belongs to', matchOnDescription: true },
    );
    return picked && { for: picked.module.path };
  }
  return {};
}

/** Plans a request on an analysis and applies it as one previewed edit; failures reach the user. */
export async function applyScaffold(analysis: FolderAnalysis, request: ScaffoldRequest): Promise<boolean> {
  try {
    const plan = await planScaffold(
      { fs: new OpenDocumentsFileSystem(), model: analysis.model, detection: analysis.detection },
      request,
    );
    const label = `Scaffold ${request.kind} ${request.name}`;
    const edit = planToEdit(analysis.folder.uri, plan, label);
    const previewed = vscode.workspace
      .getConfiguration('archlens', analysis.folder.uri)
      .get<boolean>('scaffold.preview', true);
    const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
    if (previewed && !(await anyChangeApplied(analysis.folder.uri, plan))) {
      // Applied from the refactor preview with nothing ticked (or discarded): never a silent no-op.
      const applyAll = 'Apply All Without Preview';
      void vscode.window
        .showWarningMessage(
          `ArchLens: Nothing was written: no change was ticked in the refactor preview, or it was discarded (${label}).`,
          applyAll,
        )
        .then(async (choice) => {
          if (choice !== applyAll) return;
          const again = await vscode.workspace.applyEdit(planToEdit(analysis.folder.uri, plan, label, false));
          if (again && plan.messages && plan.messages.length > 0)
            void vscode.window.showInformationMessage(`ArchLens: ${plan.messages.join(' ')}`);
        });
      return false;
    }
    if (applied && plan.messages && plan.messages.length > 0)
      void vscode.window.showInformationMessage(`ArchLens: ${plan.messages.join(' ')}`);
    return applied;
  } catch (error) {
    const message = error instanceof ScaffoldError || error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`ArchLens: ${message}`);
    return false;
  }
}

/** Class-like names declared in the workspace, read from file names as a cheap, typing-speed check. */
function declaredNames(analysis: FolderAnalysis): Set<string> {
  const names = new Set<string>();
  for (const file of analysis.model.files) {
    const stem = file
      .slice(file.lastIndexOf('/') + 1)
      .replace(/\.(ts|tsx|js|mjs|cjs)$/, '')
      .replace(/\./g, '-');
    names.add(pascalCase(stem));
  }
  return names;
}
