import { extractSymbols } from '../extract';
import type { FileSymbols } from '../model';
import type { FileSystemPort } from '../ports';

/**
 * A cached `symbols(relPath)` for the events and CQRS views: reads the file through the port
 * and extracts its declarations and calls; `undefined` when the file cannot be read.
 */
export function symbolsReader(
  fs: FileSystemPort,
  root: string,
): (relPath: string) => FileSymbols | undefined {
  const cache = new Map<string, FileSymbols | undefined>();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  return (relPath) => {
    if (cache.has(relPath)) return cache.get(relPath);
    const bytes = fs.readFile(`${root.replace(/\/$/, '')}/${relPath}`);
    let symbols: FileSymbols | undefined;
    try {
      symbols = bytes === undefined ? undefined : extractSymbols(relPath, decoder.decode(bytes));
    } catch {
      symbols = undefined;
    }
    cache.set(relPath, symbols);
    return symbols;
  };
}
