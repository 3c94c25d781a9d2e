import type { TSESLint } from '@typescript-eslint/utils';

export type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * A cache whose entries live exactly as long as one linted file: keyed on the file's
 * `SourceCode` object, so nothing is shared between files, workers or `--cache` runs.
 */
export function perFileCache<T>(make: (sourceCode: SourceCode) => T): (sourceCode: SourceCode) => T {
  const store = new WeakMap<SourceCode, T>();
  return (sourceCode) => {
    let value = store.get(sourceCode);
    if (value === undefined) {
      value = make(sourceCode);
      store.set(sourceCode, value);
    }
    return value;
  };
}
