/**
 * Which version range of a package does the project that holds a file depend on?
 *
 * From the file's path, walk up the directories to the nearest `package.json` that declares the
 * package in `dependencies`, `devDependencies`, `peerDependencies` or `optionalDependencies`
 * (`npm:<name>@<range>` aliases included), the way eslint-plugin-n reads `engines`. A workspace
 * package that does not declare it defers to the root of the monorepo above it.
 *
 * Unknown is an answer, never an exception: no file path (`<input>`, `<text>`, a relative name),
 * no `package.json` that declares the package, or a `package.json` on the way that cannot be read
 * or is not a JSON object (then which ranges it declares is not known, so the walk stops there).
 *
 * Caching: reads are cached per linted file only (`perFileCache`, keyed on the file's
 * `SourceCode`), never per directory or per process. A long-lived editor process therefore sees
 * an edited `package.json` on the next lint of a file, and nothing is shared between files or
 * worker threads. Callers read lazily — only when a decision depends on the version — so files
 * that never ask cost nothing, and a file that asks reads at most one `package.json` per
 * directory above it, once. (ESLint's own `--cache` keys results on each file's text and the
 * config, not on `package.json`: after changing a dependency range, clear that cache.)
 *
 * The range reader understands npm's range grammar (`^`, `~`, x-ranges, comparators, hyphen
 * ranges, `||`) well enough to answer one question: does the range admit any version below a
 * given one? Dist-tags (`latest`), URLs, git, `file:`, `link:` and `workspace:` specifiers are
 * unknown.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { perFileCache, type SourceCode } from './cache.js';

/** The `package.json` fields whose packages a project loads. */
export const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

export type DependencyField = (typeof DEPENDENCY_FIELDS)[number];

export interface DeclaredRange {
  field: DependencyField;
  /** The range as written, with an `npm:<name>@` alias prefix removed. */
  range: string;
}

export type DependencyDeclaration =
  | { kind: 'declared'; packageJson: string; ranges: DeclaredRange[] }
  | { kind: 'unknown'; reason: 'no-file' | 'not-declared' | 'unreadable' | 'invalid' | 'overridden'; packageJson?: string };

type Manifest =
  | { kind: 'ok'; json: Record<string, unknown> }
  | { kind: 'missing' }
  | { kind: 'bad'; reason: 'unreadable' | 'invalid' };

interface FileState {
  manifests: Map<string, Manifest>;
  declarations: Map<string, DependencyDeclaration>;
}

const state = perFileCache((): FileState => ({ manifests: new Map(), declarations: new Map() }));

/** Directories walked at most: deeper paths are cut off (unknown) rather than walked forever. */
const MAX_LEVELS = 64;

function readManifest(path: string): Manifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'bad', reason: 'unreadable' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'bad', reason: 'invalid' };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { kind: 'bad', reason: 'invalid' };
  return { kind: 'ok', json: json as Record<string, unknown> };
}

/** The ranges one manifest declares for `name` (aliases resolved), empty when it declares none. */
export function manifestRanges(json: Record<string, unknown>, name: string): DeclaredRange[] {
  const ranges: DeclaredRange[] = [];
  for (const field of DEPENDENCY_FIELDS) {
    const deps = json[field];
    if (deps === null || typeof deps !== 'object' || Array.isArray(deps)) continue;
    const spec = (deps as Record<string, unknown>)[name];
    if (typeof spec !== 'string') continue;
    ranges.push({ field, range: aliasedRange(name, spec) ?? spec });
  }
  return ranges;
}

/**
 * `npm:<name>@<range>` → `<range>` when the alias points at `name` itself (`npm:<name>` alone is
 * `*`); null for an alias of another package. Any other specifier is returned unchanged.
 */
export function aliasedRange(name: string, spec: string): string | null {
  const trimmed = spec.trim();
  if (!trimmed.startsWith('npm:')) return trimmed;
  const target = trimmed.slice(4);
  const at = target.indexOf('@', 1);
  const aliased = at < 0 ? target : target.slice(0, at);
  if (aliased !== name) return null;
  return at < 0 ? '*' : target.slice(at + 1);
}

/**
 * The ranges of `name` declared by the nearest `package.json` above the file that declares it.
 * `filename` is the linted file's physical path (`context.physicalFilename`).
 */
export function declaredDependency(sourceCode: SourceCode, filename: string, name: string): DependencyDeclaration {
  const file = state(sourceCode);
  const known = file.declarations.get(name);
  if (known) return known;
  const result = lookUp(file, filename, name);
  file.declarations.set(name, result);
  return result;
}

function lookUp(file: FileState, filename: string, name: string): DependencyDeclaration {
  if (!filename || filename.startsWith('<') || !isAbsolute(filename)) return { kind: 'unknown', reason: 'no-file' };
  let dir = dirname(filename);
  for (let level = 0; level < MAX_LEVELS; level++) {
    const path = join(dir, 'package.json');
    let manifest = file.manifests.get(path);
    if (!manifest) {
      manifest = readManifest(path);
      file.manifests.set(path, manifest);
    }
    if (manifest.kind === 'bad') return { kind: 'unknown', reason: manifest.reason, packageJson: path };
    if (manifest.kind === 'ok') {
      const ranges = manifestRanges(manifest.json, name);
      if (ranges.length > 0) {
        // npm `overrides`, yarn `resolutions` and pnpm overrides (in this or a workspace root above)
        // install another version than the range says.
        if (overriddenAbove(dir, name, file, level)) return { kind: 'unknown', reason: 'overridden', packageJson: path };
        return { kind: 'declared', packageJson: path, ranges };
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { kind: 'unknown', reason: 'not-declared' };
}

/** Whether a `package.json` in `dir` or above overrides the version of `name`. */
function overriddenAbove(start: string, name: string, file: FileState, level: number): boolean {
  let dir = start;
  for (let i = level; i < MAX_LEVELS; i++) {
    const path = join(dir, 'package.json');
    let manifest = file.manifests.get(path);
    if (!manifest) {
      manifest = readManifest(path);
      file.manifests.set(path, manifest);
    }
    if (manifest.kind === 'ok' && overrides(manifest.json, name)) return true;
    const parent = dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
  return false;
}

/**
 * Whether a manifest overrides `name`: npm `overrides` (nested objects too), yarn `resolutions`
 * (`name`, `parent/name`, glob keys) or pnpm `pnpm.overrides` (`name`, `name@range`, `parent>name`).
 */
export function overrides(json: Record<string, unknown>, name: string): boolean {
  const names = (object: unknown, depth = 0): boolean => {
    if (object === null || typeof object !== 'object' || Array.isArray(object) || depth > 8) return false;
    for (const [key, value] of Object.entries(object as Record<string, unknown>)) {
      const last = key.split(/[/>]/).pop() ?? key;
      const bare = last.startsWith('@') ? key.replace(/^.*?(@[^/]+\/[^@/>]+)(?:@.*)?$/, '$1') : last.replace(/@.*$/, '');
      if (bare === name || key === name) return true;
      if (names(value, depth + 1)) return true;
    }
    return false;
  };
  const pnpm = json.pnpm;
  return names(json.overrides) || names(json.resolutions) || (pnpm !== null && typeof pnpm === 'object' && names((pnpm as Record<string, unknown>).overrides));
}

// ---------------------------------------------------------------------------------------------
// Ranges

interface Version {
  major: number;
  minor: number;
  patch: number;
  pre: readonly string[];
}

interface Bound {
  version: Version;
  inclusive: boolean;
}

/** A comparator set as an interval; `null` bounds are open. */
interface Interval {
  lower: Bound | null;
  upper: Bound | null;
}

const PARTIAL = /^v?(\d+|[xX*])(?:\.(\d+|[xX*])(?:\.(\d+|[xX*])(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?)?)?$/;

interface Partial {
  /** Numeric parts until the first wildcard or missing part. */
  parts: number[];
  pre: string[];
}

function parsePartial(text: string): Partial | null {
  const m = PARTIAL.exec(text);
  if (!m) return null;
  const parts: number[] = [];
  for (const raw of [m[1], m[2], m[3]]) {
    if (raw === undefined || !/^\d+$/.test(raw)) break;
    parts.push(Number(raw));
  }
  // `1.x.3` is read as `1.x`; a prerelease only counts on a full version.
  return { parts, pre: parts.length === 3 && m[4] ? m[4].split('.') : [] };
}

function version(parts: readonly number[], pre: readonly string[] = []): Version {
  return { major: parts[0] ?? 0, minor: parts[1] ?? 0, patch: parts[2] ?? 0, pre };
}

/** The first version after every version matching the partial (`9` → `10.0.0`, `9.1` → `9.2.0`). */
function nextAfter(parts: readonly number[]): Version {
  if (parts.length === 1) return version([parts[0]! + 1, 0, 0]);
  if (parts.length === 2) return version([parts[0]!, parts[1]! + 1, 0]);
  return version(parts);
}

/** Parses `1.2.3` / `9.0.0-beta.1`; null when not a full version. */
export function parseVersion(text: string): Version | null {
  const partial = parsePartial(text.trim());
  return partial && partial.parts.length === 3 ? version(partial.parts, partial.pre) : null;
}

function compareIdentifiers(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Number(a) - Number(b);
  if (an) return -1;
  if (bn) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareVersions(a: Version, b: Version): number {
  if (a.major !== b.major) return a.major - b.major;
  if (a.minor !== b.minor) return a.minor - b.minor;
  if (a.patch !== b.patch) return a.patch - b.patch;
  if (a.pre.length === 0 || b.pre.length === 0) return b.pre.length - a.pre.length;
  for (let i = 0; i < Math.max(a.pre.length, b.pre.length); i++) {
    if (a.pre[i] === undefined) return -1;
    if (b.pre[i] === undefined) return 1;
    const c = compareIdentifiers(a.pre[i]!, b.pre[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

const ANY: Interval = { lower: null, upper: null };
const EMPTY: Interval = { lower: { version: version([1]), inclusive: true }, upper: { version: version([0]), inclusive: false } };

/** One comparator (`^9.0.2`, `>=8`, `9.x`, `<10`) as an interval; null when it cannot be read. */
function comparator(text: string): Interval | null {
  const m = /^(<=|>=|<|>|=|\^|~>|~)?(.*)$/.exec(text);
  if (!m) return null;
  const op = m[1] ?? '';
  const partial = parsePartial(m[2]!);
  if (!partial) return null;
  const { parts, pre } = partial;
  if (parts.length === 0) return op === '<' || op === '>' ? EMPTY : ANY;
  const low = version(parts, pre);
  switch (op) {
    case '':
    case '=':
      return parts.length === 3
        ? { lower: { version: low, inclusive: true }, upper: { version: low, inclusive: true } }
        : { lower: { version: low, inclusive: true }, upper: { version: nextAfter(parts), inclusive: false } };
    case '^': {
      const [major, minor = 0] = parts;
      const upper =
        major! > 0 || parts.length === 1
          ? version([major! + 1, 0, 0])
          : minor > 0 || parts.length === 2
            ? version([0, minor + 1, 0])
            : version([0, 0, parts[2]! + 1]);
      return { lower: { version: low, inclusive: true }, upper: { version: upper, inclusive: false } };
    }
    case '~':
    case '~>': {
      const upper = parts.length === 1 ? version([parts[0]! + 1, 0, 0]) : version([parts[0]!, parts[1]! + 1, 0]);
      return { lower: { version: low, inclusive: true }, upper: { version: upper, inclusive: false } };
    }
    case '>=':
      return { lower: { version: low, inclusive: true }, upper: null };
    case '>':
      // Ranges admit prereleases only of a version that carries one, so `>4.0.0` starts at 4.0.1.
      if (parts.length < 3) return { lower: { version: nextAfter(parts), inclusive: true }, upper: null };
      return pre.length > 0
        ? { lower: { version: low, inclusive: false }, upper: null }
        : { lower: { version: version([parts[0]!, parts[1]!, parts[2]! + 1]), inclusive: true }, upper: null };
    case '<':
      return { lower: null, upper: { version: low, inclusive: false } };
    case '<=':
      return parts.length === 3
        ? { lower: null, upper: { version: low, inclusive: true } }
        : { lower: null, upper: { version: nextAfter(parts), inclusive: false } };
    default:
      return null;
  }
}

function tighterLower(a: Bound | null, b: Bound | null): Bound | null {
  if (!a) return b;
  if (!b) return a;
  const c = compareVersions(a.version, b.version);
  if (c !== 0) return c > 0 ? a : b;
  return a.inclusive ? b : a;
}

function tighterUpper(a: Bound | null, b: Bound | null): Bound | null {
  if (!a) return b;
  if (!b) return a;
  const c = compareVersions(a.version, b.version);
  if (c !== 0) return c < 0 ? a : b;
  return a.inclusive ? b : a;
}

function isEmpty({ lower, upper }: Interval): boolean {
  if (!lower || !upper) return false;
  const c = compareVersions(lower.version, upper.version);
  return c > 0 || (c === 0 && !(lower.inclusive && upper.inclusive));
}

/** A space-separated comparator set, or a hyphen range, as one interval; null when unreadable. */
function comparatorSet(text: string): Interval | null {
  const set = text.trim().replace(/(<=|>=|<|>|=|\^|~>|~)\s+/g, '$1');
  if (set === '') return ANY;
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(set);
  if (hyphen) {
    const from = parsePartial(hyphen[1]!);
    const to = parsePartial(hyphen[2]!);
    if (!from || !to) return null;
    const lower = from.parts.length === 0 ? null : { version: version(from.parts, from.pre), inclusive: true };
    const upper =
      to.parts.length === 0
        ? null
        : to.parts.length === 3
          ? { version: version(to.parts, to.pre), inclusive: true }
          : { version: nextAfter(to.parts), inclusive: false };
    return { lower, upper };
  }
  let interval: Interval = ANY;
  for (const token of set.split(/\s+/)) {
    const next = comparator(token);
    if (!next) return null;
    interval = { lower: tighterLower(interval.lower, next.lower), upper: tighterUpper(interval.upper, next.upper) };
  }
  return interval;
}

/**
 * Whether a declared range admits some version below `below` (a full version, `9.0.0`):
 * `true` for `^8.5.1`, `^8 || ^9`, `>=8`, `*` and `""`; `false` for `^9.0.2`, `~9.0.0`, `9.x`,
 * `>=9.0.0` and `9.0.2`; null when the specifier is not a range (a dist-tag such as `latest`, a
 * URL, git, `file:`, `link:`, `workspace:`) or cannot be read. A prerelease of `below` counts as
 * below it.
 */
export function rangeAdmitsBelow(range: string, below: string): boolean | null {
  const limit = parseVersion(below);
  if (!limit) return null;
  const text = range.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.includes('/')) return null;
  let unknown = false;
  for (const part of text.split('||')) {
    const interval = comparatorSet(part);
    if (!interval) {
      unknown = true;
      continue;
    }
    if (isEmpty(interval)) continue;
    if (!interval.lower || compareVersions(interval.lower.version, limit) < 0) return true;
  }
  return unknown ? null : false;
}

/**
 * Whether every version the declaration admits is at least `since`: `true` when all declared
 * ranges admit none below it, `false` when one admits a version below, null when unknown.
 */
export function declarationAtLeast(declaration: DependencyDeclaration, since: string): boolean | null {
  if (declaration.kind !== 'declared') return null;
  let unknown = false;
  for (const { range } of declaration.ranges) {
    const below = rangeAdmitsBelow(range, since);
    if (below === true) return false;
    if (below === null) unknown = true;
  }
  return unknown ? null : true;
}
