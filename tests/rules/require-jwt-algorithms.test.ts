import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-jwt-algorithms.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';
import { CONFIG_PACKAGE_ACCESS_REFRESH, EXPRESS_JWT_JWKS, FASTIFY_JWT_KEY_PAIR, HONO_JWT_BINDINGS, JOSE_SESSIONS_AND_JWKS, JWKS_DECODE_THEN_VERIFY, NEST_AUTH_SERVICE_SIGN_IN, NEST_JWT_MODULE_ASYNC, NEST_PASSPORT_JWT_STRATEGY, OPTIONS_BY_ASSIGNMENT, PASSPORT_JWT_STRATEGIES, PASSPORT_OPTS_BY_ASSIGNMENT, PROMISIFIED_VERIFY_MIDDLEWARE, RS256_KEY_FILES, SUPERTEST_SIGNED_TOKENS } from './token-modules.js';

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
    { code: CONFIG_PACKAGE_ACCESS_REFRESH, languageOptions: ts },
    { code: PROMISIFIED_VERIFY_MIDDLEWARE, languageOptions: cjsAsModule },
    { code: RS256_KEY_FILES, languageOptions: cjs },
    { code: JOSE_SESSIONS_AND_JWKS, languageOptions: ts },
    { code: EXPRESS_JWT_JWKS, languageOptions: esm },
    { code: PASSPORT_JWT_STRATEGIES, languageOptions: ts },
    { code: NEST_PASSPORT_JWT_STRATEGY, languageOptions: ts },
    { code: NEST_JWT_MODULE_ASYNC, languageOptions: ts },
    { code: NEST_AUTH_SERVICE_SIGN_IN, languageOptions: ts },
    { code: FASTIFY_JWT_KEY_PAIR, languageOptions: ts },
    { code: HONO_JWT_BINDINGS, languageOptions: ts },
    { code: JWKS_DECODE_THEN_VERIFY, languageOptions: esm },
    { code: PASSPORT_OPTS_BY_ASSIGNMENT, languageOptions: cjs },
    { code: OPTIONS_BY_ASSIGNMENT, languageOptions: ts },
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
    { code: SUPERTEST_SIGNED_TOKENS, languageOptions: ts },
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
