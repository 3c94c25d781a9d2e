// Every rule, with its default options, over a fixed slice of real third-party server code
// (express, koa, jsonwebtoken, fastify, knex, sequelize, typeorm), parsed by espree and by
// @typescript-eslint/parser (as projects that lint JavaScript with typescript-eslint do): no rule
// may crash, and every autofix and suggestion must leave code that still parses.
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import * as espree from 'espree';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assertNothingIgnored,
  corpusConfigs,
  listCorpus,
  PROJECT_ROOT,
  SMOKE_LINES_PER_PACKAGE,
  type CorpusFile,
} from '../../scripts/corpus.mjs';
import plugin from '../../src/index.js';

const corpus = listCorpus({ linesPerPackage: SMOKE_LINES_PER_PACKAGE });
// @typescript-eslint/parser is several times slower than espree: a third of the slice is enough to
// meet the other AST shapes it produces.
const tsCorpus = listCorpus({ linesPerPackage: Math.round(SMOKE_LINES_PER_PACKAGE / 3) });
const byPath = new Map<string, CorpusFile>(corpus.files.map((f) => [f.path, f]));

const everyRuleWithDefaults: Linter.RulesRecord = Object.fromEntries(
  Object.keys(plugin.rules).map((name) => [`api-security/${name}`, 'error']),
);

const PARSERS = [
  {
    label: 'espree',
    corpus,
    config: null,
    parse: (code: string, file: CorpusFile) =>
      espree.parse(code, { ecmaVersion: 'latest', sourceType: file.sourceType, range: true, loc: true }),
  },
  {
    label: '@typescript-eslint/parser',
    corpus: tsCorpus,
    config: {
      name: 'smoke/typescript-parser',
      files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
    } satisfies Linter.Config,
    parse: (code: string, file: CorpusFile) =>
      tsParser.parse(code, { sourceType: file.sourceType === 'module' ? 'module' : 'script', range: true, loc: true }),
  },
];

it('has the corpus installed', () => {
  expect(corpus.missing, 'dev dependencies that hold the corpus are missing: run `npm ci`').toEqual([]);
  expect(corpus.files.length).toBeGreaterThan(50);
});

describe.each(PARSERS)(
  'every rule on real code ($corpus.files.length files, $corpus.lines lines) parsed by $label',
  ({ corpus, config, parse }) => {
    let results: ESLint.LintResult[] = [];
    let crash: unknown;

    function parseError(code: string, file: CorpusFile): string | null {
      try {
        parse(code, file);
        return null;
      } catch (error) {
        return `${file.relativePath}: ${(error as Error).message}`;
      }
    }

    beforeAll(async () => {
      const eslint = new ESLint({
        cwd: PROJECT_ROOT,
        overrideConfigFile: true,
        cache: false,
        fix: true,
        overrideConfig: [
          ...corpusConfigs(corpus),
          ...(config ? [config] : []),
          { plugins: { 'api-security': plugin as unknown as ESLint.Plugin }, rules: everyRuleWithDefaults },
        ],
      });
      try {
        results = await eslint.lintFiles(corpus.files.map((f) => f.path));
      } catch (error) {
        crash = error;
      }
    });

    it('lints every file without a rule crashing', () => {
      // A rule that throws makes ESLint reject with "Error while linting <file> … Rule: <id>".
      expect(crash, crash instanceof Error ? crash.stack : String(crash)).toBeUndefined();
      assertNothingIgnored(results);
      expect(results).toHaveLength(corpus.files.length);
    });

    it('reports no fatal error (the corpus parses, and every fix kept it parsing)', () => {
      const fatal = results.flatMap((r) =>
        r.messages.filter((m) => m.fatal).map((m) => `${r.filePath}:${m.line}:${m.column} ${m.message}`),
      );
      expect(fatal).toEqual([]);
    });

    it('leaves parseable code after every autofix', () => {
      const fixed = results.filter((r) => r.output !== undefined);
      const broken = fixed.map((r) => parseError(r.output!, byPath.get(r.filePath)!)).filter((e) => e !== null);
      expect(broken).toEqual([]);
    });

    it('leaves parseable code after every suggestion', () => {
      const broken: string[] = [];
      for (const result of results) {
        const file = byPath.get(result.filePath)!;
        // With `fix: true` the remaining messages refer to the fixed text.
        const text = result.output ?? result.source ?? readFileSync(result.filePath, 'utf8');
        for (const message of result.messages) {
          for (const suggestion of message.suggestions ?? []) {
            const [start, end] = suggestion.fix.range;
            const code = text.slice(0, start) + suggestion.fix.text + text.slice(end);
            const error = parseError(code, file);
            if (error) broken.push(`${message.ruleId} suggestion "${suggestion.desc}" at line ${message.line}: ${error}`);
          }
        }
      }
      expect(broken).toEqual([]);
    });
  },
);
