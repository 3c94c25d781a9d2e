/**
 * Request body parsers and file upload libraries: how their size limits are configured, in which
 * unit, and what they default to. Data only.
 */

/** How a size option is read: a number of bytes, or a number or size string of the `bytes` package (`'50mb'`). */
export type SizeUnit = 'bytes' | 'bytes-string';

/** A size option of a parser call, and what the parser does when it is left out. */
export interface SizeOption {
  /** Key path inside the options object (`['formidable', 'maxFileSize']`). */
  path: readonly string[];
  unit: SizeUnit;
  /** The limit applied when the option is absent, in bytes; `Infinity` when there is none. */
  defaultBytes: number;
}

/** A request body parser: a call whose options set how large a body it reads. */
export interface BodyParserRow {
  module: string;
  /** Export path of the callee, as `resolveModule` gives it (`['json']` for `express.json`). */
  callee: readonly string[];
  /** How messages name the call. */
  display: string;
  /** Which argument holds the options. */
  optionsArg: number;
  sizes: readonly SizeOption[];
  /** The parser reads the raw bytes (`express.raw`): webhook signature checks need it. */
  raw?: boolean;
  /** The call only sets a limit when its first argument is one of these (`useBodyParser('json', …)`). */
  firstArgIn?: readonly string[];
}

const MB = 1024 * 1024;
const KB = 1024;

const expressParsers = (module: string, prefix: string): BodyParserRow[] =>
  (['json', 'urlencoded', 'raw', 'text'] as const).map((name) => ({
    module,
    callee: [name],
    display: `${prefix}.${name}()`,
    optionsArg: 0,
    sizes: [{ path: ['limit'], unit: 'bytes-string', defaultBytes: 100 * KB }],
    ...(name === 'raw' || name === 'text' ? { raw: true } : {}),
  }));

const koaBodySizes: readonly SizeOption[] = [
  { path: ['jsonLimit'], unit: 'bytes-string', defaultBytes: MB },
  { path: ['formLimit'], unit: 'bytes-string', defaultBytes: 56 * KB },
  { path: ['textLimit'], unit: 'bytes-string', defaultBytes: 56 * KB },
];

const koaBodyParserSizes: readonly SizeOption[] = [
  ...koaBodySizes,
  { path: ['xmlLimit'], unit: 'bytes-string', defaultBytes: MB },
];

export const BODY_PARSERS: readonly BodyParserRow[] = [
  ...expressParsers('express', 'express'),
  ...expressParsers('body-parser', 'bodyParser'),
  { module: 'fastify', callee: [], display: 'fastify()', optionsArg: 0, sizes: [{ path: ['bodyLimit'], unit: 'bytes', defaultBytes: MB }] },
  { module: 'fastify', callee: ['fastify'], display: 'fastify()', optionsArg: 0, sizes: [{ path: ['bodyLimit'], unit: 'bytes', defaultBytes: MB }] },
  { module: 'koa-body', callee: [], display: 'koaBody()', optionsArg: 0, sizes: koaBodySizes },
  { module: 'koa-body', callee: ['koaBody'], display: 'koaBody()', optionsArg: 0, sizes: koaBodySizes },
  { module: 'koa-bodyparser', callee: [], display: 'bodyParser()', optionsArg: 0, sizes: koaBodyParserSizes },
  { module: '@koa/bodyparser', callee: ['bodyParser'], display: 'bodyParser()', optionsArg: 0, sizes: koaBodyParserSizes },
  {
    module: '@nestjs/core',
    callee: ['NestFactory', 'create', '()', 'useBodyParser'],
    display: 'app.useBodyParser()',
    optionsArg: 1,
    sizes: [{ path: ['limit'], unit: 'bytes-string', defaultBytes: 100 * KB }],
    firstArgIn: ['json', 'urlencoded', 'raw', 'text'],
  },
];

/** Fastify instance methods that take route options with a `bodyLimit`, and where those options sit. */
export const FASTIFY_ROUTE_METHODS: ReadonlyMap<string, number> = new Map([
  ['get', 1],
  ['post', 1],
  ['put', 1],
  ['patch', 1],
  ['delete', 1],
  ['all', 1],
  ['route', 0],
  ['addContentTypeParser', 1],
]);

/** The key a Next.js API route's exported `config` sets its body size limit under. */
export const NEXT_BODY_SIZE_PATH: readonly string[] = ['api', 'bodyParser', 'sizeLimit'];
/** Next.js' default API route body limit. */
export const NEXT_DEFAULT_BODY_BYTES = MB;

/** Words in a route path that mark a webhook receiver, which needs the raw body to check a signature. */
export const WEBHOOK_PATH_WORDS: readonly string[] = ['webhook', 'hook', 'stripe', 'callback'];
/** The largest limit a raw parser on a webhook route may set without being reported: providers send small events. */
export const WEBHOOK_MODERATE_BYTES = 5 * MB;

/** An upload parser: where its file size limit and file-type filter sit, and what it does without them. */
export interface UploadRow {
  module: string;
  /** Export path of the callee (`[]` for the module itself, `['new']` for `new Busboy()`). */
  callee: readonly string[];
  display: string;
  optionsArg: number;
  /** The file size option. */
  fileSize: SizeOption;
  /**
   * Option keys that filter the kind of file accepted; empty when the library has none or when
   * checks are made on the parsed file instead (formidable is often used for fields alone, and its
   * files are checked after parsing).
   */
  typeFilters: readonly string[];
  /** Only a call with one of these options configures uploads (`koaBody({ multipart: true })`). */
  requires?: string;
  /** multer: whether the files are kept on local disk or in memory (reported), or somewhere else. */
  storage?: boolean;
}

export const UPLOAD_PARSERS: readonly UploadRow[] = [
  { module: 'multer', callee: [], display: 'multer()', optionsArg: 0, fileSize: { path: ['limits', 'fileSize'], unit: 'bytes', defaultBytes: Infinity }, typeFilters: ['fileFilter'], storage: true },
  { module: 'busboy', callee: [], display: 'busboy()', optionsArg: 0, fileSize: { path: ['limits', 'fileSize'], unit: 'bytes', defaultBytes: Infinity }, typeFilters: [] },
  { module: 'busboy', callee: ['new'], display: 'new Busboy()', optionsArg: 0, fileSize: { path: ['limits', 'fileSize'], unit: 'bytes', defaultBytes: Infinity }, typeFilters: [] },
  { module: 'express-fileupload', callee: [], display: 'fileUpload()', optionsArg: 0, fileSize: { path: ['limits', 'fileSize'], unit: 'bytes', defaultBytes: Infinity }, typeFilters: [] },
  { module: 'formidable', callee: [], display: 'formidable()', optionsArg: 0, fileSize: { path: ['maxFileSize'], unit: 'bytes', defaultBytes: 200 * MB }, typeFilters: [] },
  { module: 'formidable', callee: ['formidable'], display: 'formidable()', optionsArg: 0, fileSize: { path: ['maxFileSize'], unit: 'bytes', defaultBytes: 200 * MB }, typeFilters: [] },
  { module: 'formidable', callee: ['IncomingForm', 'new'], display: 'new IncomingForm()', optionsArg: 0, fileSize: { path: ['maxFileSize'], unit: 'bytes', defaultBytes: 200 * MB }, typeFilters: [] },
  { module: 'formidable', callee: ['Formidable', 'new'], display: 'new Formidable()', optionsArg: 0, fileSize: { path: ['maxFileSize'], unit: 'bytes', defaultBytes: 200 * MB }, typeFilters: [] },
  { module: 'koa-body', callee: [], display: 'koaBody()', optionsArg: 0, fileSize: { path: ['formidable', 'maxFileSize'], unit: 'bytes', defaultBytes: 200 * MB }, typeFilters: [], requires: 'multipart' },
  { module: 'koa-body', callee: ['koaBody'], display: 'koaBody()', optionsArg: 0, fileSize: { path: ['formidable', 'maxFileSize'], unit: 'bytes', defaultBytes: 200 * MB }, typeFilters: [], requires: 'multipart' },
];

/** `@fastify/multipart` registered on a Fastify instance: its `limits.fileSize` defaults to the instance's body limit. */
export const FASTIFY_MULTIPART_MODULES: readonly string[] = ['@fastify/multipart', 'fastify-multipart'];
export const FASTIFY_MULTIPART_FILE_SIZE: SizeOption = { path: ['limits', 'fileSize'], unit: 'bytes', defaultBytes: MB };

/** Words in a file that show it checks the uploaded file's type itself, after the parser. */
export const FILE_TYPE_CHECK_WORDS: readonly string[] = ['mimetype', 'mimeType', 'extname', 'fileTypeFrom', 'file-type', 'magic-bytes'];

/** multer storage engines that keep files on this machine (`diskStorage`) or in its memory. */
export const MULTER_LOCAL_STORAGE: ReadonlySet<string> = new Set(['diskStorage', 'memoryStorage']);

/**
 * Where multipart parsers hand over the file name the client sent, for parsers resolved by import
 * (the names any upload object carries, multer's `originalname`, are `CLIENT_FILE_NAME_PROPERTIES`
 * in `filesystem.ts`):
 * - busboy: the third parameter of a `'file'` listener, `info` (`info.filename`, busboy 1) or
 *   `filename` itself (busboy 0.x `(fieldname, file, filename, encoding, mimetype)`);
 * - formidable: `originalFilename` (2+) and `name` (1.x) of the files `form.parse()` hands over
 *   (its callback's third parameter, or the second element of what it resolves to) or of the file a
 *   `'file'` listener receives as its second parameter;
 * - @fastify/multipart: `filename` of `await request.file()`, of the parts `request.parts()` and
 *   `request.files()` yield, and of the files `request.saveRequestFiles()` resolves to.
 */
export const MULTIPART_FILE_NAMES = {
  busboyModules: ['busboy'],
  /** connect-busboy puts a busboy instance on `req.busboy`. */
  connectBusboyModules: ['connect-busboy'],
  busboyNameParameter: 2,
  formidableModules: ['formidable'],
  /** Calls of the formidable module that make a form: `formidable()`, `formidable.formidable()`, `new IncomingForm()`, `new Formidable()`. */
  formidableForms: [['()'], ['formidable', '()'], ['new'], ['IncomingForm', 'new'], ['Formidable', 'new']] as readonly (readonly string[])[],
  formidableNames: ['originalFilename', 'name'],
  fastifyModules: ['@fastify/multipart', 'fastify-multipart'],
  /** Request methods whose result (awaited) is one file part. */
  fastifyFileMethods: ['file'],
  /** Request methods whose result is iterated or indexed for file parts. */
  fastifyFilesMethods: ['parts', 'files', 'saveRequestFiles'],
  fastifyNames: ['filename'],
} as const;

/** File-system calls that create a file, and which argument is the new file's path. */
export const FILE_WRITE_CALLS: ReadonlyMap<string, number> = new Map([
  ['writeFile', 0],
  ['writeFileSync', 0],
  ['createWriteStream', 0],
  ['appendFile', 0],
  ['appendFileSync', 0],
  ['outputFile', 0],
  ['outputFileSync', 0],
  ['rename', 1],
  ['renameSync', 1],
  ['copyFile', 1],
  ['copyFileSync', 1],
  ['move', 1],
  ['moveSync', 1],
  ['copy', 1],
  ['copySync', 1],
]);

/** Modules whose file-writing functions `FILE_WRITE_CALLS` names. */
export const FILE_SYSTEM_MODULES: ReadonlySet<string> = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs']);

/** Static file servers and where their folder argument sits. */
export interface StaticServerRow {
  module: string;
  callee: readonly string[];
  /** Index of the folder argument, or the option key holding it (`@fastify/static` `root`). */
  folder: number | string;
}

export const STATIC_SERVERS: readonly StaticServerRow[] = [
  { module: 'express', callee: ['static'], folder: 0 },
  { module: 'serve-static', callee: [], folder: 0 },
  { module: 'koa-static', callee: [], folder: 0 },
  { module: '@fastify/static', callee: [], folder: 'root' },
  { module: 'fastify-static', callee: [], folder: 'root' },
];

/** Every module whose presence in a file may give either rule something to read. */
export const BODY_PARSER_MODULES: readonly string[] = [...new Set(BODY_PARSERS.map((row) => row.module))];
export const UPLOAD_MODULES: readonly string[] = [...new Set([...UPLOAD_PARSERS.map((row) => row.module), ...FASTIFY_MULTIPART_MODULES])];
