import type { Units } from '../model';
import { deepestUnit } from './fallback-units';

/** The service a file runs in: its deepest deployable when there are several, else its module, else its top folder. */
export function serviceOwner(
  units: Units,
): (file: string) => { readonly id: string; readonly label: string; readonly path: string } {
  const deployables = units.deployables.length > 1 ? units.deployables : [];
  const candidates = [...deployables, ...units.modules];
  const paths = candidates.map((unit) => unit.path);
  return (file) => {
    const path = deepestUnit(file, paths);
    const unit = candidates.find((c) => c.path === path);
    if (unit && path !== undefined) return { id: `service:${path}`, label: unit.name, path };
    const parts = file.split('/');
    const top =
      parts.length > 2 && parts[0] === 'src'
        ? parts.slice(0, 2).join('/')
        : parts.length > 1
          ? (parts[0] ?? file)
          : file;
    return { id: `service:${top}`, label: top, path: top };
  };
}
