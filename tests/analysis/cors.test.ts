import { describe, expect, it } from 'vitest';
import { checksOrigin, reflectsRequestOrigin, requestOrigin } from '../../src/analysis/http/cors.js';
import { weakOriginPattern } from '../../src/analysis/http/origin-patterns.js';
import { probe } from './harness.js';

describe('weakOriginPattern', () => {
  it.each([
    ['example.com', 'unanchored-end', 'https://example.com.attacker.net'],
    ['^https:\\/\\/app\\.example\\.com', 'unanchored-end', 'https://app.example.com.attacker.net'],
    ['^http:\\/\\/localhost', 'unanchored-end', 'https://localhost.attacker.net'],
    ['^https:\\/\\/.*example\\.com$', 'open-prefix', 'https://attacker-example.com'],
    ['example\\.com$', 'open-prefix', 'https://attacker-example.com'],
    ['^https:\\/\\/[a-z-]+example\\.com$', 'open-prefix', 'https://attacker-example.com'],
    ['^https:\\/\\/www.example\\.com$', 'unescaped-dot', 'https://wwwxexample.com'],
    ['^https:\\/\\/a\\.example\\.com$|example\\.org', 'unanchored-end', 'https://example.org.attacker.net'],
  ])('%s: %s', (pattern, weakness, example) => {
    expect(weakOriginPattern(pattern)).toEqual({ weakness, example });
  });

  it.each([
    '^https:\\/\\/app\\.example\\.com$',
    '\\.example\\.com$',
    '^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$',
    '^https:\\/\\/(.*\\.)?example\\.com$',
    '(^|\\.)example\\.com$',
    'https:\\/\\/.*\\.vercel\\.app$',
    '^https?:\\/\\/localhost:\\d+$',
    '^http:\\/\\/127\\.0\\.0\\.1(:\\d+)?$',
    '^https:\\/\\/(app|admin)\\.example\\.com$',
    '^https:',
    '',
    '(unbalanced',
  ])('%s is not weak', (pattern) => {
    expect(weakOriginPattern(pattern)).toBeNull();
  });
});

describe('requestOrigin and reflectsRequestOrigin', () => {
  it('reads the Origin header from handler parameters', () => {
    const code = `
      app.use((req, res) => { probe(req.headers.origin); probe(req.get('Origin')); probe(req.header('origin')); const { origin } = req.headers; probe(origin); });
      app.use(async (ctx) => { probe(ctx.get('Origin')); probe(ctx.request.header.origin); });
      app.get('/', (c) => probe(c.req.header('origin')));
      export function GET(request) { probe(request.headers.get('origin')); }`;
    expect(probe(code, (node, sc) => requestOrigin(node, sc) !== null)).toEqual([true, true, true, true, true, true, true, true]);
  });

  it('does not take other values for the Origin header', () => {
    const code = `
      function f(res, settings) { probe(settings.get('origin')); probe(res.origin); }
      probe(headers.origin);
      const cfg = { origin: 'x' }; probe(cfg.origin);`;
    expect(probe(code, (node, sc) => requestOrigin(node, sc) !== null)).toEqual([false, false, false, false]);
  });

  it('follows fallbacks but not checks', () => {
    const code = `
      app.use((req, res) => {
        probe(req.headers.origin || '*');
        probe(\`\${req.headers.origin}\`);
        probe(ALLOWED.includes(req.headers.origin) ? req.headers.origin : ALLOWED[0]);
        probe(req.headers.origin && ALLOWED[0]);
      });`;
    expect(probe(code, (node, sc) => reflectsRequestOrigin(node, sc))).toEqual([true, true, false, false]);
  });
});

describe('checksOrigin', () => {
  it('recognises allow-list checks and not presence tests', () => {
    const code = `
      app.use((req, res) => {
        const origin = req.headers.origin;
        probe(allowed.includes(origin));
        probe(ALLOWED.has(origin));
        probe(/^https:\\/\\/a\\.example$/.test(origin));
        probe(whitelist.indexOf(origin) !== -1);
        probe(origin === config.appUrl);
        probe(origin in ORIGINS);
        probe(isAllowedOrigin(origin));
        probe(!origin);
        probe(origin !== 'null');
        probe(origin === undefined);
        probe(req.method === 'OPTIONS');
      });`;
    expect(probe(code, (node, sc) => checksOrigin(node, sc))).toEqual([true, true, true, true, true, true, true, false, false, false, false]);
  });
});
