import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-timing-unsafe-compare.js';
import { cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

const HELPER_JS = `

function safeEqual(a, b) {
  const left = Buffer.isBuffer(a) ? a : Buffer.from(String(a));
  const right = Buffer.isBuffer(b) ? b : Buffer.from(String(b));
  return left.length === right.length && TSE(left, right);
}
`;
const HELPER_TS = HELPER_JS.replace('(a, b)', '(a: unknown, b: unknown): boolean');
const helper = (callee: string, typed = false) => (typed ? HELPER_TS : HELPER_JS).replace('TSE', callee);

type Case = { code: string; left: string; right: string; operator?: string; what: string; output: (lang: 'esm' | 'cjs' | 'ts') => string };

/** Each case under ESM, CommonJS (declared and undeclared `require`) and TypeScript, with the suggestion each gets. */
function everywhere(cases: Case[]) {
  return cases.flatMap((c) =>
    ([['esm', esm], ['cjs', cjs], ['cjsAsModule', cjsAsModule], ['ts', ts]] as const).map(([name, languageOptions]) => ({
      code: c.code,
      languageOptions,
      errors: [
        {
          messageId: 'timingUnsafeCompare' as const,
          data: { left: c.left, right: c.right, operator: c.operator ?? '===', what: c.what },
          suggestions: [{ messageId: 'useTimingSafeEqual' as const, data: { helper: 'safeEqual' }, output: c.output(name === 'ts' ? 'ts' : name === 'cjs' ? 'cjs' : 'esm') }],
        },
      ],
    })),
  );
}

ruleTester.run('no-timing-unsafe-compare', rule, {
  valid: [
    // careful code: comparisons with short literals, negative numbers, booleans and typeof
    { code: "export function check(req: { headers: Record<string, string> }, token: string) {\n  if (token === '') return false;\n  if (req.headers['x-signature'] === 'none') return false;\n  if (token.indexOf('.') === -1) return false;\n  return typeof token === 'string' && token.startsWith('v1') === true;\n}", languageOptions: ts },
    // careful code from a review: length check before timingSafeEqual
    { code: "import { timingSafeEqual, createHmac } from 'node:crypto';\nexport function verifyWebhook(body: string, signature: string, secret: string) {\n  const expected = createHmac('sha256', secret).update(body).digest('hex');\n  const a = Buffer.from(expected); const b = Buffer.from(signature);\n  return a.length === b.length && timingSafeEqual(a, b);\n}", languageOptions: ts },
    // careful code from a review: enum, version header and role comparisons
    { code: "export enum TokenType { Access = 'access', Refresh = 'refresh' }\nexport const isRefresh = (user: { tokenType: TokenType }) => user.tokenType === TokenType.Refresh;\nexport const apiVersion = (req: Request) => req.headers.get('x-api-version') === '2';\nexport const isAdmin = (role: string) => role === 'admin';", languageOptions: ts },
    // careful code from a review: checks for missing values
    { code: "app.post('/hook', (req, res) => { if (req.query.token === 'undefined') return res.status(400).end(); if (req.headers.authorization === undefined) return res.status(401).end(); res.end(); });", languageOptions: cjs },
    // shape checks, never the secret itself
    { code: "if (token.type === 'Bearer') next();", languageOptions: esm },
    { code: "const [scheme, token] = header.split(' '); if (scheme !== 'Bearer' || !token) throw new Error();", languageOptions: esm },
    { code: "if (typeof token === 'string' && token.length === 64) ok();", languageOptions: esm },
    { code: "app.use((req, res, next) => { if (req.headers.authorization === undefined || req.headers['x-api-key'] == null) return res.sendStatus(401); next(); });", languageOptions: esm },
    { code: "if (apiKey === '') throw new Error('API_KEY is empty');", languageOptions: esm },
    { code: "function check(signature, expected) { if (signature.length !== expected.length) return false; }", languageOptions: esm },
    { code: "if (tokenType === 'refresh') rotate();", languageOptions: ts },
    { code: "if (result.type === TokenType.LEGACY_JWT) legacy();", languageOptions: ts },
    { code: "return ctx.loginMethod === LoginMethod.API_KEY;", languageOptions: ts },
    { code: "if (incoming.botToken === SECRET_MASK && existing?.botToken) incoming.botToken = existing.botToken;", languageOptions: ts },
    { code: "for (const key of Object.keys(body)) { if (key === 'password') delete body[key]; }", languageOptions: esm },
    { code: "window.addEventListener('keydown', (e) => { if (e.key === 'Enter') submit(); });", languageOptions: esm },
    { code: "if (user.role === 'admin' || header === 'authorization') allow();", languageOptions: esm },
    { code: 'tokens.sort((a, b) => a.expiresAt - b.expiresAt);', languageOptions: esm },
    // timing-safe comparisons
    {
      code: "import { timingSafeEqual } from 'node:crypto'; const a = Buffer.from(req.headers['x-api-key'] ?? ''); const b = Buffer.from(process.env.API_KEY); if (a.length !== b.length || !timingSafeEqual(a, b)) res.sendStatus(401);",
      languageOptions: esm,
    },
    // both values from the same client: a confirmation check
    { code: "app.post('/signup', (req, res) => { if (req.body.password !== req.body.passwordConfirmation) return res.status(400).end(); });", languageOptions: esm },
    { code: 'function validate(password, confirmPassword) { return password === confirmPassword; }', languageOptions: esm },
    { code: 'if (data.newPassword !== data.ne2Password) throw new ValidationError();', languageOptions: cjs },
    // change detection between records and settings
    { code: 'if (existingActiveGift && existingActiveGift.token !== gift.token) throw new Error();', languageOptions: cjs },
    { code: "if (jwtConfig.refresh && jwtConfig.refresh.secret === jwtConfig.secret) console.warn('same secret');", languageOptions: ts },
    { code: "if (this.previous('secret') !== this.get('secret')) this.set('rotated', true);", languageOptions: cjs },
    { code: 'if (prevProps.token !== this.props.token) this.refresh();', languageOptions: esm },
    { code: 'if (user.twofa_last_token !== token) verify(token);', languageOptions: cjs },
    { code: 'if (newToken !== oldToken) save(newToken);', languageOptions: esm },
    { code: 'user.tokens = user.tokens.filter((t) => t.token !== req.token);', languageOptions: esm },
    // a client cache keyed on the secret it was made with
    {
      code: "class Store { #getStripe() { const secretKey = this.settings.getActiveStripeKeys()?.secretKey; if (this.stripe && this.stripeSecretKey === secretKey) return this.stripe; this.stripeSecretKey = secretKey; this.stripe = this.factory(secretKey); return this.stripe; } }",
      languageOptions: cjs,
    },
    // sessions told apart, not checked
    { code: 'const hasOtherSession = sessions.some((otherSession) => _id === otherSession._id && sessionId !== otherSession.sessionId);', languageOptions: ts },
    // a resolved value compared with its configured source
    { code: 'const next = resolvedSecret && resolvedSecret !== config.secret ? { ...config, secret: resolvedSecret } : config;', languageOptions: ts },
    // entries matched in a loop over a list, outside any request
    { code: 'function handleSessionExpiry(session) { activeConnections.forEach((connection) => { if (connection.token === session.accessToken) connection.ws.close(); }); }', languageOptions: cjs },
    { code: 'const idx = apiKeys.findIndex((k) => k.secret === key.secret);', languageOptions: esm },
    // tokens of a parser walked by position
    { code: 'while (currentToken !== finalToken) currentToken = sourceCode.getTokenAfter(currentToken); if (token !== startToken && idToken !== firstToken) offsets.ignore(token);', languageOptions: cjs },
    // lists compared by identity
    { code: 'if (callSignatures !== resolved.callSignatures || user.tokens === tokens) recompute();', languageOptions: esm },
    // not secrets: ids, emails, names, hashes of secrets, digests of files
    { code: 'if (device.tokenId !== payload.tokenId) throw new UnauthorizedException();', languageOptions: ts },
    { code: 'if (req.params.id === user.id && req.body.email === user.email) ok();', languageOptions: esm },
    { code: "if (email.toLowerCase() === password.toLowerCase()) errors.push('password equals email');", languageOptions: esm },
    { code: "const digest = createHash('sha256').update(file).digest('hex'); if (digest !== manifest.sha256) throw new Error('corrupt');", languageOptions: esm },
    { code: 'if (user.passwordHash === hash) login(user);', languageOptions: esm },
    { code: 'if (publicKey === other.publicKey) same();', languageOptions: esm },
    // no literal secret: a placeholder word
    { code: "if (req.headers['x-api-key'] === 'changeme') warn();", languageOptions: esm },
    // careful code: constant-time checks, lookups by hash, library verifiers
    { code: "import { timingSafeEqual, createHmac } from 'crypto'; const expected = createHmac('sha256', key).update(body).digest(); const given = Buffer.from(sig, 'hex'); if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error();", languageOptions: esm },
    { code: "app.post('/t', async (req, res) => { const record = await Tokens.findOne({ hash: sha256(req.body.token) }); if (!record || record.expiresAt < Date.now()) return res.sendStatus(401); });", languageOptions: esm },
    { code: "const event = stripe.webhooks.constructEvent(req.rawBody, req.headers['stripe-signature'], endpointSecret);", languageOptions: cjs },
    { code: "app.post('/login', async (req, res) => { const ok = await bcrypt.compare(req.body.password, user.passwordHash); if (!ok) return res.sendStatus(401); });", languageOptions: esm },
    { code: "const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] }); if (payload.sub !== userId) throw new Error();", languageOptions: ts },
    { code: "module.exports = (req, res, next) => { if (!req.headers['x-api-key']) return res.status(401).json({ error: 'missing key' }); next(); };", languageOptions: cjs },
    { code: "app.use((req, res, next) => { const token = req.headers.authorization?.split(' ')[1]; if (token == null) return res.sendStatus(401); next(); });", languageOptions: esm },
    { code: "if (process.env.API_KEY === undefined || process.env.API_KEY.length < 32) throw new Error('API_KEY must be set');", languageOptions: cjs },
    { code: "if (req.body.token === req.query.token) log('same token in body and query');", languageOptions: esm },
    { code: "const isRefresh = decoded.tokenUse === 'refresh' && decoded.tokenVersion === user.tokenVersion;", languageOptions: ts },
    { code: "const matches = Object.keys(headers).filter((h) => h.toLowerCase() === 'authorization');", languageOptions: esm },
    { code: "switch (grantType) { case 'password': break; case 'refresh_token': break; }", languageOptions: esm },
    // strange code
    { code: '', languageOptions: esm },
    { code: 'if (#token in this) ok();', languageOptions: ts },
    { code: 'class A { #secret = 1; is(o) { return #secret in o && o.#secret === this.#secret; } }', languageOptions: esm },
    { code: "const same = (token satisfies string) === (undefined as unknown as string);", languageOptions: ts },
    { code: "if (secret?.[key] === other?.[key]) ok();", languageOptions: esm },
    { code: 'function f() { return new.target === token; }', languageOptions: esm },
    { code: 'import x = require("m"); if (x.token === `${a}`) ok();', languageOptions: ts },
    { code: '@Guard() class G { canActivate(@Headers() h) { return h.a === h.b; } }', languageOptions: ts },
  ],
  invalid: [
    ...everywhere([
      {
        code: "app.use((req, res, next) => {\n  if (req.headers['x-api-key'] !== process.env.API_KEY) return res.sendStatus(401);\n  next();\n});",
        left: "req.headers['x-api-key']",
        right: 'process.env.API_KEY',
        operator: '!==',
        what: 'API key',
        output: (lang) => {
          const body = "app.use((req, res, next) => {\n  if (!safeEqual(req.headers['x-api-key'], process.env.API_KEY)) return res.sendStatus(401);\n  next();\n});";
          if (lang === 'cjs') return body + helper("require('node:crypto').timingSafeEqual");
          return "import { timingSafeEqual } from 'node:crypto';\n" + body + helper('timingSafeEqual', lang === 'ts');
        },
      },
      {
        // an HMAC digest compared with the signature header (GitHub webhooks); crypto already loaded
        code: "const crypto = require('node:crypto');\nfunction verify(req) {\n  const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(req.rawBody).digest('hex');\n  return req.get('x-hub-signature-256') === expected;\n}",
        left: "req.get('x-hub-signature-256')",
        right: 'expected',
        what: 'signature',
        output: (lang) =>
          "const crypto = require('node:crypto');\nfunction verify(req) {\n  const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(req.rawBody).digest('hex');\n  return safeEqual(req.get('x-hub-signature-256'), expected);\n}" +
          helper('crypto.timingSafeEqual', lang === 'ts'),
      },
      {
        // the digest under a name that says nothing; `createHmac` destructured from require
        code: "const { createHmac } = require('crypto');\nfunction isValid(payload, header) {\n  const digest = createHmac('sha256', process.env.WEBHOOK_SECRET).update(payload).digest('hex');\n  return digest === header;\n}\n",
        left: 'digest',
        right: 'header',
        what: 'signature',
        output: (lang) =>
          "const { createHmac } = require('crypto');\nfunction isValid(payload, header) {\n  const digest = createHmac('sha256', process.env.WEBHOOK_SECRET).update(payload).digest('hex');\n  return safeEqual(digest, header);\n}\n" +
          helper("require('node:crypto').timingSafeEqual", lang === 'ts').slice(1),
      },
      {
        // a stored reset token compared with the client's
        code: "router.post('/reset', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user || user.resetToken !== req.body.token) return res.status(400).end();\n});",
        left: 'user.resetToken',
        right: 'req.body.token',
        operator: '!==',
        what: 'token',
        output: (lang) => {
          const body = "router.post('/reset', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user || !safeEqual(user.resetToken, req.body.token)) return res.status(400).end();\n});";
          if (lang === 'cjs') return body + helper("require('node:crypto').timingSafeEqual");
          return "import { timingSafeEqual } from 'node:crypto';\n" + body + helper('timingSafeEqual', lang === 'ts');
        },
      },
      {
        // two secret-named values, neither visibly from the request (passport client credentials)
        code: "const crypto = require('crypto');\nfunction verifyClient(clientId, clientSecret, done) {\n  Clients.get(clientId).then((client) => done(null, client && client.secret == clientSecret ? client : false));\n}",
        left: 'client.secret',
        right: 'clientSecret',
        operator: '==',
        what: 'secret',
        output: (lang) =>
          "const crypto = require('crypto');\nfunction verifyClient(clientId, clientSecret, done) {\n  Clients.get(clientId).then((client) => done(null, client && safeEqual(client.secret, clientSecret) ? client : false));\n}" +
          helper('crypto.timingSafeEqual', lang === 'ts'),
      },
      {
        // an API key field of a request handed to a handler, compared with the configured key
        code: "exports.handle = async function (apiVersion, functionName, fields, req, res) {\n  if (fields.apikey !== apikey.trim()) throw new Error('no or wrong API Key');\n};",
        left: 'fields.apikey',
        right: 'apikey.trim()',
        operator: '!==',
        what: 'API key',
        output: (lang) => {
          const body = "exports.handle = async function (apiVersion, functionName, fields, req, res) {\n  if (!safeEqual(fields.apikey, apikey.trim())) throw new Error('no or wrong API Key');\n};";
          if (lang === 'cjs') return body + helper("require('node:crypto').timingSafeEqual");
          return "import { timingSafeEqual } from 'node:crypto';\n" + body + helper('timingSafeEqual', lang === 'ts');
        },
      },
      {
        // a one-time code from the body against the stored one (Koa)
        code: "router.post('/verify', async (ctx) => {\n  const { otp } = ctx.request.body;\n  if (otp === ctx.session.otp) ctx.status = 204;\n});",
        left: 'otp',
        right: 'ctx.session.otp',
        what: 'code',
        output: (lang) => {
          const body = "router.post('/verify', async (ctx) => {\n  const { otp } = ctx.request.body;\n  if (safeEqual(otp, ctx.session.otp)) ctx.status = 204;\n});";
          if (lang === 'cjs') return body + helper("require('node:crypto').timingSafeEqual");
          return "import { timingSafeEqual } from 'node:crypto';\n" + body + helper('timingSafeEqual', lang === 'ts');
        },
      },
      {
        // a bearer token against a configured one
        code: 'app.use((req, res, next) => (req.headers.authorization === `Bearer ${config.adminToken}` ? next() : res.sendStatus(401)));',
        left: 'req.headers.authorization',
        right: '`Bearer ${config.adminToken}`',
        what: 'token',
        output: (lang) => {
          const body = 'app.use((req, res, next) => (safeEqual(req.headers.authorization, `Bearer ${config.adminToken}`) ? next() : res.sendStatus(401)));';
          if (lang === 'cjs') return body + helper("require('node:crypto').timingSafeEqual");
          return "import { timingSafeEqual } from 'node:crypto';\n" + body + helper('timingSafeEqual', lang === 'ts');
        },
      },
    ]),
    // `timingSafeEqual` already imported by name; typed helper in TypeScript
    {
      code: "import { timingSafeEqual, randomBytes } from 'crypto';\nexport async function reset(req: Request, res: Response) {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user || user.resetToken !== req.body.token) return res.status(400).end();\n}",
      languageOptions: ts,
      errors: [
        {
          messageId: 'timingUnsafeCompare',
          data: { left: 'user.resetToken', right: 'req.body.token', operator: '!==', what: 'token' },
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              data: { helper: 'safeEqual' },
              output:
                "import { timingSafeEqual, randomBytes } from 'crypto';\nexport async function reset(req: Request, res: Response) {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user || !safeEqual(user.resetToken, req.body.token)) return res.status(400).end();\n}" +
                helper('timingSafeEqual', true),
            },
          ],
        },
      ],
    },
    // an existing helper named safeEqual is reused
    ...[esm, ts].map((languageOptions) => ({
      code: "import { timingSafeEqual } from 'node:crypto';\nfunction safeEqual(a, b) { return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b)); }\nexport const guard = (req) => req.headers.authorization === `Bearer ${config.adminToken}`;",
      languageOptions,
      errors: [
        {
          messageId: 'timingUnsafeCompare' as const,
          data: { left: 'req.headers.authorization', right: '`Bearer ${config.adminToken}`', operator: '===', what: 'token' },
          suggestions: [
            {
              messageId: 'useTimingSafeEqual' as const,
              data: { helper: 'safeEqual' },
              output:
                "import { timingSafeEqual } from 'node:crypto';\nfunction safeEqual(a, b) { return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b)); }\nexport const guard = (req) => safeEqual(req.headers.authorization, `Bearer ${config.adminToken}`);",
            },
          ],
        },
      ],
    })),
    // a literal key compared with the header; the helper name is taken, so the second one is used
    {
      code: "const safeEqual = 1;\napp.use((req, res, next) => (req.get('x-api-key') !== 'sk_live_51HqLyjWDarjtT1zd' ? res.status(401).end() : next()));",
      languageOptions: cjs,
      errors: [
        {
          messageId: 'timingUnsafeCompare',
          data: { left: "req.get('x-api-key')", right: "'sk_live_51HqLyjWDarjtT1zd'", operator: '!==', what: 'API key' },
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              data: { helper: 'timingSafeCompare' },
              output:
                "const safeEqual = 1;\napp.use((req, res, next) => (!timingSafeCompare(req.get('x-api-key'), 'sk_live_51HqLyjWDarjtT1zd') ? res.status(401).end() : next()));" +
                helper("require('node:crypto').timingSafeEqual").replace('function safeEqual', 'function timingSafeCompare'),
            },
          ],
        },
      ],
    },
    // both helper names taken: reported without a suggestion
    {
      code: "const safeEqual = 1, timingSafeCompare = 2;\napp.use((req, res, next) => (req.query.token == process.env.TOKEN ? next() : res.end()));",
      languageOptions: cjsAsModule,
      errors: [
        {
          messageId: 'timingUnsafeCompare',
          data: { left: 'req.query.token', right: 'process.env.TOKEN', operator: '==', what: 'token' },
          suggestions: [],
        },
      ],
    },
  ],
});
