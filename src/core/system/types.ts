import type { PartRole } from '../model/system';

export type * from '../model/system';

/** Roles whose code is evidence for and against backend patterns. */
export const BACKEND_ROLES: ReadonlySet<PartRole> = new Set(['service', 'worker', 'function']);
