import { defineConfig } from 'vitest/config';

/**
 * ESLINT=9 runs the tests against ESLint 9 (the `eslint9` alias in devDependencies): `eslint` and
 * its subpaths resolve to it, in the tests' imports (the alias) and in CommonJS packages such as
 * @typescript-eslint/rule-tester (tests/eslint9-setup.ts, loaded first).
 */
const eslint9 = process.env.ESLINT === '9';

export default defineConfig({
  resolve: eslint9
    ? {
        alias: [
          { find: /^eslint$/, replacement: 'eslint9' },
          { find: /^eslint\/(.*)$/, replacement: 'eslint9/$1' },
        ],
      }
    : {},
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: eslint9 ? ['tests/eslint9-setup.ts', 'tests/setup.ts'] : ['tests/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
