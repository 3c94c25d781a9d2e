import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-command-injection.js';
import { acrossParsers, cjs, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();
const CP = "import { exec, execSync, spawn, execFile } from 'child_process';\n";
const CP_NS = "import * as cp from 'node:child_process';\n";
const CP_CJS = "const { exec, spawn } = require('child_process');\n";
const route = (body: string) => `app.get('/run', async (req, res) => {\n${body}\n});`;

ruleTester.run('no-command-injection', rule, {
  valid: [
    // Constant commands.
    { code: `${CP}${route("exec('git status', (err, out) => res.send(out));")}`, languageOptions: esm },
    // An argument array without a shell.
    { code: `${CP}${route("execFile('git', ['log', req.query.ref], (e, out) => res.send(out));")}`, languageOptions: esm },
    { code: `${CP}${route("spawn('git', ['log', req.query.ref]);")}`, languageOptions: esm },
    { code: `${CP}${route("spawn('git', ['log', req.query.ref], { shell: false });")}`, languageOptions: esm },
    // Numbers.
    { code: `${CP}${route("exec('kill ' + Number(req.params.pid));")}`, languageOptions: esm },
    { code: `${CP}${route("exec(`renice 5 ${parseInt(req.query.pid, 10)}`);")}`, languageOptions: esm },
    // Allow-listed values.
    { code: `${CP}const ALLOWED = new Set(['main', 'dev']);\n${route("const branch = req.query.branch;\nif (!ALLOWED.has(branch)) return res.sendStatus(400);\nexec('git checkout ' + branch);")}`, languageOptions: esm },
    { code: `${CP}${route("const tool = ['ls', 'pwd'].includes(req.query.tool) ? req.query.tool : 'ls';\nexec(tool);")}`, languageOptions: esm },
    { code: `${CP}${route("if (!/^[a-z0-9-]+$/.test(req.query.name)) throw new Error('bad name');\nexec(`docker logs ${req.query.name}`);")}`, languageOptions: esm },
    // Quoted values.
    { code: `${CP}import { quote } from 'shell-quote';\n${route("exec('grep ' + quote([req.query.q]) + ' log.txt');")}`, languageOptions: esm },
    // Not from the request (default options).
    { code: `${CP}export function checkout(branch) { return execSync('git checkout ' + branch); }`, languageOptions: esm },
    { code: `${CP}const dir = process.env.DATA_DIR;\nexecSync(\`du -sh \${dir}\`);`, languageOptions: esm },
    // Look-alike methods on unrelated objects.
    { code: route("const m = /a(b)/.exec(req.query.text); res.send(m);"), languageOptions: esm },
    { code: route("db.exec('DELETE FROM t WHERE id = ' + req.params.id);"), languageOptions: esm },
    { code: `${CP}${route("const r = regex.exec(req.body.text); res.json(r);")}`, languageOptions: esm },
    // A generated value.
    { code: `${CP}import { randomUUID } from 'crypto';\n${route("exec('mkdir /tmp/' + randomUUID());")}`, languageOptions: esm },
    // A shell program without a script flag.
    { code: `${CP}${route("spawn('bash', ['./deploy.sh', req.query.env]);")}`, languageOptions: esm },
    // More careful shapes from real servers.
    { code: `${CP}const NO_SHELL = { shell: false, cwd: '/srv' };\n${route("spawn('ffmpeg', ['-i', req.body.input], NO_SHELL);")}`, languageOptions: esm },
    { code: `${CP}import shellescape from 'shell-escape';\n${route("exec('ls ' + shellescape([req.query.dir]));")}`, languageOptions: esm },
    { code: `${CP}const COMMANDS = { status: 'git status', log: 'git log -1' };\n${route("exec(COMMANDS[req.query.op] ?? 'git status');")}`, languageOptions: esm },
    { code: `${CP}${route("spawn('sh', ['-c', 'npm run build']);")}`, languageOptions: esm },
    { code: `${CP}${route("spawn(process.execPath, ['worker.js', req.body.job]);")}`, languageOptions: esm },
    { code: `${CP}${route("exec(`echo ${req.query.mode === 'fast' ? 'fast' : 'slow'}`);")}`, languageOptions: esm },
    { code: `import { $, execa } from 'execa';\n${route("await $`git log ${req.query.ref}`; await execa('git', ['show', req.query.ref]);")}`, languageOptions: esm },
    { code: `const child = { exec(cmd) { return cmd; } };\n${route("child.exec('rm ' + req.query.f);")}`, languageOptions: esm },
    { code: `${CP}const REF = 'HEAD';\nexecSync(\`git rev-parse \${REF}\`);`, languageOptions: esm },
    { code: `${CP}${route("const { id } = req.params;\nif (!Number.isInteger(Number(id))) return;\nexec('kill -9 ' + Number(id));")}`, languageOptions: esm },
    // Strange code: no crash, no report.
    { code: `${CP}class A { @dec() run(x: string) { return exec(x satisfies string); } }`, languageOptions: ts },
    { code: `${CP}${route("exec?.(`ls ${Number(req.query.n)}`); const k = { [req.query.a]: 1 };")}`, languageOptions: ts },
    { code: "import cp = require('child_process');\ncp.exec('ls');", languageOptions: ts },
    { code: `${CP}exec();`, languageOptions: esm },
  ],
  invalid: [
    ...acrossParsers([
      { code: `${CP}${route("exec('git checkout ' + req.query.branch);")}`, errors: [{ messageId: 'requestInCommand' as const }] },
      {
        code: `${CP_NS}${route("cp.execSync(`ping -c 1 ${req.body.host}`);")}`,
        errors: [
          {
            messageId: 'requestInCommand' as const,
            suggestions: [{ messageId: 'useExecFile' as const, output: `${CP_NS}${route("cp.execSync(`ping -c 1 ${req.body.host}`);".replace("cp.execSync(`ping -c 1 ${req.body.host}`)", "cp.execFileSync('ping', ['-c', '1', req.body.host])"))}` }],
          },
        ],
      },
      {
        code: `${CP_NS}${route("cp.exec(`git log ${req.query.ref} --oneline`, { cwd: repo }, (e, out) => res.send(out));")}`,
        errors: [
          {
            messageId: 'requestInCommand' as const,
            suggestions: [{ messageId: 'useExecFile' as const, output: `${CP_NS}${route("cp.execFile('git', ['log', req.query.ref, '--oneline'], { cwd: repo }, (e, out) => res.send(out));")}` }],
          },
        ],
      },
      { code: `${CP_NS}${route("cp.exec(`cat ${req.query.f} | wc -l`);")}`, errors: [{ messageId: 'requestInCommand' as const, suggestions: [] }] },
      { code: `${CP_NS}${route("cp.exec(`cat x${req.query.f}`);")}`, errors: [{ messageId: 'requestInCommand' as const, suggestions: [] }] },
      { code: `${CP}const opts = { shell: true };\n${route("spawn('convert ' + req.query.file, [], opts);")}`, errors: [{ messageId: 'requestInCommand' as const }] },
      { code: `${CP}${route("spawn('sh', ['-c', 'tar czf out.tgz ' + req.query.dir]);")}`, errors: [{ messageId: 'requestInCommand' as const }] },
      { code: `${CP}import { promisify } from 'util';\nconst run = promisify(exec);\n${route("const { stdout } = await run(`whois ${req.query.domain}`);")}`, errors: [{ messageId: 'requestInCommand' as const }] },
      { code: `import { execaCommand } from 'execa';\n${route("await execaCommand(req.body.command);")}`, errors: [{ messageId: 'requestInCommand' as const }] },
      { code: `import shell from 'shelljs';\n${route("shell.exec('ls ' + req.query.dir);")}`, errors: [{ messageId: 'requestInCommand' as const }] },
      { code: `${CP}${route("spawn(req.query.program, ['--version']);")}`, errors: [{ messageId: 'requestAsProgram' as const }] },
    ]),
    { code: `${CP_CJS}${route("exec('nslookup ' + req.query.host);")}`, languageOptions: cjs, errors: [{ messageId: 'requestInCommand' }] },
    { code: `import spawn from 'cross-spawn';\n${route("spawn('echo ' + req.query.msg, { shell: true });")}`, languageOptions: esm, errors: [{ messageId: 'requestInCommand' }] },
    { code: `${CP}export function checkout(branch) { return execSync('git checkout ' + branch); }`, options: [{ reportNonConstant: true }], languageOptions: esm, errors: [{ messageId: 'nonConstantCommand' }] },
  ],
});
