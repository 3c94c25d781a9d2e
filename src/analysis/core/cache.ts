import type { TSESLint } from '@typescript-eslint/utils';

export type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Every per-file cache's entries for one file, under one key: the file's `SourceCode` object. One
 * weak entry per file, whatever the number of caches (a weak map per cache would give each file one
 * weak entry per cache, and weak entries are dear to create and to collect).
 */
const fileStores = new WeakMap<SourceCode, Map<symbol, unknown>>();

/**
 * A cache whose entries live exactly as long as one linted file: keyed on the file's
 * `SourceCode` object, so nothing is shared between files, workers or `--cache` runs.
 */
export function perFileCache<T>(make: (sourceCode: SourceCode) => T): (sourceCode: SourceCode) => T {
  const slot = Symbol('perFileCache');
  return (sourceCode) => {
    let store = fileStores.get(sourceCode);
    if (store === undefined) {
      store = new Map();
      fileStores.set(sourceCode, store);
    }
    let value = store.get(slot) as T | undefined;
    if (value === undefined) {
      value = make(sourceCode);
      store.set(slot, value);
    }
    return value;
  };
}

/**
 * `compute(node, sourceCode)` remembered per node for the current file. An exception thrown while
 * reading an unexpected shape counts as "no answer" (`null`), so a strange file never crashes a
 * rule.
 */
export function perNodeCache<N extends object, T>(compute: (node: N, sourceCode: SourceCode) => T | null): (node: N, sourceCode: SourceCode) => T | null {
  const files = perFileCache(() => new Map<N, T | null>());
  return (node, sourceCode) => {
    const map = files(sourceCode);
    const known = map.get(node);
    if (known !== undefined) return known;
    let result: T | null;
    try {
      result = compute(node, sourceCode);
    } catch {
      result = null;
    }
    map.set(node, result);
    return result;
  };
}
