import Ajv from 'ajv';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/scan.js';

const require = createRequire(import.meta.url);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/scan');

async function run(args: string[], cwd = FIXTURES, tty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, cwd, {
    stdout: { write: (text: string) => (stdout += text), isTTY: tty },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
  });
  return { code, stdout, stderr };
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; severity: number }[];
}

function findings(stdout: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const result of JSON.parse(stdout) as JsonResult[]) {
    out[path.relative(FIXTURES, result.filePath).split(path.sep).join('/')] = result.messages.map((m) => m.ruleId ?? `parse: ${m.message}`);
  }
  return out;
}

describe('scan', () => {
  it('reports the vulnerable JS and TS files, parses a non-module .js file as CommonJS, and skips dependencies, build output, .gitignore entries and test-file fixtures', async () => {
    const { code, stdout } = await run(['scan', 'vulnerable', '--format', 'json']);
    expect(code).toBe(1);
    expect(findings(stdout)).toEqual({
      'vulnerable/src/legacy.js': ['api-security/no-sql-injection'],
      'vulnerable/src/token.ts': ['api-security/no-weak-jwt-secret'],
      'vulnerable/src/users.js': ['api-security/no-sql-injection'],
      'vulnerable/src/users.test.js': [],
    });
  });

  it('exits 0 on a clean project, with a summary and no colour when not a TTY', async () => {
    const { code, stdout } = await run(['scan', 'clean']);
    expect(code).toBe(0);
    expect(stdout).toBe('\napi-security scan: 1 file scanned, 0 findings.\n');
  });

  it('ends stylish output with a summary by rule and severity', async () => {
    const { stdout } = await run(['scan', 'vulnerable']);
    expect(stdout).not.toContain('\x1b[');
    expect(stdout).toContain('api-security scan: 4 files scanned, 3 findings.');
    expect(stdout).toMatch(/critical +api-security\/no-sql-injection +2/);
    expect(stdout).toContain('by severity: 2 critical, 1 high');
  });

  it('reports a file that does not parse with its path and the parser message, and goes on', async () => {
    const { code, stdout } = await run(['scan', 'broken', '--format', 'json']);
    expect(code).toBe(0);
    expect(findings(stdout)).toEqual({
      'broken/bad.js': ['parse: Parsing error: Unexpected token ,'],
      'broken/bad.ts': ['parse: Parsing error: Type expected.'],
      'broken/good.js': [],
    });
    expect((await run(['scan', 'broken', '--max-warnings', '0'])).code).toBe(1);
  });

  it("ignores the project's own eslint config and other plugins' comments", async () => {
    const { code, stdout, stderr } = await run(['scan', 'own-config', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(findings(stdout)['own-config/server.js']).toEqual(['api-security/no-sql-injection']);
  });

  it('adds --ignore patterns', async () => {
    const { stdout } = await run(['scan', 'vulnerable', '--format', 'json', '--ignore', '*.ts', '--ignore', 'vulnerable/src/legacy.js']);
    expect(Object.keys(findings(stdout))).toEqual(['vulnerable/src/users.js', 'vulnerable/src/users.test.js']);
  });

  it('writes SARIF 2.1.0 with rule metadata, CWE and OWASP tags and security-severity', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scan-sarif-'));
    try {
      const file = path.join(dir, 'out', 'report.sarif');
      const { code, stdout } = await run(['scan', 'vulnerable', 'broken', '--format', 'sarif', '--output', file]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const log = JSON.parse(readFileSync(file, 'utf8'));
      // The full SARIF 2.1.0 schema (OASIS), as the offline SchemaStore package ships it.
      const schema = JSON.parse(readFileSync(require.resolve('schemastore/schemas/json/sarif-2.1.0.json'), 'utf8'));
      const ajv = new Ajv({ allErrors: true });
      const valid = ajv.validate(schema, log);
      expect(ajv.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      const run0 = log.runs[0];
      const sql = run0.tool.driver.rules.find((r: { id: string }) => r.id === 'api-security/no-sql-injection');
      expect(sql.helpUri).toMatch(/docs\/rules\/no-sql-injection\.md$/);
      expect(sql.properties.tags).toEqual(['security', 'external/cwe/cwe-89', 'external/owasp/a03:2021']);
      expect(sql.properties['security-severity']).toBe('9.8');
      expect(run0.results).toHaveLength(3);
      expect(run0.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'vulnerable/src/legacy.js', uriBaseId: '%SRCROOT%' });
      expect(run0.invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text)).toEqual(['Parsing error: Unexpected token ,', 'Parsing error: Type expected.']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies safe fixes with --fix', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scan-fix-'));
    try {
      copyFileSync(path.join(FIXTURES, 'vulnerable/src/token.ts'), path.join(dir, 'token.ts'));
      writeFileSync(path.join(dir, 'cookie.js'), "import express from 'express';\nconst app = express();\napp.get('/', (req, res) => res.cookie('sid', req.query.v, { httpOnly: false }));\n");
      const before = readFileSync(path.join(dir, 'cookie.js'), 'utf8');
      const { stdout: report } = await run(['scan', '.', '--format', 'json'], dir);
      const fixable = (JSON.parse(report) as { messages: { fix?: unknown }[] }[]).some((r) => r.messages.some((m) => m.fix));
      await run(['scan', '.', '--fix'], dir);
      expect(readFileSync(path.join(dir, 'cookie.js'), 'utf8') !== before).toBe(fixable);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on usage errors with a clear message, and --help lists every option', async () => {
    for (const args of [['scan', '--bogus'], ['lint'], [], ['scan', '--config', 'loose'], ['scan', '--format', 'xml'], ['scan', '--concurrency', 'x'], ['scan', 'no-such-dir']]) {
      const { code, stderr } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/^eslint-plugin-api-security: .+\nRun with --help/);
    }
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const option of ['--config', '--format', '--output', '--ignore', '--fix', '--max-warnings', '--concurrency', '--help', '--version']) expect(stdout).toContain(option);
  });
});

describe('the packed package', () => {
  let project: string;
  beforeAll(() => {
    // `npm test` builds first; build here only when the test runs alone.
    if (!existsSync(path.join(ROOT, 'dist/cli/bin.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
  });

  it('installs from its tarball and scans from there', () => {
    project = mkdtempSync(path.join(tmpdir(), 'scan-pack-'));
    try {
      const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
      writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scan-pack-test', private: true, type: 'module' }));
      const eslintVersion = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/eslint/package.json'), 'utf8')) as { version: string }).version;
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`, `eslint@${eslintVersion}`], { cwd: project, stdio: 'ignore' });
      cpSync(path.join(FIXTURES, 'vulnerable/src'), path.join(project, 'src'), { recursive: true });
      const bin = path.join(project, 'node_modules/.bin/eslint-plugin-api-security');
      const result = spawnSync(bin, ['scan', 'src', '--format', 'json'], { cwd: project, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      expect((JSON.parse(result.stdout) as JsonResult[]).flatMap((r) => r.messages.map((m) => m.ruleId)).filter((id) => id === 'api-security/no-sql-injection')).toHaveLength(2);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
