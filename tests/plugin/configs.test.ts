// The shared configs load and lint in ESLint 10 and ESLint 9, used as an object
// (`[apiSecurity.configs.recommended]`) or spread (`[...apiSecurity.configs['flat/recommended']]`),
// and the `flat/*` arrays exempt test files from the rules whose findings there are fixtures.
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { describe, expect, it } from 'vitest';
import { FILES, MIGRATION_FILES, migrationOverrides, TEST_FILES, testOverrides } from '../../src/configs/index.js';
import plugin from '../../src/index.js';

type ConfigName = 'recommended' | 'strict' | 'all';
const NAMES: ConfigName[] = ['recommended', 'strict', 'all'];

/** Request data concatenated into SQL: no-sql-injection reports it in every config. */
const JS = `import { Pool } from 'pg';
const pool = new Pool();
export async function findUser(req, res) {
  const { rows } = await pool.query("SELECT * FROM users WHERE name = '" + req.query.name + "'");
  res.json(rows);
}
`;
const TS = `import { Pool } from 'pg';
import type { Request, Response } from 'express';
const pool = new Pool();
export async function findUser(req: Request, res: Response): Promise<void> {
  const { rows } = await pool.query("SELECT * FROM users WHERE name = '" + (req.query.name as string) + "'");
  res.json(rows satisfies unknown[]);
}
`;
const SQL_RULE = 'api-security/no-sql-injection';

const ESLINTS = [
  { label: `ESLint ${ESLint.version}`, ESLint },
  { label: `ESLint ${ESLint9.version}`, ESLint: ESLint9 as unknown as typeof ESLint },
];

/** The two ways a user writes the config into eslint.config.js. */
function userConfigs(name: ConfigName): { form: string; config: Linter.Config[] }[] {
  return [
    { form: `[apiSecurity.configs.${name}]`, config: [plugin.configs[name] as unknown as Linter.Config] },
    {
      form: `[...apiSecurity.configs['flat/${name}']]`,
      config: [...(plugin.configs[`flat/${name}`] as unknown as Linter.Config[])],
    },
  ];
}

const withTypeScript: Linter.Config = {
  files: ['**/*.ts'],
  languageOptions: { parser: tsParser as unknown as Linter.Parser },
};

async function lint(Eslint: typeof ESLint, config: Linter.Config[], code: string, filePath: string) {
  const eslint = new Eslint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: config });
  const [result] = await eslint.lintText(code, { filePath });
  return result!;
}

describe.each(ESLINTS)('$label', ({ ESLint: Eslint }) => {
  describe.each(NAMES)('config %s', (name) => {
    it.each(userConfigs(name))('lints JavaScript as $form', async ({ config }) => {
      const result = await lint(Eslint, config, JS, 'src/routes/users.js');
      expect(result.messages.filter((m) => m.fatal)).toEqual([]);
      expect(result.messages.map((m) => m.ruleId)).toContain(SQL_RULE);
    });

    it.each(userConfigs(name))('lints TypeScript (with @typescript-eslint/parser) as $form', async ({ config }) => {
      const result = await lint(Eslint, [withTypeScript, ...config], TS, 'src/routes/users.ts');
      expect(result.messages.filter((m) => m.fatal)).toEqual([]);
      expect(result.messages.map((m) => m.ruleId)).toContain(SQL_RULE);
    });

    it('turns on exactly the rules it lists', async () => {
      const eslint = new Eslint({ overrideConfigFile: true, overrideConfig: [plugin.configs[name] as unknown as Linter.Config] });
      const calculated = (await eslint.calculateConfigForFile('src/app.ts')) as Linter.Config;
      const on = Object.entries(calculated.rules ?? {}).filter(([, entry]) => severity(entry) > 0);
      expect(on.map(([rule]) => rule).sort()).toEqual(Object.keys(plugin.configs[name].rules).sort());
    });
  });
});

function severity(entry: unknown): number {
  const level = Array.isArray(entry) ? entry[0] : entry;
  return level === 'error' || level === 2 ? 2 : level === 'warn' || level === 1 ? 1 : 0;
}

describe('config shapes', () => {
  it.each(NAMES)('%s is one named flat-config object for the source files', (name) => {
    const config = plugin.configs[name];
    expect(config.name).toBe(`api-security/${name}`);
    expect(config.files).toEqual(FILES);
    expect(config.plugins['api-security']).toBe(plugin);
    expect(Array.isArray(config)).toBe(false);
  });

  it.each(NAMES)('flat/%s starts with the same config', (name) => {
    const array = plugin.configs[`flat/${name}`];
    expect(Array.isArray(array)).toBe(true);
    expect(array[0]).toEqual(plugin.configs[name]);
  });
});

describe.each(NAMES)('test-file override in flat/%s', (name) => {
  const array = plugin.configs[`flat/${name}`];
  const overrides = testOverrides(name);
  const off = Object.keys(overrides);
  const base = Object.keys(plugin.configs[name].rules);

  it('is present exactly when the config holds a rule to exempt, and only turns rules off', () => {
    const found = array.filter((c) => c.name === `api-security/${name}/tests`);
    if (off.length === 0) {
      expect(found).toHaveLength(0);
      return;
    }
    expect(found).toHaveLength(1);
    expect(array[1]).toBe(found[0]);
    const override = found[0]!;
    expect(override.name).toBe(`api-security/${name}/tests`);
    expect(override.files).toEqual(TEST_FILES);
    expect(override.rules).toEqual(overrides);
    for (const [rule, entry] of Object.entries(override.rules ?? {})) {
      expect(entry, rule).toBe('off');
      expect(base, `${rule} is turned off in tests but not on in ${name}`).toContain(rule);
    }
  });

  const TEST_PATHS = ['src/users.test.ts', 'src/users.spec.js', 'test/app.test.mjs', 'src/__tests__/users.ts'];
  const SOURCE_PATHS = ['src/users.ts', 'src/testing.js', 'src/contest/users.js'];

  it.each(ESLINTS)('$label applies it to test files only', async ({ ESLint: Eslint }) => {
    const eslint = new Eslint({ overrideConfigFile: true, overrideConfig: [...(array as unknown as Linter.Config[])] });
    const enabled = async (path: string) => {
      const config = (await eslint.calculateConfigForFile(path)) as Linter.Config;
      return Object.entries(config.rules ?? {})
        .filter(([, entry]) => severity(entry) > 0)
        .map(([rule]) => rule)
        .sort();
    };
    for (const path of SOURCE_PATHS) expect(await enabled(path), path).toEqual([...base].sort());
    const expected = base.filter((rule) => !off.includes(rule)).sort();
    for (const path of TEST_PATHS) expect(await enabled(path), path).toEqual(expected);
  });
});

describe.each(NAMES)('migration override in flat/%s', (name) => {
  const array = plugin.configs[`flat/${name}`];
  const off = Object.keys(migrationOverrides(name));
  const base = Object.keys(plugin.configs[name].rules);

  it('turns no-sql-injection off in migrations for recommended only', () => {
    expect(off).toEqual(name === 'recommended' ? ['api-security/no-sql-injection'] : []);
    const found = array.filter((c) => c.name === `api-security/${name}/migrations`);
    expect(found).toHaveLength(off.length > 0 ? 1 : 0);
    if (found[0]) expect(found[0].files).toEqual(MIGRATION_FILES);
  });

  it.each(ESLINTS)('$label applies it to migration files only', async ({ ESLint: Eslint }) => {
    const eslint = new Eslint({ overrideConfigFile: true, overrideConfig: [...(array as unknown as Linter.Config[])] });
    const enabled = async (path: string) => {
      const config = (await eslint.calculateConfigForFile(path)) as Linter.Config;
      return Object.entries(config.rules ?? {})
        .filter(([, entry]) => severity(entry) > 0)
        .map(([rule]) => rule)
        .sort();
    };
    const expected = base.filter((rule) => !off.includes(rule)).sort();
    for (const path of ['db/migrations/20240101-add-index.js', 'src/database/migrations/1700000000000-Init.ts', 'seeders/users.js']) {
      expect(await enabled(path), path).toEqual(expected);
    }
    for (const path of ['src/migrations.ts', 'src/db/migrate.js']) expect(await enabled(path), path).toEqual([...base].sort());
  });
});
