// The built package, installed as a dependency: it loads through `import` and `require()`, its
// meta matches package.json, and ESLint 10 and 9 load it from a user's eslint.config file.
// The package is built here, into a scratch install under node_modules/.cache (so the shared
// dist/ is never touched and the plugin's own dependencies resolve from node_modules).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as {
  name: string;
  version: string;
  exports: Record<string, Record<string, string> | string>;
};
const scratch = join(root, 'node_modules', '.cache', `api-security-package-test-${process.pid}`);
const installed = join(scratch, 'node_modules', pkg.name);
const ruleNames = Object.keys(rules).sort();

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  copyFileSync(join(root, 'package.json'), join(installed, 'package.json'));
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', join(installed, 'dist')], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc -p tsconfig.build.json failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('the built package', () => {
  it('has every file package.json exports', () => {
    const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
    for (const target of targets) expect(existsSync(join(installed, target)), target).toBe(true);
  });

  it('loads with require(), giving the plugin itself', () => {
    const out = node([
      '-e',
      `const p = require(${JSON.stringify(pkg.name)});
       console.log(JSON.stringify({ meta: p.meta, rules: Object.keys(p.rules).sort(), configs: Object.keys(p.configs).sort(), hasDefault: 'default' in p }));`,
    ]);
    const loaded = JSON.parse(out) as { meta: unknown; rules: string[]; configs: string[]; hasDefault: boolean };
    expect(loaded.meta).toEqual({ name: pkg.name, version: pkg.version });
    expect(loaded.rules).toEqual(ruleNames);
    expect(loaded.configs).toEqual(['all', 'flat/all', 'flat/recommended', 'flat/strict', 'recommended', 'strict']);
    expect(loaded.hasDefault).toBe(false);
  });

  it('loads with import, and the default export is the object require() gives', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `import { createRequire } from 'node:module';
       const { default: p } = await import(${JSON.stringify(pkg.name)});
       const required = createRequire(process.cwd() + '/')(${JSON.stringify(pkg.name)});
       console.log(JSON.stringify({ meta: p.meta, rules: Object.keys(p.rules).sort(), same: p === required }));`,
    ]);
    const loaded = JSON.parse(out) as { meta: unknown; rules: string[]; same: boolean };
    expect(loaded.meta).toEqual({ name: pkg.name, version: pkg.version });
    expect(loaded.rules).toEqual(ruleNames);
    expect(loaded.same).toBe(true);
  });

  const CONFIG_FILES = {
    'object.config.mjs': `import apiSecurity from '${pkg.name}';\nexport default [apiSecurity.configs.recommended];\n`,
    'spread.config.mjs': `import apiSecurity from '${pkg.name}';\nexport default [...apiSecurity.configs['flat/recommended']];\n`,
    'require.config.cjs': `const apiSecurity = require('${pkg.name}');\nmodule.exports = [...apiSecurity.configs['flat/all']];\n`,
  };
  const CODE = `import { Pool } from 'pg';
const pool = new Pool();
export const find = (req) => pool.query("SELECT * FROM users WHERE id = '" + req.params.id + "'");
`;

  describe.each([
    { label: `ESLint ${ESLint.version}`, Eslint: ESLint },
    { label: `ESLint ${ESLint9.version}`, Eslint: ESLint9 as unknown as typeof ESLint },
  ])('$label with a user config file', ({ Eslint }) => {
    it.each(Object.keys(CONFIG_FILES))('%s', async (file) => {
      writeFileSync(join(scratch, file), CONFIG_FILES[file as keyof typeof CONFIG_FILES]);
      const eslint = new Eslint({ cwd: scratch, overrideConfigFile: file });
      const [result] = await eslint.lintText(CODE, { filePath: join(scratch, 'src', 'users.js') });
      expect(result!.messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
      expect(result!.messages.map((m) => m.ruleId)).toContain('api-security/no-sql-injection');
    });
  });
});
