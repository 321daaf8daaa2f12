import type { ImportEdge } from '../model';
import type { RingLeak } from '../units';
import type { TeamSize } from './types';

/** Imports from one group (module, top folder, service) into another, with one example edge. */
export interface GroupLink {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly example: ImportEdge;
}

/**
 * What the recommendations are computed from: plain numbers and lists measured on the model,
 * the units and the import graph. Every rule is a pure function of this and the detection.
 */
export interface WorkspaceSignals {
  readonly team: TeamSize;
  /** Deployable services (merged per source folder) and functions. */
  readonly deployables: { readonly count: number; readonly names: readonly string[] };
  /** Distinct manifests that build or release a deployable (Dockerfile, chart, package, function config). */
  readonly releaseConfigs: number;
  /** Command (write) and query (read) handlers; files when no handler is named as such. */
  readonly handlers: {
    readonly commands: number;
    readonly queries: number;
    readonly readModels: number;
    /** Every command is named create/update/delete/… */
    readonly crudOnly: boolean;
    readonly exampleCommand?: string;
    readonly exampleQuery?: string;
  };
  readonly messaging: {
    /** Broker client packages in dependencies or imports. */
    readonly brokerClients: readonly string[];
    /** Brokers run beside the services (compose, k8s). */
    readonly brokerServices: readonly string[];
    readonly eventHandlers: number;
    readonly queueConsumers: number;
    readonly eventFiles: number;
    readonly exampleHandler?: string;
  };
  readonly functions: { readonly count: number; readonly manifests: readonly string[] };
  readonly domain: { readonly folders: readonly string[]; readonly files: number; readonly entities: number };
  /** Coupling between modules (when there are modules) or the top folders of the source roots. */
  readonly coupling: {
    readonly kind: 'modules' | 'folders';
    readonly groups: readonly string[];
    /** Pairs importing each other (`from` < `to`), with an example edge each way. */
    readonly mutual: readonly { readonly a: GroupLink; readonly b: GroupLink }[];
    readonly cycles: readonly (readonly string[])[];
    /** Groups that import no other group's source except its events, and declare or handle events. */
    readonly eventOnly: readonly string[];
  };
  /** Source imports between services (a distributed monolith's mark). */
  readonly crossServiceImports: readonly GroupLink[];
  /** Imports of infrastructure or adapters from a hexagon's core rings. */
  readonly hexagonLeaks: readonly RingLeak[];
}
