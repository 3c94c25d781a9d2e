import { ESLint } from 'eslint';
import plugin from '/work/wt/secrets/dist/index.js';

const files = process.argv.slice(2);
const eslint = new ESLint({ cwd: '/', overrideConfigFile: true, ignore: false, overrideConfig: [{ files: ['**/*.js','**/*.cjs','**/*.mjs','**/*.ts'], plugins: { 'api-security': plugin }, languageOptions: { sourceType: 'commonjs', ecmaVersion: 'latest' }, linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' }, rules: { 'api-security/no-hardcoded-secrets': 'error' } }] });
let n = 0;
for (let i = 0; i < files.length; i += 200) {
  const res = await eslint.lintFiles(files.slice(i, i + 200)).catch(e => { console.error("ERR", e.message.slice(0,200)); return []; });
  for (const r of res) for (const m of r.messages) { if (m.ruleId === 'api-security/no-hardcoded-secrets') { n++; const line = (r.source ?? '').split('\n')[m.line-1] ?? ''; console.log(`${r.filePath.replace('/work/main/node_modules/','')}:${m.line}:${m.column} ${m.messageId ?? ''} | ${line.trim().slice(0,140)}`); } else if (m.fatal) {} }
}
console.error('findings', n, 'files', files.length);
