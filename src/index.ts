import type { ESLint, Linter } from 'eslint';
import { createRequire } from 'node:module';
import { buildRules, FILES, MIGRATION_FILES, migrationOverrides, TEST_FILES, testOverrides, type ConfigName } from './configs/index.js';
import { rules } from './rules/index.js';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** A shared config: one flat-config object, usable alone or spread into an array. */
export type ApiSecurityConfig = Linter.Config & {
  name: string;
  files: string[];
  plugins: Record<string, ESLint.Plugin>;
  rules: Linter.RulesRecord;
};

/** A config array: the shared config, then the test-file overrides. */
export type ApiSecurityConfigArray = Linter.Config[];

export interface ApiSecurityPlugin extends ESLint.Plugin {
  meta: { name: string; version: string };
  rules: NonNullable<ESLint.Plugin['rules']>;
  configs: Record<ConfigName, ApiSecurityConfig> & {
    /** The same configs as arrays, with test files exempted from rules that fixtures trip. */
    'flat/recommended': ApiSecurityConfigArray;
    'flat/strict': ApiSecurityConfigArray;
    'flat/all': ApiSecurityConfigArray;
  };
}

const plugin = {
  meta: { name: pkg.name, version: pkg.version },
  rules,
  configs: {},
} as unknown as ApiSecurityPlugin;

function makeConfig(name: ConfigName): ApiSecurityConfig {
  return {
    name: `api-security/${name}`,
    files: [...FILES],
    plugins: { 'api-security': plugin },
    rules: buildRules(name) as Linter.RulesRecord,
  };
}

function makeArray(name: ConfigName): ApiSecurityConfigArray {
  const overrides = testOverrides(name) as Linter.RulesRecord;
  const array: ApiSecurityConfigArray = [makeConfig(name)];
  if (Object.keys(overrides).length > 0) {
    array.push({ name: `api-security/${name}/tests`, files: [...TEST_FILES], rules: overrides });
  }
  const migrations = migrationOverrides(name) as Linter.RulesRecord;
  if (Object.keys(migrations).length > 0) {
    array.push({ name: `api-security/${name}/migrations`, files: [...MIGRATION_FILES], rules: migrations });
  }
  return array;
}

Object.assign(plugin.configs, {
  recommended: makeConfig('recommended'),
  strict: makeConfig('strict'),
  all: makeConfig('all'),
  'flat/recommended': makeArray('recommended'),
  'flat/strict': makeArray('strict'),
  'flat/all': makeArray('all'),
});

export { plugin as default, plugin as 'module.exports' };
export { rules };
