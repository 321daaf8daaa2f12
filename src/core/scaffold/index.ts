/**
 * Scaffolding: building blocks of the detected pattern, written in the workspace's conventions.
 * `planScaffold` returns the file changes (never writes); ts-morph is loaded only when it runs.
 */
import { planCommandOrQuery } from './blocks/cqrs';
import { planEvent } from './blocks/events';
import { planFunction } from './blocks/serverless';
import { planAdapter, planPort, planUseCase } from './blocks/hexagonal';
import { planModule } from './blocks/modules';
import { planService } from './blocks/services';
import { createContext, type ScaffoldContext } from './context';
import { nameProblem } from './names';
import { checkPlanPaths, normaliseFolder, shown } from './safe-paths';
import {
  SCAFFOLD_KINDS,
  ScaffoldError,
  type ScaffoldKind,
  type ScaffoldPlan,
  type ScaffoldRequest,
  type ScaffoldWorkspace,
} from './types';

export * from './types';
export { nameProblem, pascalCase, kebabCase, camelCase } from './names';
export { pathProblem, isInside, shown } from './safe-paths';
export { MAX_NAME_LENGTH, isDeviceName } from './names';
export { readCodeStyle, type CodeStyle } from './code-style';
export { textChanges, applyTextChanges, positionsIn, type TextChange, type TextPosition } from './text-diff';
export { portChoices, moduleChoices, type PortChoice } from './choices';

/** The plan for one building block; throws {@link ScaffoldError} with a clear message when it cannot be made. */
export async function planScaffold(ws: ScaffoldWorkspace, request: ScaffoldRequest): Promise<ScaffoldPlan> {
  const problem = nameProblem(request.name);
  if (problem !== undefined) throw new ScaffoldError(`Bad name '${shown(request.name)}': ${problem}`);
  // Before anything is planned: a folder outside the root or unwritable never reaches a block.
  const folder = request.folder === undefined ? undefined : normaliseFolder(request.folder);
  const { ts } = await import('ts-morph');
  const ctx = createContext(ts, ws);
  return checkPlanPaths(ws, planBlock(ctx, request, folder));
}

function planBlock(ctx: ScaffoldContext, request: ScaffoldRequest, folder: string | undefined): ScaffoldPlan {
  switch (request.kind) {
    case 'port':
      return planPort(ctx, request.name, folder);
    case 'adapter':
      return planAdapter(ctx, request.name, request.for, folder, request.forPath);
    case 'use-case':
      return planUseCase(ctx, request.name, request.for, folder);
    case 'command':
    case 'query':
      return planCommandOrQuery(ctx, request.kind, request.name, folder, request.for);
    case 'event':
      return planEvent(ctx, request.name, folder, request.for);
    case 'module':
      return planModule(ctx, request.name, folder);
    case 'function':
      return planFunction(ctx, request.name, folder);
    case 'service':
      return planService(ctx, request.name, folder);
  }
}

/** The blocks that fit what detection found, most fitting first; every kind when nothing was detected. */
export function kindsForDetection(ws: Pick<ScaffoldWorkspace, 'detection'>): ScaffoldKind[] {
  const yes = new Set(ws.detection.patterns.filter((p) => p.verdict !== 'no').map((p) => p.id));
  const kinds: ScaffoldKind[] = [];
  if (yes.has('hexagonal')) kinds.push('port', 'adapter', 'use-case');
  if (yes.has('modular-monolith')) kinds.push('module');
  if (yes.has('cqrs')) kinds.push('command', 'query');
  if (yes.has('event-driven') || yes.has('event-sourcing') || yes.has('saga')) kinds.push('event');
  if (yes.has('serverless')) kinds.push('function');
  if (yes.has('microservices')) kinds.push('service');
  return kinds.length > 0 ? [...new Set(kinds)] : [...SCAFFOLD_KINDS];
}

export type { ScaffoldKind };
export {
  scaffoldCodeActions,
  SCAFFOLD_ACTION_KINDS,
  type ScaffoldActionId,
  type ScaffoldCodeAction,
} from './code-actions';
