/**
 * Outbound HTTP clients: which calls send a request, and where their URL, base URL or host is
 * passed. Data only.
 */

/** Where a call takes its target. */
export interface HttpClientCall {
  /** Module specifiers (normalised). */
  modules: readonly string[];
  /** Export path called (`['get']` for `axios.get`, `[]` for the default export, `['create', '()', 'get']` for an instance). */
  path: readonly string[];
  /**
   * The argument holding the URL (a string, a `URL`, or an options object with `URL_KEYS`), or
   * `'after-method'` when a leading HTTP method name may come first (`superagent('GET', url)`).
   */
  url: number | 'after-method' | null;
  /** The argument that may be an options object with URL or host keys. */
  options: number | null;
}

/** HTTP method helpers of clients (`axios.get`, `got.post`, `ky.put`, `superagent.del`). */
export const HTTP_VERBS: readonly string[] = ['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options'];

/** Option keys holding the whole URL or its base: the start of the URL decides where it goes. */
export const URL_KEYS: ReadonlySet<string> = new Set(['url', 'uri', 'baseURL', 'baseUrl', 'prefixUrl', 'origin']);
/** Option keys holding the host alone (`http.request({ host, path })`): any request data there picks the server. */
export const HOST_KEYS: ReadonlySet<string> = new Set(['host', 'hostname']);
/** Option keys holding the path alone (`http.request({ host, path })`), on a host set beside it. */
export const PATH_KEYS: ReadonlySet<string> = new Set(['path', 'pathname']);

const verbs = (modules: readonly string[], prefix: readonly string[], options: number | null = 1): HttpClientCall[] =>
  HTTP_VERBS.map((verb) => ({ modules, path: [...prefix, verb], url: 0, options }));

export const HTTP_CLIENT_CALLS: readonly HttpClientCall[] = [
  // Node core: `http.request(url[, options])`, `http.request(options)`, `http.get(…)`.
  ...['request', 'get'].map((fn) => ({ modules: ['http', 'https'], path: [fn], url: 0, options: 1 })),
  // undici: `request(url, options)`, `fetch(url)`, `stream(url, options, factory)`, `pipeline(url, options, handler)`.
  ...['request', 'fetch', 'stream', 'pipeline'].map((fn) => ({ modules: ['undici'], path: [fn], url: 0, options: null })),
  { modules: ['node-fetch', 'cross-fetch', 'isomorphic-fetch'], path: [], url: 0, options: null },
  { modules: ['cross-fetch'], path: ['fetch'], url: 0, options: null },
  // axios: `axios(url[, config])`, `axios(config)`, `axios.get(url)`, `axios.request(config)`,
  // `axios.create({ baseURL })` and calls on the instance.
  { modules: ['axios'], path: [], url: 0, options: 1 },
  { modules: ['axios'], path: ['request'], url: 0, options: null },
  { modules: ['axios'], path: ['create'], url: null, options: 0 },
  ...verbs(['axios'], []),
  { modules: ['axios'], path: ['create', '()'], url: 0, options: 1 },
  { modules: ['axios'], path: ['create', '()', 'request'], url: 0, options: null },
  ...verbs(['axios'], ['create', '()']),
  // got: `got(url[, options])`, `got.get(url)`, `got.stream(url)`, `got.extend({ prefixUrl })`.
  { modules: ['got'], path: [], url: 0, options: 1 },
  { modules: ['got'], path: ['stream'], url: 0, options: 1 },
  { modules: ['got'], path: ['extend'], url: null, options: 0 },
  ...verbs(['got'], []),
  ...verbs(['got'], ['extend', '()']),
  // ky: `ky(url)`, `ky.get(url)`, `ky.create({ prefixUrl })`, `ky.extend({ prefixUrl })`.
  { modules: ['ky'], path: [], url: 0, options: 1 },
  { modules: ['ky'], path: ['create'], url: null, options: 0 },
  { modules: ['ky'], path: ['extend'], url: null, options: 0 },
  ...verbs(['ky'], []),
  ...verbs(['ky'], ['create', '()']),
  ...verbs(['ky'], ['extend', '()']),
  // superagent: `superagent.get(url)`, `superagent('GET', url)`, `superagent(url)`.
  { modules: ['superagent'], path: [], url: 'after-method', options: null },
  ...verbs(['superagent'], [], null),
  // needle: `needle.get(url)`, `needle('get', url)`, `needle.request('get', url, data)`.
  { modules: ['needle'], path: [], url: 'after-method', options: null },
  { modules: ['needle'], path: ['request'], url: 'after-method', options: null },
  ...verbs(['needle'], [], null),
  // request (deprecated, still common): `request(url)`, `request({ url })`, `request.get(url)`.
  { modules: ['request', 'request-promise', 'request-promise-native'], path: [], url: 0, options: 1 },
  ...verbs(['request', 'request-promise', 'request-promise-native'], []),
];

/** Global functions that send a request (`fetch(url)`). */
export const GLOBAL_HTTP_FUNCTIONS: ReadonlySet<string> = new Set(['fetch']);

/** HTTP method names that may come before the URL (`superagent('GET', url)`), compared in lower case. */
export const METHOD_NAMES: ReadonlySet<string> = new Set([...HTTP_VERBS, 'delete', 'trace', 'connect']);
