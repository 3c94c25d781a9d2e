import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-command-injection.js';
import { acrossParsers, cjs, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();
const CP = "import { exec, execSync, spawn, execFile } from 'child_process';\n";
const CP_NS = "import * as cp from 'node:child_process';\n";
const CP_CJS = "const { exec, spawn } = require('child_process');\n";
const route = (body: string) => `app.get('/run', async (req, res) => {\n${body}\n});`;
const EXECA = "import { $, execa } from 'execa';\n";
const OPT = [{ reportOptionInjection: true }] as const;

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
    // execa templates: each `${}` is one argument, no shell.
    { code: `${EXECA}${route("await execa`git show ${req.params.sha}`;")}`, languageOptions: esm },
    { code: `${EXECA}${route("const { stdout } = $.sync`grep -c ${req.query.q} log.txt`; res.send(stdout);")}`, languageOptions: esm },
    { code: `${EXECA}${route("await $({ cwd: '/srv/repo' })`git log ${req.query.ref}`;")}`, languageOptions: esm },
    { code: `${EXECA}const inRepo = $({ cwd: '/srv/repo', shell: false });\n${route("await inRepo`git checkout ${req.body.branch}`;")}`, languageOptions: esm },
    { code: `${EXECA}${route("await $`echo ${req.query.a}; rm -rf ${req.query.b}`;")}`, languageOptions: esm },
    { code: `${EXECA}${route("await $`${'git'} log ${[req.query.from, req.query.to]}`;")}`, languageOptions: esm },
    { code: `${EXECA}${route("await execa({ cwd: req.body.dir, env: { REF: req.query.ref } });")}`, languageOptions: esm },
    { code: `${EXECA}${route("await $({ shell: true })`ls -l ${Number(req.query.depth)}`;")}`, languageOptions: esm },
    { code: `${EXECA}const TOOLS = new Set(['node', 'npm']);\n${route("if (!TOOLS.has(req.query.tool)) return res.sendStatus(400);\nawait $`${req.query.tool} --version`;")}`, languageOptions: esm },
    { code: "const $ = (s, ...v) => s.join('');\nexport const h = (req) => $`rm ${req.query.f}`;", languageOptions: esm },
    { code: `import { $ } from 'zx';\n${route("await $`git log ${req.query.ref}`;")}`, languageOptions: esm },
    // Option injection (reportOptionInjection): an end of options, a fixed start, a check, a list.
    { code: `${CP}${route("execFile('git', ['log', '--end-of-options', req.query.ref]);")}`, options: OPT, languageOptions: esm },
    { code: `${CP}${route("spawn('tar', ['-czf', 'out.tgz', '--', req.body.dir]);")}`, options: OPT, languageOptions: esm },
    { code: `${CP}${route("execFile('git', ['log', `--author=${req.query.author}`, 'refs/heads/' + req.query.ref]);")}`, options: OPT, languageOptions: esm },
    { code: `${CP}${route("const { ref } = req.query;\nif (typeof ref !== 'string' || ref.startsWith('-')) return res.sendStatus(400);\nexecFile('git', ['show', ref]);")}`, options: OPT, languageOptions: esm },
    { code: `${CP}${route("if (!/^[0-9a-f]{7,40}$/.test(req.params.sha)) return res.sendStatus(400);\nexecFile('git', ['show', req.params.sha]);")}`, options: OPT, languageOptions: esm },
    { code: `${CP}const HOSTS = ['db1', 'db2'];\n${route("if (!HOSTS.includes(req.query.host)) return res.sendStatus(400);\nspawn('ssh', [req.query.host, 'uptime']);")}`, options: OPT, languageOptions: esm },
    { code: `${CP}${route("execFile('git', ['log', '-n', String(Number(req.query.n))]);")}`, options: OPT, languageOptions: esm },
    { code: `${CP}${route("spawn('convert', [req.query.file, 'out.png']);")}`, options: OPT, languageOptions: esm },
    { code: `${CP}export function log(ref) { return execFile('git', ['log', ref]); }`, options: OPT, languageOptions: esm },
    { code: `${EXECA}${route("await $`git log -- ${req.query.path}`;")}`, options: OPT, languageOptions: esm },
    { code: `${EXECA}${route("await $`git log refs/heads/${req.query.ref}`;")}`, options: OPT, languageOptions: esm },
    { code: `${CP}${route("execFile('git', ['log', req.query.ref]);")}`, languageOptions: esm },
    { code: `${CP}${route("const host = req.query.host;\nif (host[0] === '-') return res.sendStatus(400);\nexecFile('ssh', [host, 'uptime']);")}`, options: OPT, languageOptions: esm },
    { code: `${CP}${route("const { file } = req.body;\nif (file.charAt(0) !== '-') execFile('tar', ['-xf', file]);")}`, options: OPT, languageOptions: esm },
    { code: `${CP}${route("const opts = { cwd: req.body.dir };\nexecFile('git', opts, (e, out) => res.send(out));")}`, options: OPT, languageOptions: esm },
    { code: `${CP}${route("execFile('git', { cwd: req.body.dir }, (e, out) => res.send(out));")}`, options: OPT, languageOptions: esm },
    { code: `${CP}${route("execFile('git', ['log', '--', ...req.body.paths]);")}`, options: OPT, languageOptions: esm },
    // Strange code: no crash, no report.
    { code: `${CP}class A { @dec() run(x: string) { return exec(x satisfies string); } }`, languageOptions: ts },
    { code: `${CP}${route("exec?.(`ls ${Number(req.query.n)}`); const k = { [req.query.a]: 1 };")}`, languageOptions: ts },
    { code: "import cp = require('child_process');\ncp.exec('ls');", languageOptions: ts },
    { code: `${CP}${EXECA}${route("sql`SELECT ${req.query.a}`; obj.tag`x ${req.query.b}`; (0, $)`${req.query.c}`; $.other`${req.query.d}`; String.raw`${req.query.e}`;")}`, options: OPT, languageOptions: ts },
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
    ...acrossParsers([
      { code: `${EXECA}${route("await $({ shell: true })`echo ${req.query.msg}`;")}`, errors: [{ messageId: 'requestInCommand' as const }] },
      { code: `${EXECA}const sh = $({ shell: true });\n${route("await sh`grep ${req.query.q} log.txt`;")}`, errors: [{ messageId: 'requestInCommand' as const }] },
      { code: `${EXECA}${route("await execa({ shell: '/bin/bash' })`du -sh ${req.query.dir}`;")}`, errors: [{ messageId: 'requestInCommand' as const }] },
      { code: `${EXECA}${route("await $`${req.query.tool} --version`;")}`, errors: [{ messageId: 'requestAsProgram' as const }] },
      { code: `${CP}${route("execFile('git', ['log', req.query.ref]);")}`, options: OPT, errors: [{ messageId: 'optionInjection' as const }] },
      { code: `${CP}${route("spawn('/usr/bin/curl', ['-s', req.body.url]);")}`, options: OPT, errors: [{ messageId: 'optionInjection' as const }] },
      { code: `${EXECA}${route("await $`git log ${req.query.ref}`;")}`, options: OPT, errors: [{ messageId: 'optionInjection' as const }] },
      { code: `${EXECA}${route("await $('git', ['fetch', req.body.remote]);")}`, options: OPT, errors: [{ messageId: 'optionInjection' as const }] },
      { code: `${CP}${route("execFile('rsync', ['-a', ...req.body.sources, '/backup']);")}`, options: OPT, errors: [{ messageId: 'optionInjection' as const }] },
      { code: `${CP}${route("execFile('find', req.body.args, (e, out) => res.send(out));")}`, options: OPT, errors: [{ messageId: 'optionInjection' as const }] },
      { code: `${CP}${route("const host = req.query.host;\nif (host[1] === '-') return;\nexecFile('ssh', [host, 'uptime']);")}`, options: OPT, errors: [{ messageId: 'optionInjection' as const }] },
    ]),
    { code: `${CP_CJS}${route("exec('nslookup ' + req.query.host);")}`, languageOptions: cjs, errors: [{ messageId: 'requestInCommand' }] },
    { code: "const { execFile } = require('child_process');\napp.post('/x', (req, res) => { execFile('tar', ['-xf', req.body.archive], () => res.end()); });", options: OPT, languageOptions: cjs, errors: [{ messageId: 'optionInjection' }] },
    { code: `import spawn from 'cross-spawn';\n${route("spawn('echo ' + req.query.msg, { shell: true });")}`, languageOptions: esm, errors: [{ messageId: 'requestInCommand' }] },
    { code: `${CP}export function checkout(branch) { return execSync('git checkout ' + branch); }`, options: [{ reportNonConstant: true }], languageOptions: esm, errors: [{ messageId: 'nonConstantCommand' }] },
  ],
});
