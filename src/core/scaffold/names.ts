/** Names: identifier rules and the case styles file and class names come in. */

/** The longest name a scaffold accepts, in characters (file names grow from it: `on-<name>.handler.ts`). */
export const MAX_NAME_LENGTH = 64;

// Windows opens the device for these names with any extension (`nul.txt`, `con.port.ts`), in any case.
const DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Whether Windows reads the file or folder name as a device (`CON`, `nul.txt`, `Com1.ts`). */
export function isDeviceName(segment: string): boolean {
  const stem = (segment.split('.')[0] ?? '').replace(/[ .]+$/, '');
  return DEVICE.test(stem);
}

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if import in instanceof new null return super switch this throw true try ' +
    'typeof var void while with implements interface let package private protected public static yield ' +
    'await any boolean never number object string symbol undefined unknown bigint'
  ).split(' '),
);

/** Splits `OrderPlaced`, `order-placed`, `order_placed`, `orderPlaced`, `HTTPServer` into lower-case words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

export function pascalCase(name: string): string {
  return words(name)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

export function kebabCase(name: string): string {
  return words(name).join('-');
}

/**
 * Why a name cannot become a TypeScript class name, or `undefined` when it can.
 * Accepts the forms people type (`send-invoice`, `SendInvoice`); what matters is the Pascal form.
 */
export function nameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'Give a name.';
  // File names grow from the name (`on-<name>.handler.ts`): a bound keeps every one of them writable.
  if (trimmed.length > MAX_NAME_LENGTH)
    return `Use at most ${MAX_NAME_LENGTH} characters (this one has ${trimmed.length}).`;
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(trimmed)) {
    return 'Use letters, digits, `-` or `_`, starting with a letter.';
  }
  const pascal = pascalCase(trimmed);
  if (pascal.length === 0) return 'Give a name with at least one letter.';
  if (isDeviceName(trimmed) || isDeviceName(kebabCase(trimmed)))
    return `\`${trimmed}\` is reserved on Windows (a device name); choose another.`;
  if (RESERVED.has(pascal.toLowerCase()) && RESERVED.has(trimmed))
    return `\`${trimmed}\` is a reserved word.`;
  return undefined;
}

/** Drops a trailing word (`ClockPort` → `Clock` for suffix `Port`), when something is left. */
export function withoutSuffix(name: string, suffix: string): string {
  return name.endsWith(suffix) && name.length > suffix.length ? name.slice(0, -suffix.length) : name;
}

/** Adds a suffix unless the name already ends with it (`PlaceOrder` + `Command`). */
export function withSuffix(name: string, suffix: string): string {
  return name.endsWith(suffix) ? name : name + suffix;
}
