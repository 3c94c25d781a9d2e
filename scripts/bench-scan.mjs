// Compares `scan` with running ESLint itself on the same files with the same configuration (the
// scan's parsers and the plugin's flat/recommended preset): the bench corpus (scripts/corpus.mjs),
// interleaved over several rounds, median wall time of each.
//
//   npm run build && node scripts/bench-scan.mjs [--rounds=5]
import { ESLint } from 'eslint';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listCorpus, PROJECT_ROOT } from './corpus.mjs';

const { main, scanConfig } = await import('../dist/cli/scan.js');
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 5);
// The corpus lives in node_modules, which the scan always skips: copy it out first.
const cwd = mkdtempSync(path.join(tmpdir(), 'bench-scan-'));
process.on('exit', () => rmSync(cwd, { recursive: true, force: true }));
const paths = listCorpus().files.map((f) => {
  const target = path.join(cwd, path.relative(path.join(PROJECT_ROOT, 'node_modules'), f.path));
  cpSync(f.path, target);
  return target;
});
const sink = { write: () => true, isTTY: false };

async function eslintRun() {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: scanConfig('recommended', 'module'), ignore: false });
  const results = await eslint.lintFiles(paths);
  const unlinted = results.filter((r) => r.messages.some((m) => !m.ruleId && !m.fatal));
  if (unlinted.length > 0) throw new Error(`ESLint did not lint ${unlinted[0].filePath}: ${unlinted[0].messages[0].message}`);
  await (await eslint.loadFormatter('json')).format(results);
}

async function scanRun() {
  const code = await main(['scan', ...paths, '--format', 'json'], cwd, { stdout: sink, stderr: sink });
  if (code === 2) throw new Error('scan failed');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const times = { eslint: [], scan: [] };
await eslintRun(); // warm up
for (let round = 0; round < rounds; round++) {
  for (const [name, fn] of Object.entries({ eslint: eslintRun, scan: scanRun })) {
    const start = performance.now();
    await fn();
    times[name].push(performance.now() - start);
  }
}
const eslintMs = median(times.eslint);
const scanMs = median(times.scan);
console.log(`${paths.length} files, ${rounds} rounds: eslint ${eslintMs.toFixed(0)} ms, scan ${scanMs.toFixed(0)} ms, ratio ${(scanMs / eslintMs).toFixed(2)}`);
process.exitCode = scanMs / eslintMs > 1.3 ? 1 : 0;
