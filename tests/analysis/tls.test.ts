import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { acceptsEveryCertificate, describeTlsCall, isEnvironmentGuarded, isProcessEnv, isUnderVerificationSwitch, reachedCall, tlsCallRef } from '../../src/analysis/domains/tls.js';
import { probeOne, type Language } from './harness.js';

describe('acceptsEveryCertificate', () => {
  const accepts = (fn: string, language: Language = 'esm'): boolean => probeOne(`probe(${fn});`, (node, sc) => acceptsEveryCertificate(node, sc), { language });

  it.each([
    '() => undefined',
    '() => {}',
    '() => null',
    '() => void 0',
    'function () { return; }',
    "(host, cert) => { console.log('skipping check for', host); }",
    '(host: string, cert: unknown): undefined => undefined',
  ])('accepts everything: %s', (fn) => {
    expect(accepts(fn, 'ts')).toBe(true);
  });

  it.each([
    '(host, cert) => tls.checkServerIdentity(host, cert)',
    "(host, cert) => { if (cert.fingerprint256 !== PIN) return new Error('pin'); }",
    "(host, cert) => { if (!pins.has(cert.fingerprint256)) throw new Error('pin'); }",
    '(host, cert) => { verifyPin(cert); }',
    'async () => undefined',
    'function* () {}',
    'verifyPinned',
    '() => err',
  ])('checks something: %s', (fn) => {
    expect(accepts(fn)).toBe(false);
  });
});

describe('reachedCall', () => {
  const reached = (code: string): string | null =>
    probeOne(code, (node, sc) => {
      const call = reachedCall(node, sc);
      const ref = call ? tlsCallRef(call, sc) : null;
      return ref ? describeTlsCall(ref) : call ? 'unknown call' : null;
    }, { select: { selector: 'VariableDeclarator[id.name="o"]', pick: (node) => (node as { init: TSESTree.Node | null }).init } });

  it('follows nesting, variables, ternaries and spreads to the first TLS-taking call', () => {
    expect(reached("import https from 'https'; const o = {}; new https.Agent(o);")).toBe('https.Agent');
    expect(reached("import { Pool } from 'pg'; const o = {}; new Pool({ ssl: o });")).toBe('pg.Pool');
    expect(reached("import axios from 'axios'; const o = {}; axios.create({ ...o, timeout: 5 });")).toBe('axios.create');
    expect(reached("import tls from 'tls'; const o = {}; tls.connect(isProd ? { ca } : o);")).toBe('tls.connect');
    expect(reached('const o = {}; nodemailer.createTransport({ tls: o });')).toBe('unknown call');
    expect(reached('export const o = {};')).toBeNull();
  });
});

describe('isProcessEnv and isEnvironmentGuarded', () => {
  it('knows process.env, also imported, and not a local `process`', () => {
    expect(probeOne('probe(process.env);', (node, sc) => isProcessEnv(node, sc))).toBe(true);
    expect(probeOne("import { env } from 'node:process'; probe(env);", (node, sc) => isProcessEnv(node, sc))).toBe(true);
    expect(probeOne('const process = { env: {} }; probe(process.env);', (node, sc) => isProcessEnv(node, sc))).toBe(false);
  });

  it('sees branches taken only in some environment, up to the enclosing function', () => {
    const guarded = (code: string): boolean => probeOne(code, (node, sc) => isEnvironmentGuarded(node, sc));
    expect(guarded("if (process.env.NODE_ENV !== 'production') { probe(x); }")).toBe(true);
    expect(guarded('const o = isDev ? probe(x) : y;')).toBe(true);
    expect(guarded('const o = isDev && probe(x);')).toBe(true);
    expect(guarded('if (options.verbose) f(); probe(x);')).toBe(false);
    expect(guarded('if (isDev) { app.use(() => probe(x)); }')).toBe(false);
    expect(guarded('if (user.admin) probe(x);')).toBe(false);
  });
});

describe('isUnderVerificationSwitch', () => {
  const under = (code: string): boolean => probeOne(code, (node, sc) => isUnderVerificationSwitch(node, sc));

  it.each([
    'if (config.allowSelfSigned) probe(x);',
    "switch (config.sslmode) { case 'no-verify': probe(x); }",
    'const o = ignoreTlsErrors ? probe(x) : y;',
    'const o = !options.verifyCertificates && probe(x);',
    'if (process.env.DB_SSL_INSECURE) { probe(x); }',
    "if (settings.tlsMode === 'allow-invalid') probe(x);",
  ])('a switch for certificate checking: %s', (code) => {
    expect(under(code)).toBe(true);
  });

  it.each([
    'if (options.ssl) probe(x);',
    'const o = useSsl ? probe(x) : false;',
    "if (process.env.NODE_ENV !== 'production') probe(x);",
    'if (allowSelfSigned) { run(() => probe(x)); }',
    'if (verify(x)) {} probe(x);',
  ])('not one: %s', (code) => {
    expect(under(code)).toBe(false);
  });
});
