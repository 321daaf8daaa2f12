import * as path from 'node:path';
import { analyzeWorkspace, type WorkspaceModel } from '../../../src/core';
import { AssistantWorkspace, runAssistantTool, type ToolAnswer } from '../../../src/core/assistant';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';

const fs = new NodeFileSystem();
const models = new Map<string, WorkspaceModel>();

/** The model of a fixture folder (relative to test/fixtures), analysed once per test run. */
export function modelOf(fixture: string): WorkspaceModel {
  let model = models.get(fixture);
  if (!model)
    models.set(fixture, (model = analyzeWorkspace(fs, toPosixPath(path.resolve('test/fixtures', fixture)))));
  return model;
}

/** A fresh assistant workspace on a fixture (nothing cached between tests beyond the model). */
export function workspaceOf(fixture: string): AssistantWorkspace {
  return new AssistantWorkspace({ fs, model: modelOf(fixture) });
}

/** Runs one tool on a fixture. */
export function ask(fixture: string, tool: string, input: unknown): Promise<ToolAnswer> {
  return runAssistantTool(workspaceOf(fixture), tool, input);
}

/** The data of an answer, typed by the caller. */
export function dataOf<T>(answer: ToolAnswer): T {
  return answer.data as unknown as T;
}

export const HEX_LEAKY = 'workspaces/hex-leaky-ticketing';
export const MOD_RULES = 'rules/modular-monolith';
export const HEX_CLINIC = 'scaffold/hex-clinic';
export const CQRS_SHOP = 'scaffold/cqrs-shop';
export const GUILD = 'scaffold/guild-modules';
export const MICRO_SHOP = 'workspaces/micro-compose-express-shop';
