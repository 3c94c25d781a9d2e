import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-path-traversal.js';
import { acrossParsers, cjs, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();
const FS = "import fs from 'fs';\nimport path from 'path';\n";
const FSP = "import { readFile, writeFile } from 'node:fs/promises';\nimport path from 'node:path';\n";
const route = (body: string) => `app.get('/files/:name', async (req, res) => {\n${body}\n});`;
const ERR = [{ messageId: 'requestInPath' as const }];

ruleTester.run('no-path-traversal', rule, {
  valid: [
    // Only the base name.
    { code: `${FS}${route("fs.readFile(path.join('uploads', path.basename(req.params.name)), (e, d) => res.send(d));")}`, languageOptions: esm },
    { code: `${FSP}${route("const name = path.basename(req.query.file);\nres.send(await readFile(path.join(__dirname, 'docs', name)));")}`, languageOptions: esm },
    // Resolved, then checked to stay inside the folder.
    { code: `${FSP}const ROOT = path.resolve('public');\n${route("const p = path.resolve(ROOT, req.params.name);\nif (!p.startsWith(ROOT + path.sep)) return res.sendStatus(403);\nres.send(await readFile(p));")}`, languageOptions: esm },
    { code: `${FSP}const ROOT = path.resolve('public');\n${route("const p = path.join(ROOT, req.params.name);\nconst rel = path.relative(ROOT, p);\nif (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error('outside');\nres.send(await readFile(p));")}`, languageOptions: esm },
    { code: `${FSP}const ROOT = '/srv/files';\n${route("const p = path.resolve(ROOT, req.params.name);\nif (p.startsWith(ROOT)) { res.send(await readFile(p)); } else { res.sendStatus(404); }")}`, languageOptions: esm },
    // Generated names, numeric ids, allow-listed values.
    { code: `${FSP}import { randomUUID } from 'crypto';\n${route("await writeFile(path.join('tmp', randomUUID() + '.json'), JSON.stringify(req.body));")}`, languageOptions: esm },
    { code: `${FSP}${route("res.send(await readFile(`reports/${Number(req.params.id)}.pdf`));")}`, languageOptions: esm },
    { code: `${FSP}const LANGS = ['en', 'de'];\n${route("const lang = req.query.lang;\nif (!LANGS.includes(lang)) return res.sendStatus(400);\nres.send(await readFile(path.join('locales', lang + '.json')));")}`, languageOptions: esm },
    // The request data is written, not the path.
    { code: `${FSP}${route("await writeFile('log.txt', req.body.text);")}`, languageOptions: esm },
    // sendFile with a root: send refuses `..` under it.
    { code: route("res.sendFile(req.params.name, { root: path.join(__dirname, 'public') });"), languageOptions: esm },
    { code: route("res.download(req.params.name, 'file.pdf', { root: 'files' });"), languageOptions: esm },
    // express.static, fastify's root-relative sendFile, unrelated download/render methods.
    { code: "import express from 'express';\napp.use(express.static('public'));", languageOptions: esm },
    { code: "fastify.get('/f/:n', (request, reply) => reply.sendFile(request.params.n));", languageOptions: esm },
    { code: route("const data = await bucket.download(req.params.name); res.send(data);"), languageOptions: esm },
    { code: route("res.send(mustache.render(template, req.query));"), languageOptions: esm },
    { code: route("res.render('profile', { name: req.query.name });"), languageOptions: esm },
    // Look-alike functions not from fs.
    { code: route("const file = await storage.readFile(req.params.name); res.send(file);"), languageOptions: esm },
    { code: `${FS}${route("const rows = await db.stat(req.params.name); res.json(rows);")}`, languageOptions: esm },
    // Not from the request.
    { code: `${FSP}export function load(name) { return readFile(path.join('data', name)); }`, languageOptions: esm },
    // The stored path of an upload is the server's (multer, koa-body): ghost's upload middleware, budibase's file controller.
    { code: `import fs from 'fs-extra';\napp.post('/img', upload.single('file'), async (req, res) => {\nconst file = req.file;\nconst data = await fs.readFile(file.path);\nawait fs.unlink(req.file.path);\nres.send(data);\n});`, languageOptions: esm },
    { code: `import { unlink } from 'node:fs/promises';\nrouter.post('/ai/files', async (ctx) => {\nconst file = ctx.request.files?.file;\nawait unlink(file.filepath);\n});`, languageOptions: esm },
    // A variable cleaned in place by the application's own cleaner (etherpad's Minify.js).
    { code: `${FSP}const sanitizePathname = require('./sanitizePathname');\n${route("let filename = req.params.name;\nfilename = sanitizePathname(filename);\nres.send(await readFile(path.resolve(ROOT, filename)));")}`, languageOptions: esm },
    // A helper of the file called only with constants.
    { code: `${FSP}function readDoc(name) { return readFile(path.join(__dirname, 'docs', name)); }\n${route("res.send(await readDoc('intro.md'));")}`, languageOptions: esm },
    // Strange code.
    { code: `${FSP}class A { @dec() async get(x: string) { return readFile(x satisfies string); } }`, languageOptions: ts },
    { code: "import fs = require('fs');\nfs.readFileSync?.('a.txt');", languageOptions: ts },
    { code: `${FS}fs.readFile();`, languageOptions: esm },
  ],
  invalid: [
    ...acrossParsers([
      { code: `${FS}${route("fs.readFile(path.join(__dirname, 'uploads', req.params.name), (e, d) => res.send(d));")}`, errors: ERR },
      { code: `${FSP}${route("res.send(await readFile(`docs/${req.query.file}`));")}`, errors: ERR },
      { code: `${FSP}${route("const p = path.resolve('public', req.params.name);\nres.send(await readFile(p));")}`, errors: ERR },
      { code: `${FSP}app.post('/up', upload.single('f'), async (req, res) => {\nawait writeFile(path.join('uploads', req.file.originalname), req.file.buffer);\n});`, errors: ERR },
      { code: route("res.sendFile(path.join(__dirname, 'files', req.params.name));"), errors: ERR },
      { code: route("res.render(req.query.page);"), errors: [{ messageId: 'requestInView' as const }] },
    ]),
    { code: `const fs = require('fs-extra');\n${route("await fs.remove('tmp/' + req.body.dir);")}`, languageOptions: cjs, errors: ERR },
    // Through a helper of the same file: reported at the sink inside it.
    { code: `${FSP}function readReport(name) { return readFile(path.join(__dirname, 'reports', name)); }\n${route("res.send(await readReport(req.query.file));")}`, languageOptions: esm, errors: ERR },
    { code: `import fs from 'fs';\n${route("fs.renameSync('a.txt', req.body.target);")}`, languageOptions: esm, errors: ERR },
  ],
});
