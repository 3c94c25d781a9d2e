// A fixed corpus of real third-party server code from node_modules, shared by the benchmark
// (scripts/bench.mjs) and the smoke test (tests/smoke/real-code.test.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the directory holding package.json). */
export const PROJECT_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** Files above this size are generated bundles or tables, not code anyone writes by hand. */
export const MAX_FILE_BYTES = 200 * 1024;

/**
 * Packages and the paths inside each that hold their own runtime sources (no tests, examples,
 * browser builds or nested node_modules). Listed in a fixed order.
 */
export const CORPUS_PACKAGES = [
  { name: 'express', paths: ['index.js', 'lib'] },
  { name: 'koa', paths: ['lib', 'dist'] },
  { name: 'jsonwebtoken', paths: ['index.js', 'decode.js', 'sign.js', 'verify.js', 'lib'] },
  { name: 'fastify', paths: ['fastify.js', 'lib'] },
  { name: 'knex', paths: ['knex.js', 'knex.mjs', 'lib'] },
  { name: 'sequelize', paths: ['index.js', 'lib'] },
  {
    name: 'typeorm',
    paths: [
      'index.js',
      'index.mjs',
      'cache',
      'commands',
      'common',
      'connection',
      'data-source',
      'decorator',
      'driver',
      'entity-manager',
      'entity-schema',
      'error',
      'find-options',
      'logger',
      'metadata',
      'metadata-args',
      'metadata-builder',
      'migration',
      'naming-strategy',
      'persistence',
      'platform',
      'query-builder',
      'query-runner',
      'repository',
      'schema-builder',
      'subscriber',
      'util',
    ],
  },
];

/**
 * The smoke test's slice: every package, but only its first files (in sorted order) up to this
 * many lines per package (about two thirds of the corpus).
 */
export const SMOKE_LINES_PER_PACKAGE = 25000;

const EXTENSIONS = /\.(?:js|cjs|mjs)$/;
const SKIPPED = /(?:\.min\.js|\.d\.[cm]?ts)$/;
// Characters that would make a file path mean something else as a flat-config `files` pattern.
const GLOB_SPECIAL = /[*?[\]{}()!+@\\]/;

function walk(path, out) {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    const entries = readdirSync(path).sort();
    for (const entry of entries) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      walk(join(path, entry), out);
    }
  } else if (stat.isFile() && EXTENSIONS.test(path) && !SKIPPED.test(path) && stat.size <= MAX_FILE_BYTES) {
    out.push(path);
  }
}

function packageType(packageDir) {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  return { version: String(pkg.version), type: pkg.type === 'module' ? 'module' : 'commonjs' };
}

function lineCount(text) {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/**
 * Lists the corpus: absolute paths in a fixed order, with the source type each file is parsed as
 * (`.mjs` → module, `.cjs` → commonjs, `.js` → the package's `type`). Packages that are not
 * installed are reported in `missing` and skipped.
 *
 * @param {{ root?: string, linesPerPackage?: number }} [options]
 */
export function listCorpus(options = {}) {
  const root = options.root ?? PROJECT_ROOT;
  const limit = options.linesPerPackage ?? Infinity;
  const files = [];
  const packages = [];
  const missing = [];
  for (const { name, paths } of CORPUS_PACKAGES) {
    const dir = join(root, 'node_modules', name);
    if (!existsSync(join(dir, 'package.json'))) {
      missing.push(name);
      continue;
    }
    const { version, type } = packageType(dir);
    const found = [];
    for (const path of paths) {
      const full = join(dir, path);
      if (existsSync(full)) walk(full, found);
    }
    let lines = 0;
    let count = 0;
    for (const path of found) {
      if (lines >= limit) break;
      const fileLines = lineCount(readFileSync(path, 'utf8'));
      const sourceType = path.endsWith('.mjs') ? 'module' : path.endsWith('.cjs') ? 'commonjs' : type;
      const rel = relative(root, path).split(sep).join('/');
      if (GLOB_SPECIAL.test(rel)) throw new Error(`Corpus path ${rel} holds glob characters; exclude it.`);
      files.push({ path, relativePath: rel, package: name, sourceType, lines: fileLines });
      lines += fileLines;
      count++;
    }
    packages.push({ name, version, files: count, lines });
  }
  return {
    root,
    files,
    packages,
    missing,
    lines: files.reduce((sum, f) => sum + f.lines, 0),
  };
}

/** Globals of Node.js code beyond what `sourceType: 'commonjs'` declares. */
export const NODE_GLOBALS = Object.fromEntries(
  [
    'AbortController',
    'Buffer',
    'TextDecoder',
    'TextEncoder',
    'URL',
    'URLSearchParams',
    'clearImmediate',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'global',
    'globalThis',
    'process',
    'queueMicrotask',
    'setImmediate',
    'setInterval',
    'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);

/**
 * Flat-config entries (for an ESLint instance whose `cwd` is the corpus root) that lint the corpus
 * although it lies under node_modules, and parse every file the same way for every configuration:
 * espree, latest syntax, each file's own source type, inline `eslint` comments ignored (so the
 * corpus's own directives cannot switch rules off).
 *
 * @param {ReturnType<typeof listCorpus>} corpus
 */
export function corpusConfigs(corpus) {
  const modules = corpus.files.filter((f) => f.sourceType === 'module').map((f) => f.relativePath);
  const configs = [
    { name: 'corpus/unignore', ignores: ['!**/node_modules/'] },
    {
      name: 'corpus/commonjs',
      files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', globals: NODE_GLOBALS },
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
    },
  ];
  if (modules.length > 0) {
    configs.push({ name: 'corpus/module', files: modules, languageOptions: { sourceType: 'module' } });
  }
  return configs;
}

/**
 * Throws if ESLint skipped a corpus file (an ignore pattern matched it), so a run can never
 * silently lint less than the corpus.
 *
 * @param {import('eslint').ESLint.LintResult[]} results
 */
export function assertNothingIgnored(results) {
  const ignored = results.filter((r) => r.messages.some((m) => m.ruleId === null && / ignored /.test(m.message)));
  if (ignored.length > 0) {
    throw new Error(`ESLint ignored ${ignored.length} corpus file(s), e.g. ${ignored[0].filePath}: ${ignored[0].messages[0].message}`);
  }
}
