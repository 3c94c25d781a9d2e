import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { cookieKind, cookieWrites, sessionMiddleware } from '../../src/analysis/http/cookies.js';
import { probe, type Language } from './harness.js';

/** The writes of each `probe(call)`: writer, name, states and kind. */
const writes = (code: string, language: Language = 'esm') =>
  probe(
    code,
    (node, sc) =>
      (cookieWrites(node as TSESTree.CallExpression, sc) ?? []).map((w) => ({
        writer: w.writer.id,
        name: w.nameText,
        states: w.options ? `${w.options.states.httpOnly}/${w.options.states.secure}/${w.options.states.sameSite}` : 'not visible',
        kind: cookieKind(w, sc),
      })),
    { language },
  );

describe('cookieWrites', () => {
  it('reads Express, Koa and header writes with their attribute states', () => {
    expect(
      writes(`
        app.post('/login', (req, res) => {
          probe(res.cookie('token', t, { httpOnly: true, secure: false }));
          probe(res.status(200).cookie('theme', 'dark'));
          probe(res.setHeader('Set-Cookie', ['sid=' + id + '; HttpOnly; SameSite=Lax', 'lang=en']));
        });
        router.post('/x', async (ctx) => { probe(ctx.cookies.set('jwtToken', jwt, { secure: isProd, ...extra })); });
      `),
    ).toEqual([
      [{ writer: 'express', name: 'token', states: 'on/off/absent', kind: 'session' }],
      [{ writer: 'express', name: 'theme', states: 'absent/absent/absent', kind: 'preference' }],
      [
        { writer: 'header', name: 'sid', states: 'on/absent/on', kind: 'session' },
        { writer: 'header', name: 'lang', states: 'absent/absent/absent', kind: 'preference' },
      ],
      [{ writer: 'koa', name: 'jwtToken', states: 'unknown/unknown/unknown', kind: 'session' }],
    ]);
  });
  it('resolves Next.js, Hono and cookie writers by import only', () => {
    expect(
      writes(
        `
        import { cookies } from 'next/headers';
        import { setCookie } from 'hono/cookie';
        import { serialize } from 'cookie';
        export async function POST(c) {
          probe((await cookies()).set({ name: 'session', value: id, secure: true }));
          probe(setCookie(c, 'auth', t));
          probe(serialize(name, crypto.randomUUID(), opts));
          probe(other.set('token', t));
        }
      `,
        'ts',
      ),
    ).toEqual([
      [{ writer: 'next', name: 'session', states: 'absent/on/absent', kind: 'session' }],
      [{ writer: 'hono', name: 'auth', states: 'absent/absent/absent', kind: 'session' }],
      [{ writer: 'cookie', name: null, states: 'not visible', kind: 'session' }],
      [],
    ]);
  });
});

describe('sessionMiddleware', () => {
  const check = (code: string, language: Language = 'esm') =>
    probe(
      code,
      (node, sc) => {
        const s = sessionMiddleware(node as TSESTree.CallExpression, sc);
        return s ? { library: s.library.label, named: s.named, secure: s.cookie?.states.secure ?? 'not visible' } : null;
      },
      { language },
    );
  it('finds session middleware by import, with their cookie options', () => {
    expect(
      check(`
        import session from 'express-session';
        import cookieSession from 'cookie-session';
        import fastifySession from '@fastify/session';
        probe(session({ secret }));
        probe(session({ name: 'sid', cookie: { secure: 'auto' } }));
        probe(cookieSession({ name: 'x', secure: false }));
        probe(app.register(fastifySession, { cookie: config.cookie }));
        probe(notSession({ cookie: { secure: false } }));
      `),
    ).toEqual([
      { library: 'express-session', named: false, secure: 'absent' },
      { library: 'express-session', named: true, secure: 'on' },
      { library: 'cookie-session', named: true, secure: 'off' },
      { library: '@fastify/session', named: false, secure: 'not visible' },
      null,
    ]);
  });
});
