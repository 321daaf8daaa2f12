import type { Warning } from '../model';
import type { FileSystemPort } from '../ports';
import { formatBytes } from './format-bytes';
import { MAX_FILE_SIZE_CAP } from './types';

/** How many leading bytes are searched for a NUL byte, the sign of a binary file (as git does). */
const BINARY_SNIFF_BYTES = 8 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });

/** A file's text, or why it is skipped. */
export type TextRead = { readonly text: string } | { readonly warning: Warning };

/**
 * Reads a file as UTF-8 text, the one way every stage reads a workspace file. Never throws: a
 * file that cannot be read, is larger than `maxFileSize` bytes (at most 16 MiB, see
 * `MAX_FILE_SIZE_CAP`), is binary (a NUL byte in its
 * first 8 KiB), is UTF-16 or is not valid UTF-8 gives a {@link Warning} for `relPath` instead.
 * A UTF-8 byte order mark is dropped.
 */
export function readSourceText(
  fs: FileSystemPort,
  absPath: string,
  relPath: string,
  maxFileSize: number,
): { readonly text: string } | { readonly warning: Warning } {
  const bytes = fs.readFile(absPath);
  if (bytes === undefined) return skipped(relPath, 'cannot be read');
  return decodeSourceText(bytes, relPath, maxFileSize);
}

/** {@link readSourceText} for bytes already read (unsaved editor content, tests). */
export function decodeSourceText(
  bytes: Uint8Array,
  relPath: string,
  maxFileSize: number,
): { readonly text: string } | { readonly warning: Warning } {
  return decode(bytes, relPath, maxFileSize, false);
}

/**
 * Reads a manifest or config (package.json, tsconfig, compose, Dockerfile, serverless, SAM,
 * Kubernetes, Helm, Terraform, TOML, archlens.config.json) as {@link readSourceText} does, but
 * UTF-16 with a byte order mark (LE or BE: what PowerShell's `>` writes) is decoded and read.
 */
export function readManifestText(
  fs: FileSystemPort,
  absPath: string,
  relPath: string,
  maxFileSize: number,
): TextRead {
  const bytes = fs.readFile(absPath);
  if (bytes === undefined) return skipped(relPath, 'cannot be read');
  return decodeManifestText(bytes, relPath, maxFileSize);
}

/** {@link readManifestText} for bytes already read. */
export function decodeManifestText(bytes: Uint8Array, relPath: string, maxFileSize: number): TextRead {
  return decode(bytes, relPath, maxFileSize, true);
}

function decode(bytes: Uint8Array, relPath: string, requestedMax: number, readUtf16: boolean): TextRead {
  // The cap holds whatever limit the caller passes (a host setting, a stale option).
  const maxFileSize = Math.min(requestedMax, MAX_FILE_SIZE_CAP);
  if (bytes.byteLength > maxFileSize) {
    return skipped(
      relPath,
      `${formatBytes(bytes.byteLength)} is over the ${formatBytes(maxFileSize)} limit (maxFileSize)`,
    );
  }
  if (hasUtf16Bom(bytes)) {
    if (!readUtf16) return skipped(relPath, 'UTF-16 text; only UTF-8 is read');
    const text = decodeUtf16(bytes);
    if (text === undefined) return skipped(relPath, 'not valid UTF-16');
    return text.includes('\0') ? skipped(relPath, 'binary file') : { text };
  }
  const sniffed = bytes.byteLength > BINARY_SNIFF_BYTES ? bytes.subarray(0, BINARY_SNIFF_BYTES) : bytes;
  if (sniffed.includes(0)) return skipped(relPath, 'binary file');
  try {
    // The decoder drops a leading UTF-8 byte order mark (`ignoreBOM` is false).
    return { text: utf8.decode(bytes) };
  } catch {
    return skipped(relPath, 'not valid UTF-8');
  }
}

/** UTF-16 text after its BOM (the decoder drops it), or `undefined` when it does not decode. */
function decodeUtf16(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength % 2 !== 0) return undefined;
  let little = bytes;
  if (bytes[0] === 0xfe) {
    // Big-endian: swapped into little-endian (Node's small-ICU builds lack a utf-16be decoder).
    little = new Uint8Array(bytes.byteLength);
    for (let i = 0; i < bytes.byteLength; i += 2) {
      little[i] = bytes[i + 1] as number;
      little[i + 1] = bytes[i] as number;
    }
  }
  try {
    return utf16le.decode(little);
  } catch {
    return undefined;
  }
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (
    bytes.byteLength >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}

function skipped(file: string, reason: string): { readonly warning: Warning } {
  return { warning: { file, message: `skipped: ${reason}` } };
}
