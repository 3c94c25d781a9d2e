// The three authorization rules over a corpus of small, realistic APIs (one per framework and
// ORM) under tests/fixtures/authz/. Each planted bug carries a trailing `// expect: <rule>` comment;
// the findings must equal the markers exactly, so a miss and a false positive both fail. A bug the
// rules cannot see from one file carries `// known-miss: <rule>` instead: a documented limit, which
// fails the test (to be turned into `expect`) once a rule starts reporting it.
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import noExcessiveDataExposure from '../../src/rules/no-excessive-data-exposure.js';
import noMassAssignment from '../../src/rules/no-mass-assignment.js';
import requireOwnershipCheck from '../../src/rules/require-ownership-check.js';

const rules = {
  'require-ownership-check': requireOwnershipCheck,
  'no-excessive-data-exposure': noExcessiveDataExposure,
  'no-mass-assignment': noMassAssignment,
};
const AUTHZ_RULES = Object.keys(rules);
const ROOT = fileURLToPath(new URL('../fixtures/authz/', import.meta.url));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .filter((file) => /\.(?:[cm]?jsx?|tsx?)$/.test(file))
    .sort();
}

const config: Linter.Config[] = [
  {
    plugins: { 'api-security': { rules } as unknown as NonNullable<Linter.Config['plugins']>[string] },
    rules: Object.fromEntries(AUTHZ_RULES.map((name) => [`api-security/${name}`, 'error'])),
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser as unknown as Linter.Parser } },
  { files: ['**/*.tsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
];

const tsForJs: Linter.Config = {
  files: ['**/*.js', '**/*.jsx', '**/*.cjs', '**/*.mjs'],
  languageOptions: { parser: tsParser as unknown as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
};

/** `// expect: rule-a, rule-b` (or `// known-miss: …`) markers, as `line rule` strings. */
function markers(code: string, kind: 'expect' | 'known-miss'): string[] {
  const found: string[] = [];
  code.split('\n').forEach((text, index) => {
    const marker = new RegExp(`// ${kind}: ([\\w\\s,-]+)$`).exec(text);
    if (!marker) return;
    for (const rule of marker[1]!.split(',').map((r) => r.trim()).filter(Boolean)) found.push(`${index + 1} ${rule}`);
  });
  return found.sort();
}

const files = listFiles(ROOT);
const linter = new Linter({ configType: 'flat' });

describe('authorization rules on the API corpus', () => {
  it('has a corpus for every framework', () => {
    const apps = new Set(files.map((f) => relative(ROOT, f).split(/[\\/]/)[0]));
    expect([...apps].sort()).toEqual([
      'express-controller-class',
      'express-controllers',
      'express-mongoose',
      'express-prisma',
      'express-sequelize',
      'express-typeorm-mikro',
      'fastify-pg-knex',
      'graphql-resolvers',
      'hono-drizzle',
      'koa-router',
      'nest-typeorm',
      'next-app',
      'next-pages',
      'strange',
    ]);
  });

  // JavaScript files also go through @typescript-eslint/parser, as in projects that lint JS with typescript-eslint.
  const runs = files.flatMap((file) => {
    const name = relative(ROOT, file);
    return /\.[cm]?jsx?$/.test(file) ? [[name, file, false], [`${name} (typescript-eslint parser)`, file, true]] : [[name, file, false]];
  }) as [string, string, boolean][];

  it.each(runs)('%s: findings equal the expect markers', (_name, file, viaTs) => {
    const code = readFileSync(file, 'utf8');
    const messages = linter.verify(code, viaTs ? [...config, tsForJs] : config, { filename: file });
    const fatal = messages.filter((m) => m.fatal || m.ruleId === null);
    expect(fatal.map((m) => m.message)).toEqual([]);
    const actual = messages.map((m) => `${m.line} ${(m.ruleId ?? '').replace('api-security/', '')}`).sort();
    expect(actual).toEqual(markers(code, 'expect'));
    expect(markers(code, 'known-miss').filter((m) => actual.includes(m))).toEqual([]);
  });
});
