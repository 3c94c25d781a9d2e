import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

type LanguageOptions = NonNullable<Parameters<RuleTester['run']>[2]['valid'][number] extends infer T ? T extends { languageOptions?: infer L } ? L : never : never>;

/** Plain JavaScript, ES modules, parsed by ESLint's default parser. */
export const esm = { parser: espree, sourceType: 'module' } as unknown as LanguageOptions;

/** Plain JavaScript, CommonJS (`require` declared as a Node global), parsed by ESLint's default parser. */
export const cjs = { parser: espree, sourceType: 'commonjs' } as unknown as LanguageOptions;

/**
 * CommonJS linted as a module with no Node globals: what most flat configs do to `.js` files, where
 * `require` is an undeclared reference.
 */
export const cjsAsModule = { parser: espree, sourceType: 'module' } as unknown as LanguageOptions;

/** TypeScript (the RuleTester default parser is @typescript-eslint/parser). */
export const ts = { sourceType: 'module' } as unknown as LanguageOptions;

/** TypeScript with JSX. */
export const tsx = { parserOptions: { ecmaFeatures: { jsx: true } } } as unknown as LanguageOptions;

/** JavaScript with JSX (front-end files). */
export const jsx = { parser: espree, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } as unknown as LanguageOptions;

/**
 * Runs the same case under several parsers: every invalid case should hold for ESM JS,
 * CommonJS JS and TypeScript.
 */
export function acrossParsers<T extends { code: string; languageOptions?: unknown }>(
  cases: T[],
  parsers: LanguageOptions[] = [esm, ts],
): T[] {
  return cases.flatMap((c) => parsers.map((languageOptions) => ({ ...c, languageOptions })));
}

/**
 * A maker of throw-away projects for rules that read the nearest `package.json`: each call writes
 * `<tmp>/<name>/package.json` declaring `dependencies` and returns the path of a source file in
 * it. The directory is removed after the test file.
 */
export function dependencyProjects(prefix: string): (name: string, dependencies: Record<string, string>) => string {
  const root = mkdtempSync(join(tmpdir(), `${prefix}-`));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return (name, dependencies) => {
    const full = join(root, name, 'package.json');
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, JSON.stringify({ name, dependencies }));
    return join(root, name, 'src', 'app.js');
  };
}
