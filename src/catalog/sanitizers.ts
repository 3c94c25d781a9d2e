/**
 * Sanitizers per kind of sink: calls whose result is safe to hand to that sink whatever the
 * client sent, so taint ends there for that sink only. For every other sink the result still
 * carries the client's text (`path.basename(name)` is a safe file name but not a safe SQL value),
 * so `flow/taint.ts` follows the taint through them. Also the module functions whose result
 * carries their arguments' text. Data only.
 */

/**
 * The kinds of sink the injection rules guard. Each has its own sanitizers:
 * - `nosql`: MongoDB filters (operator injection: `{ "$ne": null }`);
 * - `command`: shell command text;
 * - `path`: file-system paths;
 * - `redirect`: redirect targets;
 * - `url`: outbound request URLs (SSRF);
 * - `code`: text evaluated or compiled as code or templates;
 * - `deserialize`: text turned back into objects by an unsafe deserializer.
 */
export type SinkKind = 'nosql' | 'command' | 'path' | 'redirect' | 'url' | 'code' | 'deserialize';

export const SINK_KINDS: readonly SinkKind[] = ['nosql', 'command', 'path', 'redirect', 'url', 'code', 'deserialize'];

export interface Sanitizer {
  /** Module specifiers (normalised: `path`, not `node:path`). */
  modules: readonly string[];
  /** The export path called: `['basename']` for `path.basename(x)`, `[]` for a default export called directly. */
  path: readonly string[];
  /** The sinks whose danger the result no longer carries. */
  sinks: readonly SinkKind[];
}

/** Sanitizers resolved by import. */
export const SANITIZERS: readonly Sanitizer[] = [
  // A base name holds no directory separator, so it cannot leave the directory it is joined to.
  { modules: ['path'], path: ['basename'], sinks: ['path'] },
  { modules: ['path'], path: ['posix', 'basename'], sinks: ['path'] },
  { modules: ['path'], path: ['win32', 'basename'], sinks: ['path'] },
  // sanitize-filename strips separators, `..`, control and reserved characters.
  { modules: ['sanitize-filename'], path: [], sinks: ['path'] },
  // mongo-sanitize drops `$`-prefixed keys; express-mongo-sanitize exposes `sanitize(value)`.
  { modules: ['mongo-sanitize'], path: [], sinks: ['nosql'] },
  { modules: ['express-mongo-sanitize'], path: ['sanitize'], sinks: ['nosql'] },
  // Mongoose's own `sanitizeFilter(filter)` wraps `$` keys in `$eq`.
  { modules: ['mongoose'], path: ['sanitizeFilter'], sinks: ['nosql'] },
  // Quoting for the shell: the value becomes one literal word.
  { modules: ['shell-quote'], path: ['quote'], sinks: ['command'] },
  { modules: ['shell-escape'], path: [], sinks: ['command'] },
  { modules: ['shescape'], path: ['quote'], sinks: ['command'] },
  { modules: ['shescape'], path: ['escape'], sinks: ['command'] },
  { modules: ['shescape'], path: ['Shescape', 'new', 'quote'], sinks: ['command'] },
  { modules: ['shescape'], path: ['Shescape', 'new', 'escape'], sinks: ['command'] },
];

/** Module functions whose result carries the text of their arguments (all of them). */
export const PROPAGATORS: readonly { modules: readonly string[]; path: readonly string[] }[] = [
  ...['join', 'resolve', 'normalize', 'relative', 'format', 'dirname', 'extname', 'basename', 'toNamespacedPath'].flatMap((fn) => [
    { modules: ['path'], path: [fn] },
    { modules: ['path'], path: ['posix', fn] },
    { modules: ['path'], path: ['win32', fn] },
  ]),
  { modules: ['util'], path: ['format'] },
  { modules: ['url'], path: ['format'] },
  { modules: ['url'], path: ['resolve'] },
  { modules: ['url'], path: ['fileURLToPath'] },
  { modules: ['querystring'], path: ['stringify'] },
  { modules: ['querystring'], path: ['unescape'] },
  { modules: ['querystring'], path: ['escape'] },
];

/**
 * Global functions that sanitize for some sinks. `encodeURIComponent` leaves no `/`, `?`, `#`, `:`
 * or `@`, so an encoded value cannot change the scheme, host or path of a URL it is put in. It is no
 * help for file paths (`..` survives) nor for shells (`'`, `(`, `)`, `*`, `!` survive).
 */
export const GLOBAL_SANITIZERS: ReadonlyMap<string, readonly SinkKind[]> = new Map([['encodeURIComponent', ['redirect', 'url']]]);
