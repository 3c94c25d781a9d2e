import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-secure-session.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

ruleTester.run('require-secure-session', rule, {
  valid: [
    // review: a development-only session set up under an environment check (the production one secure)
    { code: "import session from 'express-session'; if (process.env.NODE_ENV === 'development') { app.use(session({ name: 'sid', secret: 'dev', cookie: { secure: false } })); } else { app.use(session({ name: 'sid', secret: s, cookie: { secure: true, sameSite: 'lax' } })); }", languageOptions: esm },
    { code: "const session = require('express-session'); if (app.get('env') === 'development') app.use(session({ name: 'dev.sid', secret: 'dev', resave: false, saveUninitialized: false }));", languageOptions: cjs },
    // review: cookie options cast to a TypeScript type, express-session behind a proxy
    { code: "import session from 'express-session'; app.use(session({ name: 'sid', secret: s, proxy: true, cookie: { secure: 'auto', sameSite: 'lax', httpOnly: true } as session.CookieOptions }));", languageOptions: ts },
    // review: koa-session in the older (app, options) order
    { code: "const session = require('koa-session'); app.use(session(app, { key: 'app:sess', secure: true, sameSite: 'lax' }));", languageOptions: cjs },
    // review: @fastify/session registered with cookie options from an environment test
    { code: "import fastifySession from '@fastify/session'; await app.register(fastifySession, { secret: process.env.SESSION_SECRET, cookieName: 'sid', cookie: { secure: process.env.NODE_ENV === 'production', sameSite: 'lax' } });", languageOptions: ts },
    // review: koa-session with its options and the app
    { code: "import session from 'koa-session'; app.keys = [process.env.KEY]; app.use(session({ key: 'app:sess', httpOnly: true, secure: true, sameSite: 'lax' }, app));", languageOptions: esm },
    // review: the whole options object spread from configuration
    { code: "import session from 'express-session'; app.use(session({ ...config.session, store }));", languageOptions: esm },
    // review: cross-site session behind a proxy in production only
    { code: "import session from 'express-session'; const isProd = process.env.NODE_ENV === 'production'; app.use(session({ name: 'sid', secret: s, cookie: { secure: isProd, sameSite: isProd ? 'none' : 'lax', httpOnly: true } }));", languageOptions: esm },
    // review: cookie options from a config object's member
    { code: "import session from 'express-session'; app.use(session({ name: 'sid', secret: config.session.secret, cookie: config.session.cookie }));", languageOptions: esm },
    // review: secure guarded by app.get('env'), httpOnly left to express-session's default (true)
    { code: "import session from 'express-session'; app.use(session({ name: 'app.sid', secret: env.SECRET, resave: false, cookie: { secure: app.get('env') === 'production', sameSite: 'lax' } }));", languageOptions: esm },
    // review: TypeScript-typed options constant
    { code: "import session, { type SessionOptions } from 'express-session'; const sessionOptions: SessionOptions = { name: 'sid', secret: process.env.SESSION_SECRET!, cookie: { httpOnly: true, secure: true, sameSite: 'strict', maxAge: 8 * 3600e3 } }; app.use(session(sessionOptions));", languageOptions: ts },
    // review: cookie options from a helper function and from an imported constant
    { code: "import session from 'express-session'; import { sessionCookie } from './config.js'; const cookieOptions = () => ({ httpOnly: true, secure: true, sameSite: 'lax' }); app.use(session({ name: 'sid', secret: s, cookie: cookieOptions() })); app.use('/admin', session({ name: 'admin.sid', secret: s, cookie: sessionCookie }));", languageOptions: esm },
    // review: cookie-session with all attributes set at the top level
    { code: "const cookieSession = require('cookie-session'); app.use(cookieSession({ name: 'sess', keys: [process.env.KEY_1, process.env.KEY_2], httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'strict', maxAge: 24 * 3600e3 }));", languageOptions: cjs },
    // review: a full cookie object spread into the options
    { code: "import session from 'express-session'; const COOKIE = { httpOnly: true, secure: true, sameSite: 'lax' }; app.use(session({ name: 'sid', secret: s, cookie: { ...COOKIE, maxAge: 3600e3 } }));", languageOptions: esm },
    // express-session with a name and a secure cookie
    { code: "import session from 'express-session'; app.use(session({ name: 'sid', secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false, cookie: { httpOnly: true, secure: true, sameSite: 'lax' } }));", languageOptions: esm },
    { code: "const session = require('express-session'); app.set('trust proxy', 1); app.use(session({ name: 'app.sid', secret: env.SECRET, cookie: { secure: 'auto', sameSite: 'strict' } }));", languageOptions: cjs },
    // development guards
    { code: "import session from 'express-session'; app.use(session({ name: 'sid', secret: s, cookie: { secure: process.env.NODE_ENV === 'production', sameSite: 'lax' } }));", languageOptions: esm },
    { code: "const session = require('express-session'); app.use(session({ key: 'sid', secret: s, cookie: { secure: app.get('env') === 'production' } }));", languageOptions: cjsAsModule },
    { code: "import session from 'express-session'; const isProd = config.env === 'production'; app.use(session({ name: 'sid', secret: s, cookie: { secure: isProd, sameSite: isProd ? 'none' : 'lax' } }));", languageOptions: ts },
    // the default name alone is not reported
    { code: "import session from 'express-session'; app.use(session({ secret: s, cookie: { secure: true } }));", languageOptions: esm },
    // options from a shared constant, also built by assignment
    { code: "import session from 'express-session'; const sessionConfig = { name: 'sid', secret: s, cookie: { secure: true } }; app.use(session(sessionConfig));", languageOptions: esm },
    { code: "import session from 'express-session'; const sess = { secret: s, cookie: {} }; if (app.get('env') === 'production') { sess.cookie.secure = true; } app.use(session(sess));", languageOptions: esm },
    // options not visible
    { code: "import session from 'express-session'; import { sessionOptions } from './config'; app.use(session(sessionOptions));", languageOptions: esm },
    { code: "import session from 'express-session'; app.use(session({ ...config.session, secret: s }));", languageOptions: esm },
    { code: "import session from 'express-session'; app.use(session({ secret: s, cookie: config.cookie }));", languageOptions: esm },
    { code: "import session from 'express-session'; app.use(session({ secret: s, cookie: { secure: false, ...settings.cookie } }));", languageOptions: esm },
    // cookie-session and koa-session: secure left to the deployment, httpOnly on by default
    { code: "import cookieSession from 'cookie-session'; app.use(cookieSession({ name: 'session', keys: [k1, k2], maxAge: 86400000 }));", languageOptions: esm },
    { code: "const session = require('koa-session'); app.keys = [process.env.KEY]; app.use(session({ key: 'app.sess', maxAge: 86400000, sameSite: 'lax' }, app));", languageOptions: cjs },
    { code: "const session = require('koa-session'); app.use(session(app));", languageOptions: cjs },
    // @fastify/session: secure and httpOnly by default
    { code: "import fastifySession from '@fastify/session'; app.register(fastifySession, { secret: process.env.SESSION_SECRET });", languageOptions: esm },
    { code: "import secureSession from '@fastify/secure-session'; app.register(secureSession, { key: readFileSync('secret-key'), cookie: { path: '/', httpOnly: true } });", languageOptions: ts },
    // a hardcoded secret is reported by no-hardcoded-secrets, not here
    { code: "import session from 'express-session'; app.use(session({ name: 'sid', secret: 'keyboard cat', cookie: { secure: true } }));", languageOptions: esm },
    // not the libraries
    { code: "import session from './session'; app.use(session({ cookie: { secure: false } }));", languageOptions: esm },
    { code: "const session = (o) => o; app.use(session({ cookie: { secure: false } }));", languageOptions: esm },
    { code: "import { Store } from 'express-session'; new Store(); class S extends Store {}", languageOptions: esm },
    { code: "import session from 'express-session'; app.register(session, { cookie: { secure: false } });", languageOptions: esm },
    // computed attributes (the HTTPS check of a configured URL, settings), a cookie given only when configured
    {
      code: `const session = require('express-session');
const config = require('./config');
module.exports = () => session({
  store, secret: settingsCache.get('admin_session_secret'), resave: false, saveUninitialized: false,
  name: 'ghost-admin-api-session',
  cookie: { maxAge: config.get('admin:sessionMaxAgeMs'), httpOnly: true, path: '/ghost', sameSite: urlUtils.isSSL(config.get('url')) ? 'none' : 'lax', secure: urlUtils.isSSL(config.get('url')) },
});`,
      languageOptions: cjs,
    },
    {
      code: `const expressSession = require('express-session');
exports.sessionMiddleware = expressSession({ secret: settings.sessionKey, store: new SessionStore(), resave: false, saveUninitialized: true, name: 'express_sid', proxy: true,
  cookie: { sameSite: settings.cookie.sameSite, secure: 'auto' } });`,
      languageOptions: cjs,
    },
    {
      code: `function genericStrategy(adminApp) {
  const session = require('express-session');
  const sessionOptions = { secret: crypto.randomBytes(20).toString('hex'), resave: false, saveUninitialized: false };
  if (settings.httpAdminCookieOptions) {
    sessionOptions.cookie = { path: '/', httpOnly: true, secure: false, maxAge: null, ...settings.httpAdminCookieOptions };
  }
  adminApp.use(session(sessionOptions));
}`,
      languageOptions: cjsAsModule,
    },
    // NestJS bootstrap with configuration values
    {
      code: "import * as session from 'express-session'; async function bootstrap() { const app = await NestFactory.create(AppModule); const config = app.get(ConfigService); app.use(session({ name: config.get('SESSION_NAME'), secret: config.getOrThrow('SESSION_SECRET'), cookie: { secure: config.get('COOKIE_SECURE'), sameSite: 'lax' } })); }",
      languageOptions: ts,
    },
    // production configurations as their documentation shows them
    { code: "import session from 'express-session'; import RedisStore from 'connect-redis'; app.use(session({ store: new RedisStore({ client }), name: 'sid', secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false, cookie: { secure: true, httpOnly: true, sameSite: 'strict', maxAge: 8 * 3600e3 } }));", languageOptions: esm },
    { code: "import expressSession from 'express-session'; app.use(expressSession({ name: 'embed.sid', secret, cookie: { sameSite: 'none', secure: true } }));", languageOptions: ts },
    { code: "const cookieSession = require('cookie-session'); app.use(cookieSession({ name: 'session', keys: [process.env.KEY], secure: true, httpOnly: true, sameSite: 'lax' }));", languageOptions: cjs },
    { code: "const cookieSession = require('cookie-session'); app.use(cookieSession({ name: 's', keys, secure: process.env.NODE_ENV === 'production', sameSite: 'none' }));", languageOptions: cjsAsModule },
    { code: "const session = require('koa-session'); const CONFIG = { key: 'app.sess', maxAge: 86400000, httpOnly: true, secure: true, sameSite: 'strict' }; app.use(session(CONFIG, app));", languageOptions: cjs },
    { code: "import fastifySession from '@fastify/session'; app.register(fastifySession, { secret: process.env.SECRET, cookie: { secure: 'auto', sameSite: 'lax' } });", languageOptions: ts },
    { code: "import fastifySession from '@fastify/session'; app.register(fastifySession, { secret: process.env.SECRET, cookie: { secure: process.env.NODE_ENV === 'production' } });", languageOptions: esm },
    { code: "import secureSession from '@fastify/secure-session'; app.register(secureSession, { secret: process.env.SECRET, salt, cookie: { path: '/', httpOnly: true, secure: true, sameSite: 'lax' } });", languageOptions: esm },
    // session stores and type augmentation
    { code: "const session = require('express-session'); const MemoryStore = require('memorystore')(session); const store = new MemoryStore({ checkPeriod: 864e5 });", languageOptions: cjs },
    { code: "import 'express-session'; declare module 'express-session' { interface SessionData { userId: string } }", languageOptions: ts },
    // strange code
    { code: "import session from 'express-session'; app.use(session(...args)); app.use(session({ [k]: v, cookie: { secure: true } }));", languageOptions: ts },
    { code: "import session = require('express-session'); app.use(session({ name: 'sid', cookie: { secure: true } satisfies CookieOptions }));", languageOptions: ts },
    { code: "import session from 'express-session'; app.use(session({ name: 'sid', cookie: (req) => ({ secure: req.secure }) }));", languageOptions: esm },
    { code: "import session from 'express-session'; function f() { return new.target ? session : null; } f()?.({});", languageOptions: esm },
  ],
  invalid: [
    ...acrossParsers([
      {
        code: "import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET, resave: false }));",
        errors: [
          {
            messageId: 'insecureSession' as const,
            line: 2,
            suggestions: [
              {
                messageId: 'addCookieOptions' as const,
                data: { text: "`name: 'sid', cookie: { httpOnly: true, secure: true, sameSite: 'lax' }`" },
                output: "import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET, resave: false, name: 'sid', cookie: { httpOnly: true, secure: true, sameSite: 'lax' } }));",
              },
            ],
          },
        ],
      },
      {
        code: "import session from 'express-session';\napp.use(session({ name: 'sid', secret: s, cookie: { maxAge: 3600e3, secure: false } }));",
        errors: [
          {
            messageId: 'insecureSession' as const,
            suggestions: [
              {
                messageId: 'addCookieOptions' as const,
                data: { text: "`cookie: { secure: true }`" },
                output: "import session from 'express-session';\napp.use(session({ name: 'sid', secret: s, cookie: { maxAge: 3600e3, secure: true } }));",
              },
            ],
          },
        ],
      },
      {
        code: "import session from 'express-session';\napp.use(session({ name: 'sid', secret: s, cookie: { secure: true, httpOnly: false, sameSite: 'none' } }));",
        errors: [
          {
            messageId: 'insecureSession' as const,
            suggestions: [
              {
                messageId: 'addCookieOptions' as const,
                data: { text: "`cookie: { httpOnly: true }`" },
                output: "import session from 'express-session';\napp.use(session({ name: 'sid', secret: s, cookie: { secure: true, httpOnly: true, sameSite: 'none' } }));",
              },
            ],
          },
        ],
      },
      {
        code: "import session from 'express-session';\napp.use(session());",
        errors: [
          {
            messageId: 'insecureSession' as const,
            suggestions: [
              {
                messageId: 'addCookieOptions' as const,
                data: { text: "`{ name: 'sid', cookie: { secure: true } }`" },
                output: "import session from 'express-session';\napp.use(session({ name: 'sid', cookie: { secure: true } }));",
              },
            ],
          },
        ],
      },
    ]),
    ...acrossParsers(
      [
        {
          code: "const session = require('express-session');\nconst sessionOptions = { name: 'sid', secret: process.env.SECRET, cookie: { secure: false } };\napp.use(session(sessionOptions));",
          errors: [{ messageId: 'insecureSession' as const, line: 3, suggestions: [] }],
        },
        {
          code: "app.use(require('express-session')({ name: 'sid', secret: process.env.SECRET, cookie: { httpOnly: false, secure: true } }));",
          errors: [
            {
              messageId: 'insecureSession' as const,
              suggestions: [
                {
                  messageId: 'addCookieOptions' as const,
                  data: { text: '`cookie: { httpOnly: true }`' },
                  output: "app.use(require('express-session')({ name: 'sid', secret: process.env.SECRET, cookie: { httpOnly: true, secure: true } }));",
                },
              ],
            },
          ],
        },
        {
          code: "const cookieSession = require('cookie-session');\napp.use(cookieSession({ name: 'ghost-private', maxAge: 30 * 24 * 60 * 60 * 1000, signed: false, sameSite: 'none' }));",
          errors: [
            {
              messageId: 'insecureSession' as const,
              suggestions: [
                {
                  messageId: 'addCookieOptions' as const,
                  data: { text: '`secure: true`' },
                  output: "const cookieSession = require('cookie-session');\napp.use(cookieSession({ name: 'ghost-private', maxAge: 30 * 24 * 60 * 60 * 1000, signed: false, sameSite: 'none', secure: true }));",
                },
              ],
            },
          ],
        },
        {
          code: "const session = require('koa-session');\napp.use(session({ key: 'app.sess', secure: false, httpOnly: false }, app));",
          errors: [
            {
              messageId: 'insecureSession' as const,
              suggestions: [
                {
                  messageId: 'addCookieOptions' as const,
                  data: { text: '`httpOnly: true, secure: true`' },
                  output: "const session = require('koa-session');\napp.use(session({ key: 'app.sess', secure: true, httpOnly: true }, app));",
                },
              ],
            },
          ],
        },
        {
          code: "const fastifySession = require('@fastify/session');\nfastify.register(fastifySession, { secret: process.env.SECRET, cookie: { secure: false } });",
          errors: [
            {
              messageId: 'insecureSession' as const,
              suggestions: [
                {
                  messageId: 'addCookieOptions' as const,
                  data: { text: '`cookie: { secure: true }`' },
                  output: "const fastifySession = require('@fastify/session');\nfastify.register(fastifySession, { secret: process.env.SECRET, cookie: { secure: true } });",
                },
              ],
            },
          ],
        },
      ],
      [cjs, cjsAsModule, ts],
    ),
  ],
});
