import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-error-details-in-response.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();
const GENERIC = "'Internal server error'";

ruleTester.run('no-error-details-in-response', rule, {
  valid: [
    // careful code: a promise .catch and an error-first callback that send only a generic body
    { code: "app.get('/r', (req, res) => {\n  load(req.params.id).then((r) => res.json(r)).catch((error) => { console.error(error.stack); res.status(500).json({ error: 'Internal error' }); });\n  fs.readFile(p, (err, data) => { if (err) { logger.error(err); return res.sendStatus(500); } res.send(data); });\n});", languageOptions: esm },
    // careful code: a TypeScript-wrapped handler registration that hides the details
    { code: "import Fastify from 'fastify';\nconst app = Fastify();\n(app.setErrorHandler as any)((error: Error, request: unknown, reply: { code(n: number): { send(b: unknown): void } }) => { reply.code(500).send({ message: 'Something went wrong' }); });", languageOptions: ts },
    // careful code from a review: validation issues for 400, details only in development
    { code: "import { NextResponse } from 'next/server';\nimport { ZodError } from 'zod';\nexport async function POST(request: Request) {\n  try { await save(await request.json()); return NextResponse.json({ ok: true }); } catch (err) {\n    return NextResponse.json({ error: err instanceof ZodError ? err.issues : 'Server error', details: process.env.NODE_ENV === 'development' ? String(err) : undefined }, { status: err instanceof ZodError ? 400 : 500 });\n  }\n}", languageOptions: ts },
    // careful code from a review: stack logged on the server, message only outside production
    { code: "const express = require('express');\nconst app = express();\napp.use((err, req, res, next) => {\n  console.error(err.stack);\n  res.status(err.statusCode || 500).json({ message: process.env.NODE_ENV === 'production' ? 'Internal Server Error' : err.message });\n});", languageOptions: cjs },
    // careful code from a review: client errors by status, a generic 500 otherwise
    { code: "app.get('/x', async (req, res) => {\n  try { await doThing(); } catch (err) {\n    if (err.status && err.status < 500) return res.status(err.status).json({ error: err.message });\n    res.status(500).json({ error: 'Internal error', code: err.code });\n  }\n});", languageOptions: cjs },
    // 4xx responses carry messages of errors made for the client
    { code: "app.post('/users', async (req, res) => { try { await users.create(req.body); } catch (err) { res.status(400).json({ error: err.message }); } });", languageOptions: esm },
    { code: "router.post('/login', async (req, res) => { try { await login(req.body); } catch (e) { return res.status(401).send({ message: e.message }); } });", languageOptions: cjs },
    // no status and the error comes from a block, not an error handler: off by default
    { code: "app.get('/items', async (req, res) => { try { res.json(await items.list()); } catch (err) { res.json({ success: false, message: err.message }); } });", languageOptions: esm },
    // guarded by the environment
    {
      code: "app.use((err, req, res, next) => { res.status(500).json({ message: 'Internal server error', stack: process.env.NODE_ENV === 'production' ? undefined : err.stack }); });",
      languageOptions: esm,
    },
    {
      code: "const isDev = process.env.NODE_ENV !== 'production'; app.use((err, req, res, next) => { res.status(500).json({ error: 'Internal server error', ...(isDev && { stack: err.stack, message: err.message }) }); });",
      languageOptions: esm,
    },
    {
      code: "app.use((err, req, res, next) => { if (process.env.NODE_ENV === 'production') return res.status(500).json({ error: 'Internal server error' }); res.status(500).json({ error: err.message, stack: err.stack }); });",
      languageOptions: cjs,
    },
    {
      code: "app.use((err, req, res, next) => { const body = { error: 'Internal server error' }; if (config.debug) body.stack = err.stack; res.status(500).json(body); });",
      languageOptions: esm,
    },
    // messages of errors made for the client: `expose`, `status < 500`, error classes
    { code: "app.use((err, req, res, next) => { res.status(err.status || 500).json({ message: err.expose ? err.message : 'Internal server error' }); });", languageOptions: esm },
    {
      code: "app.use((err, req, res, next) => { const status = err.status || 500; res.status(status).json({ message: status < 500 ? err.message : 'Internal server error' }); });",
      languageOptions: esm,
    },
    {
      code: "app.use((err, req, res, next) => { if (err instanceof HttpError) return res.status(err.status).json({ message: err.message }); console.error(err); res.status(500).json({ message: 'Internal server error' }); });",
      languageOptions: esm,
    },
    {
      code: "app.use((err, req, res, next) => { if (err.name === 'ValidationError') { res.status(500).json({ errors: err.errors, message: err.message }); return; } next(err); });",
      languageOptions: esm,
    },
    {
      code: "app.use((err: unknown, req: Request, res: Response, next: NextFunction) => { if (err instanceof ZodError) return res.status(500).json({ message: err.message }); res.sendStatus(500); });",
      languageOptions: ts,
    },
    {
      code: "app.use((err, req, res, next) => { switch (err.code) { case 'EBADCSRFTOKEN': return res.status(500).json({ error: err.message }); default: return next(err); } });",
      languageOptions: esm,
    },
    // a handler that turns every error into one of its own classes
    {
      code: "app.use((err, req, res, next) => { if (!isAppError(err)) err = new InternalServerError({ err }); res.status(err.statusCode).json({ message: err.message }); });",
      languageOptions: esm,
    },
    // logged, not sent
    { code: "app.get('/x', async (req, res) => { try { await db.query(sql); } catch (err) { console.error(err.stack); res.status(500).json({ error: 'Internal server error' }); } });", languageOptions: esm },
    { code: "app.get('/x', async (req, res) => { try { await db.query(sql); } catch (err) { logger.error({ err }, err.message); res.status(500).json({ error: 'Internal server error', code: err.code }); } });", languageOptions: esm },
    { code: "app.get('/x', async (req, res, next) => { try { res.json(await db.query(sql)); } catch (err) { next(err); } });", languageOptions: esm },
    // Fastify forwards `reply.send(err)` to its error handler, like `next(err)`
    { code: "fastify.get('/', async (request, reply) => { try { return await load(); } catch (err) { reply.send(err); } });", languageOptions: esm },
    { code: "fastify.setErrorHandler((error, request, reply) => { request.log.error(error); reply.code(500).send({ error: 'Internal Server Error' }); });", languageOptions: esm },
    {
      code: "fastify.setErrorHandler((error, request, reply) => { if (error.validation) { reply.code(400).send({ message: error.message }); return; } reply.code(500).send({ message: 'Internal Server Error' }); });",
      languageOptions: esm,
    },
    // Koa: emitted for logging, or guarded by `expose`
    {
      code: "app.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.status = err.status || 500; ctx.body = { message: err.expose ? err.message : 'Internal Server Error' }; ctx.app.emit('error', err, ctx); } });",
      languageOptions: esm,
    },
    { code: "app.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.status = 500; ctx.body = { message: 'Internal Server Error' }; ctx.app.emit('error', err, ctx); } });", languageOptions: cjs },
    // Hono
    { code: "app.onError((err, c) => { console.error(err); return c.json({ error: 'Internal Server Error' }, 500); });", languageOptions: ts },
    { code: "app.onError((err, c) => { if (err instanceof HTTPException) return err.getResponse(); return c.text('Internal Server Error', 500); });", languageOptions: ts },
    // NestJS filters limited to HttpException, or with the message guarded
    {
      code: `import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
@Catch(HttpException)
export class HttpFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    response.status(exception.getStatus()).json({ statusCode: exception.getStatus(), message: exception.message });
  }
}`,
      languageOptions: ts,
    },
    {
      code: `import { Catch, HttpException, HttpStatus } from '@nestjs/common';
@Catch()
export class AllFilter {
  catch(exception: unknown, host) {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse();
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    response.status(status).json({ statusCode: status, message: exception instanceof HttpException ? exception.message : 'Internal server error' });
  }
}`,
      languageOptions: ts,
    },
    // errorhandler mounted for development only, or a local module of that name
    { code: "import errorhandler from 'errorhandler'; if (process.env.NODE_ENV === 'development') app.use(errorhandler());", languageOptions: esm },
    { code: "const errorhandler = require('errorhandler'); if (app.get('env') !== 'production') { app.use(errorhandler({ log: true })); }", languageOptions: cjs },
    { code: "import errorhandler = require('errorhandler'); if (isDevelopment) app.use(errorhandler());", languageOptions: ts },
    { code: "import errorhandler from './middleware/errorhandler'; app.use(errorhandler());", languageOptions: esm },
    // not a response, not a caught error
    { code: "export function toResult(err) { return { ok: false, error: err.message }; }", languageOptions: esm },
    { code: "app.post('/x', (req, res) => { const errors = validate(req.body); res.status(500).json({ errors: errors.map((error) => error.message) }); });", languageOptions: esm },
    { code: "async function load() { try { return await fetch('/api').then((r) => r.json()); } catch (err) { setError(err.message); } }", languageOptions: esm },
    {
      code: "app.use((err, req, res, next) => { res.locals.message = err.message; res.locals.error = req.app.get('env') === 'development' ? err : {}; res.status(err.status || 500); res.render('error'); });",
      languageOptions: cjs,
    },
    { code: "app.get('/x', async (req, res) => { try { await db.query(sql); } catch (err) { const message = 'Could not load'; res.status(500).json({ error: message }); } });", languageOptions: esm },
    // the documented handler: 4xx messages only, the stack outside production
    {
      code: `app.use((err, req, res, next) => {
  const status = err.status || 500;
  req.log.error(err);
  res.status(status).json({
    message: status < 500 ? err.message : 'Internal server error',
    ...(process.env.NODE_ENV !== 'production' && { stack: err.stack }),
  });
});`,
      languageOptions: esm,
    },
    { code: "app.use(function (err, req, res, next) { res.status(500); res.json({ error: app.get('env') === 'development' ? err.stack : 'Internal server error' }); });", languageOptions: cjs },
    { code: "app.get('/x', async (req, res) => { try { await run(); } catch (err) { res.status(422).json(err); } });", languageOptions: esm },
    { code: "app.get('/x', async (req, res) => { try { await run(); } catch (err) { res.status(err.status).json({ message: err.message }); } });", languageOptions: esm },
    { code: "app.get('/x', (req, res) => { fs.readFile(p, (err, data) => { if (err) return res.sendStatus(500); res.send(data); }); });", languageOptions: cjs },
    // careful handlers from real applications
    ...acrossParsers(
      [
        { code: "app.use((err, req, res, next) => { logger.error({ err, requestId: req.id }); res.status(500).json({ error: 'Internal Server Error', requestId: req.id }); });" },
        { code: "app.use((err, req, res, next) => { if (Boom.isBoom(err)) return res.status(err.output.statusCode).json(err.output.payload); res.status(500).json({ message: 'Internal Server Error' }); });" },
        { code: "app.use((err, req, res, next) => { res.status(err.status || 500); res.json({ message: err.expose ? err.message : 'Internal Server Error' }); });" },
        { code: "app.use((err, req, res, next) => { if (isCelebrateError(err)) return res.status(500).json({ message: err.message }); next(err); });" },
        { code: "app.post('/x', async (req, res) => { try { await save(schema.parse(req.body)); } catch (err) { if (err instanceof z.ZodError) return res.status(500).json({ issues: err.issues, message: err.message }); res.status(500).json({ error: 'Internal server error' }); } });" },
        { code: "app.post('/signup', async (req, res) => { try { await User.create(req.body); } catch (err) { if (err.code === 11000) return res.status(500).json({ message: err.message }); res.status(500).json({ message: 'Could not sign up' }); } });" },
        { code: "fastify.setErrorHandler((error, request, reply) => { if (error.statusCode && error.statusCode < 500) return reply.status(error.statusCode).send({ message: error.message }); request.log.error({ err: error }); reply.status(500).send({ message: 'Something went wrong' }); });" },
        { code: "app.onError((err, c) => { if (err instanceof HTTPException) return c.json({ message: err.message }, 500); return c.json({ message: 'Internal Server Error' }, 500); });" },
        { code: "import { NextResponse } from 'next/server'; export async function GET() { try { return NextResponse.json(await load()); } catch (e) { console.error(e); return NextResponse.json({ error: 'Something went wrong' }, { status: 500 }); } }" },
        { code: "app.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.status = err.statusCode || err.status || 500; ctx.body = { message: ctx.status < 500 ? err.message : 'Internal Server Error' }; } });" },
        { code: "class ApiError extends Error {} app.use((err, req, res, next) => { if (err instanceof ApiError) return res.status(500).json({ error: err.message }); res.status(500).json({ error: 'Internal' }); });" },
        { code: "app.get('/x', async (req, res) => { try { await run(); } catch (err) { res.status(500).json({ error: showErrorDetails ? err.message : 'Internal server error' }); } });" },
      ],
      [esm, ts],
    ),
    { code: "app.use((err: HttpError, req: Request, res: Response, next: NextFunction) => { res.status(err.statusCode).json({ message: err.message }); });", languageOptions: ts },
    { code: "app.post('/x', (req, res, next) => { user.save((err) => { if (err) return next(err); res.json({ id: user.id }); }); });", languageOptions: cjs },
    { code: "app.post('/login', (req, res, next) => { passport.authenticate('local', (err, user, info) => { if (err) return next(err); if (!user) return res.status(401).json({ message: info.message }); res.json({ ok: true }); })(req, res, next); });", languageOptions: cjs },
    { code: "app.get('/x', (req, res, next) => { load(req.params.id).then((r) => res.json(r)).catch(next); });", languageOptions: esm },
    { code: "app.get('/x', (req, res, next) => { load(req.params.id).then((r) => res.json(r)).catch((err) => next(err)); });", languageOptions: esm },
    { code: "app.get('/x', (req, res) => { load().then((r) => res.json(r)).catch((err) => { console.error(err); res.status(500).json({ error: 'Failed to load' }); }); });", languageOptions: esm },
    { code: "io.on('connection', (socket) => { socket.on('add', async (data, callback) => { try { await add(data); callback({ ok: true }); } catch (e) { callback({ ok: false, msg: e.message }); } }); });", languageOptions: cjs },
    { code: "async function main() { try { await run(); } catch (err) { process.stderr.write(err.stack); process.exit(1); } }", languageOptions: esm },
    { code: "app.post('/upload', async (req, res) => { try { await store(req.file); } catch (err) { res.status(500).json({ error: 'Upload failed', code: err.code }); } });", languageOptions: esm },
    { code: "const server = new ApolloServer({ typeDefs, resolvers, formatError: (err) => ({ message: err.message }) });", languageOptions: esm },
    { code: "app.get('/x', async (req, res) => { try { await run(); } catch (err) { if (req.app.get('env') === 'development') return res.status(500).send(err.stack); res.sendStatus(500); } });", languageOptions: cjs },
    { code: "const env = process.env.NODE_ENV; const errorhandler = require('errorhandler'); if (env === 'development') app.use(errorhandler());", languageOptions: cjs },
    { code: "app.get('/items/:id', async (req, res) => { try { res.json(await load(req.params.id)); } catch (err) { res.status(500).json({ error: `Failed to load ${req.params.id}` }); } });", languageOptions: esm },
    { code: "app.get('/x', async (req, res) => { try { await run(); } catch (error: unknown) { const message = error instanceof Error ? error.message : 'Unknown error'; logger.error(message); return res.status(500).json({ error: 'Internal server error' }); } });", languageOptions: ts },
    { code: "app.get('/x', async (req, res) => { try { await run(); } catch (err) { res.status(500).json({ error: 'Internal', name: err.name, at: new Date().toISOString() }); } });", languageOptions: esm },
    // strange code
    { code: '', languageOptions: esm },
    { code: "try { run(); } catch { res.status(500).json({ error: 'x' }); }", languageOptions: esm },
    { code: "app.get('/x', async (req, res) => { try { await run(); } catch ([first]) { res.status(500).json({ first }); } });", languageOptions: esm },
    { code: "function F() { if (!new.target) throw new Error('x'); } try { new F(); } catch (e) { void e; }", languageOptions: esm },
    { code: "@Catch() class Filter { catch(exception, host) { host.switchToHttp().getResponse().status(500).json({ message: exception.message }); } }", languageOptions: ts },
    { code: "app.get('/x', async (req, res) => { try { await run(); } catch (err) { res.status(500).json({ [key]: 'x', ...rest }); } });", languageOptions: ts },
    { code: "app.get('/x', (req, res) => { db.query(sql, ...args); });", languageOptions: esm },
  ],
  invalid: [
    // catch around a database call, 5xx
    ...acrossParsers(
      [
        {
          code: "app.get('/users', async (req, res) => { try { res.json(await db.query('SELECT * FROM users')); } catch (err) { res.status(500).json({ error: err.message }); } });",
          errors: [
            {
              messageId: 'message' as const,
              column: 142,
              suggestions: [
                {
                  messageId: 'genericMessage' as const,
                  output: `app.get('/users', async (req, res) => { try { res.json(await db.query('SELECT * FROM users')); } catch (err) { res.status(500).json({ error: ${GENERIC} }); } });`,
                },
              ],
            },
          ],
        },
      ],
      [esm, cjs, cjsAsModule, ts],
    ),
    // stack traces, whatever the status
    ...acrossParsers([
      {
        code: "app.get('/x', async (req, res) => { try { await run(); } catch (err) { res.status(400).send(err.stack); } });",
        errors: [
          {
            messageId: 'stack' as const,
            suggestions: [{ messageId: 'genericMessage' as const, output: `app.get('/x', async (req, res) => { try { await run(); } catch (err) { res.status(400).send(${GENERIC}); } });` }],
          },
        ],
      },
    ]),
    // Express error middleware
    ...acrossParsers(
      [
        {
          code: "app.use((err, req, res, next) => {\n  res.status(err.status || 500).json({ message: err.message, stack: err.stack });\n});",
          errors: [
            {
              messageId: 'message' as const,
              line: 2,
              suggestions: [
                { messageId: 'genericMessage' as const, output: `app.use((err, req, res, next) => {\n  res.status(err.status || 500).json({ message: ${GENERIC}, stack: err.stack });\n});` },
              ],
            },
            {
              messageId: 'stack' as const,
              line: 2,
              suggestions: [{ messageId: 'removeProperty' as const, output: 'app.use((err, req, res, next) => {\n  res.status(err.status || 500).json({ message: err.message });\n});' }],
            },
          ],
        },
        {
          code: 'app.use((e, req, res, next) => res.status(500).send(e.stack));',
          errors: [{ messageId: 'stack' as const, suggestions: [{ messageId: 'genericMessage' as const, output: `app.use((e, req, res, next) => res.status(500).send(${GENERIC}));` }] }],
        },
        {
          code: 'function errorHandler(err, req, res, next) { res.json({ error: err.message }); }\napp.use(errorHandler);',
          errors: [
            {
              messageId: 'message' as const,
              suggestions: [{ messageId: 'genericMessage' as const, output: `function errorHandler(err, req, res, next) { res.json({ error: ${GENERIC} }); }\napp.use(errorHandler);` }],
            },
          ],
        },
      ],
      [esm, cjs, ts],
    ),
    // error-first callbacks and promise catch callbacks; the error object, concatenation
    ...acrossParsers([
      {
        code: "app.get('/x', (req, res) => { db.query(sql, (err, rows) => { if (err) return res.status(500).json(err); res.json(rows); }); });",
        errors: [
          {
            messageId: 'errorObject' as const,
            suggestions: [{ messageId: 'genericMessage' as const, output: "app.get('/x', (req, res) => { db.query(sql, (err, rows) => { if (err) return res.status(500).json({ error: 'Internal server error' }); res.json(rows); }); });" }],
          },
        ],
      },
      {
        code: "app.get('/x', (req, res) => { load().then((r) => res.json(r)).catch((e) => res.status(500).send('Failed: ' + e)); });",
        errors: [
          {
            messageId: 'message' as const,
            suggestions: [{ messageId: 'genericMessage' as const, output: `app.get('/x', (req, res) => { load().then((r) => res.json(r)).catch((e) => res.status(500).send(${GENERIC})); });` }],
          },
        ],
      },
      {
        code: "app.get('/x', async (req, res) => { try { await run(); } catch (err) { res.status(500).send(`Failed: ${err}`); } });",
        errors: [
          {
            messageId: 'message' as const,
            suggestions: [{ messageId: 'genericMessage' as const, output: `app.get('/x', async (req, res) => { try { await run(); } catch (err) { res.status(500).send(${GENERIC}); } });` }],
          },
        ],
      },
    ]),
    // a stream's error event
    ...acrossParsers(
      [
        {
          code: "app.get('/file', (req, res) => { const stream = fs.createReadStream(path); stream.on('error', (err) => res.status(500).send(err.message)); stream.pipe(res); });",
          errors: [
            {
              messageId: 'message' as const,
              suggestions: [{ messageId: 'genericMessage' as const, output: `app.get('/file', (req, res) => { const stream = fs.createReadStream(path); stream.on('error', (err) => res.status(500).send(${GENERIC})); stream.pipe(res); });` }],
            },
          ],
        },
      ],
      [esm, cjs],
    ),
    // util.inspect shows the stack; `res.end(text)` after `writeHead`
    ...acrossParsers([
      {
        code: "import { inspect } from 'node:util'; app.get('/x', async (req, res) => { try { await run(); } catch (err) { res.status(500).json({ detail: inspect(err) }); } });",
        errors: [
          {
            messageId: 'stack' as const,
            suggestions: [{ messageId: 'removeProperty' as const, output: "import { inspect } from 'node:util'; app.get('/x', async (req, res) => { try { await run(); } catch (err) { res.status(500).json({}); } });" }],
          },
        ],
      },
      {
        code: "app.post('/x', async (req, res) => { try { await run(); } catch (err) { res.writeHead(err.statusCode || 500, { 'Content-Type': 'text/plain' }); res.end(err.message); } });",
        errors: [
          {
            messageId: 'message' as const,
            suggestions: [
              { messageId: 'genericMessage' as const, output: `app.post('/x', async (req, res) => { try { await run(); } catch (err) { res.writeHead(err.statusCode || 500, { 'Content-Type': 'text/plain' }); res.end(${GENERIC}); } });` },
            ],
          },
        ],
      },
    ]),
    // an alias and a message variable; the check that only narrows the type is no guard
    ...acrossParsers([
      {
        code: "app.get('/x', async (req, res) => { try { await run(); } catch (err) { const message = err instanceof Error ? err.message : String(err); res.status(500).json({ message }); } });",
        errors: [
          {
            messageId: 'message' as const,
            suggestions: [
              {
                messageId: 'genericMessage' as const,
                output: `app.get('/x', async (req, res) => { try { await run(); } catch (err) { const message = err instanceof Error ? err.message : String(err); res.status(500).json({ message: ${GENERIC} }); } });`,
              },
            ],
          },
        ],
      },
      {
        code: "app.get('/x', async (req, res) => { try { await run(); } catch ({ message }) { res.status(500).json({ error: message }); } });",
        errors: [
          {
            messageId: 'message' as const,
            suggestions: [{ messageId: 'genericMessage' as const, output: `app.get('/x', async (req, res) => { try { await run(); } catch ({ message }) { res.status(500).json({ error: ${GENERIC} }); } });` }],
          },
        ],
      },
      {
        code: "app.use((err, req, res, next) => { if (err instanceof HttpError) return res.status(err.status).json({ error: err.message }); res.status(500).json({ error: err.message }); });",
        errors: [
          {
            messageId: 'message' as const,
            column: 156,
            suggestions: [
              {
                messageId: 'genericMessage' as const,
                output: `app.use((err, req, res, next) => { if (err instanceof HttpError) return res.status(err.status).json({ error: err.message }); res.status(500).json({ error: ${GENERIC} }); });`,
              },
            ],
          },
        ],
      },
    ]),
    // a body built first; a text body; Koa with the status set after the body
    ...acrossParsers([
      {
        code: "app.get('/x', async (req, res) => { try { await run(); } catch (err) { const body = { message: err.message }; res.status(500).json(body); } });",
        errors: [{ messageId: 'message' as const, suggestions: [{ messageId: 'genericMessage' as const, output: `app.get('/x', async (req, res) => { try { await run(); } catch (err) { const body = { message: err.message }; res.status(500).json(${GENERIC}); } });` }] }],
      },
      {
        code: "app.get('/x', async (req, res) => { try { await run(); } catch (err) { res.status(503).end(JSON.stringify({ error: err })); } });",
        errors: [{ messageId: 'errorObject' as const, suggestions: [{ messageId: 'genericMessage' as const, output: `app.get('/x', async (req, res) => { try { await run(); } catch (err) { res.status(503).end(JSON.stringify({ error: ${GENERIC} })); } });` }] }],
      },
      {
        code: 'app.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.body = err; ctx.status = 500; } });',
        errors: [{ messageId: 'errorObject' as const, suggestions: [{ messageId: 'genericMessage' as const, output: "app.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.body = { error: 'Internal server error' }; ctx.status = 500; } });" }] }],
      },
    ]),
    // Fastify, Koa, Hono
    ...acrossParsers([
      {
        code: 'fastify.setErrorHandler((error, request, reply) => { reply.code(500).send({ error: error.message }); });',
        errors: [
          {
            messageId: 'message' as const,
            suggestions: [{ messageId: 'genericMessage' as const, output: `fastify.setErrorHandler((error, request, reply) => { reply.code(500).send({ error: ${GENERIC} }); });` }],
          },
        ],
      },
      {
        code: 'app.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.status = err.status || 500; ctx.body = { message: err.message }; } });',
        errors: [
          {
            messageId: 'message' as const,
            suggestions: [{ messageId: 'genericMessage' as const, output: `app.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.status = err.status || 500; ctx.body = { message: ${GENERIC} }; } });` }],
          },
        ],
      },
      {
        code: 'app.onError((err, c) => c.json({ error: err.message, stack: err.stack }, 500));',
        errors: [
          {
            messageId: 'message' as const,
            suggestions: [{ messageId: 'genericMessage' as const, output: `app.onError((err, c) => c.json({ error: ${GENERIC}, stack: err.stack }, 500));` }],
          },
          { messageId: 'stack' as const, suggestions: [{ messageId: 'removeProperty' as const, output: 'app.onError((err, c) => c.json({ error: err.message }, 500));' }] },
        ],
      },
    ]),
    // Next.js route handlers and the Web Response
    ...acrossParsers([
      {
        code: "import { NextResponse } from 'next/server'; export async function GET() { try { return NextResponse.json(await load()); } catch (e) { return NextResponse.json({ error: e.message }, { status: 500 }); } }",
        errors: [
          {
            messageId: 'message' as const,
            suggestions: [
              {
                messageId: 'genericMessage' as const,
                output: `import { NextResponse } from 'next/server'; export async function GET() { try { return NextResponse.json(await load()); } catch (e) { return NextResponse.json({ error: ${GENERIC} }, { status: 500 }); } }`,
              },
            ],
          },
        ],
      },
      {
        code: 'export async function POST(request) { try { await save(await request.json()); return Response.json({ ok: true }); } catch (err) { return Response.json({ stack: err.stack }, { status: 500 }); } }',
        errors: [
          {
            messageId: 'stack' as const,
            suggestions: [{ messageId: 'removeProperty' as const, output: 'export async function POST(request) { try { await save(await request.json()); return Response.json({ ok: true }); } catch (err) { return Response.json({}, { status: 500 }); } }' }],
          },
        ],
      },
    ]),
    // NestJS catch-all exception filter
    {
      code: `import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: any, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    response.status(500).json({ statusCode: 500, message: exception.message });
  }
}`,
      languageOptions: ts,
      errors: [
        {
          messageId: 'message',
          line: 6,
          suggestions: [
            {
              messageId: 'genericMessage',
              output: `import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: any, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    response.status(500).json({ statusCode: 500, message: ${GENERIC} });
  }
}`,
            },
          ],
        },
      ],
    },
    // errorhandler not guarded by the environment
    ...acrossParsers([{ code: "import errorhandler from 'errorhandler'; app.use(errorhandler());", errors: [{ messageId: 'errorhandler' as const, column: 50 }] }]),
    ...acrossParsers([{ code: "const errorHandler = require('errorhandler'); app.use(errorHandler({ log: false }));", errors: [{ messageId: 'errorhandler' as const }] }], [cjs, cjsAsModule, ts]),
    // the option reports messages sent without a 5xx status
    ...acrossParsers([
      {
        code: "app.get('/items', async (req, res) => { try { res.json(await items.list()); } catch (err) { res.json({ success: false, message: err.message }); } });",
        options: [{ reportMessagesWithoutErrorStatus: true }] as [{ reportMessagesWithoutErrorStatus: boolean }],
        errors: [
          {
            messageId: 'message' as const,
            suggestions: [
              { messageId: 'genericMessage' as const, output: `app.get('/items', async (req, res) => { try { res.json(await items.list()); } catch (err) { res.json({ success: false, message: ${GENERIC} }); } });` },
            ],
          },
        ],
      },
    ]),
  ],
});
