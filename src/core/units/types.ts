import type { Deployable, LayerUnit, ModuleUnit, Units } from '../model';
import type { BackingCategory } from './infrastructure-images';
import type { NotAService } from './service-identity';

/** Where a unit was found: the manifest (or source) file and line a person can open. */
export interface UnitSource {
  readonly file: string;
  readonly line?: number;
  /** A sentence saying why this is a unit. */
  readonly message: string;
}

/**
 * One thing that starts on its own. `role` separates long-running services from functions and
 * front-end apps, which the service-counting patterns must not mix up.
 */
export interface DeployableDetail extends Deployable {
  readonly role: 'service' | 'function' | 'web-app';
  readonly source: UnitSource;
  /** For compose/k8s: environment values (connection strings, sibling URLs). */
  readonly environment?: Readonly<Record<string, string>>;
  /** For a package: whether a script starts it (`start`), not only a server dependency and an entry. */
  readonly started?: boolean;
  /** For a compose service built from the workspace: its build context. */
  readonly buildContext?: string;
  /** For a compose service: the profiles it starts under (none: always). */
  readonly profiles?: readonly string[];
  /** The Dockerfile that builds it, when known (compose `build`, a Dockerfile deployable). */
  readonly dockerfile?: string;
  /** For functions: their triggers (`http`, `sqs`, `schedule`, …). */
  readonly triggers?: readonly string[];
}

/** The deployables that run from one folder of source, merged (a package, its Dockerfile, its compose service). */
export interface ServiceUnit {
  readonly name: string;
  /** Source folder; the unit owns every file under it not owned by a deeper service. */
  readonly path: string;
  /** Whether `path` is a real source folder of the workspace (k8s images may not map to one). */
  readonly hasSource: boolean;
  readonly deployables: readonly DeployableDetail[];
}

/** An infrastructure container the workspace runs but does not build (postgres, kafka, nginx …). */
export interface BackingService {
  readonly name: string;
  readonly image: string;
  readonly category: BackingCategory;
  readonly file: string;
  readonly line?: number;
}

/** A module with its members and its public face. */
export interface ModuleDetail extends ModuleUnit {
  /** How it was found: a `modules/`-like container, sibling feature folders, a NestJS `@Module`, a workspace package. */
  readonly kind: 'container' | 'layout' | 'nest' | 'package';
  /** Source files of the module (any language), tests left out. */
  readonly files: readonly string[];
  /** Files the module declares public by convention (`index.ts`, `api.ts`, `*.module.ts`, `api/`, `contracts/`, `events/`). */
  readonly declaredPublic: readonly string[];
  /** Files imported from outside the module (its public face as used). */
  readonly publicFace: readonly string[];
  /** Path of the service that holds it, when any. */
  readonly service?: string;
}

/** The role of a ring of a hexagon (or of a layer of a layered design). */
export type RingRole = 'domain' | 'application' | 'ports' | 'adapters' | 'interfaces';

/** A ring as found by name and/or by the import graph. */
export interface RingDetail {
  readonly folder: string;
  /** The role its name suggests, if any. */
  readonly namedRole?: RingRole;
  /** `core` when it imports no infrastructure and no impure sibling; `adapter` when it imports infrastructure and the core. */
  readonly graphRole: 'core' | 'adapter' | 'other';
  /** For an adapter that imports no infrastructure: it is one because the composition root wires it into the core. */
  readonly wiredByRoot?: true;
  readonly files: number;
}

/** An import that breaks the inward direction of a hexagon. */
export interface RingLeak {
  readonly from: string;
  readonly line: number;
  /** What it reaches: a package name or a file. */
  readonly to: string;
  readonly ring: string;
}

/** The analysis of one folder as a possible hexagon (core in the middle, adapters around). */
export interface HexagonCandidate {
  readonly root: string;
  readonly rings: readonly RingDetail[];
  /** Files of the root folder itself and composition folders that import both core and adapters. */
  readonly compositionRoots: readonly string[];
  /** Edges from adapter rings into core rings. */
  readonly inwardEdges: number;
  /** Named core rings (domain/application/ports) that import infrastructure or adapters. */
  readonly leaks: readonly RingLeak[];
}

/** The units the patterns are about, with the details detectors need. */
export interface UnitAnalysis {
  readonly services: readonly ServiceUnit[];
  readonly functions: readonly DeployableDetail[];
  readonly webApps: readonly DeployableDetail[];
  readonly backing: readonly BackingService[];
  /** What starts but is not a backend service of its own (an all-in-one image, a library's dev script, a tool image). */
  readonly notServices: readonly NotAService[];
  readonly modules: readonly ModuleDetail[];
  readonly hexagons: readonly HexagonCandidate[];
  /** Language of the source (by file extension counts): `typescript`, `python`, `go`, … */
  readonly languages: readonly string[];
  /** Whether imports were read (TypeScript/JavaScript sources present). */
  readonly importsRead: boolean;
  /** The public, JSON-printable units. */
  readonly units: Units;
}

export type { Deployable, LayerUnit, ModuleUnit, Units };
