declare const ARCHLENS_VERSION: string | undefined;

/** Injected by esbuild from package.json; `dev` when run unbundled. */
export const VERSION: string = typeof ARCHLENS_VERSION === 'string' ? ARCHLENS_VERSION : 'dev';
