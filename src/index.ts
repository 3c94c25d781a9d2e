import type { TSESLint } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import { buildRules, FILES, TEST_FILES, testOverrides, type ConfigName } from './configs/index.js';
import { rules } from './rules/index.js';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** A shared config: one flat-config object, usable alone or spread into an array. */
export interface ApiSecurityConfig extends TSESLint.FlatConfig.Config {
  name: string;
  files: string[];
  plugins: { 'api-security': TSESLint.FlatConfig.Plugin };
  rules: TSESLint.FlatConfig.Rules;
}

export interface ApiSecurityPlugin extends TSESLint.FlatConfig.Plugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: Record<ConfigName, ApiSecurityConfig> & {
    /** The same configs as arrays, with test files exempted from rules that fixtures trip. */
    'flat/recommended': TSESLint.FlatConfig.ConfigArray;
    'flat/strict': TSESLint.FlatConfig.ConfigArray;
    'flat/all': TSESLint.FlatConfig.ConfigArray;
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
    rules: buildRules(name),
  };
}

function makeArray(name: ConfigName): TSESLint.FlatConfig.ConfigArray {
  const overrides = testOverrides(name);
  const array: TSESLint.FlatConfig.ConfigArray = [makeConfig(name)];
  if (Object.keys(overrides).length > 0) {
    array.push({ name: `api-security/${name}/tests`, files: [...TEST_FILES], rules: overrides });
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
