// Measures what the plugin costs on real code: lints a fixed corpus of third-party server code
// (see scripts/corpus.mjs) three ways, interleaved over several rounds, and compares each to the
// traversal floor (a no-op rule listening to every node).
//
// The corpus is cut into chunks, and every configuration lints each chunk in turn before the next
// chunk starts, so all configurations of a round meet the machine in nearly the same state. The
// verdict is the median over rounds of the paired ratio (a round's `all` time over the same
// round's floor time): load that comes and goes on a shared machine cancels out of each ratio,
// where the ratio of two separate medians keeps it.
//
//   npm run bench                         # builds dist/, then runs this
//   node scripts/bench.mjs --rounds=15    # or BENCH_ROUNDS=15
//   node scripts/bench.mjs --chunks=16    # or BENCH_CHUNKS=16: pieces the corpus is linted in
//   node scripts/bench.mjs --target=1.10  # or BENCH_TARGET=1.10: allowed ratio of `all` to the floor
//   node scripts/bench.mjs --metric=cpu   # or BENCH_METRIC=cpu: judge by this process's CPU time
//                                         # instead of wall time (steadier on a busy, shared machine)
//
//   node scripts/bench.mjs --rounds=1 --hot=no-sql-injection
//                                         # also list the files where that rule spends most time
//   node scripts/bench.mjs --breakdown    # also time `all` with every create() returning {} (ESLint's
//                                         # own cost per rule and file) and with no-op listeners
//                                         # (adds the rules' file gates, setup and selector matching)
//   node scripts/bench.mjs --base=../old/dist/index.js
//                                         # also time the `all` config of another build (say, main's,
//                                         # built in a second checkout) in the same rounds, and show the
//                                         # paired ratio of this build to it: a change of a few percent
//                                         # shows there when the ratios to the floor are too noisy
//
// Every api-security rule's own time is listed; a rule above 2% of the floor is marked.
//
// Exits with status 1 when the plugin's `all` config is slower than the target allows, or when the
// rounds disagree by more than 0.1 (a busy machine): a pass is then not confirmed.
import { ESLint } from 'eslint';
import security from 'eslint-plugin-security';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertNothingIgnored, corpusConfigs, listCorpus, PROJECT_ROOT } from './corpus.mjs';

function option(name, fallback) {
  const prefix = `--${name}=`;
  const arg = process.argv.slice(2).find((a) => a.startsWith(prefix));
  const raw = arg ? arg.slice(prefix.length) : process.env[`BENCH_${name.toUpperCase()}`];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${raw}`);
  return value;
}

const ROUNDS = Math.round(option('rounds', 9));
const CHUNKS = Math.round(option('chunks', 8));
const TARGET = option('target', 1.1);
const METRIC = (process.argv.find((a) => a.startsWith('--metric='))?.slice('--metric='.length) ?? process.env.BENCH_METRIC) || 'wall';
if (METRIC !== 'wall' && METRIC !== 'cpu') throw new Error(`--metric must be wall or cpu, got ${METRIC}`);

const { default: plugin } = await import('../dist/index.js').catch((error) => {
  throw new Error(`Cannot load dist/index.js (run \`npm run bench\`, which builds first): ${error.message}`);
});

const BASE = process.argv.find((a) => a.startsWith('--base='))?.slice('--base='.length);
const basePlugin = BASE
  ? (
      await import(pathToFileURL(resolve(BASE)).href).catch((error) => {
        throw new Error(`Cannot load the --base build ${BASE}: ${error.message}`);
      })
    ).default
  : null;

const corpus = listCorpus();
if (corpus.files.length === 0) throw new Error('The corpus is empty: run `npm ci` to install the dev dependencies.');
const paths = corpus.files.map((f) => f.path);
/** The corpus in `CHUNKS` runs of consecutive files of about equal size. */
const chunkCount = Math.max(1, Math.min(CHUNKS, paths.length));
const chunks = Array.from({ length: chunkCount }, (_, i) =>
  paths.slice(Math.floor((i * paths.length) / chunkCount), Math.floor(((i + 1) * paths.length) / chunkCount)),
);
const base = corpusConfigs(corpus);

/** Visits every node and does nothing: the cost of parsing plus a full traversal. */
const floorPlugin = {
  meta: { name: 'floor' },
  rules: {
    'visit-every-node': {
      meta: { type: 'problem', schema: [] },
      create: () => ({ '*'() {} }),
    },
  },
};

/**
 * The `all` config with every rule's `create()` changed: `empty` returns no listeners at all,
 * `noop` runs the real `create()` and keeps its selectors but not what the listeners do.
 */
function variantOfAll(variant) {
  const rules = {};
  for (const [name, rule] of Object.entries(plugin.rules)) {
    rules[name] = {
      ...rule,
      create(context) {
        if (variant === 'empty') return {};
        return Object.fromEntries(Object.keys(rule.create(context)).map((selector) => [selector, () => {}]));
      },
    };
  }
  const configRules = Object.fromEntries(Object.entries(plugin.configs.all.rules).map(([name, value]) => [name.replace('api-security/', `${variant}/`), value]));
  return { plugins: { [variant]: { meta: { name: variant }, rules } }, rules: configRules };
}

const CONFIGS = [
  { label: 'floor (no-op `*` rule)', key: 'floor', config: { plugins: { floor: floorPlugin }, rules: { 'floor/visit-every-node': 'error' } } },
  { label: 'api-security `all`', key: 'all', config: plugin.configs.all },
  { label: 'eslint-plugin-security `recommended`', key: 'security', config: security.configs.recommended },
  ...(basePlugin ? [{ label: 'api-security `all` of the --base build', key: 'base', config: basePlugin.configs.all }] : []),
  ...(process.argv.includes('--breakdown')
    ? [
        { label: '`all`, every create() returns {}', key: 'empty', config: variantOfAll('empty') },
        { label: '`all`, no-op listeners', key: 'noop', config: variantOfAll('noop') },
      ]
    : []),
];

function makeEslint(config, stats = false) {
  return new ESLint({ cwd: PROJECT_ROOT, overrideConfigFile: true, overrideConfig: [...base, config], cache: false, stats });
}

function countProblems(results) {
  let problems = 0;
  let fatal = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) fatal++;
      else if (message.ruleId) problems++;
    }
  }
  return { problems, fatal };
}

/** Wall time, and this process's CPU time (less sensitive to other work on a shared machine). */
async function timed(eslint, files = paths) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const results = await eslint.lintFiles(files);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, results };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const ruleCount = Object.keys(plugin.rules).length;
console.log(
  `${ROUNDS} rounds after one warm-up, the corpus in ${chunks.length} chunks linted by each configuration in turn; verdict by the median paired ${METRIC}-time ratio against ≤ ${TARGET.toFixed(2)}× the floor`,
);
console.log(`eslint ${ESLint.version}, node ${process.version}, ${ruleCount} api-security rule(s): ${Object.keys(plugin.rules).join(', ')}`);
console.log(`Corpus: ${corpus.files.length} files, ${corpus.lines.toLocaleString('en-US')} lines`);
for (const p of corpus.packages) console.log(`  ${p.name}@${p.version}: ${p.files} files, ${p.lines.toLocaleString('en-US')} lines`);
if (corpus.missing.length > 0) console.log(`  not installed (skipped): ${corpus.missing.join(', ')}`);

const runs = CONFIGS.map((c) => ({ ...c, eslint: makeEslint(c.config), times: [], cpuTimes: [], problems: 0, fatal: 0 }));

// Warm-up: every configuration once (JIT, file-system cache, config loading), not measured.
process.stdout.write('Warm-up…');
for (const run of runs) {
  const { results } = await timed(run.eslint);
  assertNothingIgnored(results);
  Object.assign(run, countProblems(results));
}
console.log(' done');

for (let round = 0; round < ROUNDS; round++) {
  const wall = runs.map(() => 0);
  const cpu = runs.map(() => 0);
  for (let c = 0; c < chunks.length; c++) {
    // Rotate the order for each chunk so no configuration always runs first or last.
    for (let k = 0; k < runs.length; k++) {
      const index = (k + c + round) % runs.length;
      const { ms, cpuMs } = await timed(runs[index].eslint, chunks[c]);
      wall[index] += ms;
      cpu[index] += cpuMs;
    }
  }
  runs.forEach((run, i) => {
    run.times.push(wall[i]);
    run.cpuTimes.push(cpu[i]);
  });
  console.log(`Round ${round + 1}/${ROUNDS}: ${runs.map((run, i) => `${run.key} ${wall[i].toFixed(0)} ms`).join(', ')}`);
}

const floor = runs[0];
const floorMedian = median(floor.times);
console.log('');
const pairedWall = (run) => median(run.times.map((t, i) => t / floor.times[i]));
const pairedCpu = (run) => median(run.cpuTimes.map((t, i) => t / floor.cpuTimes[i]));
console.log(`The verdict uses the median paired ${METRIC === 'wall' ? 'wall' : 'CPU'}-time ratio. The ratios of separate medians are shown`);
console.log('beside it: other work on a shared machine inflates them unevenly.');
console.log('| Configuration | Median wall (ms) | Paired wall ratio | Ratio of medians | Median CPU (ms) | Paired CPU ratio | Problems | Fatal |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const run of runs) {
  const med = median(run.times);
  const cpu = median(run.cpuTimes);
  console.log(
    `| ${run.label} | ${med.toFixed(0)} | ${pairedWall(run).toFixed(3)}× | ${(med / floorMedian).toFixed(3)}× | ${cpu.toFixed(0)} | ${pairedCpu(run).toFixed(3)}× | ${run.problems} | ${run.fatal} |`,
  );
}

const baseRun = runs.find((run) => run.key === 'base');
if (baseRun) {
  const versus = median(runs[1].times.map((t, i) => t / baseRun.times[i]));
  console.log('');
  console.log(`This build's \`all\` against the --base build's, median paired wall-time ratio: ${versus.toFixed(3)}× (below 1: faster).`);
}

// Per-rule times from ESLint's own statistics, in a separate unmeasured run (timing every rule
// adds overhead of its own).
const { results: statResults } = await timed(makeEslint(plugin.configs.all, true));
const perRule = new Map();
const problemsPerRule = new Map();
let parseMs = 0;
for (const result of statResults) {
  for (const message of result.messages) {
    if (message.ruleId) problemsPerRule.set(message.ruleId, (problemsPerRule.get(message.ruleId) ?? 0) + 1);
  }
  for (const pass of result.stats?.times.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    for (const [rule, { total }] of Object.entries(pass.rules ?? {})) perRule.set(rule, (perRule.get(rule) ?? 0) + total);
  }
}
const slowest = [...perRule].sort((a, b) => b[1] - a[1]);
/** A rule's budget: its own time may be at most this share of the floor. */
const RULE_SHARE_LIMIT = 0.02;
console.log('');
const ruleMs = [...perRule.values()].reduce((a, b) => a + b, 0);
console.log(
  `api-security rules ran for ${ruleMs.toFixed(0)} ms in total (${((100 * ruleMs) / floorMedian).toFixed(1)}% of the floor's median), parsing took ${parseMs.toFixed(0)} ms (ESLint stats, one run).`,
);
console.log(`api-security rules, slowest first (! marks a rule above ${RULE_SHARE_LIMIT * 100}% of the floor):`);
console.log('| Rule | Time (ms) | Share of floor | Problems |');
console.log('|---|---:|---:|---:|');
for (const [rule, ms] of slowest) {
  const mark = ms > RULE_SHARE_LIMIT * floorMedian ? ' !' : '';
  console.log(`| ${rule}${mark} | ${ms.toFixed(1)} | ${((100 * ms) / floorMedian).toFixed(1)}% | ${problemsPerRule.get(rule) ?? 0} |`);
}
if (slowest.length === 0) console.log('| (no rule reported any time) | | | |');
const hot = process.argv.find((a) => a.startsWith('--hot='))?.slice('--hot='.length);
if (hot) {
  const files = [];
  for (const result of statResults) {
    let ms = 0;
    for (const pass of result.stats?.times.passes ?? []) ms += pass.rules?.[`api-security/${hot}`]?.total ?? 0;
    files.push([ms, result.filePath]);
  }
  console.log(`\nFiles where api-security/${hot} spends most time:`);
  for (const [ms, file] of files.sort((a, b) => b[0] - a[0]).slice(0, 15)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${file.slice(PROJECT_ROOT.length + 1)}`);
}
const noisy = [...problemsPerRule].filter(([rule]) => !slowest.some(([r]) => r === rule));
if (noisy.length > 0) console.log(`Problems from other rules: ${noisy.map(([r, n]) => `${r} ${n}`).join(', ')}`);

const allRatio = METRIC === 'wall' ? pairedWall(runs[1]) : pairedCpu(runs[1]);
const ratios = runs[1].times.map((t, i) => t / floor.times[i]);
const spread = Math.max(...ratios) - Math.min(...ratios);
const busy = spread > 0.1;
// A ratio under the target from rounds that disagree this much is not evidence of meeting it.
const pass = allRatio <= TARGET && !busy;
const verdict = pass ? 'PASS' : allRatio <= TARGET ? 'NOT CONFIRMED' : 'FAIL';
console.log('');
console.log(
  `${verdict}: api-security \`all\` takes ${allRatio.toFixed(3)}× the traversal floor (median paired ${METRIC}-time ratio, target ≤ ${TARGET.toFixed(2)}×, ${ROUNDS} rounds).`,
);
if (busy) {
  console.log(
    `WARNING: the paired ratio of \`all\` ranged over ${spread.toFixed(3)} between rounds (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}): the machine was busy${allRatio <= TARGET ? ', so a ratio under the target is not confirmed' : ''}. Re-run on an idle machine or with more rounds (--rounds=${ROUNDS * 2}).`,
  );
}
const fatal = runs.reduce((sum, r) => sum + r.fatal, 0);
if (fatal > 0) console.log(`WARNING: ${fatal} fatal parse error(s): the configurations did not lint the same code.`);
if (!pass) process.exitCode = 1;
