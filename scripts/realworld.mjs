// The real-app precision harness. Downloads pinned tarballs of real open-source Node applications
// (tests/realworld/apps.json) with `npm pack` into a git-ignored cache (integrity checked; nothing
// is installed and no install script runs), lints their server code with the plugin's
// `flat/recommended` and `flat/all` configs, and compares every finding with the committed triage
// (tests/realworld/triage.json). Prints lines linted, findings per 1,000 lines and judged
// precision (true / (true + false)), overall and per rule.
//
// Fails (exit 1) when a finding is not in the triage file, when a triaged finding is gone without
// its entry being updated, or when an entry is still "untriaged". Exit 2: download, integrity or
// parse failure.
//
//   node scripts/realworld.mjs [--config recommended|all|both] [--app <name>] [--rule <name>[,<name>…]] [--update] [--json <file>]
//
// --update writes the triage file: new findings are added as "untriaged" (to be read and judged),
// vanished ones are dropped (and listed), so that every change is visible in the diff.
// --rule keeps only the named rules' findings and triage entries (the others are left as they are).
import tsParser from '@typescript-eslint/parser';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { MAX_FILE_BYTES, NODE_GLOBALS, PROJECT_ROOT } from './corpus.mjs';

const run = promisify(execFile);

// ESLINT=9 runs the harness with ESLint 9 (the `eslint9` alias in devDependencies).
const { ESLint } = await import(process.env.ESLINT === '9' ? 'eslint9' : 'eslint');

// Some apps ship a legacy `.eslintignore`; ESLint warns about it once per instance. The harness
// lints with its own ignores, so that warning is noise here.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'ESLintIgnoreWarning') console.error(warning);
});
const APPS_FILE = join(PROJECT_ROOT, 'tests/realworld/apps.json');
const TRIAGE_FILE = join(PROJECT_ROOT, 'tests/realworld/triage.json');
const CACHE = process.env.REALWORLD_CACHE ?? join(PROJECT_ROOT, '.cache/realworld');
const CONFIGS = ['recommended', 'all'];
const VERDICTS = new Set(['true', 'false', 'debatable', 'untriaged']);

const EXTENSIONS = /\.(?:js|cjs|mjs|ts|cts|mts)$/;
/** Not server code anyone wrote by hand for the app: tests, fixtures, bundles, declarations, vendored code. */
const SKIPPED_FILE = /(?:\.min\.js|\.d\.[cm]?ts|\.(?:test|spec)\.[cm]?[jt]s|\.bundle\.js)$/;
const SKIPPED_DIR = new Set(['node_modules', 'test', 'tests', '__tests__', '__mocks__', 'fixtures', 'e2e', 'vendor', 'public', 'static']);

function parseArgs(argv) {
  const args = { config: 'both', app: null, rules: null, update: false, json: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--config') args.config = argv[++i];
    else if (arg === '--all') args.config = 'both';
    else if (arg === '--app') args.app = argv[++i];
    else if (arg === '--rule') args.rules = new Set((argv[++i] ?? '').split(',').filter(Boolean));
    else if (arg === '--update') args.update = true;
    else if (arg === '--json') args.json = argv[++i];
    else usage(`unknown argument ${arg}`);
  }
  if (!['recommended', 'all', 'both'].includes(args.config)) usage(`--config must be recommended, all or both, not ${args.config}`);
  return args;
}

function usage(message) {
  console.error(`realworld: ${message}\nusage: node scripts/realworld.mjs [--config recommended|all|both] [--app <name>] [--rule <name>[,<name>…]] [--update] [--json <file>]`);
  process.exit(2);
}

const slug = (app) => `${app.name.replace(/^@/, '').replace(/\//g, '-')}-${app.version}`;

function sha512(path) {
  return `sha512-${createHash('sha512').update(readFileSync(path)).digest('base64')}`;
}

/** Fetches and unpacks one app into the cache; returns the folder holding its package.json. */
async function fetchApp(app) {
  mkdirSync(CACHE, { recursive: true });
  const dir = join(CACHE, slug(app));
  const tarball = join(CACHE, `${slug(app)}.tgz`);
  const root = join(dir, 'package');
  if (existsSync(join(dir, '.complete'))) return root;
  if (!existsSync(tarball) || sha512(tarball) !== app.integrity) {
    const tmp = join(CACHE, `.download-${slug(app)}`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const { stdout } = await run('npm', ['pack', `${app.name}@${app.version}`, '--pack-destination', tmp, '--ignore-scripts', '--json', '--silent'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const [packed] = JSON.parse(stdout);
    renameSync(join(tmp, packed.filename), tarball);
    rmSync(tmp, { recursive: true, force: true });
  }
  const actual = sha512(tarball);
  if (actual !== app.integrity) {
    rmSync(tarball, { force: true });
    throw new Error(`${app.name}@${app.version}: integrity mismatch (expected ${app.integrity}, got ${actual})`);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', dir, '--no-same-owner']);
  writeFileSync(join(dir, '.complete'), `${app.integrity}\n`);
  return root;
}

function globToRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

function lineCount(text) {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/** The app's server files, relative to its root, in a fixed order. */
function listFiles(app, root) {
  const ignore = (app.ignore ?? []).map(globToRegExp);
  const files = [];
  const walk = (rel) => {
    const full = join(root, rel);
    if (!existsSync(full)) throw new Error(`${app.name}: path ${rel} is not in the package`);
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(full).sort()) {
        if (entry.startsWith('.') || SKIPPED_DIR.has(entry)) continue;
        walk(rel ? `${rel}/${entry}` : entry);
      }
    } else if (EXTENSIONS.test(rel) && !SKIPPED_FILE.test(rel) && stat.size <= MAX_FILE_BYTES && !ignore.some((re) => re.test(rel))) {
      files.push(rel);
    }
  };
  for (const path of app.paths) walk(path);
  return [...new Set(files)];
}

async function loadPlugin() {
  const dist = join(PROJECT_ROOT, 'dist/index.js');
  if (!existsSync(dist)) usage('dist/ is missing: run `npm run build` first');
  return (await import(dist)).default;
}

function makeLinter(plugin, config, root, jsSourceType) {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    ignore: false,
    overrideConfig: [
      {
        files: ['**/*.{js,cjs,mjs,ts,cts,mts}'],
        languageOptions: { ecmaVersion: 'latest', sourceType: jsSourceType, globals: NODE_GLOBALS },
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      },
      { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
      { files: ['**/*.{ts,cts,mts}'], languageOptions: { parser: tsParser, sourceType: 'module' } },
      ...plugin.configs[`flat/${config}`],
    ],
  });
}

/** Lints one app with one config; returns findings and the files that parse in neither source type. */
async function lintApp(plugin, app, root, files, config, rules) {
  const primary = app.sourceType === 'module' ? 'module' : 'commonjs';
  const other = primary === 'module' ? 'commonjs' : 'module';
  const results = await makeLinter(plugin, config, root, primary).lintFiles(files);
  const findings = [];
  const unparsed = [];
  let fallback = null;
  for (const result of results) {
    let messages = result.messages;
    const rel = relative(root, result.filePath).split(sep).join('/');
    if (messages.some((m) => m.fatal) && /\.js$/.test(rel)) {
      fallback ??= makeLinter(plugin, config, root, other);
      const [retry] = await fallback.lintText(readFileSync(result.filePath, 'utf8'), { filePath: result.filePath });
      messages = retry.messages;
    }
    const fatal = messages.find((m) => m.fatal);
    if (fatal) {
      unparsed.push(`${app.name}: ${rel}:${fatal.line}: ${fatal.message}`);
      continue;
    }
    for (const m of messages) {
      if (!m.ruleId?.startsWith('api-security/')) {
        continue;
      }
      if (rules && !rules.has(m.ruleId.slice('api-security/'.length))) continue;
      findings.push({ app: app.name, file: rel, line: m.line, column: m.column, rule: m.ruleId.slice('api-security/'.length), message: m.message });
    }
  }
  return { findings, unparsed };
}

const keyOf = (f) => `${f.app}|${f.file}|${f.line}|${f.column}|${f.rule}`;

function readTriage() {
  if (!existsSync(TRIAGE_FILE)) return { entries: [] };
  const data = JSON.parse(readFileSync(TRIAGE_FILE, 'utf8'));
  for (const e of data.entries) {
    if (!VERDICTS.has(e.verdict)) throw new Error(`triage: ${keyOf(e)} has verdict ${JSON.stringify(e.verdict)}; use true, false or debatable`);
  }
  return data;
}

function precision(entries) {
  const count = { true: 0, false: 0, debatable: 0, untriaged: 0 };
  for (const e of entries) count[e.verdict]++;
  const judged = count.true + count.false;
  return { ...count, precision: judged === 0 ? null : count.true / judged };
}

const pct = (p) => (p === null ? '   n/a' : `${(p * 100).toFixed(1).padStart(5)}%`);

function printSummary(config, lines, findings, triageByKey) {
  const judged = findings.map((f) => triageByKey.get(keyOf(f)) ?? { ...f, verdict: 'untriaged' });
  const total = precision(judged);
  const perThousand = lines === 0 ? 0 : (findings.length / lines) * 1000;
  console.log(`\n${config}: ${findings.length} finding(s) in ${lines.toLocaleString('en-US')} lines, ${perThousand.toFixed(3)} per 1,000 lines`);
  console.log(`  judged precision ${pct(total.precision)}  (true ${total.true}, false ${total.false}, debatable ${total.debatable}${total.untriaged ? `, untriaged ${total.untriaged}` : ''})`);
  const rules = [...new Set(findings.map((f) => f.rule))].sort();
  for (const rule of rules) {
    const p = precision(judged.filter((e) => e.rule === rule));
    const n = p.true + p.false + p.debatable + p.untriaged;
    console.log(`  ${rule.padEnd(30)} ${String(n).padStart(4)}  precision ${pct(p.precision)}  (true ${p.true}, false ${p.false}, debatable ${p.debatable}${p.untriaged ? `, untriaged ${p.untriaged}` : ''})`);
  }
  return { config, lines, findings: findings.length, perThousand, ...total };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { apps: allApps } = JSON.parse(readFileSync(APPS_FILE, 'utf8'));
  const apps = args.app ? allApps.filter((a) => a.name === args.app) : allApps;
  if (apps.length === 0) usage(`no app named ${args.app}`);
  const configs = args.config === 'both' ? CONFIGS : [args.config];
  const plugin = await loadPlugin();
  const started = Date.now();

  let roots;
  try {
    roots = await Promise.all(apps.map((app) => fetchApp(app)));
  } catch (error) {
    console.error(`realworld: ${error.message}`);
    process.exit(2);
  }

  const found = Object.fromEntries(configs.map((c) => [c, []]));
  const unparsed = new Set();
  let lines = 0;
  const perApp = [];
  for (const [i, app] of apps.entries()) {
    const root = roots[i];
    const files = listFiles(app, root);
    const appLines = files.reduce((n, f) => n + lineCount(readFileSync(join(root, f), 'utf8')), 0);
    lines += appLines;
    perApp.push({ app, files: files.length, lines: appLines });
    for (const config of configs) {
      const result = await lintApp(plugin, app, root, files, config, args.rules);
      found[config].push(...result.findings);
      for (const u of result.unparsed) unparsed.add(u);
    }
  }

  console.log('app'.padEnd(34), 'version'.padEnd(16), 'files'.padStart(6), 'lines'.padStart(8));
  for (const { app, files, lines: n } of perApp) console.log(app.name.padEnd(34), app.version.padEnd(16), String(files).padStart(6), String(n).padStart(8));
  console.log(`${perApp.length} apps, ${lines.toLocaleString('en-US')} lines of server code`);

  const triage = readTriage();
  const inScope = (e) => apps.some((a) => a.name === e.app) && (!args.rules || args.rules.has(e.rule));
  const byKey = new Map(triage.entries.map((e) => [keyOf(e), e]));

  const problems = [];
  for (const config of configs) {
    const seen = new Set(found[config].map(keyOf));
    for (const f of found[config]) {
      const entry = byKey.get(keyOf(f));
      if (!entry || !entry.configs.includes(config)) problems.push({ kind: 'new', config, f });
      else if (entry.verdict === 'untriaged') problems.push({ kind: 'untriaged', config, f });
    }
    for (const e of triage.entries) {
      if (inScope(e) && e.configs.includes(config) && !seen.has(keyOf(e))) problems.push({ kind: 'gone', config, f: e });
    }
  }

  const summaries = configs.map((config) => printSummary(config, lines, found[config], byKey));

  if (args.json) writeFileSync(args.json, `${JSON.stringify({ apps: perApp.map((p) => ({ name: p.app.name, version: p.app.version, files: p.files, lines: p.lines })), summaries, findings: found }, null, 2)}\n`);

  if (args.update) {
    const next = new Map(triage.entries.filter((e) => !inScope(e)).map((e) => [keyOf(e), e]));
    for (const config of configs) {
      for (const f of found[config]) {
        const key = keyOf(f);
        const old = next.get(key) ?? byKey.get(key);
        const entry = old ? { ...old } : { app: f.app, file: f.file, line: f.line, column: f.column, rule: f.rule, configs: [], verdict: 'untriaged', reason: '', message: f.message };
        if (!old || !next.has(key)) entry.configs = [];
        if (!entry.configs.includes(config)) entry.configs = [...entry.configs, config].sort((a, b) => CONFIGS.indexOf(a) - CONFIGS.indexOf(b));
        entry.message = f.message;
        next.set(key, entry);
      }
    }
    // Configs not run this time keep their membership.
    for (const e of triage.entries) {
      if (!inScope(e)) continue;
      const kept = e.configs.filter((c) => !configs.includes(c));
      if (kept.length === 0) continue;
      const entry = next.get(keyOf(e)) ?? { ...e, configs: [] };
      entry.configs = [...new Set([...entry.configs, ...kept])].sort((a, b) => CONFIGS.indexOf(a) - CONFIGS.indexOf(b));
      next.set(keyOf(e), entry);
    }
    const entries = [...next.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b), 'en', { numeric: true }));
    const dropped = triage.entries.filter((e) => !next.has(keyOf(e)));
    writeFileSync(TRIAGE_FILE, `${JSON.stringify({ ...triage, entries }, null, 2)}\n`);
    for (const e of dropped) console.log(`dropped: ${e.app} ${e.file}:${e.line}:${e.column} ${e.rule} (${e.verdict}: ${e.reason})`);
    console.log(`\ntriage written: ${entries.length} entries, ${entries.filter((e) => e.verdict === 'untriaged').length} untriaged, ${dropped.length} dropped`);
  }

  console.log(`\nrealworld: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (unparsed.size > 0) {
    console.error(`\n${unparsed.size} file(s) could not be parsed:`);
    for (const u of unparsed) console.error(`  ${u}`);
    process.exit(2);
  }
  if (!args.update && problems.length > 0) {
    console.error(`\n${problems.length} finding(s) differ from tests/realworld/triage.json:`);
    for (const { kind, config, f } of problems.slice(0, 200)) {
      const what = kind === 'new' ? 'not triaged' : kind === 'gone' ? 'triaged but no longer reported' : 'still untriaged';
      console.error(`  [${config}] ${what}: ${f.app} ${f.file}:${f.line}:${f.column} ${f.rule}${f.message ? ` — ${f.message}` : ''}`);
    }
    console.error('\nRead each one, then run `npm run realworld -- --update` and give every new entry a verdict (true, false, debatable) and a reason.');
    process.exit(1);
  }
}

await main();
