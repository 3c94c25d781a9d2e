import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isEnvironmentTest } from '../../src/analysis/core/environment.js';
import { callbackError, catchClauseVariables, isErrorKindTest, middlewareError, nestFilterError } from '../../src/analysis/http/error-handlers.js';
import { responseStatus, statusClass } from '../../src/analysis/http/response-status.js';
import { responseBody, responseTextOfCall } from '../../src/analysis/http/responses.js';
import { probe, probeOne, type Language } from './harness.js';

const environment = (code: string) => probeOne(code, (node, sc) => isEnvironmentTest(node, sc));
const errorKind = (code: string, language: Language = 'esm') => probeOne(code, (node, sc) => isErrorKindTest(node, sc), { language });
const status = (code: string) => probeOne(code, (node, sc) => statusClass(node, sc));

describe('isEnvironmentTest', () => {
  it('environment names, values and debug switches', () => {
    expect(environment("probe(process.env.NODE_ENV !== 'production')")).toBe(true);
    expect(environment("probe(app.get('env') === 'development')")).toBe(true);
    expect(environment('probe(isDev)')).toBe(true);
    expect(environment('probe(config.debug && verbose)')).toBe(true);
    expect(environment('probe(options.showStack)')).toBe(true);
    expect(environment('probe(exposeErrors)')).toBe(true);
  });
  it('other conditions', () => {
    expect(environment('probe(err.stack)')).toBe(false);
    expect(environment('probe(err instanceof HttpError)')).toBe(false);
    expect(environment('probe(device.ready)')).toBe(false);
    expect(environment("probe(mode === 'fast')")).toBe(false);
  });
});

describe('isErrorKindTest', () => {
  it('classes, status comparisons, flags, names and predicates', () => {
    expect(errorKind('probe(err instanceof HttpError)')).toBe(true);
    expect(errorKind('probe(err instanceof z.ZodError)')).toBe(true);
    expect(errorKind('probe(err.status < 500)')).toBe(true);
    expect(errorKind('probe(status < 500)')).toBe(true);
    expect(errorKind('probe(err.expose)')).toBe(true);
    expect(errorKind('probe(err?.isBoom)', 'ts')).toBe(true);
    expect(errorKind("probe(err.name === 'ValidationError')")).toBe(true);
    expect(errorKind('probe(isHttpError(err))')).toBe(true);
    expect(errorKind('probe(axios.isAxiosError(err))')).toBe(true);
  });
  it('type narrowing and truthiness are not', () => {
    expect(errorKind('probe(err)')).toBe(false);
    expect(errorKind('probe(!err)')).toBe(false);
    expect(errorKind('probe(err instanceof Error)')).toBe(false);
    expect(errorKind("probe(typeof err === 'string')")).toBe(false);
    expect(errorKind('probe(err.message)')).toBe(false);
  });
});

describe('statusClass', () => {
  it('constants, named statuses and fallbacks', () => {
    expect(status('probe(500)')).toBe('server-error');
    expect(status("probe('503')")).toBe('server-error');
    expect(status('probe(404)')).toBe('client-error');
    expect(status('probe(201)')).toBe('success');
    expect(status('probe(HttpStatus.INTERNAL_SERVER_ERROR)')).toBe('server-error');
    expect(status('probe(StatusCodes.BAD_REQUEST)')).toBe('client-error');
    expect(status('probe(err.status || 500)')).toBe('maybe-server-error');
    expect(status('const statusCode = err.statusCode ?? 500; probe(statusCode)')).toBe('maybe-server-error');
    expect(status('probe(err.status)')).toBe('computed');
  });
});

describe('responseStatus', () => {
  const sent = (code: string, language: Language = 'esm') =>
    probeOne(
      code,
      (node, sc) => {
        const body = responseBody(node, sc) ?? (node.parent?.type === 'CallExpression' ? responseTextOfCall(node.parent, sc) : null);
        return body ? responseStatus(body, sc).status : null;
      },
      { language, select: { selector: 'Identifier[name="BODY"]', pick: (n: TSESTree.Node) => n } },
    );
  it('chained setters, earlier statements, Hono and Web responses', () => {
    expect(sent("app.get('/', (req, res) => res.status(500).json(BODY))")).toBe('server-error');
    expect(sent("app.get('/', (req, res) => { res.status(400); res.json(BODY); })")).toBe('client-error');
    expect(sent("app.get('/', (req, res) => { res.statusCode = 502; res.end(BODY); })")).toBe('server-error');
    expect(sent("app.get('/', (req, res) => { res.writeHead(err.statusCode || 500); res.end(BODY); })")).toBe('maybe-server-error');
    expect(sent("fastify.get('/', (request, reply) => reply.code(503).send(BODY))")).toBe('server-error');
    expect(sent('app.use(async (ctx, next) => { ctx.body = BODY; ctx.status = 500; })')).toBe('server-error');
    expect(sent("app.get('/', (c) => c.json(BODY, 500))", 'ts')).toBe('server-error');
    expect(sent('export async function GET() { return Response.json(BODY, { status: 500 }); }')).toBe('server-error');
    expect(sent("app.get('/', (req, res) => res.json(BODY))")).toBe('default');
  });
  it('a status set in another branch does not count', () => {
    expect(sent("app.get('/', (req, res) => { if (!ok) { res.status(404); return res.end(); } res.json(BODY); })")).toBe('default');
  });
});

describe('caught errors', () => {
  const catchNames = (code: string) => probe(code, (node, sc) => catchClauseVariables(node as TSESTree.CatchClause, sc).map((v) => v.name), { select: { selector: 'CatchClause', pick: (n) => n } });
  it('catch clause bindings', () => {
    expect(catchNames('try {} catch (err) {}')).toEqual([['err']]);
    expect(catchNames('try {} catch ({ message, stack }) {}')).toEqual([['message', 'stack']]);
    expect(catchNames('try {} catch ([first]) {}')).toEqual([[]]);
    expect(catchNames('try {} catch {}')).toEqual([[]]);
  });
  it('error middleware, error handler registrations, promise catch and error-first callbacks', () => {
    const middleware = (code: string, language: Language = 'esm') =>
      probe(code, (node, sc) => middlewareError(node as never, sc)?.source ?? null, { language, select: { selector: ':function', pick: (n) => n } });
    expect(middleware('app.use((err, req, res, next) => {})')).toEqual(['middleware']);
    expect(middleware('const h: ErrorRequestHandler = (e, q, s, n) => {};', 'ts')).toEqual(['middleware']);
    expect(middleware('app.use((a, b, c, d) => {})')).toEqual([null]);
    const callbacks = (code: string) =>
      probe(code, (node, sc) => callbackError(node as TSESTree.CallExpression, sc)?.source ?? null, { select: { selector: 'CallExpression[arguments.length>0]', pick: (n) => n } });
    expect(callbacks('fastify.setErrorHandler((error, request, reply) => {})')).toEqual(['fastify']);
    expect(callbacks('app.onError((err, c) => {})')).toEqual(['hono']);
    expect(callbacks('load().catch((e) => {})')).toEqual(['promise-catch']);
    expect(callbacks('db.query(sql, (err, rows) => {})')).toEqual(['callback']);
    expect(callbacks('errors.map((error) => error.message)')).toEqual([null]);
    expect(callbacks('db.query(sql, (rows) => {})')).toEqual([null]);
  });
  it('NestJS exception filters, resolved to @nestjs/common', () => {
    const filter = (code: string) =>
      probe(code, (node, sc) => {
        const caught = nestFilterError(node as TSESTree.MethodDefinition, sc);
        return caught && { global: caught.global, filtered: caught.filtered };
      }, { language: 'ts', select: { selector: 'MethodDefinition', pick: (n) => n } });
    expect(filter("import { Catch } from '@nestjs/common'; @Catch() class F { catch(e, host) {} }")).toEqual([{ global: true, filtered: false }]);
    expect(filter("import { Catch, HttpException } from '@nestjs/common'; @Catch(HttpException) class F { catch(e, host) {} }")).toEqual([{ global: false, filtered: true }]);
    expect(filter('@Catch() class F { catch(e, host) {} }')).toEqual([null]);
  });
});
