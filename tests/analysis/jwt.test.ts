import type { TSESTree } from '@typescript-eslint/utils';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceCode } from '../../src/analysis/core/cache.js';
import { algorithmList, durationSeconds, payloadHasExp, isOptionAbsent, expiryOverrides, jwtCall, jwtOption, namedSignAlgorithm, type JwtCall } from '../../src/analysis/domains/jwt.js';
import { probe, type Language } from './harness.js';
import { inferEnvName, describeJwtCall } from '../../src/analysis/domains/jwt-fixes.js';
import { classifyJwtKey } from '../../src/analysis/domains/jwt-keys.js';
import { evidencedAlgorithms, keyAlgorithmEvidence, keyNameAlgorithms, pemAlgorithms, verifierRestrictsAlgorithms } from '../../src/analysis/domains/jwt-algorithms.js';

type Summary = {
  library: string;
  operation: string;
  payload?: string;
  key?: string;
  options?: string;
  token?: string;
  callback?: string;
  algorithm?: string;
};

function summarize(call: JwtCall, sc: SourceCode): Summary {
  const text = (n: TSESTree.Node | undefined) => (n ? sc.getText(n).replace(/\s+/g, ' ') : undefined);
  const out: Summary = { library: call.library, operation: call.operation };
  if (call.payload) out.payload = text(call.payload)!;
  if (call.key) out.key = text(call.key)!;
  if (call.options) out.options = text(call.options)!;
  if (call.token) out.token = text(call.token)!;
  if (call.callback) out.callback = text(call.callback)!;
  if (call.algorithm) out.algorithm = text(call.algorithm)!;
  return out;
}

const select = {
  selector: 'CallExpression, NewExpression',
  pick: (n: TSESTree.Node) => n,
};

/** Every JWT call in `code`, summarized as source text, in source order (outer calls first). */
function calls(code: string, language: Language = 'esm'): Summary[] {
  return probe(
    code,
    (n, sc) => {
      const call = jwtCall(n as TSESTree.CallExpression, sc);
      return call ? summarize(call, sc) : null;
    },
    { language, select },
  ).filter((c): c is Summary => c !== null);
}

describe('jwtCall: jsonwebtoken', () => {
  it('default, named and namespace imports', () => {
    expect(calls("import jwt from 'jsonwebtoken'; jwt.sign({ sub: 1 }, key, { expiresIn: '1h' });")).toEqual([
      { library: 'jsonwebtoken', operation: 'sign', payload: '{ sub: 1 }', key: 'key', options: "{ expiresIn: '1h' }" },
    ]);
    expect(calls("import { verify } from 'jsonwebtoken'; verify(token, key, { algorithms: ['HS256'] });")).toEqual([
      { library: 'jsonwebtoken', operation: 'verify', token: 'token', key: 'key', options: "{ algorithms: ['HS256'] }" },
    ]);
    expect(calls("import * as jwt from 'jsonwebtoken'; jwt.decode(token);")).toEqual([
      { library: 'jsonwebtoken', operation: 'decode', token: 'token' },
    ]);
  });
  it('require, destructured require, undeclared require', () => {
    expect(calls("const jwt = require('jsonwebtoken'); jwt.sign(p, k);", 'cjs')).toEqual([
      { library: 'jsonwebtoken', operation: 'sign', payload: 'p', key: 'k' },
    ]);
    expect(calls("const { sign: s } = require('jsonwebtoken'); s(p, k);", 'esm')).toEqual([
      { library: 'jsonwebtoken', operation: 'sign', payload: 'p', key: 'k' },
    ]);
  });
  it('callback forms', () => {
    expect(calls("import jwt from 'jsonwebtoken'; jwt.verify(t, k, (err, d) => {});")).toEqual([
      { library: 'jsonwebtoken', operation: 'verify', token: 't', key: 'k', callback: '(err, d) => {}' },
    ]);
    expect(calls("import jwt from 'jsonwebtoken'; jwt.sign(p, k, { algorithm: 'HS512' }, function (e, t) {});")).toEqual([
      { library: 'jsonwebtoken', operation: 'sign', payload: 'p', key: 'k', options: "{ algorithm: 'HS512' }" },
    ]);
  });
  it('options hoisted into module constants', () => {
    expect(
      calls("import jwt from 'jsonwebtoken'; const OPTS = { algorithms: ['HS256'] }; function f(t) { return jwt.verify(t, k, OPTS); }"),
    ).toEqual([{ library: 'jsonwebtoken', operation: 'verify', token: 't', key: 'k', options: "{ algorithms: ['HS256'] }" }]);
    expect(
      calls("import jwt from 'jsonwebtoken'; const config = { jwt: { verify: { algorithms: ['RS256'] } } }; jwt.verify(t, k, config.jwt.verify);"),
    ).toEqual([{ library: 'jsonwebtoken', operation: 'verify', token: 't', key: 'k', options: "{ algorithms: ['RS256'] }" }]);
  });
  it('does not match look-alikes', () => {
    expect(calls("const jwt = { sign() {} }; jwt.sign(p, k);")).toEqual([]);
    expect(calls("import jwt from 'jwt-simplest'; jwt.decode(t, k);")).toEqual([]);
    expect(calls('sign(p, k); verify(t, k);')).toEqual([]);
    expect(calls("import jwt from 'jsonwebtoken'; jwt.sign(...args);")).toEqual([
      { library: 'jsonwebtoken', operation: 'sign' },
    ]);
  });
});

describe('jwtCall: jose 1.x/2.x', () => {
  it('JWT.sign / verify / decode through CommonJS destructuring, named and namespace imports', () => {
    const code = `const { JWT, JWK } = require('jose');
      const key = JWK.asKey(process.env.JWT_SECRET);
      JWT.sign({ sub: 'u' }, key, { expiresIn: '2 hours' });
      JWT.verify(t, key, { algorithms: ['HS256'] });
      JWT.decode(t, { complete: true });`;
    expect(calls(code, 'cjs')).toEqual([
      { library: 'jose', operation: 'sign', payload: "{ sub: 'u' }", key: 'key', options: "{ expiresIn: '2 hours' }" },
      { library: 'jose', operation: 'verify', token: 't', key: 'key', options: "{ algorithms: ['HS256'] }" },
      { library: 'jose', operation: 'decode', token: 't', options: '{ complete: true }' },
    ]);
    expect(calls("import { JWT } from 'jose'; JWT.verify(t, k);")).toEqual([{ library: 'jose', operation: 'verify', token: 't', key: 'k' }]);
    expect(calls("import * as jose from 'jose'; jose.JWT.IdToken.verify(t, k, { issuer, audience, nonce });")).toEqual([
      { library: 'jose', operation: 'verify', token: 't', key: 'k', options: '{ issuer, audience, nonce }' },
    ]);
    expect(calls("const { JWT: { sign } } = require('jose'); sign(p, k);", 'cjs')).toEqual([
      { library: 'jose', operation: 'sign', payload: 'p', key: 'k' },
    ]);
  });
  it('names the call by its 1.x/2.x API and reads the algorithm from the options', () => {
    const code = `const { JWT } = require('jose');
      probe(JWT.sign(p, k, { algorithm: 'PS256' }));
      probe(JWT.sign(p, k, { header: { alg: 'HS512', typ: 'JWT' } }));
      probe(JWT.verify(t, k));`;
    const seen = probe(code, (n, sc) => {
      const call = jwtCall(n as TSESTree.CallExpression, sc);
      return call ? [describeJwtCall(call), namedSignAlgorithm(call, sc)?.name ?? null] : null;
    }, { language: 'cjs' });
    expect(seen).toEqual([
      ['jose `JWT.sign()`', 'PS256'],
      ['jose `JWT.sign()`', 'HS512'],
      ['jose `JWT.verify()`', null],
    ]);
  });
  it('the 1.x/2.x verification accepts only the algorithms of its key, without reading package.json', () => {
    const [restriction] = probe("const { JWT } = require('jose'); probe(JWT.verify(t, k));", (n, sc) => {
      const call = jwtCall(n as TSESTree.CallExpression, sc);
      return call ? verifierRestrictsAlgorithms(call, sc, '/nonexistent/dir/file.js') : null;
    }, { language: 'cjs' });
    expect(restriction).toEqual({ kind: 'key-typed', library: 'jose', majors: '1.x/2.x' });
  });
  it('JWK.asKey of a literal is a hardcoded secret; of a file or the environment it is not', () => {
    const kinds = probe(`const { JWK } = require('jose');
      probe(JWK.asKey('shhh'));
      probe(JWK.asKey(Buffer.from('shhh')));
      probe(JWK.asKey(process.env.JWT_SECRET));
      probe(JWK.asKey(require('fs').readFileSync('public.pem')));`, (n, sc) => classifyJwtKey(n, sc).kind, { language: 'cjs' });
    expect(kinds).toEqual(['literal', 'literal', 'key-object', 'key-object']);
  });
  it('jose 3+ and look-alikes are not the 1.x/2.x API', () => {
    expect(calls("import { jwtVerify } from 'jose'; const JWT = { verify() {} }; JWT.verify(t, k);")).toEqual([]);
    expect(calls("const { JWT } = require('jose-node-cjs-runtime'); JWT.verify(t, k);", 'cjs')).toEqual([]);
  });
});

describe('jwtCall: jwt-simple', () => {
  it('encode is a sign with a positional algorithm; decode verifies unless noVerify is a truthy constant', () => {
    const code = `const jwt = require('jwt-simple');
      jwt.encode({ sub: 1 }, secret, 'HS512');
      jwt.decode(token, secret);
      jwt.decode(token, secret, false, 'HS256');
      jwt.decode(token, secret, true);
      jwt.decode(token, secret, 'none');
      jwt.decode(token, secret, skip);`;
    expect(calls(code, 'cjs')).toEqual([
      { library: 'jwt-simple', operation: 'sign', payload: '{ sub: 1 }', key: 'secret', algorithm: "'HS512'" },
      { library: 'jwt-simple', operation: 'verify', token: 'token', key: 'secret' },
      { library: 'jwt-simple', operation: 'verify', token: 'token', key: 'secret', algorithm: "'HS256'" },
      { library: 'jwt-simple', operation: 'decode', token: 'token', key: 'secret' },
      { library: 'jwt-simple', operation: 'decode', token: 'token', key: 'secret' },
      { library: 'jwt-simple', operation: 'verify', token: 'token', key: 'secret' },
    ]);
    expect(calls("import { decode } from 'jwt-simple'; const NO_VERIFY = 1; decode(t, k, NO_VERIFY);")).toEqual([
      { library: 'jwt-simple', operation: 'decode', token: 't', key: 'k' },
    ]);
  });
});

describe('expiryOverrides', () => {
  const overrides = (code: string, language: Language = 'esm') =>
    probe(code, (n, sc) => {
      const call = jwtCall(n as TSESTree.CallExpression, sc);
      return call ? expiryOverrides(call, sc).map((o) => (o.kind === 'ignored' ? `ignored ${o.path.join('.')}` : `${o.path.join('.')} ${o.seconds}s`)) : null;
    }, { language, select }).filter((o): o is string[] => o !== null);
  it('reads ignore flags and clock tolerances through constants, per library', () => {
    expect(overrides("import jwt from 'jsonwebtoken'; const OPTS = { ignoreExpiration: true, clockTolerance: 2 * 3600 }; jwt.verify(t, k, OPTS);")).toEqual([
      ['ignored ignoreExpiration', 'clockTolerance 7200s'],
    ]);
    expect(overrides("const { JWT } = require('jose'); JWT.verify(t, k, { ignoreExp: true, clockTolerance: '2 hours' });", 'cjs')).toEqual([
      ['ignored ignoreExp', 'clockTolerance 7200s'],
    ]);
    expect(overrides("import { jwtVerify } from 'jose'; await jwtVerify(t, k, { clockTolerance: '30s' });")).toEqual([['clockTolerance 30s']]);
    expect(overrides("import { Strategy } from 'passport-jwt'; new Strategy({ secretOrKey, ignoreExpiration: true, jsonWebTokenOptions: { clockTolerance: 600 } }, cb);")).toEqual([
      ['ignored ignoreExpiration', 'jsonWebTokenOptions.clockTolerance 600s'],
    ]);
    expect(overrides("import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ secret, verifyOptions: { ignoreExpiration: true } });", 'ts')).toEqual([
      ['ignored verifyOptions.ignoreExpiration'],
    ]);
  });
  it('says nothing for false, unknown or absent values', () => {
    expect(overrides("import jwt from 'jsonwebtoken'; jwt.verify(t, k, { ignoreExpiration: false, clockTolerance: config.skew });")).toEqual([[]]);
    expect(overrides("import jwt from 'jsonwebtoken'; jwt.verify(t, k, { ignoreExpiration: process.env.NODE_ENV === 'test' });")).toEqual([[]]);
    expect(overrides("import jwt from 'jsonwebtoken'; jwt.verify(t, k, opts);")).toEqual([[]]);
    expect(overrides("import jwt from 'jsonwebtoken'; jwt.sign(p, k, { ignoreExpiration: true });")).toEqual([[]]);
  });
});

describe('jwtCall: jose', () => {
  it('SignJWT chains', () => {
    const code = `import { SignJWT, jwtVerify, decodeJwt } from 'jose';
      const secret = new TextEncoder().encode('x');
      const t = await new SignJWT({ sub: 'u' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(secret);
      const { payload } = await jwtVerify(t, secret, { issuer: 'i' });
      decodeJwt(t);`;
    expect(calls(code)).toEqual([
      { library: 'jose', operation: 'sign', payload: "{ sub: 'u' }", key: 'secret' },
      { library: 'jose', operation: 'verify', token: 't', key: 'secret', options: "{ issuer: 'i' }" },
      { library: 'jose', operation: 'decode', token: 't' },
    ]);
  });
  it('chain through a variable, namespace import', () => {
    const code = `import * as jose from 'jose';
      const builder = new jose.SignJWT(claims).setProtectedHeader({ alg: 'ES256' });
      builder.sign(privateKey);`;
    expect(calls(code)).toEqual([{ library: 'jose', operation: 'sign', payload: 'claims', key: 'privateKey' }]);
  });
  it('the signing algorithm from setProtectedHeader', () => {
    const code = `import { SignJWT } from 'jose';
      new SignJWT(p).setProtectedHeader({ alg: 'RS256' }).sign(k);`;
    const [alg] = probe(code, (n, sc) => {
      const call = jwtCall(n as TSESTree.CallExpression, sc);
      return call ? namedSignAlgorithm(call, sc)?.name : undefined;
    }, { select }).filter(Boolean);
    expect(alg).toBe('RS256');
  });
});

describe('jwtCall: middleware and strategies', () => {
  it('express-jwt, new and old exports', () => {
    expect(calls("import { expressjwt } from 'express-jwt'; app.use(expressjwt({ secret: s, algorithms: ['HS256'] }));")).toEqual([
      { library: 'express-jwt', operation: 'middleware', key: 's', options: "{ secret: s, algorithms: ['HS256'] }" },
    ]);
    expect(calls("const jwt = require('express-jwt'); app.use(jwt({ secret: 'x' }));", 'cjs')).toEqual([
      { library: 'express-jwt', operation: 'middleware', key: "'x'", options: "{ secret: 'x' }" },
    ]);
  });
  it('koa-jwt: the secret is `secret`, not `key`', () => {
    expect(calls("const jwt = require('koa-jwt'); app.use(jwt({ secret: s, key: 'user' }).unless({ path: [/^\\/public/] }));", 'cjs')).toEqual([
      { library: 'koa-jwt', operation: 'middleware', key: 's', options: "{ secret: s, key: 'user' }" },
    ]);
  });
  it('passport-jwt', () => {
    const code = `const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
      const opts = { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: key };
      passport.use(new JwtStrategy(opts, (payload, done) => done(null, payload)));`;
    expect(calls(code)).toEqual([
      {
        library: 'passport-jwt',
        operation: 'strategy',
        key: 'key',
        options: '{ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: key }',
      },
    ]);
  });
  it('hono/jwt', () => {
    const code = `import { sign, verify, jwt } from 'hono/jwt';
      await sign({ sub: 1, exp }, c.env.SECRET);
      await verify(t, secret, 'HS256');
      app.use('/api/*', jwt({ secret: 's', alg: 'HS256' }));`;
    expect(calls(code)).toEqual([
      { library: 'hono/jwt', operation: 'sign', payload: '{ sub: 1, exp }', key: 'c.env.SECRET' },
      { library: 'hono/jwt', operation: 'verify', token: 't', key: 'secret', algorithm: "'HS256'" },
      { library: 'hono/jwt', operation: 'middleware', key: "'s'", options: "{ secret: 's', alg: 'HS256' }" },
    ]);
  });
});

describe('jwtCall: NestJS', () => {
  it('JwtModule.register and registerAsync factories', () => {
    const code = `import { JwtModule } from '@nestjs/jwt';
      JwtModule.register({ secret: 'x', signOptions: { expiresIn: '60s' } });
      JwtModule.registerAsync({ inject: [ConfigService], useFactory: (c: ConfigService) => ({ secret: c.get('S') }) });
      JwtModule.registerAsync({ async useFactory() { return { secret: k }; } });`;
    expect(calls(code, 'ts')).toEqual([
      { library: '@nestjs/jwt', operation: 'module-config', key: "'x'", options: "{ secret: 'x', signOptions: { expiresIn: '60s' } }" },
      { library: '@nestjs/jwt', operation: 'module-config', key: "c.get('S')", options: "{ secret: c.get('S') }" },
      { library: '@nestjs/jwt', operation: 'module-config', key: 'k', options: '{ secret: k }' },
    ]);
  });
  it('constructor-injected JwtService', () => {
    const code = `import { Injectable } from '@nestjs/common';
      import { JwtService } from '@nestjs/jwt';
      @Injectable()
      export class AuthService {
        constructor(private readonly jwtService: JwtService, private users: UsersService) {}
        async login(user: User) {
          this.users.sign(user);
          return { access_token: await this.jwtService.signAsync({ sub: user.id }, { expiresIn: '5m' }) };
        }
        check(token: string) { return this.jwtService.verify(token, { secret: s }); }
      }`;
    expect(calls(code, 'ts')).toEqual([
      { library: '@nestjs/jwt', operation: 'sign', payload: '{ sub: user.id }', options: "{ expiresIn: '5m' }" },
      { library: '@nestjs/jwt', operation: 'verify', token: 'token', key: 's', options: '{ secret: s }' },
    ]);
  });
  it('a JwtService typed property and a typed parameter; an unrelated type is ignored', () => {
    const code = `import { JwtService } from '@nestjs/jwt';
      import { OtherService } from './other';
      class A { jwt: JwtService; other: OtherService; go() { this.jwt.sign(p); this.other.sign(p); } }
      function f(svc: JwtService) { return svc.decode(t); }`;
    expect(calls(code, 'ts')).toEqual([
      { library: '@nestjs/jwt', operation: 'sign', payload: 'p' },
      { library: '@nestjs/jwt', operation: 'decode', token: 't' },
    ]);
  });
});

describe('jwtCall: @fastify/jwt', () => {
  it('plugin registration and decorators', () => {
    const code = `const fastify = require('fastify')();
      fastify.register(require('@fastify/jwt'), { secret: 'supersecret', sign: { expiresIn: '10m' } });
      fastify.post('/login', async (req, reply) => {
        const token = await reply.jwtSign({ sub: 1 });
        const t2 = fastify.jwt.sign({ sub: 2 }, { expiresIn: '1m' });
        await req.jwtVerify();
        return { token, t2 };
      });`;
    expect(calls(code)).toEqual([
      {
        library: '@fastify/jwt',
        operation: 'plugin-register',
        key: "'supersecret'",
        options: "{ secret: 'supersecret', sign: { expiresIn: '10m' } }",
      },
      { library: '@fastify/jwt', operation: 'sign', payload: '{ sub: 1 }' },
      { library: '@fastify/jwt', operation: 'sign', payload: '{ sub: 2 }', options: "{ expiresIn: '1m' }" },
      { library: '@fastify/jwt', operation: 'verify' },
    ]);
  });
  it('decorators on typed Fastify objects', () => {
    const code = `import type { FastifyReply, FastifyRequest } from 'fastify';
      import '@fastify/jwt';
      export async function login(request: FastifyRequest, reply: FastifyReply) {
        await request.jwtVerify();
        return reply.jwtSign({ sub: 1 }, { expiresIn: '5m' });
      }`;
    expect(calls(code, 'ts')).toEqual([
      { library: '@fastify/jwt', operation: 'verify' },
      { library: '@fastify/jwt', operation: 'sign', payload: '{ sub: 1 }', options: "{ expiresIn: '5m' }" },
    ]);
  });
  it('decorators only count where the plugin is loaded', () => {
    expect(calls('app.post("/x", async (req, reply) => reply.jwtSign({ a: 1 }));')).toEqual([]);
    expect(calls("import fjwt from '@fastify/jwt'; await app.register(fjwt, opts);")).toEqual([
      { library: '@fastify/jwt', operation: 'plugin-register', options: 'opts' },
    ]);
  });
});

describe('options and keys', () => {
  const firstCall = <T>(code: string, fn: (c: JwtCall, sc: SourceCode) => T, language: Language = 'esm'): T =>
    probe(code, (n, sc) => {
      const call = jwtCall(n as TSESTree.CallExpression, sc);
      return call ? fn(call, sc) : undefined;
    }, { language, select }).find((r) => r !== undefined) as T;

  it('reads nested options and algorithm lists', () => {
    const code = `import jwt from '@fastify/jwt'; const ALGS = ['HS256', 'RS256'];
      app.register(jwt, { secret: s, verify: { algorithms: ALGS } });`;
    expect(
      firstCall(code, (c, sc) => {
        const prop = jwtOption(c, ['verify', 'algorithms'], sc);
        return prop ? algorithmList(prop.value, sc)?.names : null;
      }),
    ).toEqual(['HS256', 'RS256']);
  });

  const key = (code: string, language: Language = 'esm') =>
    firstCall(code, (c, sc) => {
      const info = classifyJwtKey(c.key!, sc);
      return { kind: info.kind, value: info.value, envName: info.envName, names: info.names };
    }, language);

  it('classifies literal, constant and config-object keys', () => {
    expect(key("import jwt from 'jsonwebtoken'; jwt.sign(p, 'abc');")).toMatchObject({ kind: 'literal', value: 'abc' });
    expect(key("import jwt from 'jsonwebtoken'; const SECRET = 'abc'; jwt.sign(p, SECRET);")).toMatchObject({
      kind: 'literal',
      value: 'abc',
      names: ['SECRET'],
    });
    expect(key("import jwt from 'jsonwebtoken'; const config = { jwt: { secret: 'abc' } }; jwt.sign(p, config.jwt.secret);")).toMatchObject({
      kind: 'literal',
      names: ['config', 'jwt', 'secret'],
    });
    expect(key("import { SignJWT } from 'jose'; const k = new TextEncoder().encode('abc'); new SignJWT(p).sign(k);")).toMatchObject({
      kind: 'literal',
      value: 'abc',
    });
  });
  it('classifies env, fallbacks, files, key objects and stores', () => {
    expect(key("import jwt from 'jsonwebtoken'; jwt.sign(p, process.env.JWT_SECRET);")).toMatchObject({ kind: 'env', envName: 'JWT_SECRET' });
    expect(key("import jwt from 'jsonwebtoken'; jwt.sign(p, process.env.S || 'dev');")).toMatchObject({
      kind: 'fallback',
      value: 'dev',
      envName: 'S',
    });
    expect(key("import jwt from 'jsonwebtoken'; const { S = 'dev' } = process.env; jwt.sign(p, S);")).toMatchObject({
      kind: 'fallback',
      envName: 'S',
    });
    expect(key("import jwt from 'jsonwebtoken'; function f(p, s = 'dev') { return jwt.sign(p, s); }")).toMatchObject({ kind: 'fallback' });
    expect(key("import jwt from 'jsonwebtoken'; import fs from 'fs'; const k = fs.readFileSync('k.pem'); jwt.sign(p, k, { algorithm: 'RS256' });")).toMatchObject({
      kind: 'secret-store',
    });
    expect(key("import { createSecretKey } from 'node:crypto'; import { SignJWT } from 'jose'; new SignJWT(p).sign(createSecretKey(buf));")).toMatchObject({
      kind: 'key-object',
    });
    expect(key("import jwt from 'jsonwebtoken'; jwt.sign(p, await getSecret('jwt'));")).toMatchObject({ kind: 'secret-store' });
    expect(key("import jwt from 'jsonwebtoken'; jwt.sign(p, this.config.get('JWT_SECRET'));")).toMatchObject({ kind: 'env' });
    expect(key("import jwt from 'jsonwebtoken'; jwt.sign(p, loadKey());")).toMatchObject({ kind: 'unknown' });
  });
});

describe('jwtCall: passport-jwt through NestJS PassportStrategy', () => {
  it('super(options) in a class extending PassportStrategy(Strategy) or Strategy', () => {
    const code = `import { PassportStrategy } from '@nestjs/passport';
      import { ExtractJwt, Strategy } from 'passport-jwt';
      export class JwtStrategy extends PassportStrategy(Strategy) {
        constructor(config: ConfigService) {
          super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: config.get('JWT_SECRET') });
        }
      }
      class Plain extends Strategy { constructor() { super(opts, verify); } }
      class Other extends Base { constructor() { super({ secretOrKey: 'x' }); } }`;
    expect(calls(code, 'ts')).toEqual([
      {
        library: 'passport-jwt',
        operation: 'strategy',
        key: "config.get('JWT_SECRET')",
        options: "{ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: config.get('JWT_SECRET') }",
      },
      { library: 'passport-jwt', operation: 'strategy', options: 'opts' },
    ]);
  });
});

describe('jwtCall: promisify, callbacks declared apart, options built by assignment', () => {
  it('sees through util.promisify (bound to a name or called in place)', () => {
    expect(
      calls("const { promisify } = require('util'); const jwt = require('jsonwebtoken'); const verifyAsync = promisify(jwt.verify); verifyAsync(t, k, o);", 'cjs'),
    ).toEqual([{ library: 'jsonwebtoken', operation: 'verify', token: 't', key: 'k', options: 'o' }]);
    expect(calls("import util from 'node:util'; import jwt from 'jsonwebtoken'; util.promisify(jwt.sign)(p, k);")).toEqual([
      { library: 'jsonwebtoken', operation: 'sign', payload: 'p', key: 'k' },
    ]);
    // promisify of something else, or of decode (no callback form), is not a JWT call
    expect(calls("import { promisify } from 'util'; import jwt from 'jsonwebtoken'; const d = promisify(jwt.decode); const r = promisify(readFile); d(t); r(f);")).toEqual([]);
  });
  it('takes a name bound to a function in the options position as the callback', () => {
    expect(calls("import jwt from 'jsonwebtoken'; function done(err, t) {} jwt.sign(p, k, done);")).toEqual([
      { library: 'jsonwebtoken', operation: 'sign', payload: 'p', key: 'k', callback: 'done' },
    ]);
    expect(calls("import jwt from 'jsonwebtoken'; const done = (err, t) => {}; jwt.verify(t, k, done);")).toEqual([
      { library: 'jsonwebtoken', operation: 'verify', token: 't', key: 'k', callback: 'done' },
    ]);
    // a parameter may be either: left as the options
    expect(calls("import jwt from 'jsonwebtoken'; export const v = (t, k, cb) => jwt.verify(t, k, cb);")).toEqual([
      { library: 'jsonwebtoken', operation: 'verify', token: 't', key: 'k', options: 'cb' },
    ]);
  });
  it('reads keys and options assigned to the options object after it was made', () => {
    const code = `import { Strategy } from 'passport-jwt';
      const opts = {};
      opts.secretOrKey = 'secret';
      opts.algorithms = ['HS256'];
      new Strategy(opts, verify);`;
    expect(calls(code)).toEqual([{ library: 'passport-jwt', operation: 'strategy', key: "'secret'", options: '{}' }]);
    const algorithms = probe(code, (n, sc) => {
      const call = jwtCall(n as TSESTree.NewExpression, sc);
      if (!call) return undefined;
      const prop = jwtOption(call, ['algorithms'], sc);
      return { list: prop ? algorithmList(prop.value, sc)?.names : null, absent: isOptionAbsent(call, ['algorithms'], sc) };
    }, { select }).find((r) => r !== undefined);
    expect(algorithms).toEqual({ list: ['HS256'], absent: false });
  });
  it('treats writes by unknown key, Object.assign and repeated writes as unknown', () => {
    const absent = (code: string) =>
      probe(code, (n, sc) => {
        const call = jwtCall(n as TSESTree.CallExpression, sc);
        return call ? isOptionAbsent(call, ['algorithms'], sc) : undefined;
      }, { select }).find((r) => r !== undefined);
    expect(absent("import jwt from 'jsonwebtoken'; const o = {}; jwt.verify(t, k, o);")).toBe(true);
    expect(absent("import jwt from 'jsonwebtoken'; const o = {}; o[name] = v; jwt.verify(t, k, o);")).toBe(false);
    expect(absent("import jwt from 'jsonwebtoken'; const o = {}; Object.assign(o, more); jwt.verify(t, k, o);")).toBe(false);
    expect(absent("import jwt from 'jsonwebtoken'; jwt.verify(t, ...rest);")).toBe(false);
    expect(
      calls("import { Strategy } from 'passport-jwt'; const o = {}; o.secretOrKey = 'a'; o.secretOrKey = process.env.S; new Strategy(o, v);"),
    ).toEqual([{ library: 'passport-jwt', operation: 'strategy', options: '{}' }]);
  });
  it('does not read a NestJS factory with several returns', () => {
    expect(
      calls("import { JwtModule } from '@nestjs/jwt'; JwtModule.registerAsync({ useFactory: () => { if (a) return { secret: 'x' }; return { secret: s }; } });"),
    ).toEqual([{ library: '@nestjs/jwt', operation: 'module-config' }]);
  });
  it('classifies a default parameter that itself falls back to a literal', () => {
    const info = probe(
      "import jwt from 'jsonwebtoken'; function f(p, secret = process.env.S ?? 'dev') { return jwt.sign(p, secret); }",
      (n, sc) => {
        const call = jwtCall(n as TSESTree.CallExpression, sc);
        return call?.key ? classifyJwtKey(call.key, sc) : undefined;
      },
      { select },
    ).find((r) => r !== undefined);
    expect(info).toMatchObject({ kind: 'fallback', value: 'dev', envName: 'S' });
  });
  it('classifies a readonly class field read through `this`, and leaves writable fields unknown', () => {
    const kind = (code: string) =>
      probe(code, (n, sc) => {
        const call = jwtCall(n as TSESTree.CallExpression, sc);
        return call?.key ? classifyJwtKey(call.key, sc).kind : undefined;
      }, { language: 'ts', select }).find((r) => r !== undefined);
    expect(kind("import jwt from 'jsonwebtoken'; class T { private readonly s = 'dev'; m() { return jwt.sign(p, this.s); } }")).toBe('literal');
    expect(kind("import jwt from 'jsonwebtoken'; class T { private s = 'dev'; m() { return jwt.sign(p, this.s); } }")).toBe('unknown');
    expect(kind("import jwt from 'jsonwebtoken'; class T { private readonly s: string; m() { return jwt.sign(p, this.s); } }")).toBe('unknown');
  });
});

describe('helpers', () => {
  it('durationSeconds reads ms/jose notation', () => {
    expect(durationSeconds('15m')).toBe(900);
    expect(durationSeconds('2 hours')).toBe(7200);
    expect(durationSeconds('7d')).toBe(604800);
    expect(durationSeconds(3600)).toBe(3600);
    expect(durationSeconds('120')).toBe(0.12);
    expect(durationSeconds('120', 's')).toBe(120);
    expect(durationSeconds('soon')).toBeNull();
    expect(durationSeconds('3 fortnights')).toBeNull();
  });
  it('inferEnvName', () => {
    expect(inferEnvName([])).toBe('JWT_SECRET');
    expect(inferEnvName(['ACCESS_TOKEN_SECRET'])).toBe('ACCESS_TOKEN_SECRET');
    expect(inferEnvName(['accessTokenSecret'])).toBe('ACCESS_TOKEN_SECRET');
    expect(inferEnvName(['config', 'jwt', 'secret'])).toBe('JWT_SECRET');
    expect(inferEnvName(['config', 'refresh', 'secret'])).toBe('REFRESH_SECRET');
    expect(inferEnvName(['SECRET'])).toBe('JWT_SECRET');
    expect(inferEnvName(['jwtSecret'])).toBe('JWT_SECRET');
    expect(inferEnvName(['k'])).toBe('JWT_SECRET');
  });
  it('payloadHasExp', () => {
    const exp = (code: string) =>
      probe(code, (n, sc) => {
        const call = jwtCall(n as TSESTree.CallExpression, sc);
        return call ? payloadHasExp(call.payload, sc) : undefined;
      }, { select }).find((r) => r !== undefined);
    expect(exp("import jwt from 'jsonwebtoken'; jwt.sign({ a: 1 }, k);")).toBe('no');
    expect(exp("import jwt from 'jsonwebtoken'; jwt.sign({ a: 1, exp: 5 }, k);")).toBe('yes');
    expect(exp("import jwt from 'jsonwebtoken'; const p = { a: 1 }; p.exp = 5; jwt.sign(p, k);")).toBe('yes');
    expect(exp("import jwt from 'jsonwebtoken'; jwt.sign({ ...x }, k);")).toBe('unknown');
    expect(exp("import jwt from 'jsonwebtoken'; jwt.sign(user, k);")).toBe('unknown');
    expect(exp("import jwt from 'jsonwebtoken'; jwt.sign('s', k);")).toBe('string');
  });
});

describe('keyNameAlgorithms', () => {
  const family = (name: string) => {
    const found = keyNameAlgorithms(name);
    if (found === null) return null;
    if (found.length === 0) return 'conflict';
    if (found.length === 1) return found[0];
    if (found.every((a) => a.startsWith('HS'))) return 'hmac';
    if (found.every((a) => a.startsWith('ES'))) return 'ec';
    if (found.every((a) => a.startsWith('RS') || a.startsWith('PS'))) return 'rsa';
    return 'asymmetric';
  };
  it.each([
    ['publicKey', 'asymmetric'],
    ['JWT_PUBLIC_KEY', 'asymmetric'],
    ['privateKey', 'asymmetric'],
    ['jwks', 'asymmetric'],
    ['authCert', 'asymmetric'],
    ['pubKey', 'asymmetric'],
    ['rsaPublicKey', 'rsa'],
    ['ecPublicKey', 'ec'],
    ['JWT_RS256_PUBLIC_KEY', 'RS256'],
    ['jwtRS256', 'RS256'],
    ['secret', 'hmac'],
    ['jwtSecret', 'hmac'],
    ['SECRET_KEY', 'hmac'],
    ['ACCESS_TOKEN_SECRET', 'hmac'],
    ['hmacKey', 'hmac'],
    ['privateKeySecret', 'conflict'],
    ['secretOrKey', null],
    ['secretOrPrivateKey', null],
    ['key', null],
    ['signingKey', null],
    ['users256', null],
    ['tokenCount', null],
  ])('%s → %s', (name, expected) => {
    expect(family(name)).toBe(expected);
  });
});

describe('pemAlgorithms', () => {
  const pem = (type: 'rsa' | 'ec' | 'ed25519', options: object = {}) =>
    (generateKeyPairSync as (t: string, o: object) => { publicKey: { export(o: object): string | Buffer }; privateKey: { export(o: object): string | Buffer } })(type, { modulusLength: 2048, ...options });
  it('reads the key type and curve inside the PEM', () => {
    expect(pemAlgorithms(pem('rsa').publicKey.export({ type: 'spki', format: 'pem' }).toString())).toEqual(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']);
    expect(pemAlgorithms(pem('rsa').publicKey.export({ type: 'pkcs1', format: 'pem' }).toString())).toContain('RS256');
    expect(pemAlgorithms(pem('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString())).toEqual(['ES256']);
    expect(pemAlgorithms(pem('ec', { namedCurve: 'P-384' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString())).toEqual(['ES384']);
    expect(pemAlgorithms(pem('ec', { namedCurve: 'P-521' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toEqual(['ES512']);
    expect(pemAlgorithms(pem('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString())).toEqual(['EdDSA', 'Ed25519']);
  });
  it('falls back to any public-key algorithm when the text cannot be read, and reads JWK types', () => {
    expect(pemAlgorithms('-----BEGIN PUBLIC KEY-----\n!!not base64!!\n-----END PUBLIC KEY-----')).toContain('ES256');
    expect(pemAlgorithms('-----BEGIN PUBLIC KEY-----\n!!not base64!!\n-----END PUBLIC KEY-----')).toContain('RS256');
    expect(pemAlgorithms('{"kty":"oct","k":"c2VjcmV0"}')).toEqual(['HS256', 'HS384', 'HS512']);
    expect(pemAlgorithms('{"kty":"RSA","n":"...","e":"AQAB"}')).toContain('PS256');
  });
});

describe('keyAlgorithmEvidence', () => {
  const evidence = (code: string, language: Language = 'esm') =>
    probe(code, (n, sc) => {
      const found = keyAlgorithmEvidence(n, sc);
      return found.kind === 'algorithms' ? evidencedAlgorithms(found, []) : found.kind;
    }, { language })[0];

  it('reads names along the way, not the names of containers', () => {
    expect(evidence("import config from './config'; probe(config.jwt.secret);")).toEqual(['HS256']);
    expect(evidence('probe(user.jwtSecret);')).toEqual(['HS256']);
    expect(evidence("import { env } from 'node:process'; probe(env.SECRET_KEY);")).toEqual(['HS256']);
    expect(evidence('const { JWT_SECRET } = process.env; probe(JWT_SECRET);')).toEqual(['HS256']);
    expect(evidence('probe(secrets.jwtPublicKey);')).toEqual(['RS256']);
    expect(evidence("probe(process.env.JWT_PUBLIC_KEY.replace(/\\\\n/g, '\\n'));")).toEqual(['RS256']);
    expect(evidence("probe(Buffer.from(process.env.JWT_ES256_PUBLIC_KEY_B64, 'base64').toString('ascii'));")).toEqual(['ES256']);
    expect(evidence("class S { constructor(private readonly config: ConfigService) {} check() { probe(this.config.get<string>('auth.jwt.secret')); } }", 'ts')).toEqual(['HS256']);
    expect(evidence('probe(getPublicKey());')).toEqual(['RS256']);
  });

  it('reads key files, key factories and JWK objects', () => {
    expect(evidence("import fs from 'fs'; probe(fs.readFileSync('./certs/jwt.crt'));")).toEqual(['RS256']);
    expect(evidence("import { readFileSync } from 'node:fs'; import path from 'node:path'; probe(readFileSync(path.resolve(process.env.JWT_PRIVATE_KEY_PATH)));")).toEqual(['RS256']);
    expect(evidence("import { readFile } from 'fs/promises'; probe(await readFile(`${dir}/jwtRS512.key`, 'utf8'));")).toEqual(['RS512']);
    expect(evidence("import crypto from 'crypto'; probe(crypto.createSecretKey(Buffer.from(process.env.KEY, 'base64')));")).toEqual(['HS256']);
    expect(evidence("import { importSPKI } from 'jose'; probe(await importSPKI(spki, 'ES384'));")).toEqual(['ES384']);
    // An EC key pair: ECDSA, but the curve (and so the algorithm) is not read from the options.
    expect(evidence("import { generateKeyPairSync } from 'crypto'; const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' }); probe(publicKey);")).toBeNull();
    expect(evidence("import { generateKeyPair } from 'jose'; const { publicKey } = await generateKeyPair('PS256'); probe(publicKey);")).toEqual(['PS256']);
    expect(evidence("probe({ kty: 'oct', k: process.env.JWK_K });")).toEqual(['HS256']);
    expect(evidence("import jwksRsa from 'jwks-rsa'; probe(jwksRsa.expressJwtSecret({ jwksUri }));")).toEqual(['RS256']);
    expect(evidence("probe('a-long-shared-secret-string');")).toEqual(['HS256']);
  });

  it('says nothing for secret stores and unnamed values, and reports conflicts', () => {
    expect(
      evidence(
        "import { SecretsManager } from '@aws-sdk/client-secrets-manager'; const sm = new SecretsManager({}); probe(await sm.getSecretValue({ SecretId: 'jwt' }));",
      ),
    ).toBe('none');
    expect(evidence('function f(key) { probe(key); }')).toBe('none');
    expect(evidence('const publicKey = process.env.JWT_SECRET; probe(publicKey);')).toBe('conflict');
    expect(evidence("probe(process.env.JWT_PUBLIC_KEY || 'dev-secret');")).toBe('conflict');
  });
});

describe('evidencedAlgorithms', () => {
  const asymmetric = { kind: 'algorithms', algorithms: ['RS256', 'RS384', 'ES256'] } as const;
  const hmac = { kind: 'algorithms', algorithms: ['HS256', 'HS384', 'HS512'] } as const;
  it('prefers what the file signs with, when the key allows it', () => {
    expect(evidencedAlgorithms(asymmetric, ['RS384'])).toEqual(['RS384']);
    expect(evidencedAlgorithms({ kind: 'none' }, ['HS512', 'HS512'])).toEqual(['HS512']);
    expect(evidencedAlgorithms({ kind: 'none' }, ['HS256', 'HS512'])).toEqual(['HS256', 'HS512']);
  });
  it('offers nothing on conflicting or missing evidence', () => {
    expect(evidencedAlgorithms(asymmetric, ['HS256'])).toBeNull();
    expect(evidencedAlgorithms(hmac, ['RS256'])).toBeNull();
    expect(evidencedAlgorithms({ kind: 'none' }, ['HS256', 'RS256'])).toBeNull();
    expect(evidencedAlgorithms({ kind: 'conflict' }, ['HS256'])).toBeNull();
    expect(evidencedAlgorithms({ kind: 'none' }, [])).toBeNull();
    expect(evidencedAlgorithms({ kind: 'algorithms', algorithms: ['ES256', 'ES384'] }, [])).toBeNull();
  });
  it('falls back to the key family default', () => {
    expect(evidencedAlgorithms(hmac, [])).toEqual(['HS256']);
    expect(evidencedAlgorithms(asymmetric, [])).toEqual(['RS256']);
    expect(evidencedAlgorithms({ kind: 'algorithms', algorithms: ['ES384'] }, [])).toEqual(['ES384']);
  });
});

describe('verifierRestrictsAlgorithms', () => {
  const root = mkdtempSync(join(tmpdir(), 'api-security-jwt-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const dir = (name: string, dependencies: Record<string, string>) => {
    const path = join(root, name);
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'package.json'), JSON.stringify({ dependencies }));
    return join(path, 'src', 'file.ts');
  };
  const verdict = (code: string, filename: string) =>
    probe(code, (n, sc) => {
      const call = jwtCall(n as TSESTree.CallExpression, sc);
      return call ? verifierRestrictsAlgorithms(call, sc, filename) : undefined;
    }, { language: 'ts', select }).find((r) => r !== undefined);
  const JSONWEBTOKEN = "import jwt from 'jsonwebtoken'; jwt.verify(t, k);";
  const PASSPORT = "import { Strategy } from 'passport-jwt'; new Strategy({ secretOrKey: k }, verify);";
  const NEST = "import { JwtService } from '@nestjs/jwt'; class A { constructor(private jwt: JwtService) {} f(t: string) { return this.jwt.verify(t); } }";

  it('reads the range of the library the call resolves to', () => {
    expect(verdict(JSONWEBTOKEN, dir('jwt9', { jsonwebtoken: '^9.0.2' }))).toEqual({ kind: 'restricts', library: 'jsonwebtoken', range: '^9.0.2' });
    expect(verdict(JSONWEBTOKEN, dir('jwt8', { jsonwebtoken: '^8.5.1' }))).toEqual({ kind: 'may-not-restrict', library: 'jsonwebtoken' });
    expect(verdict(PASSPORT, dir('p401', { 'passport-jwt': '^4.0.1', jsonwebtoken: '^8.5.1' }))).toEqual({
      kind: 'restricts',
      library: 'passport-jwt',
      range: '^4.0.1',
      via: 'jsonwebtoken 9',
    });
    expect(verdict(PASSPORT, dir('p400', { 'passport-jwt': '4.0.0', jsonwebtoken: '^9.0.2' }))).toEqual({ kind: 'may-not-restrict', library: 'passport-jwt' });
    expect(verdict(NEST, dir('nest10', { '@nestjs/jwt': '^10.2.0' }))).toMatchObject({ kind: 'restricts', library: '@nestjs/jwt', via: 'jsonwebtoken 9' });
    expect(verdict(NEST, dir('nest9', { '@nestjs/jwt': '^9.0.0' }))).toEqual({ kind: 'may-not-restrict', library: '@nestjs/jwt' });
  });

  it('is unknown without a declaration or a file, and not applicable to other libraries', () => {
    expect(verdict(JSONWEBTOKEN, dir('nest-only', { '@nestjs/jwt': '^10.2.0' }))).toEqual({ kind: 'unknown', library: 'jsonwebtoken' });
    expect(verdict(JSONWEBTOKEN, '<input>')).toEqual({ kind: 'unknown', library: 'jsonwebtoken' });
    expect(verdict("import { expressjwt } from 'express-jwt'; expressjwt({ secret: s });", dir('ej', { 'express-jwt': '^8.4.1' }))).toEqual({
      kind: 'not-applicable',
    });
  });
});
