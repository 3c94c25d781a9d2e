import type { Ignore } from 'ignore';
import { createRequire } from 'node:module';
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ignore = createRequire(import.meta.url)('ignore') as () => Ignore;

export const EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.jsx', '.ts', '.cts', '.mts', '.tsx']);

/** Directories never scanned: dependencies, build output, caches, version control. */
export const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'coverage', '.next', '.git']);

const MINIFIED_NAME = /[.-]min\.[cm]?js$|\.bundle\.[cm]?js$/;

/**
 * A minified or bundled file: the first 16 KiB hold a line longer than 1,000 characters and
 * average more than 300 characters a line. Source code a person writes never looks like that.
 */
export function looksMinified(file: string): boolean {
  if (MINIFIED_NAME.test(path.basename(file))) return true;
  const buffer = Buffer.alloc(16_384);
  const fd = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  const text = buffer.toString('utf8', 0, length);
  const lines = text.split('\n');
  const longest = Math.max(...lines.map((line) => line.length));
  return longest > 1000 && text.length / lines.length > 300;
}

function gitignoreAt(directory: string): Ignore | undefined {
  const file = path.join(directory, '.gitignore');
  if (!existsSync(file)) return undefined;
  return ignore().add(readFileSync(file, 'utf8'));
}

export interface Listing {
  files: string[];
  /** Files skipped because they look minified. */
  minified: string[];
}

/**
 * The JS/TS files under `targets` (files or directories, relative to `cwd`), without the skipped
 * directories, minified files, what `.gitignore` files (at `cwd` and below) list, and what matches
 * one of `patterns` (gitignore syntax, relative to `cwd`).
 */
export function listFiles(cwd: string, targets: readonly string[], patterns: readonly string[]): Listing {
  const extra = ignore().add([...patterns]);
  const files = new Set<string>();
  const minified: string[] = [];
  const ignored = (absolute: string, directory: boolean, scopes: readonly [string, Ignore][]): boolean => {
    const fromCwd = path.relative(cwd, absolute).split(path.sep).join('/');
    if (fromCwd && !fromCwd.startsWith('..') && extra.ignores(directory ? `${fromCwd}/` : fromCwd)) return true;
    for (const [base, rules] of scopes) {
      const relative = path.relative(base, absolute).split(path.sep).join('/');
      if (relative && !relative.startsWith('..') && rules.ignores(directory ? `${relative}/` : relative)) return true;
    }
    return false;
  };
  const add = (file: string): void => {
    if (!EXTENSIONS.has(path.extname(file)) || file.endsWith('.d.ts') || file.endsWith('.d.mts') || file.endsWith('.d.cts')) return;
    if (looksMinified(file)) minified.push(file);
    else files.add(file);
  };
  const walk = (directory: string, scopes: readonly [string, Ignore][]): void => {
    const own = gitignoreAt(directory);
    const here = own ? [...scopes, [directory, own] as [string, Ignore]] : scopes;
    const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || ignored(absolute, true, here)) continue;
        walk(absolute, here);
      } else if (entry.isFile() && !ignored(absolute, false, here)) {
        add(absolute);
      }
    }
  };
  const rootIgnore = gitignoreAt(cwd);
  const rootScopes: [string, Ignore][] = rootIgnore ? [[cwd, rootIgnore]] : [];
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    const stat = statSync(absolute, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`No such file or directory: ${target}`);
    if (stat.isDirectory()) {
      // .gitignore files between cwd and the target apply too; the target's own is read by walk.
      const scopes = [...rootScopes];
      const relative = path.relative(cwd, absolute);
      if (relative && !relative.startsWith('..')) {
        let current = cwd;
        for (const part of relative.split(path.sep).slice(0, -1)) {
          current = path.join(current, part);
          const rules = gitignoreAt(current);
          if (rules) scopes.push([current, rules]);
        }
      }
      walk(absolute, absolute === cwd ? [] : scopes);
    } else {
      add(absolute); // a file named on the command line is scanned even when an ignore rule lists it
    }
  }
  return { files: [...files], minified };
}

/** A mistake in how the command was called: exit status 2 with the message. */
export class UsageError extends Error {}
