import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-jwt-algorithms.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

ruleTester.run('require-jwt-algorithms', rule, {
  valid: [
    // jsonwebtoken with an allow-list, inline or hoisted
    { code: "import jwt from 'jsonwebtoken'; jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });", languageOptions: esm },
    {
      code: "const jwt = require('jsonwebtoken'); const VERIFY_OPTS = { algorithms: ['RS256'], issuer: 'api' }; module.exports = (t) => jwt.verify(t, publicKey, VERIFY_OPTS);",
      languageOptions: cjs,
    },
    {
      code: "import { verify } from 'jsonwebtoken'; verify(token, key, { algorithms: ['ES256', 'ES384'] }, (err, payload) => {});",
      languageOptions: ts,
    },
    {
      code: "import jwt from 'jsonwebtoken'; const config = { jwt: { verifyOptions: { algorithms: ['HS512'] } } }; jwt.verify(t, k, config.jwt.verifyOptions);",
      languageOptions: esm,
    },
    // options we cannot see: no report
    { code: "import jwt from 'jsonwebtoken'; export function check(t, opts) { return jwt.verify(t, key, opts); }", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.verify(t, key, { ...defaults });", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.verify(...args);", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.verify(token);", languageOptions: esm },
    // decode and sign need no allow-list
    { code: "import jwt from 'jsonwebtoken'; jwt.decode(token, { complete: true }); jwt.sign(p, k, { algorithm: 'RS256' });", languageOptions: esm },
    // jose enforces the key type
    { code: "import { jwtVerify } from 'jose'; await jwtVerify(token, secret);", languageOptions: esm },
    { code: "import { jwtVerify } from 'jose'; await jwtVerify(token, JWKS, { issuer: 'https://id', algorithms: ['RS256'] });", languageOptions: ts },
    // express-jwt and passport-jwt with algorithms
    { code: "import { expressjwt } from 'express-jwt'; app.use(expressjwt({ secret: process.env.S, algorithms: ['HS256'] }));", languageOptions: esm },
    { code: "const jwt = require('express-jwt'); app.use(jwt({ secret: getKey, algorithms: ['RS256'] }));", languageOptions: cjsAsModule },
    {
      code: "const { Strategy, ExtractJwt } = require('passport-jwt'); passport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: key, algorithms: ['HS256'] }, verify));",
      languageOptions: cjs,
    },
    { code: "import { Strategy } from 'passport-jwt'; new Strategy(options, verify);", languageOptions: esm },
    // @fastify/jwt: the verifier derives the algorithms from the key type; lists are still checked
    { code: "import fastifyJwt from '@fastify/jwt'; app.register(fastifyJwt, { secret: process.env.S });", languageOptions: esm },
    { code: "import fastifyJwt from '@fastify/jwt'; app.register(fastifyJwt, { secret: s, verify: { algorithms: ['HS256'] } });", languageOptions: ts },
    // @nestjs/jwt: not required, only checked
    {
      code: "import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ secret: s, verifyOptions: { algorithms: ['HS256'] }, signOptions: { algorithm: 'HS256' } });",
      languageOptions: ts,
    },
    // hono/jwt always names its algorithm
    { code: "import { verify, jwt } from 'hono/jwt'; await verify(t, c.env.SECRET); app.use(jwt({ secret: 's', alg: 'HS256' }));", languageOptions: esm },
    // not the libraries
    { code: "import jwt from 'jwt-simple'; jwt.decode(token, secret);", languageOptions: esm },
    { code: 'const jwt = { verify() {} }; jwt.verify(token, key);', languageOptions: esm },
    { code: "import { verify } from './jwt'; verify(token, key);", languageOptions: ts },
    // NestJS passport strategies with algorithms, JwtService.verify
    {
      code: "import { PassportStrategy } from '@nestjs/passport'; import { ExtractJwt, Strategy } from 'passport-jwt'; export class JwtStrategy extends PassportStrategy(Strategy) { constructor() { super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET, algorithms: ['HS256'] }); } }",
      languageOptions: ts,
    },
    {
      code: "import { JwtService } from '@nestjs/jwt'; export class A { constructor(private readonly jwt: JwtService) {} check(t: string) { return this.jwt.verify(t); } }",
      languageOptions: ts,
    },
    { code: "class S extends Base { constructor() { super({ secretOrKey: k }); } }", languageOptions: esm },
    // hoisted algorithm lists, spreads we cannot see through
    { code: "import jwt from 'jsonwebtoken'; const ALGS = ['RS256']; jwt.verify(t, k, { algorithms: ALGS });", languageOptions: esm },
    { code: "import { expressjwt } from 'express-jwt'; app.use(expressjwt({ ...jwtConfig }));", languageOptions: esm },
    { code: "import { expressjwt } from 'express-jwt'; app.use(expressjwt(jwtConfig));", languageOptions: esm },
    { code: "const { Strategy } = require('passport-jwt'); passport.use(new Strategy(Object.assign({}, base), verify));", languageOptions: cjs },
    // fastify request verification
    { code: "import '@fastify/jwt'; app.addHook('onRequest', async (request) => { await request.jwtVerify(); });", languageOptions: ts },
    { code: "const { UnsecuredJWT } = require('./my-jwt'); new UnsecuredJWT(p).encode();", languageOptions: cjs },
    // strange code
    { code: "import jwt from 'jsonwebtoken'; jwt['verify']?.(t, k, { algorithms: ['HS256'] });", languageOptions: ts },
    { code: "import jwt from 'jsonwebtoken'; const key = 'algorithms'; jwt.verify(t, k, { [key]: ['HS256'] });", languageOptions: esm },
    // Whole modules, and (promisify, callbacks declared apart, options built by assignment)
    { code: `import jwt, { JwtPayload, SignOptions } from 'jsonwebtoken';
import config from 'config';

const ACCESS_TTL = '15m';
const REFRESH_TTL = '7d';
const ISSUER = 'api.example.com';

const signOptions: SignOptions = { algorithm: 'HS256', expiresIn: ACCESS_TTL, issuer: ISSUER };

export interface TokenClaims extends JwtPayload {
  sub: string;
  role: 'user' | 'admin';
}

function buildClaims(user: { id: string; role: 'user' | 'admin' }): TokenClaims {
  return { sub: user.id, role: user.role };
}

export function issueAccessToken(user: { id: string; role: 'user' | 'admin' }): string {
  return jwt.sign(buildClaims(user), config.get<string>('jwt.secret'), signOptions);
}

export function issueRefreshToken(userId: string): string {
  return jwt.sign({ sub: userId, typ: 'refresh' }, process.env.JWT_REFRESH_SECRET!, { algorithm: 'HS256', expiresIn: REFRESH_TTL });
}

export function verifyAccessToken(token: string): TokenClaims {
  return jwt.verify(token, config.get<string>('jwt.secret'), { algorithms: ['HS256'], issuer: ISSUER }) as TokenClaims;
}`, languageOptions: ts },
    { code: `const jwt = require('jsonwebtoken');
const { promisify } = require('util');

const JWT_SECRET = process.env.JWT_SECRET;
if (!JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
const verifyOptions = { algorithms: ['HS256'], audience: 'web' };

module.exports = async function requireAuth(req, res, next) {
  const header = req.headers.authorization || '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) return res.status(401).json({ error: 'missing token' });
  try {
    const claims = await promisify(jwt.verify)(token, JWT_SECRET, verifyOptions);
    req.user = { id: claims.sub, role: claims.role };
    return next();
  } catch (err) {
    return res.status(401).json({ error: 'invalid token' });
  }
};

module.exports.login = function login(req, res) {
  const user = res.locals.user;
  const accessToken = jwt.sign({ sub: user.id, role: user.role }, JWT_SECRET, { expiresIn: '15m', algorithm: 'HS256' });
  res.json({ accessToken });
};`, languageOptions: cjsAsModule },
    { code: `const jwt = require('jsonwebtoken');
const fs = require('fs');
const path = require('path');

const publicKey = fs.readFileSync(path.join(__dirname, 'keys', 'public.pem'));
const privateKey = fs.readFileSync(path.join(__dirname, 'keys', 'private.pem'), 'utf8');

function authenticate(req, res, next) {
  const token = req.cookies.access_token;
  jwt.verify(token, publicKey, { algorithms: ['RS256'] }, (err, decoded) => {
    if (err) return res.sendStatus(401);
    req.user = decoded;
    next();
  });
}

function sign(user, cb) {
  jwt.sign({ sub: String(user.id), scope: user.scopes.join(' ') }, privateKey, { algorithm: 'RS256', expiresIn: 900 }, cb);
}

module.exports = { authenticate, sign };`, languageOptions: cjs },
    { code: `import { SignJWT, jwtVerify, createRemoteJWKSet, importPKCS8, decodeJwt, type JWTPayload } from 'jose';

const JWKS = createRemoteJWKSet(new URL(\`\${process.env.AUTH_ISSUER}/.well-known/jwks.json\`));
const secret = new TextEncoder().encode(process.env.SESSION_SECRET);
const alg = 'HS256';

export async function createSession(userId: string, role: string): Promise<string> {
  return new SignJWT({ role })
    .setProtectedHeader({ alg })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(secret);
}

export async function verifySession(token: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, secret, { algorithms: [alg] });
  return payload;
}

export async function verifyIdToken(idToken: string) {
  const { payload } = await jwtVerify(idToken, JWKS, { issuer: process.env.AUTH_ISSUER, audience: 'my-client' });
  return payload;
}

export async function signServiceToken(pkcs8: string) {
  const key = await importPKCS8(pkcs8, 'ES256');
  const builder = new SignJWT({ svc: 'billing' }).setProtectedHeader({ alg: 'ES256' });
  builder.setExpirationTime('5m');
  return builder.sign(key);
}

// Only reads the issuer to pick which JWKS to use; verification follows
export function issuerOf(token: string): string | undefined {
  return decodeJwt(token).iss;
}`, languageOptions: ts },
    { code: `import express from 'express';
import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';

const app = express();

const checkJwt = expressjwt({
  secret: jwksRsa.expressJwtSecret({
    cache: true,
    rateLimit: true,
    jwksRequestsPerMinute: 5,
    jwksUri: \`https://\${process.env.AUTH0_DOMAIN}/.well-known/jwks.json\`,
  }),
  audience: process.env.AUTH0_AUDIENCE,
  issuer: \`https://\${process.env.AUTH0_DOMAIN}/\`,
  algorithms: ['RS256'],
});

const internalAuth = expressjwt({ secret: process.env.INTERNAL_JWT_SECRET, algorithms: ['HS256'] });

app.get('/api/private', checkJwt, (req, res) => res.json({ sub: req.auth.sub }));
app.get('/internal', internalAuth, (req, res) => res.json({ ok: true }));`, languageOptions: esm },
    { code: `import passport from 'passport';
import { Strategy as JwtStrategy, ExtractJwt, type StrategyOptions } from 'passport-jwt';
import { passportJwtSecret } from 'jwks-rsa';

const opts: StrategyOptions = {
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
  secretOrKey: process.env.JWT_SECRET as string,
  algorithms: ['HS256'],
  issuer: 'accounts.example.com',
};

passport.use(new JwtStrategy(opts, async (payload, done) => {
  const user = await Users.findById(payload.sub);
  return done(null, user ?? false);
}));

passport.use('auth0', new JwtStrategy({
  secretOrKeyProvider: passportJwtSecret({ jwksUri: process.env.JWKS_URI!, cache: true }),
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
  algorithms: ['RS256'],
}, (payload, done) => done(null, payload)));`, languageOptions: ts },
    { code: `import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(private readonly configService: ConfigService) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      secretOrKey: configService.getOrThrow<string>('JWT_SECRET'),
      algorithms: ['HS256'],
    });
  }

  async validate(payload: { sub: string; email: string }) {
    if (!payload.sub) throw new UnauthorizedException();
    return { userId: payload.sub, email: payload.email };
  }
}`, languageOptions: ts },
    { code: `import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { AuthService } from './auth.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: async (configService: ConfigService) => ({
        secret: configService.getOrThrow<string>('JWT_SECRET'),
        signOptions: { expiresIn: configService.get<string>('JWT_EXPIRES_IN', '15m'), algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AuthService],
  exports: [AuthService],
})
export class AuthModule {}`, languageOptions: ts },
    { code: `import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as bcrypt from 'bcrypt';
import { UsersService } from '../users/users.service';

@Injectable()
export class AuthService {
  constructor(private usersService: UsersService, private jwtService: JwtService) {}

  async signIn(email: string, pass: string): Promise<{ access_token: string }> {
    const user = await this.usersService.findOne(email);
    if (!user || !(await bcrypt.compare(pass, user.password))) {
      throw new UnauthorizedException();
    }
    const payload = { sub: user.id, username: user.username };
    return { access_token: await this.jwtService.signAsync(payload) };
  }

  async refresh(token: string) {
    const claims = await this.jwtService.verifyAsync<{ sub: string }>(token);
    return this.jwtService.signAsync({ sub: claims.sub });
  }
}`, languageOptions: ts },
    { code: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { readFileSync } from 'node:fs';

const app = Fastify({ logger: true });

await app.register(fastifyJwt, {
  secret: {
    private: readFileSync(\`\${process.cwd()}/certs/private.key\`, 'utf8'),
    public: readFileSync(\`\${process.cwd()}/certs/public.key\`, 'utf8'),
  },
  sign: { algorithm: 'ES256', expiresIn: '10m' },
  verify: { algorithms: ['ES256'] },
});

app.decorate('authenticate', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    reply.send(err);
  }
});

app.post('/login', async (request, reply) => {
  const token = await reply.jwtSign({ sub: request.body.username });
  return { token };
});`, languageOptions: ts },
    { code: `import { Hono } from 'hono';
import { jwt, sign, verify } from 'hono/jwt';
import type { JwtVariables } from 'hono/jwt';

type Bindings = { JWT_SECRET: string };
const app = new Hono<{ Bindings: Bindings; Variables: JwtVariables }>();

app.use('/auth/*', (c, next) => {
  const jwtMiddleware = jwt({ secret: c.env.JWT_SECRET, alg: 'HS256' });
  return jwtMiddleware(c, next);
});

app.post('/login', async (c) => {
  const payload = { sub: 'user123', role: 'admin', exp: Math.floor(Date.now() / 1000) + 60 * 5 };
  const token = await sign(payload, c.env.JWT_SECRET, 'HS256');
  return c.json({ token });
});

app.get('/check', async (c) => {
  const token = c.req.header('Authorization')?.replace('Bearer ', '') ?? '';
  const payload = await verify(token, c.env.JWT_SECRET, 'HS256');
  return c.json(payload);
});
export default app;`, languageOptions: ts },
    { code: `import jwt from 'jsonwebtoken';
import jwksClient from 'jwks-rsa';

const client = jwksClient({ jwksUri: process.env.JWKS_URI });

export async function verifyToken(token) {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || !decoded.header.kid) {
    throw new Error('malformed token');
  }
  const key = await client.getSigningKey(decoded.header.kid);
  return jwt.verify(token, key.getPublicKey(), { algorithms: ['RS256'] });
}

export function logTokenInfo(token, logger) {
  const payload = jwt.decode(token);
  logger.info({ sub: payload?.sub, exp: payload?.exp }, 'token received');
}

export function tokenExpiresSoon(token) {
  const { exp } = jwt.decode(token);
  return exp * 1000 - Date.now() < 60_000;
}`, languageOptions: esm },
    { code: `const passport = require('passport');
const { Strategy, ExtractJwt } = require('passport-jwt');
const opts = {};
opts.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
opts.secretOrKey = process.env.JWT_SECRET;
opts.algorithms = ['HS256'];
opts.issuer = 'accounts.examplesoft.com';
passport.use(new Strategy(opts, (payload, done) => done(null, { id: payload.sub })));`, languageOptions: cjs },
    { code: `import jwt, { type SignOptions, type VerifyOptions } from 'jsonwebtoken';
const signOptions: SignOptions = {};
signOptions.algorithm = 'RS256';
signOptions.expiresIn = '10m';
const verifyOptions: VerifyOptions = {};
verifyOptions.algorithms = ['RS256'];
export const issue = (sub: string, key: string) => jwt.sign({ sub }, key, signOptions);
export const check = (t: string, key: string) => jwt.verify(t, key, verifyOptions);`, languageOptions: ts },
    { code: `import jwt from 'jsonwebtoken';
export function verifyWith(token: string, ...rest: [string, jwt.VerifyOptions]) {
  return jwt.verify(token, ...rest);
}`, languageOptions: ts },
    { code: `const jwt = require('jsonwebtoken');
// \`done\` may be options or a callback: the rule cannot tell
exports.check = (token, key, done) => jwt.verify(token, key, done);`, languageOptions: cjs },
    { code: `import jwt from 'jsonwebtoken';
const verifyOptions = { audience: 'api' };
Object.assign(verifyOptions, loadVerifyOptions());
export const check = (t) => jwt.verify(t, process.env.JWT_PUBLIC_KEY, verifyOptions);`, languageOptions: esm },
    { code: `import { Strategy, ExtractJwt } from 'passport-jwt';
const opts = { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken() };
opts[process.env.KEY_OPTION] = process.env.JWT_SECRET;
passport.use(new Strategy(opts, verify));`, languageOptions: esm },
    // A test file signing fixture tokens with explicit claims and expiries
    { code: `import jwt from 'jsonwebtoken';
import request from 'supertest';
import { app } from '../src/app';

const TEST_SECRET = process.env.JWT_SECRET ?? 'test-secret-for-unit-tests-only-0123456789';

describe('GET /me', () => {
  it('rejects an expired token', async () => {
    const token = jwt.sign({ sub: '1', exp: Math.floor(Date.now() / 1000) - 10 }, TEST_SECRET);
    await request(app).get('/me').set('Authorization', \`Bearer \${token}\`).expect(401);
  });
  it('returns the user', async () => {
    const token = jwt.sign({ sub: '1', role: 'user' }, TEST_SECRET, { expiresIn: '1m' });
    const res = await request(app).get('/me').set('Authorization', \`Bearer \${token}\`).expect(200);
    expect(jwt.decode(token)).toMatchObject({ sub: '1' });
  });
});`, languageOptions: ts },
  ],
  invalid: [
    // jsonwebtoken: no options → third argument (HMAC string key → HS256)
    ...acrossParsers([
      {
        code: "import jwt from 'jsonwebtoken'; jwt.verify(token, 'shhhhh');",
        errors: [
          {
            messageId: 'missingAlgorithms' as const,
            line: 1,
            column: 33,
            suggestions: [
              { messageId: 'addAlgorithms' as const, output: "import jwt from 'jsonwebtoken'; jwt.verify(token, 'shhhhh', { algorithms: ['HS256'] });" },
            ],
          },
        ],
      },
    ], [esm, ts]),
    // callback in the options position
    {
      code: "const jwt = require('jsonwebtoken');\njwt.verify(token, process.env.JWT_SECRET, (err, decoded) => next(err, decoded));",
      languageOptions: cjs,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output:
                "const jwt = require('jsonwebtoken');\njwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] }, (err, decoded) => next(err, decoded));",
            },
          ],
        },
      ],
    },
    // options object without algorithms; the algorithm this file signs with
    {
      code: "const { sign, verify } = require('jsonwebtoken');\nconst t = sign(p, privateKey, { algorithm: 'RS512' });\nverify(t, publicKey, { issuer: 'api' });",
      languageOptions: cjsAsModule,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 3,
          column: 1,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output:
                "const { sign, verify } = require('jsonwebtoken');\nconst t = sign(p, privateKey, { algorithm: 'RS512' });\nverify(t, publicKey, { issuer: 'api', algorithms: ['RS512'] });",
            },
          ],
        },
      ],
    },
    // hoisted options constant; nothing known about the key → RS256
    {
      code: "import * as jwt from 'jsonwebtoken';\nconst OPTS = { maxAge: '1h', };\nexport const check = (t: string) => jwt.verify(t, getPublicKey(), OPTS);",
      languageOptions: ts,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 3,
          column: 37,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output:
                "import * as jwt from 'jsonwebtoken';\nconst OPTS = { maxAge: '1h', algorithms: ['RS256'], };\nexport const check = (t: string) => jwt.verify(t, getPublicKey(), OPTS);",
            },
          ],
        },
      ],
    },
    // express-jwt, older default export, empty options
    {
      code: "const jwt = require('express-jwt');\napp.use(jwt({ secret: process.env.JWT_SECRET }));",
      languageOptions: cjs,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 2,
          column: 9,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output: "const jwt = require('express-jwt');\napp.use(jwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));",
            },
          ],
        },
      ],
    },
    // passport-jwt
    {
      code: "import { Strategy as JwtStrategy, ExtractJwt } from 'passport-jwt';\nconst opts = { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: fs.readFileSync('pub.pem') };\npassport.use(new JwtStrategy(opts, verify));",
      languageOptions: esm,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 3,
          column: 14,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output:
                "import { Strategy as JwtStrategy, ExtractJwt } from 'passport-jwt';\nconst opts = { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: fs.readFileSync('pub.pem'), algorithms: ['RS256'] };\npassport.use(new JwtStrategy(opts, verify));",
            },
          ],
        },
      ],
    },
    // 'none' anywhere
    {
      code: "import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: ['HS256', 'none'] });",
      languageOptions: esm,
      errors: [{ messageId: 'noneAlgorithm', line: 1, column: 74 }],
    },
    {
      code: "import jwt from 'jsonwebtoken'; jwt.sign(payload, '', { algorithm: 'none' });",
      languageOptions: esm,
      errors: [{ messageId: 'noneAlgorithm', line: 1, column: 68 }],
    },
    {
      code: "import fastifyJwt from '@fastify/jwt'; app.register(fastifyJwt, { secret: s, verify: { algorithms: ['none'] } });",
      languageOptions: ts,
      errors: [{ messageId: 'noneAlgorithm', line: 1, column: 101 }],
    },
    {
      code: "import { UnsecuredJWT } from 'jose'; const t = new UnsecuredJWT({ sub: 'u' }).encode();",
      languageOptions: esm,
      errors: [{ messageId: 'unsecuredJwt', line: 1, column: 48 }],
    },
    // NestJS passport strategy through PassportStrategy(Strategy)
    {
      code: "import { PassportStrategy } from '@nestjs/passport';\nimport { ExtractJwt, Strategy } from 'passport-jwt';\nexport class JwtStrategy extends PassportStrategy(Strategy) {\n  constructor() {\n    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET });\n  }\n}",
      languageOptions: ts,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output:
                "import { PassportStrategy } from '@nestjs/passport';\nimport { ExtractJwt, Strategy } from 'passport-jwt';\nexport class JwtStrategy extends PassportStrategy(Strategy) {\n  constructor() {\n    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET, algorithms: ['HS256'] });\n  }\n}",
            },
          ],
        },
      ],
    },
    // express-jwt v7 in CommonJS linted as a module (undeclared require), file signs with HS512
    {
      code: "const { expressjwt } = require('express-jwt');\nconst jwt = require('jsonwebtoken');\nconst token = jwt.sign(p, key, { algorithm: 'HS512' });\nmodule.exports = expressjwt({ secret: key });",
      languageOptions: cjsAsModule,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 4,
          column: 18,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output:
                "const { expressjwt } = require('express-jwt');\nconst jwt = require('jsonwebtoken');\nconst token = jwt.sign(p, key, { algorithm: 'HS512' });\nmodule.exports = expressjwt({ secret: key, algorithms: ['HS512'] });",
            },
          ],
        },
      ],
    },
    // 'none' in NestJS JwtService.verify options, mixed in @fastify/jwt request verification
    {
      code: "import { JwtService } from '@nestjs/jwt';\nexport class A {\n  constructor(private jwtService: JwtService) {}\n  check(t: string) { return this.jwtService.verify(t, { algorithms: ['none'] }); }\n}",
      languageOptions: ts,
      errors: [{ messageId: 'noneAlgorithm', line: 4, column: 70 }],
    },
    {
      code: "import '@fastify/jwt';\napp.addHook('onRequest', (request) => request.jwtVerify({ algorithms: ['HS256', 'ES256'] }));",
      languageOptions: esm,
      errors: [{ messageId: 'mixedAlgorithms', line: 2, column: 71 }],
    },
    // mixed families
    {
      code: "import { jwtVerify } from 'jose'; await jwtVerify(t, key, { algorithms: ['HS256', 'RS256'] });",
      languageOptions: esm,
      errors: [{ messageId: 'mixedAlgorithms', line: 1, column: 73 }],
    },
    {
      code: "import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ publicKey: pub, verifyOptions: { algorithms: ['RS256', 'HS256'] } });",
      languageOptions: ts,
      errors: [{ messageId: 'mixedAlgorithms', line: 1, column: 108 }],
    },
    // Whole modules, and (promisify, callbacks declared apart, options built by assignment)
    { code: `const { promisify } = require('util');
const jwt = require('jsonwebtoken');
const verifyAsync = promisify(jwt.verify);
module.exports = async (token) => verifyAsync(token, process.env.JWT_SECRET);`, languageOptions: cjs, errors: [{ messageId: 'missingAlgorithms', line: 4, column: 35, suggestions: [{ messageId: 'addAlgorithms', output: `const { promisify } = require('util');
const jwt = require('jsonwebtoken');
const verifyAsync = promisify(jwt.verify);
module.exports = async (token) => verifyAsync(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });` }] }] },
    { code: `const jwt = require('jsonwebtoken');
function onVerified(err, claims) {
  if (err) throw err;
  console.log(claims.sub);
}
jwt.verify(token, process.env.JWT_PUBLIC_KEY, onVerified);`, languageOptions: cjs, errors: [{ messageId: 'missingAlgorithms', line: 6, column: 1, suggestions: [{ messageId: 'addAlgorithms', output: `const jwt = require('jsonwebtoken');
function onVerified(err, claims) {
  if (err) throw err;
  console.log(claims.sub);
}
jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'] }, onVerified);` }] }] },
    { code: `import { Strategy, ExtractJwt } from 'passport-jwt';
const opts = {};
opts.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
opts.secretOrKey = process.env.JWT_SECRET;
passport.use(new Strategy(opts, (payload, done) => done(null, payload)));`, languageOptions: esm, errors: [{ messageId: 'missingAlgorithms', line: 5, column: 14, suggestions: [{ messageId: 'addAlgorithms', output: `import { Strategy, ExtractJwt } from 'passport-jwt';
const opts = { algorithms: ['HS256'] };
opts.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
opts.secretOrKey = process.env.JWT_SECRET;
passport.use(new Strategy(opts, (payload, done) => done(null, payload)));` }] }] },
    { code: `import jwt = require('jsonwebtoken');
export const check = (t: string) => jwt.verify(t, process.env.JWT_SECRET!);`, languageOptions: ts, errors: [{ messageId: 'missingAlgorithms', line: 2, column: 37, suggestions: [{ messageId: 'addAlgorithms', output: `import jwt = require('jsonwebtoken');
export const check = (t: string) => jwt.verify(t, process.env.JWT_SECRET!, { algorithms: ['HS256'] });` }] }] },
    { code: `import jwt from 'jsonwebtoken';
const opts = { issuer: 'me' };
opts.algorithms = ['HS256', 'RS256'];
export const check = (t) => jwt.verify(t, key, opts);`, languageOptions: esm, errors: [{ messageId: 'mixedAlgorithms', line: 3, column: 19 }] },
  ],
});
