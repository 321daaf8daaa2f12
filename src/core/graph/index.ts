export { WorkspaceEngine, diffModels, type EngineOptions } from './workspace-engine';
