// Runs the plugin's recommended config over examples/ (a small, deliberately vulnerable Express API
// and a React login form) and prints the findings. Exits 0 when the plugin found problems, 1 when
// it found none (which would mean the plugin is broken).
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: fileURLToPath(new URL('../examples/eslint.config.js', import.meta.url)),
});
const results = await eslint.lintFiles(['examples/']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));
const count = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal));
if (fatal.length > 0) {
  console.error(`${fatal.length} file(s) could not be linted`);
  process.exit(2);
}
console.log(`\n${count} finding(s) in examples/.`);
process.exit(count > 0 ? 0 : 1);
