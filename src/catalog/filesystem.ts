/**
 * File-system functions and the arguments that are paths (see `no-path-traversal`).
 */
export interface PathSink {
  /** Module specifiers (normalised: `fs`, not `node:fs`). */
  modules: readonly string[];
  /** Function names (the last step of the export path: `readFile`, `promises.readFile`). */
  functions: readonly string[];
  /** Indexes of the arguments that are paths. */
  args: readonly number[];
}

const FS_MODULES = ['fs', 'fs/promises', 'fs-extra', 'graceful-fs', 'fs-extra/esm'] as const;

const ONE_PATH = [
  'readFile', 'readFileSync', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync',
  'createReadStream', 'createWriteStream', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync',
  'readdir', 'readdirSync', 'stat', 'statSync', 'lstat', 'lstatSync', 'access', 'accessSync',
  'mkdir', 'mkdirSync', 'open', 'openSync', 'opendir', 'opendirSync', 'truncate', 'truncateSync',
  'chmod', 'chmodSync', 'chown', 'chownSync', 'utimes', 'utimesSync', 'readlink', 'readlinkSync',
  'realpath', 'realpathSync', 'exists', 'existsSync', 'watch', 'watchFile',
  // fs-extra
  'remove', 'removeSync', 'readJson', 'readJsonSync', 'readJSON', 'writeJson', 'writeJsonSync', 'writeJSON',
  'outputFile', 'outputFileSync', 'outputJson', 'outputJsonSync', 'ensureDir', 'ensureDirSync',
  'ensureFile', 'ensureFileSync', 'emptyDir', 'emptyDirSync', 'mkdirp', 'mkdirs', 'pathExists', 'pathExistsSync',
] as const;

const TWO_PATHS = ['rename', 'renameSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'link', 'linkSync', 'symlink', 'symlinkSync', 'copy', 'copySync', 'move', 'moveSync'] as const;

export const PATH_SINKS: readonly PathSink[] = [
  { modules: FS_MODULES, functions: ONE_PATH, args: [0] },
  { modules: FS_MODULES, functions: TWO_PATHS, args: [0, 1] },
];

/** Modules a file-system sink comes from: the file gate of the rule (with the response methods). */
export const PATH_MODULES: readonly string[] = [...FS_MODULES, 'node:fs', 'node:fs/promises'];

/**
 * Response methods that read a file named by their first argument (Express). `sendFile` and
 * `download` with a `root` option are safe: `send` refuses `..` under a root.
 */
export const RESPONSE_FILE_METHODS: ReadonlySet<string> = new Set(['sendFile', 'sendfile', 'download']);
/** Response methods whose first argument names a view template file. */
export const VIEW_METHODS: ReadonlySet<string> = new Set(['render']);
/**
 * Properties of uploaded-file objects that hold the name the client sent, whatever parsed the upload:
 * multer's `originalname`, formidable 2+'s `originalFilename` (formidable 1's `name` is read only on
 * files formidable is known to have parsed: see `MULTIPART_FILE_NAMES` in `uploads.ts`).
 */
export const CLIENT_FILE_NAME_PROPERTIES: ReadonlySet<string> = new Set(['originalname', 'originalFilename']);
/**
 * koa-send (`@koa/send` since 6): `send(ctx, path, { root })` resolves `path` under `root` and
 * refuses `..` and absolute paths; without `root` it resolves under the working directory.
 */
export const KOA_SEND_MODULES: readonly string[] = ['koa-send', '@koa/send'];
