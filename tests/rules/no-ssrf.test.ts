import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-ssrf.js';
import { acrossParsers, cjs, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

const EXPRESS = "import express from 'express';\nconst app = express();\n";
const AXIOS = `${EXPRESS}import axios from 'axios';\n`;
const err = [{ messageId: 'ssrf' as const }];
const PATH = [{ reportPathOnFixedHost: true }] as const;
const pathErr = [{ messageId: 'pathOnFixedHost' as const }];
const get = (body: string) => `app.get('/u/:id', async (req, res) => {\n${body}\n});`;

ruleTester.run('no-ssrf', rule, {
  valid: [
    // Fixed origins with request data in the path or query.
    `${EXPRESS}app.get('/u/:id', async (req, res) => { const r = await fetch('https://api.example.com/users/' + req.params.id); res.json(await r.json()); });`,
    `${AXIOS}app.get('/s', async (req, res) => res.json((await axios.get(\`https://api.example.com/search?q=\${req.query.q}\`)).data));`,
    `${AXIOS}app.get('/s', async (req, res) => res.json(await axios({ url: '/search', baseURL: 'https://api.example.com', params: { q: req.query.q } })));`,
    `${AXIOS}const api = axios.create({ baseURL: 'https://api.example.com' });
app.get('/u/:id', async (req, res) => res.json((await api.get('/users/' + req.params.id)).data));`,
    `${EXPRESS}import https from 'https';
app.get('/u', (req, res) => { https.get({ host: 'api.example.com', path: '/users/' + req.query.id }, (r) => r.pipe(res)); });`,
    `${EXPRESS}import got from 'got';
app.get('/u', async (req, res) => res.send(await got(\`\${process.env.API_URL}/users/\${req.query.id}\`).text()));`,
    // Configuration and constants.
    `${AXIOS}app.get('/h', async (req, res) => res.json((await axios.get(process.env.HEALTH_URL)).data));`,
    `${EXPRESS}const BASE = 'https://api.example.com/';\napp.get('/x', async (req, res) => res.json(await (await fetch(BASE + req.query.path)).json()));`,
    `${EXPRESS}app.get('/x', async (req, res) => res.json(await (await fetch(config.apiBase + req.query.path)).json()));`,
    // Host allow-lists and origin checks.
    `${EXPRESS}const ALLOWED = new Set(['images.example.com']);
app.get('/proxy', async (req, res) => { const url = new URL(req.query.url); if (!ALLOWED.has(url.hostname)) return res.sendStatus(403); const r = await fetch(url); res.send(await r.text()); });`,
    `${EXPRESS}const BASE = new URL('https://cdn.example.com');
app.get('/p', async (req, res) => { const url = new URL(req.query.path, BASE); if (url.origin !== BASE.origin) return res.sendStatus(400); res.send(await (await fetch(url.href)).text()); });`,
    `${AXIOS}app.post('/hook', async (req, res) => { if (!isAllowedHost(req.body.url)) return res.sendStatus(400); await axios.post(req.body.url, {}); res.end(); });`,
    { code: `${AXIOS}app.post('/hook', async (req, res) => { if (!checkTarget(req.body.url)) return; await axios.post(req.body.url, {}); });`, options: [{ guards: ['checkTarget'] }] },
    // Webhook delivery: URL from the database, not the request.
    `${AXIOS}export async function deliver(hook, payload) { await axios.post(hook.url, payload); }`,
    `${EXPRESS}app.post('/ping/:id', async (req, res) => { const hook = await db.hooks.findById(req.params.id); await fetch(hook.url, { method: 'POST' }); res.end(); });`,
    // Request data in the body or headers of the request, not its URL.
    `${AXIOS}app.post('/x', async (req, res) => res.json((await axios.post('https://api.example.com/items', req.body, { headers: { 'X-Id': req.query.id } })).data));`,
    `${EXPRESS}app.get('/x', async (req, res) => res.json(await (await fetch('https://api.example.com/', { method: 'POST', body: JSON.stringify(req.body) })).json()));`,
    // Look-alike methods on unrelated objects.
    `${EXPRESS}app.get('/x', (req, res) => { const v = cache.get(req.query.key); res.json(map.get(req.query.url) ?? v); });`,
    `${EXPRESS}app.get('/x', (req, res) => res.json(router.request(req.query.url)));`,
    "function fetch(u) { return u; }\nexport function h(req) { return fetch(req.query.url); }",
    // Encoded values cannot change the host.
    `${EXPRESS}app.get('/x', async (req, res) => res.json(await (await fetch('https://api.example.com/' + encodeURIComponent(req.query.p))).json()));`,
    `${EXPRESS}app.get('/x', async (req, res) => res.json(await (await fetch(new URL('/api/' + req.query.p, process.env.BASE_URL))).json()));`,
    `${EXPRESS}import ky from 'ky';\napp.get('/x', async (req, res) => res.json(await ky.get('users/' + req.query.id, { prefixUrl: 'https://api.example.com' }).json()));`,
    `${AXIOS}export function getJson(url) { return axios.get(url).then((r) => r.data); }`,
    `${EXPRESS}app.get('/x', async (req, res) => { const target = new URL(req.query.url); if (target.protocol !== 'https:' || target.hostname !== 'images.example.com') return res.sendStatus(400); res.send(await (await fetch(target)).text()); });`,
    `${EXPRESS}import http from 'http';\napp.get('/x', (req, res) => { http.get('http://localhost:3000/health?from=' + req.query.from, (r) => r.pipe(res)); });`,
    // reportPathOnFixedHost: encoded, numeric, checked and fixed-choice values; the query string.
    { code: `${EXPRESS}${get("res.json(await (await fetch('https://api.example.com/users/' + encodeURIComponent(req.params.id))).json());")}`, options: PATH },
    { code: `${AXIOS}${get("res.json((await axios.get(`https://api.example.com/users/${Number(req.params.id)}`)).data);")}`, options: PATH },
    { code: `${AXIOS}${get("res.json((await axios.get(`https://api.example.com/users/${parseInt(req.params.id, 10)}/posts`)).data);")}`, options: PATH },
    { code: `${AXIOS}import validator from 'validator';\n${get("if (!validator.isUUID(req.params.id)) return res.sendStatus(400);\nres.json((await axios.get(`https://api.example.com/users/${req.params.id}`)).data);")}`, options: PATH },
    { code: `${AXIOS}import { validate as uuidValidate } from 'uuid';\n${get("const { id } = req.params;\nif (!uuidValidate(id)) return res.sendStatus(404);\nres.json((await axios.get(`https://api.example.com/users/${id}`)).data);")}`, options: PATH },
    { code: `${AXIOS}${get("if (!/^\\d+$/.test(req.params.id)) return res.sendStatus(400);\nres.json((await axios.get('https://api.example.com/users/' + req.params.id)).data);")}`, options: PATH },
    { code: `${AXIOS}${get("res.json((await axios.get(`https://api.example.com/search?q=${req.query.q}&page=${req.query.page}`)).data);")}`, options: PATH },
    { code: `${AXIOS}${get("const kind = req.query.kind === 'orgs' ? 'orgs' : 'users';\nres.json((await axios.get(`https://api.example.com/${kind}/list`)).data);")}`, options: PATH },
    { code: `${AXIOS}${get("res.json((await axios.get('https://api.example.com/users', { params: { id: req.params.id } })).data);")}`, options: PATH },
    { code: `${AXIOS}export function getUser(id) { return axios.get(\`https://api.example.com/users/\${id}\`); }`, options: PATH },
    { code: `${AXIOS}${get("res.json((await axios.get(`https://api.example.com/users/${req.params.id}`)).data);")}` },
    { code: `${EXPRESS}import https from 'https';\n${get("https.get({ host: 'api.example.com', path: '/users/' + encodeURIComponent(req.query.id) }, (r) => r.pipe(res));")}`, options: PATH },
    // Strange code.
    `${AXIOS}app.get('/x', async (req, res) => axios.get(...req.query.args));`,
    `${AXIOS}const { [key]: fn } = axios;\napp.get('/x', async (req) => fn(req.query.url));`,
    { code: `${AXIOS}import type { AxiosInstance } from 'axios';\nclass C { constructor(private http: AxiosInstance) {} @Get() go(@Query('u') u: string) { return this.http.get(u satisfies string); } }`, languageOptions: ts },
    { code: `${AXIOS}app.get('/x', async (req, res) => axios?.get?.('https://a.example.com/' + (req.query.p as string)));`, languageOptions: ts },
  ],
  invalid: [
    ...acrossParsers(
      [
        { code: `${EXPRESS}app.get('/p', async (req, res) => { const r = await fetch(req.query.url); res.send(await r.text()); });`, errors: err },
        { code: `${AXIOS}app.get('/p', async (req, res) => res.json((await axios.get(req.query.url)).data));`, errors: err },
        { code: `${AXIOS}app.get('/p', async (req, res) => res.json(await axios({ url: req.body.target, method: 'GET' })));`, errors: err },
        { code: `${AXIOS}app.get('/p', async (req, res) => { const c = axios.create({ baseURL: req.query.base }); res.json(await c.get('/x')); });`, errors: err },
        { code: `${EXPRESS}import http from 'http';\napp.get('/p', (req, res) => { http.get({ host: req.query.host, path: '/' }, (r) => r.pipe(res)); });`, errors: err },
        { code: `${EXPRESS}import http from 'node:http';\napp.get('/p', (req, res) => { http.request(\`http://\${req.query.host}/status\`).end(); res.end(); });`, errors: err },
        { code: `${EXPRESS}import got from 'got';\napp.get('/p', async (req, res) => res.send(await got(new URL(req.query.url)).text()));`, errors: err },
        { code: `${EXPRESS}import { request } from 'undici';\napp.get('/p', async (req, res) => { const { body } = await request(req.query.url); res.send(await body.text()); });`, errors: err },
        { code: `${EXPRESS}import superagent from 'superagent';\napp.get('/p', async (req, res) => res.send((await superagent.get('http://' + req.query.host + '/')).text));`, errors: err },
        { code: `${EXPRESS}import fetch from 'node-fetch';\napp.get('/p', async (req, res) => res.send(await (await fetch(req.headers['x-target'])).text()));`, errors: err },
      ],
      [esm, ts],
    ),
    ...acrossParsers(
      [
        { code: `${AXIOS}${get("res.json((await axios.get(`https://api.example.com/users/${req.params.id}`)).data);")}`, options: PATH, errors: pathErr },
        { code: `${EXPRESS}${get("res.json(await (await fetch('https://api.example.com/users/' + req.params.id + '/profile')).json());")}`, options: PATH, errors: pathErr },
        { code: `${EXPRESS}import got from 'got';\n${get("res.send(await got(`${process.env.API_URL}/users/${req.query.id}`).text());")}`, options: PATH, errors: pathErr },
        { code: `${EXPRESS}import https from 'https';\n${get("https.get({ host: 'api.example.com', path: '/users/' + req.query.id }, (r) => r.pipe(res));")}`, options: PATH, errors: pathErr },
        { code: `${AXIOS}const api = axios.create({ baseURL: 'https://api.example.com' });\n${get("res.json((await api.get('/users/' + req.params.id)).data);")}`, options: PATH, errors: pathErr },
      ],
      [esm, ts],
    ),
    {
      code: "const express = require('express');\nconst axios = require('axios');\nconst app = express();\napp.post('/p', async (req, res) => res.json(await axios({ url: `/users/${req.body.id}`, baseURL: 'https://api.example.com' })));",
      options: PATH,
      languageOptions: cjs,
      errors: pathErr,
    },
    {
      code: "const express = require('express');\nconst axios = require('axios');\nconst app = express();\napp.get('/p', async (req, res) => res.json((await axios.get(req.query.url)).data));",
      languageOptions: cjs,
      errors: err,
    },
  ],
});
