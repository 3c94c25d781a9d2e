// Types of scripts/corpus.mjs, for the TypeScript tests that import it.
import type { ESLint, Linter } from 'eslint';

export declare const PROJECT_ROOT: string;
export declare const MAX_FILE_BYTES: number;
export declare const SMOKE_LINES_PER_PACKAGE: number;
export declare const CORPUS_PACKAGES: readonly { name: string; paths: readonly string[] }[];
export declare const NODE_GLOBALS: Record<string, 'readonly'>;

export interface CorpusFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the corpus root, with forward slashes. */
  relativePath: string;
  package: string;
  sourceType: 'module' | 'commonjs';
  lines: number;
}

export interface Corpus {
  root: string;
  files: CorpusFile[];
  packages: { name: string; version: string; files: number; lines: number }[];
  missing: string[];
  lines: number;
}

export declare function listCorpus(options?: { root?: string; linesPerPackage?: number }): Corpus;
export declare function corpusConfigs(corpus: Corpus): Linter.Config[];
export declare function assertNothingIgnored(results: ESLint.LintResult[]): void;
