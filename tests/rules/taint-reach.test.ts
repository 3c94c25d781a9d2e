import { RuleTester } from '@typescript-eslint/rule-tester';
import ssrf from '../../src/rules/no-ssrf.js';
import { acrossParsers } from '../helpers.js';

const ruleTester = new RuleTester();

const EXPRESS = "import express from 'express';\nconst app = express();\n";
const AXIOS = `${EXPRESS}import axios from 'axios';\n`;
const ssrfError = [{ messageId: 'ssrf' as const }];

ruleTester.run('no-ssrf (options objects in variables)', ssrf, {
  valid: [
    `${AXIOS}app.post('/x', async (req, res) => { const opts = { url: 'https://api.example.com/items', method: 'POST', data: req.body }; res.json((await axios(opts)).data); });`,
  ],
  invalid: acrossParsers([
    { code: `${AXIOS}app.get('/x', async (req, res) => { const opts = { url: req.query.u }; res.json((await axios(opts)).data); });`, errors: ssrfError },
    { code: `${AXIOS}app.get('/x', async (req, res) => { const opts = { method: 'GET' }; opts.url = req.query.u; res.json((await axios.request(opts)).data); });`, errors: ssrfError },
    { code: `${EXPRESS}app.get('/x', async (req, res) => { const r = new Request(req.query.u); res.send(await (await fetch(r)).text()); });`, errors: ssrfError },
  ]),
});
