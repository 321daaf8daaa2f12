/**
 * Node's built-in modules (Node 20–24), kept as a list because the core cannot import
 * `node:module`. Names reachable only with the `node:` prefix are listed apart.
 */
const builtins = new Set([
  '_http_agent',
  '_http_client',
  '_http_common',
  '_http_incoming',
  '_http_outgoing',
  '_http_server',
  '_stream_duplex',
  '_stream_passthrough',
  '_stream_readable',
  '_stream_transform',
  '_stream_wrap',
  '_stream_writable',
  '_tls_common',
  '_tls_wrap',
  'assert',
  'assert/strict',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'console',
  'constants',
  'crypto',
  'dgram',
  'diagnostics_channel',
  'dns',
  'dns/promises',
  'domain',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'inspector',
  'inspector/promises',
  'module',
  'net',
  'os',
  'path',
  'path/posix',
  'path/win32',
  'perf_hooks',
  'process',
  'punycode',
  'querystring',
  'readline',
  'readline/promises',
  'repl',
  'stream',
  'stream/consumers',
  'stream/promises',
  'stream/web',
  'string_decoder',
  'sys',
  'timers',
  'timers/promises',
  'tls',
  'trace_events',
  'tty',
  'url',
  'util',
  'util/types',
  'v8',
  'vm',
  'wasi',
  'worker_threads',
  'zlib',
]);

const prefixOnly = new Set(['sea', 'sqlite', 'test', 'test/reporters']);

/** The built-in module a specifier names, without `node:`, or `undefined` when it names none. */
export function builtinModuleName(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) {
    const name = specifier.slice(5);
    return builtins.has(name) || prefixOnly.has(name) ? name : undefined;
  }
  return builtins.has(specifier) ? specifier : undefined;
}
