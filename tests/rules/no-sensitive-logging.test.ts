import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-sensitive-logging.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

const PINO = "import pino from 'pino';\nconst logger = pino();\n";
const NEST = "import { Injectable, Logger } from '@nestjs/common';\n";

ruleTester.run('no-sensitive-logging', rule, {
  valid: [
    // careful code: redaction configured in the same file, and only the word in a comment elsewhere
    { code: "const pino = require('pino');\nconst logger = pino({ redact: ['req.headers.authorization', 'password'] });\napp.post('/login', (req, res) => { logger.info({ password: req.body.password }, 'login attempt'); res.end(); });", languageOptions: cjs },
    // careful code: a log method of something that is not a logger, with an argument named like a secret
    { code: "const chart = createChart();\nchart.log(Math.log(tokenCount));\nmath.log(passwordStrength.score);", languageOptions: esm },
    // careful code from a review: ids, emails, durations and counts
    { code: "const logger = require('pino')();\napp.post('/login', (req, res) => {\n  logger.info({ userId: req.user && req.user.id }, 'login');\n  logger.info(`password reset requested for ${req.body.email}`);\n  console.log('token refreshed', { expiresIn: 3600 });\n  console.info('Loaded %d api keys', Object.keys(keys).length);\n  res.end();\n});", languageOptions: cjs },
    // careful code from a review: a message that names the password without its value
    { code: "import { Injectable, Logger } from '@nestjs/common';\n@Injectable()\nexport class AuthService {\n  private readonly logger = new Logger(AuthService.name);\n  validate(dto: { email: string; password: string }) { this.logger.warn(`Invalid password attempt for ${dto.email}`); }\n}", languageOptions: ts },
    // constant text that merely mentions the words
    { code: "console.log('Password reset link sent');", languageOptions: esm },
    { code: "console.error('invalid password');", languageOptions: esm },
    { code: "console.warn('JWT secret and refresh secret are equal, this can lead to security vulnerabilities!');", languageOptions: esm },
    { code: `${PINO}logger.info('password reset requested');`, languageOptions: esm },
    // counts, lengths, flags and descriptions of a credential
    { code: "console.log('password length', password.length);", languageOptions: esm },
    { code: "console.log(`token present: ${!!token}`);", languageOptions: esm },
    { code: `${PINO}logger.debug({ tokens: tokens.length, hasToken }, 'loaded');`, languageOptions: esm },
    { code: `${PINO}logger.info({ type: token.type, expiresAt: token.expiresAt }, 'token issued');`, languageOptions: esm },
    { code: "console.log('policy', passwordPolicy, tokenCount, tokenType);", languageOptions: esm },
    { code: `${PINO}logger.info({ token: token ? 'present' : 'missing', password: '***' });`, languageOptions: esm },
    { code: "const log = require('debug')('auth'); log('token %s for %s', typeof token, userId);", languageOptions: cjs },
    // ids and other fields
    { code: "console.log(`user ${user.id} logged in from ${req.ip}`);", languageOptions: esm },
    { code: `${PINO}logger.info({ userId: req.user.id, tokenId: token.id, sessionCount }, 'login');`, languageOptions: esm },
    // masked, hashed, truncated values
    { code: "console.log('token', mask(token));", languageOptions: esm },
    { code: "logger.debug(`Session token for forwarding: ${maskToken(sessionToken)}`);", languageOptions: ts },
    { code: "console.log('token prefix', token.slice(0, 4) + '…');", languageOptions: esm },
    { code: "const token = redact(raw); console.log('token', token);", languageOptions: esm },
    { code: "const password = await bcrypt.hash(input, 10); console.log(password.length);", languageOptions: esm },
    // error objects and messages
    { code: "try { login(password); } catch (err) { console.error('login failed', err); }", languageOptions: esm },
    { code: "logger.error(`Error syncing password: ${error instanceof Error ? error.message : 'Unknown error'}`);", languageOptions: ts },
    // request data that is not a credential
    { code: "app.post('/x', (req, res) => { console.log('keys', Object.keys(req.body), req.body.email, req.headers['user-agent']); });", languageOptions: esm },
    { code: "app.get('/x', (req, res) => { console.log(req.params.id, req.query.page); });", languageOptions: esm },
    // loggers that redact the paths
    {
      code: "import pino from 'pino';\nconst logger = pino({ redact: ['req.headers.authorization', 'password', '*.token'] });\napp.post('/login', (req, res) => { logger.info({ body: req.body, password: req.body.password }, 'login'); });",
      languageOptions: esm,
    },
    {
      code: "const pino = require('pino');\nconst logger = pino({ redact: { paths: ['headers.cookie', 'headers.authorization'], censor: '[x]' } });\napp.use((req, res, next) => { logger.info({ headers: req.headers }); next(); });",
      languageOptions: cjs,
    },
    {
      code: "import pinoHttp from 'pino-http';\napp.use(pinoHttp({ serializers: { req: (req) => ({ method: req.method, url: req.url }) } }));\napp.post('/x', (req, res) => { req.log.info({ body: req.body }); });",
      languageOptions: esm,
    },
    // not loggers
    { code: "const { log } = Math; metrics.info(password); Math.log(token);", languageOptions: esm },
    { code: "import pino from 'pino'; const dest = pino.destination(secret);", languageOptions: esm },
    { code: "function console() {} const c = { log() {} }; c.log(password);", languageOptions: esm },
    { code: "const console = makeConsole(); console.log(password);", languageOptions: esm },
    { code: "import debug from 'debug'; debug.enable(token);", languageOptions: esm },
    { code: "history.log(token);", languageOptions: esm },
    // jsonwebtoken module, not a token
    { code: "const jwt = require('jsonwebtoken'); console.log(jwt);", languageOptions: cjs },
    // typed as a flag or a number
    { code: "function f(token: boolean, password: number) { console.log(token, password); }", languageOptions: ts },
    // session ids, file paths and descriptions of credentials
    // realworld: chat-session-id
    { code: "try { await load(sessionId); } catch (error) { console.error('Failed to load conversation', { sessionId, error }); }", languageOptions: ts },
    { code: "class OfflineAccess { #logger; revoke(sessionId) { this.#logger.debug(`Revoked refresh token with session ${sessionId}`); } }", languageOptions: esm },
    { code: "log.trace('Migrating ' + project.files.oldFlow + ' to ' + flowFilePath + ' and ' + project.files.oldCredentials);", languageOptions: cjs },
    { code: "logger.info({ token: tokenId, key: keyPrefix, cookie: cookieName, secret: secretName }, 'rotated');", languageOptions: esm },
    { code: "logger.info({ cookieOptions, credentialsCount, passwordChangedAt: user.passwordChangedAt });", languageOptions: esm },
    { code: "const debug = require('debug')('config');\ndebug(`GitHub Token: ${'*'.repeat(Math.min(githubToken.length, 20))}`);", languageOptions: cjs },
    { code: "console.log('mode', process.env.NODE_ENV, process.env.PORT);", languageOptions: esm },
    { code: "log.info('auth', `Login by token. IP=${clientIP}`);", languageOptions: cjs },
    { code: "this.logger.debug('JWT token expired');", languageOptions: ts },
    { code: "const headers = { 'Content-Type': 'application/json' }; console.log(headers);", languageOptions: esm },
    { code: "const winston = require('winston'); const fmt = winston.format.printf(({ level, message }) => `${level}: ${message}`);", languageOptions: cjs },
    { code: "const debug = require('debug'); debug.log = console.log.bind(console);", languageOptions: cjs },
    { code: "const token = tokens[i]; if (token.type === 'eof') console.log(`unexpected ${token.type} at ${token.start}`);", languageOptions: esm },
    {
      code: "import Fastify from 'fastify';\nconst app = Fastify({ logger: { redact: ['req.headers.authorization', 'req.headers.cookie'] } });\napp.addHook('onRequest', async (request) => { request.log.info({ headers: request.headers }, 'incoming'); });",
      languageOptions: esm,
    },
    { code: "import { Logger } from '@nestjs/common';\nconst logger = new Logger('Bootstrap');\nlogger.log(`Listening on ${port}, token TTL ${config.tokenTtl}s`);", languageOptions: ts },
    { code: "dialog.warn(password); catalog.info(token); console.count(token); console.group(password);", languageOptions: esm },
    { code: "logger.debug('auth', { hasAuthorization: !!req.headers.authorization, scheme: authHeaderScheme, headerName });", languageOptions: esm },
    { code: "logger.warn('Missing JWT_SECRET', process.env.JWT_SECRET === undefined, 'accessToken' in body);", languageOptions: esm },
    { code: "logger.info(`password ${password ? 'set' : 'not set'}`, { expiresIn: token.expiresIn, apiKeySource });", languageOptions: esm },
    { code: "logger.info({ passwordReset: true, user: { id, password: undefined } });", languageOptions: esm },
    // strange code
    { code: '', languageOptions: esm },
    { code: 'console.log(...args, password?.length);', languageOptions: esm },
    { code: "console['log'](`${a}`); new.target; logger?.info?.();", languageOptions: ts },
    { code: "import x = require('pino'); const l = x(); l.info({ [key]: value });", languageOptions: ts },
    { code: "@Injectable() class A { private readonly logger = new Logger(A.name); m() { this.logger.log(this.count satisfies number); } }", languageOptions: ts },
    { code: "class A { #logger = console; m() { this.#logger.info(`n=${n}`); } }", languageOptions: esm },
  ],
  invalid: [
    ...acrossParsers([
      {
        code: "console.log('user password', password);",
        errors: [{ messageId: 'sensitive' as const, line: 1, column: 30, data: { callee: 'console.log', logger: 'console', what: '`password`' } }],
      },
      {
        code: `${PINO}logger.info({ user: user.id, token }, 'issued');`,
        errors: [{ messageId: 'sensitive' as const, line: 3, column: 30, data: { callee: 'logger.info', logger: 'a pino logger', what: '`token`' } }],
      },
      {
        code: "app.post('/login', (req, res) => {\n  console.log('login', req.body);\n});",
        errors: [{ messageId: 'wholeRequest' as const, line: 2, column: 24, data: { callee: 'console.log', logger: 'console', what: '`req.body`' } }],
      },
      {
        code: "app.use((req, res, next) => {\n  console.log(`auth: ${req.headers.authorization}`);\n  next();\n});",
        errors: [{ messageId: 'sensitive' as const, line: 2, column: 24 }],
      },
      {
        code: "app.use((req, res, next) => { console.log('cookie', req.get('Cookie'), JSON.stringify(req.headers)); next(); });",
        errors: [{ messageId: 'sensitive' as const, line: 1, column: 53 }],
      },
      {
        code: "console.log('card ' + order.cardNumber + ' cvv ' + order.cvv);",
        errors: [{ messageId: 'sensitive' as const, line: 1, column: 23 }],
      },
      {
        code: "logger.debug(`refreshing with ${refreshToken}`);",
        errors: [{ messageId: 'sensitive' as const, line: 1, column: 33, data: { callee: 'logger.debug', logger: 'a logger', what: '`refreshToken`' } }],
      },
      {
        code: "const msg = `connecting with ${process.env.DB_PASSWORD}`;\nconsole.info(msg);",
        errors: [{ messageId: 'sensitive' as const, line: 2, column: 14 }],
      },
    ]),
    ...acrossParsers(
      [
        {
          code: "const debug = require('@tryghost/debug')('stripe');\nfunction parseWebhook(body, signature, secret) {\n  debug(`parseWebhook(${body}, ${signature}, ${secret})`);\n}",
          errors: [{ messageId: 'sensitive' as const, line: 3, column: 48, data: { callee: 'debug', logger: 'a debug logger', what: '`secret`' } }],
        },
        {
          code: "const winston = require('winston');\nwinston.info('env', { env: process.env });",
          errors: [{ messageId: 'sensitive' as const, line: 2, column: 28, data: { callee: 'winston.info', logger: 'a winston logger', what: '`process.env`' } }],
        },
      ],
      [cjs, cjsAsModule],
    ),
    {
      code: "import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx, next) => { console.log('cookies', ctx.request.body, ctx.cookies); await next(); });",
      languageOptions: esm,
      errors: [{ messageId: 'sensitive', line: 3, column: 73, data: { callee: 'console.log', logger: 'console', what: '`ctx.cookies`' } }],
    },
    {
      code: "app.get('/me', (req, res) => { console.debug(req.cookies); res.end(); });",
      languageOptions: ts,
      errors: [{ messageId: 'wholeRequest', line: 1, column: 46, data: { callee: 'console.debug', logger: 'console', what: '`req.cookies`' } }],
    },
    {
      code: "import { consola } from 'consola';\nconst token = localStorage.getItem('token');\nconsola.info('restored', token);",
      languageOptions: esm,
      errors: [{ messageId: 'sensitive', line: 3, column: 26, data: { callee: 'consola.info', logger: 'a consola logger', what: '`token`' } }],
    },
    {
      code: "export function authenticate(req, res, next) {\n  const authHeader = req.headers.authorization || '';\n  logger.warn('rejected ' + authHeader);\n}",
      languageOptions: esm,
      errors: [{ messageId: 'sensitive', line: 3, column: 29, data: { callee: 'logger.warn', logger: 'a logger', what: '`authHeader`' } }],
    },
    {
      code: "const { redact } = options;\nconsole.log('redact', redact);\nlogger.info({ password: input.password });",
      languageOptions: esm,
      errors: [{ messageId: 'sensitive', line: 3, column: 25, data: { callee: 'logger.info', logger: 'a logger', what: '`input.password`' } }],
    },
    {
      code: "router.use((req, res, next) => { console.dir(req.headers, { depth: 2 }); next(); });",
      languageOptions: cjs,
      errors: [{ messageId: 'wholeRequest', line: 1, column: 46, data: { callee: 'console.dir', logger: 'console', what: '`req.headers`' } }],
    },
    // compiled output (Babel, TypeScript)
    {
      code: "var _debug = _interopRequireDefault(require('debug'));\nconst debug = (0, _debug.default)('verdaccio:user');\nconst token = await (0, _auth.getApiToken)(auth, config, user, password);\ndebug('adduser: new token %o', token);",
      languageOptions: cjsAsModule,
      errors: [{ messageId: 'sensitive', line: 4, column: 32, data: { callee: 'debug', logger: 'a debug logger', what: '`token`' } }],
    },
    {
      code: "const winston_1 = __importDefault(require('winston'));\nconst logger = winston_1.default.createLogger({});\nlogger.warn(`key ${apiKey}`);",
      languageOptions: cjs,
      errors: [{ messageId: 'sensitive', line: 3, column: 20, data: { callee: 'logger.warn', logger: 'a winston logger', what: '`apiKey`' } }],
    },
    // CommonJS: require declared and undeclared
    {
      code: "const debug = require('debug')('app:auth');\nfunction login(user, password) { debug('login %s with %s', user, password); }",
      languageOptions: cjs,
      errors: [{ messageId: 'sensitive', line: 2, column: 66, data: { callee: 'debug', logger: 'a debug logger', what: '`password`' } }],
    },
    {
      code: "const debug = require('debug')('app:auth');\nfunction login(user, password) { debug('login %s with %s', user, password); }",
      languageOptions: cjsAsModule,
      errors: [{ messageId: 'sensitive', line: 2, column: 66 }],
    },
    {
      code: "const winston = require('winston');\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });\nmodule.exports = (req, res, next) => { logger.info('request', { headers: req.headers }); next(); };",
      languageOptions: cjs,
      errors: [{ messageId: 'wholeRequest', line: 3, column: 74, data: { callee: 'logger.info', logger: 'a winston logger', what: '`req.headers`' } }],
    },
    {
      code: "const bunyan = require('bunyan');\nconst log = bunyan.createLogger({ name: 'app' }).child({ module: 'auth' });\nlog.info({ apiKey: config.apiKey }, 'started');",
      languageOptions: cjsAsModule,
      errors: [{ messageId: 'sensitive', line: 3, column: 20, data: { callee: 'log.info', logger: 'a bunyan logger', what: '`config.apiKey`' } }],
    },
    {
      code: "const log4js = require('log4js');\nconst logger = log4js.getLogger();\nlogger.debug('secret', clientSecret);",
      languageOptions: cjs,
      errors: [{ messageId: 'sensitive', line: 3, column: 24 }],
    },
    // TypeScript: NestJS Logger as a class field, injected, static
    {
      code: `${NEST}@Injectable()\nexport class AuthService {\n  private readonly logger = new Logger(AuthService.name);\n  login(dto: LoginDto) {\n    this.logger.log(\`login \${dto.email} \${dto.password}\`);\n  }\n}`,
      languageOptions: ts,
      errors: [{ messageId: 'sensitive', line: 6, column: 43, data: { callee: 'this.logger.log', logger: 'a NestJS logger', what: '`dto.password`' } }],
    },
    {
      code: "import { PinoLogger } from 'nestjs-pino';\nexport class S {\n  constructor(private readonly logger: PinoLogger) {}\n  m(accessToken: string) { this.logger.info({ accessToken }); }\n}",
      languageOptions: ts,
      errors: [{ messageId: 'sensitive', line: 4, column: 47 }],
    },
    {
      code: "import { Logger } from '@nestjs/common';\nLogger.warn('api key ' + apiKey);",
      languageOptions: ts,
      errors: [{ messageId: 'sensitive', line: 2, column: 26, data: { callee: 'Logger.warn', logger: 'a NestJS logger', what: '`apiKey`' } }],
    },
    // Fastify request logger
    {
      code: "export default async function routes(fastify) {\n  fastify.post('/token', async (request, reply) => {\n    request.log.info({ authorization: request.headers.authorization }, 'token');\n  });\n}",
      languageOptions: esm,
      errors: [{ messageId: 'sensitive', line: 3, column: 39, data: { callee: 'request.log.info', logger: 'a logger', what: '`request.headers.authorization`' } }],
    },
    // Next.js body
    {
      code: "export async function POST(request) {\n  const body = await request.json();\n  console.log(body);\n}",
      languageOptions: esm,
      errors: [{ messageId: 'wholeRequest', line: 3, column: 15 }],
    },
    // redaction does not reach text
    {
      code: "import pino from 'pino';\nconst logger = pino({ redact: ['password'] });\nlogger.info(`password is ${password}`);",
      languageOptions: esm,
      errors: [{ messageId: 'sensitive', line: 3, column: 28 }],
    },
    // redaction for other paths, console is not redacted
    {
      code: "import pino from 'pino';\nconst logger = pino({ redact: ['req.headers.authorization'] });\nlogger.info({ password: input.pw });\nconsole.log({ body: req.body, token: t });",
      languageOptions: esm,
      errors: [
        { messageId: 'sensitive', line: 3, column: 15 },
        { messageId: 'sensitive', line: 4, column: 31 },
      ],
    },
    {
      code: "import { connect } from 'mqtt';\nserver.on('auth', (client, username, password) => { console.log(password.toString('utf-8')); });",
      languageOptions: esm,
      errors: [{ messageId: 'sensitive', line: 2, column: 65 }],
    },
  ],
});
