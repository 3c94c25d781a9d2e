/**
 * Archive readers and where they hand out the names of the entries an archive holds (see
 * `no-path-traversal`, zip slip). An entry name is whatever the archive's author wrote: `../`
 * and absolute names included. Data only.
 */

/**
 * Entries handed to a listener: `<source>.on('entry', (entry) => entry.fileName)`.
 * The source is the value `source` resolves to, or (for `parameter`) the parameter of the callback
 * passed to a call of `source` (yauzl's `open(path, opts, (err, zipfile) => …)`).
 */
export interface EntryEventRow {
  modules: readonly string[];
  /** The export path of the object that emits `entry` (`['Parse', '()']`), or of the call whose callback receives it. */
  source: readonly (readonly string[])[];
  /** When set, the emitter is this parameter of the last function argument of a `source` call. */
  parameter?: number;
  /** Property of the listener's first parameter holding the entry name. */
  nameProperty: string;
  /** For messages: `yauzl entry \`fileName\``. */
  library: string;
  /**
   * The reader refuses unsafe names itself (absolute, `..`, backslashes) unless this option of the
   * call's options object is `false`: yauzl runs `validateFileName()` on every entry while
   * `decodeStrings` is on, its default.
   */
  validatedUnlessOff?: string;
}

export const ENTRY_EVENTS: readonly EntryEventRow[] = [
  // yauzl: `yauzl.open(path, { lazyEntries: true }, (err, zipfile) => zipfile.on('entry', (entry) => entry.fileName))`.
  {
    modules: ['yauzl'],
    source: [['open'], ['fromBuffer'], ['fromFd'], ['fromRandomAccessReader']],
    parameter: 1,
    nameProperty: 'fileName',
    library: 'yauzl',
    validatedUnlessOff: 'decodeStrings',
  },
  // unzipper: `stream.pipe(unzipper.Parse()).on('entry', (entry) => entry.path)`.
  { modules: ['unzipper'], source: [['Parse', '()'], ['ParseOne', '()']], nameProperty: 'path', library: 'unzipper' },
  // tar-stream: `const extract = tar.extract(); extract.on('entry', (header, stream, next) => header.name)`.
  { modules: ['tar-stream'], source: [['extract', '()']], nameProperty: 'name', library: 'tar-stream' },
  // node-tar's parser: `new tar.Parse().on('entry', (entry) => entry.path)`; also `tar.t()` list streams.
  { modules: ['tar'], source: [['Parse', 'new'], ['Parser', 'new'], ['t', '()'], ['list', '()']], nameProperty: 'path', library: 'tar' },
];

/**
 * Entries listed by a method or property: adm-zip `new AdmZip(buf).getEntries()` gives entries
 * whose `entryName` is the full name (`name` is only its last segment); unzipper
 * `(await unzipper.Open.file(f)).files` gives entries whose `path` is the full name.
 */
export interface EntryListRow {
  modules: readonly string[];
  /** Export paths of the list (`['new', 'getEntries', '()']`). */
  lists: readonly (readonly string[])[];
  nameProperty: string;
  library: string;
}

const UNZIPPER_OPEN = ['file', 'buffer', 'url', 's3', 's3_v3', 'custom'] as const;

export const ENTRY_LISTS: readonly EntryListRow[] = [
  { modules: ['adm-zip'], lists: [['new', 'getEntries', '()']], nameProperty: 'entryName', library: 'adm-zip' },
  { modules: ['unzipper'], lists: UNZIPPER_OPEN.map((open) => ['Open', open, '()', 'files']), nameProperty: 'path', library: 'unzipper' },
];

/**
 * Entries handed to an iterator callback: jszip `zip.forEach((relativePath, file) => …)`, where
 * `relativePath` is the name and `file.name` the full name (and `Object.keys(zip.files)`,
 * `Object.values(zip.files)`); node-tar's `onentry(entry)` and
 * `filter(path, entry)` options.
 */
export interface EntryCallbackRow {
  modules: readonly string[];
  /** Method called on a value of the module (`forEach`), or `null` for an options callback. */
  method: string | null;
  /** For options callbacks: the functions taking them (`x`, `extract`) and the option names. */
  functions?: readonly string[];
  option?: string;
  /** Parameters that are the entry name itself. */
  nameParameters: readonly number[];
  /** Parameters that are entries, with the property holding the name. */
  entryParameters: readonly { index: number; property: string }[];
  /** The property of a loaded archive that maps names to entries (jszip `zip.files`). */
  filesProperty?: string;
  library: string;
}

const TAR_FUNCTIONS = ['x', 'extract', 't', 'list'] as const;

export const ENTRY_CALLBACKS: readonly EntryCallbackRow[] = [
  { modules: ['jszip'], method: 'forEach', nameParameters: [0], entryParameters: [{ index: 1, property: 'name' }], filesProperty: 'files', library: 'jszip' },
  { modules: ['tar'], method: null, functions: TAR_FUNCTIONS, option: 'onentry', nameParameters: [], entryParameters: [{ index: 0, property: 'path' }], library: 'tar' },
  { modules: ['tar'], method: null, functions: TAR_FUNCTIONS, option: 'filter', nameParameters: [0], entryParameters: [{ index: 1, property: 'path' }], library: 'tar' },
];

/**
 * Extraction functions that write the entries themselves. node-tar refuses `..` entries and strips
 * absolute roots unless `preservePaths: true`; adm-zip's `extractAllTo`/`extractEntryTo` keep entries
 * inside the target from 0.5.2 on (CVE-2018-1002204 before 0.4.9, a second traversal fixed in 0.5.2).
 */
export const TAR_EXTRACT_FUNCTIONS: ReadonlySet<string> = new Set(['x', 'extract']);
export const TAR_OPT_OUT_OPTION = 'preservePaths';
export const ADM_ZIP_EXTRACT_METHODS: ReadonlySet<string> = new Set(['extractAllTo', 'extractAllToAsync', 'extractEntryTo']);
export const ADM_ZIP_SAFE_SINCE = '0.5.2';

/** Properties that may hold an entry name, tested before any resolution. */
export const ENTRY_NAME_PROPERTIES: ReadonlySet<string> = new Set([
  ...ENTRY_EVENTS.map((r) => r.nameProperty),
  ...ENTRY_LISTS.map((r) => r.nameProperty),
  ...ENTRY_CALLBACKS.flatMap((r) => r.entryParameters.map((p) => p.property)),
]);

/** Archive modules: the file gate for entry names. */
export const ARCHIVE_MODULES: readonly string[] = [
  ...new Set([...ENTRY_EVENTS, ...ENTRY_LISTS, ...ENTRY_CALLBACKS].flatMap((r) => r.modules)),
];

/**
 * File-system functions that create or overwrite what their path names: the sinks where an entry
 * name is a zip slip (reading or testing a path named by an entry is not).
 */
export const WRITING_FUNCTIONS: ReadonlySet<string> = new Set([
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync',
  'rename', 'renameSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'link', 'linkSync', 'symlink', 'symlinkSync',
  'open', 'openSync', 'truncate', 'truncateSync', 'chmod', 'chmodSync', 'chown', 'chownSync', 'utimes', 'utimesSync',
  'rm', 'rmSync', 'unlink', 'unlinkSync', 'rmdir', 'rmdirSync',
  // fs-extra
  'outputFile', 'outputFileSync', 'outputJson', 'outputJsonSync', 'writeJson', 'writeJsonSync', 'writeJSON',
  'ensureDir', 'ensureDirSync', 'ensureFile', 'ensureFileSync', 'mkdirp', 'mkdirs', 'copy', 'copySync', 'move', 'moveSync',
  'remove', 'removeSync', 'emptyDir', 'emptyDirSync',
]);
