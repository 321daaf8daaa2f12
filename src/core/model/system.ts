/**
 * The system model: what starts (entry points), the code each start reaches (parts), what each
 * part is for (its role), and what is built and shipped (deployables with their processes).
 * Backend patterns are judged on backend parts only; the rest is named and set aside.
 * `archlens detect --json` prints it as `system`.
 */

/** What a part of the workspace is for. */
export type PartRole =
  | 'service'
  | 'worker'
  | 'function'
  | 'web-frontend'
  | 'mobile'
  | 'desktop'
  | 'cli'
  | 'library'
  | 'tooling'
  | 'tests';

/** How an entry point was found. */
export type EntryPointKind =
  | 'package-main'
  | 'package-bin'
  | 'package-script'
  | 'framework-root'
  | 'bootstrap'
  | 'function-handler'
  | 'language-main';

/** One place where a program starts. */
export interface EntryPoint {
  /** The started file (or, for a framework root, its folder), relative POSIX path. */
  readonly file: string;
  readonly line?: number;
  readonly kind: EntryPointKind;
  /** Where it was found: the manifest or the source file that shows it, with why. */
  readonly source: string;
  readonly message: string;
}

/** The code one or more entry points reach, and what it is for. */
export interface SystemPart {
  /** A name from the entry's package or folder. */
  readonly name: string;
  /** The folder the part is rooted at (`.` for the root). */
  readonly path: string;
  readonly role: PartRole;
  /** The packages or facts the role rests on: `express`, `react-dom`, a `bin` entry, … */
  readonly basis: readonly string[];
  readonly entryPoints: readonly string[];
  /** Files reached (a shared file counts in every part that reaches it). */
  readonly files: number;
}

/** One process a deployable runs (a Procfile line, a compose service of its build context). */
export interface DeployableProcess {
  readonly name: string;
  readonly kind: string;
  readonly file: string;
  readonly line?: number;
}

/** One built artefact (an image, a function bundle, a site, a package that starts). */
export interface SystemDeployable {
  readonly name: string;
  readonly path: string;
  /** `service`, `function` or `web-app`. */
  readonly role: string;
  readonly processes: readonly DeployableProcess[];
}

/** Code that was not scored, with what it is. */
export interface SetAside {
  readonly path: string;
  readonly role: PartRole;
  readonly files: number;
  /** "`app` — web front end (react-dom): not scored". */
  readonly message: string;
}

/** Something that starts but is not a backend service of its own, and why. */
export interface NotAServiceEntry {
  readonly name: string;
  readonly path: string;
  /** `not-backend`, `no-backend-code`, `all-in-one`, `library`, `image-not-built-here`, `test-runner` or `not-shipped`. */
  readonly reason: string;
  readonly message: string;
}

export interface SystemModel {
  readonly entryPoints: readonly EntryPoint[];
  readonly parts: readonly SystemPart[];
  readonly deployables: readonly SystemDeployable[];
  /** What starts but was not counted as a service (an all-in-one image, a module's package, a tool image). */
  readonly notServices: readonly NotAServiceEntry[];
  readonly setAside: readonly SetAside[];
}
