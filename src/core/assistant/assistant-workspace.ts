import { loadConfig } from '../config';
import type { RulesConfig } from '../config/rules-schema';
import { createWorkspaceDetectContext, detectPatterns, type DetectContext } from '../detect';
import type { DetectionResult, ImportKind, WorkspaceModel } from '../model';
import type { FileSystemPort } from '../ports';
import { createModuleResolver, type ModuleResolver, type ResolvedImport } from '../resolve';
import { checkRules, type RuleReport } from '../rules';
import { DependentsGraph } from './dependents-graph';

/** What the assistant tools answer from: the files (read-only) and the model, with what is known already. */
export interface AssistantSources {
  readonly fs: FileSystemPort;
  readonly model: WorkspaceModel;
  /** Detection, when the caller has it already (the extension's analysis); computed otherwise. */
  readonly detection?: DetectionResult;
  /** The rules' report, when the caller has it already; computed otherwise. */
  readonly rules?: RuleReport;
  readonly maxFileSize?: number;
  /**
   * Resolves an import as the analysis does; a resolver of the caller's kept across updates.
   * Without it, one is built for this model on first use.
   */
  readonly resolve?: (fromRel: string, specifier: string, kind: ImportKind) => ResolvedImport;
}

/**
 * One analysed workspace as the assistant tools see it. Everything beyond the model is computed
 * on first use and kept: a new model means a new `AssistantWorkspace`.
 */
export class AssistantWorkspace {
  private ctx: DetectContext | undefined;
  private detected: DetectionResult | undefined;
  private report: RuleReport | undefined;
  private resolver: ModuleResolver | undefined;
  private reverse: DependentsGraph | undefined;
  private config: RulesConfig | undefined;

  private readonly files: FileSystemPort;

  constructor(private readonly sources: AssistantSources) {
    this.detected = sources.detection;
    this.report = sources.rules;
    this.files = rememberedReads(sources.fs);
  }

  /**
   * The files, each read once for this workspace: the model is of the files as they were when it
   * was made, and a change makes a new model (and a new `AssistantWorkspace`).
   */
  get fs(): FileSystemPort {
    return this.files;
  }

  get model(): WorkspaceModel {
    return this.sources.model;
  }

  get root(): string {
    return this.sources.model.root;
  }

  /** The detection context (units, backend graph) the verdicts and rules rest on. */
  get context(): DetectContext {
    this.ctx ??= createWorkspaceDetectContext(this.files, this.sources.model, {
      ...(this.sources.maxFileSize === undefined ? {} : { maxFileSize: this.sources.maxFileSize }),
    });
    return this.ctx;
  }

  get detection(): DetectionResult {
    this.detected ??= detectPatterns(this.context);
    return this.detected;
  }

  /** The `rules` of archlens.config.json (none when it has none or cannot be read). */
  get rulesConfig(): RulesConfig {
    this.config ??= loadConfig(this.files, this.root).config.rules ?? {};
    return this.config;
  }

  /** The boundary rules' violations (the config applied, no baseline). */
  get rules(): RuleReport {
    this.report ??= checkRules({ ctx: this.context, detection: this.detection, config: this.rulesConfig });
    return this.report;
  }

  /** The whole workspace's import graph read backwards (tests included as importers). */
  get dependents(): DependentsGraph {
    this.reverse ??= new DependentsGraph(this.sources.model);
    return this.reverse;
  }

  /** Where `specifier` leads from `fromRel`, resolved as the analysis resolves imports. */
  resolve(fromRel: string, specifier: string, kind: ImportKind = 'static'): ResolvedImport {
    if (this.sources.resolve) return this.sources.resolve(fromRel, specifier, kind);
    this.resolver ??= createModuleResolver(this.sources.fs, this.root, { files: this.sources.model.files });
    return this.resolver.resolve(fromRel, specifier, kind);
  }
}

/** A file-system port that reads each file's bytes once (listings and stats stay live). */
function rememberedReads(fs: FileSystemPort): FileSystemPort {
  const bytes = new Map<string, Uint8Array | undefined>();
  return {
    readFile(path) {
      if (!bytes.has(path)) bytes.set(path, fs.readFile(path));
      return bytes.get(path);
    },
    readDirectory: (path) => fs.readDirectory(path),
    stat: (path) => fs.stat(path),
    realpath: (path) => fs.realpath(path),
  };
}
