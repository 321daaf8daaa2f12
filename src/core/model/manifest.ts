/**
 * Manifests read statically (never executed): what starts, what is deployed, what a function is.
 * Every record names its `file` (relative POSIX path) and, where it helps, the 1-based `line`
 * of the entry so the user can click through to it.
 */
export type Manifest =
  | PackageJsonManifest
  | DockerfileManifest
  | ComposeManifest
  | KubernetesManifest
  | HelmChartManifest
  | ServerlessFrameworkManifest
  | SamTemplateManifest
  | CdkManifest
  | SstManifest
  | PulumiManifest
  | TerraformManifest
  | AzureFunctionsManifest
  | WranglerManifest
  | FunctionFolderManifest
  | ProcfileManifest
  | AspireAppHostManifest;

export type ManifestKind = Manifest['kind'];

interface ManifestBase {
  /** The manifest file, relative to the workspace root. */
  readonly file: string;
}

export interface PackageJsonManifest extends ManifestBase {
  readonly kind: 'package-json';
  readonly name?: string;
  readonly version?: string;
  readonly private?: boolean;
  readonly main?: string;
  /** Command names to their entry files. */
  readonly bin: Readonly<Record<string, string>>;
  readonly scripts: Readonly<Record<string, string>>;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
  /** Workspace globs (npm/yarn `workspaces`, pnpm `pnpm-workspace.yaml` merged in). */
  readonly workspaces: readonly string[];
}

/** One `FROM` of a Dockerfile. */
export interface DockerStage {
  /** The image as written (may name an earlier stage). */
  readonly image: string;
  /** The `AS` name, when given. */
  readonly name?: string;
  readonly line: number;
  /** Every `WORKDIR` of the stage, as absolute container paths (a relative one joined to the last). */
  readonly workdirs?: readonly string[];
  /** Every `COPY`/`ADD`: its sources (build-context paths, or container paths of `from`) and destination. */
  readonly copies?: readonly DockerCopy[];
}

/** One `COPY`/`ADD` of a Dockerfile stage. */
export interface DockerCopy {
  /** `--from=<stage or image>`: the sources are paths inside that stage. */
  readonly from?: string;
  readonly sources: readonly string[];
  /** The destination, absolute (joined to the stage's `WORKDIR`). */
  readonly dest: string;
}

export interface DockerfileManifest extends ManifestBase {
  readonly kind: 'dockerfile';
  /** Base images of each stage, in order. */
  readonly baseImages: readonly string[];
  /** Each stage with its `AS` name and line (same order as `baseImages`). */
  readonly stages?: readonly DockerStage[];
  readonly exposedPorts: readonly number[];
  /** The last CMD or ENTRYPOINT, as written. */
  readonly command?: string;
}

export interface ComposeService {
  readonly name: string;
  readonly line?: number;
  readonly image?: string;
  /** Build context relative to the workspace root, when the service is built from source. */
  readonly buildContext?: string;
  /** The Dockerfile relative to the workspace root (context + `dockerfile`), when `build` names one. */
  readonly dockerfile?: string;
  readonly ports: readonly string[];
  readonly dependsOn: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  /** `profiles`: the service starts only when one of them is enabled. */
  readonly profiles?: readonly string[];
  /** `build.target`: the stage of a multi-stage Dockerfile that the service's image is. */
  readonly target?: string;
}

export interface ComposeManifest extends ManifestBase {
  readonly kind: 'compose';
  readonly services: readonly ComposeService[];
}

export interface KubernetesResource {
  /** `Deployment`, `StatefulSet`, `Service`, `CronJob`, … */
  readonly kind: string;
  readonly name: string;
  readonly line?: number;
  readonly images: readonly string[];
  /** The file the resource was read from, when it differs from the manifest's (Helm templates). */
  readonly file?: string;
}

export interface KubernetesManifest extends ManifestBase {
  readonly kind: 'kubernetes';
  readonly resources: readonly KubernetesResource[];
}

export interface HelmChartManifest extends ManifestBase {
  readonly kind: 'helm-chart';
  readonly name: string;
  /** Resources read from `templates/` as far as templating allows. */
  readonly resources: readonly KubernetesResource[];
}

export interface FunctionDefinition {
  readonly name: string;
  readonly line?: number;
  /** Handler as written (`src/handler.main`) and, when found, the source file it names. */
  readonly handler?: string;
  readonly handlerFile?: string;
  /** Triggers: `http`, `sqs`, `sns`, `schedule`, `s3`, `eventbridge`, `queue`, … */
  readonly events: readonly string[];
}

export interface ServerlessFrameworkManifest extends ManifestBase {
  readonly kind: 'serverless';
  readonly service?: string;
  readonly provider?: string;
  readonly functions: readonly FunctionDefinition[];
  /** CloudFormation `resources.Resources`: logical id to type (queues, topics, tables). */
  readonly resources?: Readonly<Record<string, string>>;
}

export interface SamTemplateManifest extends ManifestBase {
  readonly kind: 'sam';
  readonly functions: readonly FunctionDefinition[];
  /** Other resource types by logical id (queues, topics, tables). */
  readonly resources: Readonly<Record<string, string>>;
}

export interface CdkManifest extends ManifestBase {
  readonly kind: 'cdk';
  readonly functions: readonly FunctionDefinition[];
}

/** An SST app's functions, from `sst.config.ts` or a source file that uses SST constructs. */
export interface SstManifest extends ManifestBase {
  readonly kind: 'sst';
  readonly functions: readonly FunctionDefinition[];
}

/** A Pulumi program's AWS functions, and the queues, topics, buses and streams it declares. */
export interface PulumiManifest extends ManifestBase {
  readonly kind: 'pulumi';
  readonly functions: readonly FunctionDefinition[];
  /** Messaging resources by name to their Pulumi type token (`aws:sqs/queue:Queue`). */
  readonly resources?: Readonly<Record<string, string>>;
}

export interface TerraformManifest extends ManifestBase {
  readonly kind: 'terraform';
  readonly functions: readonly FunctionDefinition[];
  /** Other AWS resources of the file: address (`aws_sqs_queue.orders`) to type. */
  readonly resources?: Readonly<Record<string, string>>;
}

export interface AzureFunctionsManifest extends ManifestBase {
  readonly kind: 'azure-functions';
  readonly functions: readonly FunctionDefinition[];
}

export interface WranglerManifest extends ManifestBase {
  readonly kind: 'wrangler';
  readonly name?: string;
  /** `main` as written. */
  readonly main?: string;
  /** `main` relative to the workspace root, when that file is in the workspace. */
  readonly mainFile?: string;
}

/**
 * Vercel `api/`, Netlify `netlify/functions`: a folder of functions by convention. Its `file` is
 * the folder itself (no file declares it); each function's `handlerFile` is its source file.
 */
export interface FunctionFolderManifest extends ManifestBase {
  readonly kind: 'function-folder';
  readonly platform: 'vercel' | 'netlify';
  readonly functions: readonly FunctionDefinition[];
}

export interface ProcfileManifest extends ManifestBase {
  readonly kind: 'procfile';
  readonly processes: readonly { readonly name: string; readonly command: string; readonly line: number }[];
}

/** What a .NET Aspire app host adds to the distributed application. */
export type AspireResourceKind =
  'project' | 'node-app' | 'python-app' | 'executable' | 'dockerfile' | 'container' | 'integration';

/** One `builder.Add…("name", …)` of an Aspire app host. */
export interface AspireResource {
  /** The resource name as written (`basket-api`). */
  readonly name: string;
  readonly kind: AspireResourceKind;
  /** The source file and line of the `Add…` call. */
  readonly file: string;
  readonly line: number;
  /** What was added, as written: `Projects.Basket_API`, `AddRabbitMQ`, an image, a path. */
  readonly what: string;
  /** For projects, apps and Dockerfiles: the folder of source it runs, when found in the workspace. */
  readonly folder?: string;
  /** For containers: the image. */
  readonly image?: string;
  /**
   * Names of the resources it references (`.WithReference(rabbitMq)`, variables resolved to
   * resource names; a database of a server as `server/database`).
   */
  readonly references: readonly string[];
}

/**
 * A .NET Aspire app host (`Sdk="Aspire.AppHost.Sdk"` or `IsAspireHost`): the project file, and the
 * resources its C# sources add to the distributed application.
 */
export interface AspireAppHostManifest extends ManifestBase {
  readonly kind: 'aspire';
  readonly resources: readonly AspireResource[];
}
