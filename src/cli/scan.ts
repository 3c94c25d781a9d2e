import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import plugin from '../index.js';
import type { ApiSecurityDocs } from '../util/create-rule.js';
import { listFiles, UsageError } from './files.js';
import { toSarif, type RuleInfo } from './sarif.js';
import { securitySeverity, severityBand } from './severity.js';

export const HELP = `Usage: eslint-plugin-api-security scan [options] [paths...]

Scans JavaScript and TypeScript files (default path: .) with the plugin's own rules only,
whatever ESLint configuration the project has.

Options:
  --config <name>         recommended (default), strict or all
  --format <name>         stylish (default), json or sarif
  --output <file>         write the report to a file instead of standard output
  --ignore <pattern>      skip files matching a gitignore-style pattern (repeatable)
  --fix                   apply the rules' safe fixes to the files
  --max-warnings <n>      exit with status 1 when there are more than n warnings
                          (files that do not parse are reported as warnings)
  --concurrency <n|auto>  lint files in worker threads (ESLint 9.34 and later)
  -h, --help              show this help
  -v, --version           show the version

Always skipped: node_modules, dist, build, coverage, .next, .git, minified files and what
.gitignore files list. Test files (*.test.*, *.spec.*, __tests__) and migrations get the
same exemptions as the plugin's flat/* configs.

Exit status: 0 no findings, 1 findings (or more warnings than --max-warnings), 2 usage error
or internal failure.`;

const CONFIGS = ['recommended', 'strict', 'all'] as const;
type ConfigName = (typeof CONFIGS)[number];
const FORMATS = ['stylish', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export interface ScanOptions {
  config: ConfigName;
  format: Format;
  output?: string;
  ignore: string[];
  fix: boolean;
  maxWarnings?: number;
  concurrency?: number | 'auto';
  paths: string[];
}

export function parseCommand(argv: readonly string[]): ScanOptions | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        ignore: { type: 'string', multiple: true },
        fix: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, ...paths] = positionals;
  if (command !== 'scan') throw new UsageError(command === undefined ? 'Missing command: use `scan [paths...]`.' : `Unknown command '${command}': use \`scan [paths...]\`.`);
  const config = values.config ?? 'recommended';
  if (!(CONFIGS as readonly string[]).includes(config)) throw new UsageError(`--config must be one of ${CONFIGS.join(', ')}, got '${config}'.`);
  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${format}'.`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings must be a whole number, got '${values['max-warnings']}'.`);
  }
  let concurrency: number | 'auto' | undefined;
  if (values.concurrency !== undefined) {
    concurrency = values.concurrency === 'auto' ? 'auto' : Number(values.concurrency);
    if (concurrency !== 'auto' && (!Number.isInteger(concurrency) || concurrency < 1)) throw new UsageError(`--concurrency must be a positive whole number or auto, got '${values.concurrency}'.`);
  }
  return { config: config as ConfigName, format: format as Format, output: values.output, ignore: values.ignore ?? [], fix: values.fix ?? false, maxWarnings, concurrency, paths: paths.length > 0 ? paths : ['.'] };
}

const JS = ['**/*.js', '**/*.jsx'];

/** The only configuration the scan uses: parsers per extension, then the plugin's flat/* preset. */
export function scanConfig(config: ConfigName, jsSourceType: 'module' | 'commonjs'): Linter.Config[] {
  return [
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
    { files: [...JS, '**/*.mjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: JS, languageOptions: { sourceType: jsSourceType } },
    { files: ['**/*.cjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
    { files: ['**/*.ts', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' } },
    { files: ['**/*.tsx'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
    ...plugin.configs[`flat/${config}`],
  ];
}

function ruleInfos(): Map<string, RuleInfo> {
  const infos = new Map<string, RuleInfo>();
  for (const [name, rule] of Object.entries(plugin.rules)) {
    const docs = (rule.meta?.docs ?? {}) as Partial<ApiSecurityDocs> & { url?: string };
    infos.set(`api-security/${name}`, { id: `api-security/${name}`, description: docs.description ?? name, url: docs.url, cwe: docs.cwe, owasp: docs.owasp ?? [] });
  }
  return infos;
}

/** Keeps the plugin's findings and parse failures (as warnings); drops what other rules' comments cause. */
function clean(result: ESLint.LintResult): ESLint.LintResult {
  const messages = result.messages
    .filter((m) => m.fatal || m.ruleId?.startsWith('api-security/'))
    .map((m): Linter.LintMessage => {
      if (!m.fatal) return m;
      const { fatal: _fatal, ...rest } = m; // shown as a warning, not as a fatal error
      return { ...rest, severity: 1 };
    });
  const errorCount = messages.filter((m) => m.severity === 2).length;
  return {
    ...result,
    messages,
    errorCount,
    fatalErrorCount: 0,
    warningCount: messages.length - errorCount,
    fixableErrorCount: messages.filter((m) => m.severity === 2 && m.fix).length,
    fixableWarningCount: messages.filter((m) => m.severity === 1 && m.fix).length,
    suppressedMessages: [],
  };
}

function summary(results: readonly ESLint.LintResult[], infos: ReadonlyMap<string, RuleInfo>, scanned: number, minified: number): string {
  const byRule = new Map<string, number>();
  let parseFailures = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.ruleId) byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);
      else parseFailures += 1;
    }
  }
  const lines: string[] = [];
  const total = [...byRule.values()].reduce((a, b) => a + b, 0);
  lines.push(`api-security scan: ${scanned} file${scanned === 1 ? '' : 's'} scanned, ${total} finding${total === 1 ? '' : 's'}.`);
  if (total > 0) {
    const rows = [...byRule].map(([rule, count]) => {
      const score = securitySeverity(infos.get(rule)?.cwe);
      return { rule, count, score, band: severityBand(score) };
    });
    rows.sort((a, b) => b.score - a.score || b.count - a.count || (a.rule < b.rule ? -1 : 1));
    const width = Math.max(...rows.map((r) => r.rule.length));
    for (const row of rows) lines.push(`  ${row.band.padEnd(8)} ${row.rule.padEnd(width)}  ${row.count}`);
    const bands = new Map<string, number>();
    for (const row of rows) bands.set(row.band, (bands.get(row.band) ?? 0) + row.count);
    lines.push(`  by severity: ${['critical', 'high', 'medium', 'low'].filter((b) => bands.has(b)).map((b) => `${bands.get(b)} ${b}`).join(', ')}`);
  }
  if (parseFailures > 0) lines.push(`${parseFailures} file${parseFailures === 1 ? '' : 's'} could not be parsed (listed above as warnings).`);
  if (minified > 0) lines.push(`${minified} minified file${minified === 1 ? '' : 's'} skipped.`);
  return lines.join('\n') + '\n';
}

interface Streams {
  stdout: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  stderr: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
}

/** Runs the scan; resolves to the exit status. */
export async function scan(options: ScanOptions, cwd: string, streams: Streams): Promise<number> {
  const { files, minified } = listFiles(cwd, options.paths, options.ignore);
  const eslintOptions = (sourceType: 'module' | 'commonjs'): ESLint.Options => ({
    cwd,
    overrideConfigFile: true,
    overrideConfig: scanConfig(options.config, sourceType),
    ignore: false,
    errorOnUnmatchedPattern: false,
    fix: options.fix,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
  } as ESLint.Options);
  const eslint = new ESLint(eslintOptions('module'));

  const started = Date.now();
  const progress = streams.stderr.isTTY === true;
  let results: ESLint.LintResult[] = [];
  if (files.length > 0) {
    if (progress) {
      const size = Math.max(25, Math.ceil(files.length / 40));
      let shown = false;
      for (let i = 0; i < files.length; i += size) {
        results.push(...(await eslint.lintFiles(files.slice(i, i + size))));
        if (Date.now() - started > 1000) {
          streams.stderr.write(`\rscanning: ${Math.min(i + size, files.length)}/${files.length} files`);
          shown = true;
        }
      }
      if (shown) streams.stderr.write('\r\x1b[K');
    } else {
      results = await eslint.lintFiles(files);
    }
  }

  // CommonJS fallback: a .js/.jsx file that is not valid as a module (with, octal literals,
  // top-level return, reserved words as names) is parsed again as a script.
  const retry = results.filter((r) => r.fatalErrorCount > 0 && /\.jsx?$/.test(r.filePath)).map((r) => r.filePath);
  if (retry.length > 0) {
    const again = new Map((await new ESLint(eslintOptions('commonjs')).lintFiles(retry)).map((r) => [r.filePath, r]));
    results = results.map((r) => {
      const other = again.get(r.filePath);
      return other && other.fatalErrorCount === 0 ? other : r;
    });
  }

  results = results.map(clean);
  if (options.fix) await ESLint.outputFixes(results);

  const infos = ruleInfos();
  let report: string;
  if (options.format === 'sarif') {
    report = JSON.stringify(toSarif(results, infos, cwd, plugin.meta.version), null, 2) + '\n';
  } else {
    const formatter = await eslint.loadFormatter(options.format);
    report = await formatter.format(results, { cwd, rulesMeta: eslint.getRulesMetaForResults(results) } as Parameters<typeof formatter.format>[1]);
    if (options.format === 'stylish') {
      const colour = options.output === undefined && streams.stdout.isTTY === true && !process.env.NO_COLOR;
      if (!colour) report = stripVTControlCharacters(report);
      report += (report.trim() ? '' : '\n') + summary(results, infos, files.length, minified.length);
    }
  }
  if (options.output !== undefined) {
    const target = path.resolve(cwd, options.output);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, report);
  } else {
    streams.stdout.write(report);
  }

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return 1;
  return 0;
}

/** The command line: resolves to the exit status, never throws. */
export async function main(argv: readonly string[], cwd = process.cwd(), streams: Streams = process): Promise<number> {
  try {
    const command = parseCommand(argv);
    if (command === 'help') {
      streams.stdout.write(HELP + '\n');
      return 0;
    }
    if (command === 'version') {
      streams.stdout.write(`${plugin.meta.version}\n`);
      return 0;
    }
    return await scan(command, cwd, streams);
  } catch (error) {
    if (error instanceof UsageError) {
      streams.stderr.write(`eslint-plugin-api-security: ${error.message}\nRun with --help for the options.\n`);
    } else {
      streams.stderr.write(`eslint-plugin-api-security: internal error: ${(error as Error).stack ?? String(error)}\n`);
    }
    return 2;
  }
}
