import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-path-traversal.js';
import { acrossParsers, dependencyProjects, cjs, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

const project = dependencyProjects('no-path-traversal');

const ADM_ZIP_OLD = project('admzip-old', { 'adm-zip': '^0.4.11' });
const ADM_ZIP_NEW = project('admzip-new', { 'adm-zip': '^0.5.10' });
const FS = "import fs from 'fs';\nimport path from 'path';\n";
const FSP = "import { readFile, writeFile } from 'node:fs/promises';\nimport path from 'node:path';\n";
const route = (body: string) => `app.get('/files/:name', async (req, res) => {\n${body}\n});`;
const ERR = [{ messageId: 'requestInPath' as const }];
const ZIP = [{ messageId: 'zipSlip' as const }];
const EXTRACT = [{ messageId: 'zipSlipExtract' as const }];
const ADM = "import AdmZip from 'adm-zip';\nimport fs from 'fs';\nimport path from 'path';\n";
const YAUZL = "const yauzl = require('yauzl');\nconst fs = require('fs');\nconst path = require('path');\n";

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
    { code: `const SEND_OPTIONS = { root: path.join(__dirname, 'public'), dotfiles: 'deny' };\n${route("res.sendFile(req.params.name, SEND_OPTIONS);")}`, languageOptions: esm },
    { code: `function serveFrom(options) {\nreturn (req, res) => res.sendFile(req.params.name, options);\n}`, languageOptions: esm },
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

    // Zip slip: names kept inside the extraction folder.
    { code: `${ADM}const zip = new AdmZip(buf);\nfor (const entry of zip.getEntries()) {\nconst dest = path.resolve(OUT, entry.entryName);\nif (!dest.startsWith(OUT + path.sep)) continue;\nfs.writeFileSync(dest, entry.getData());\n}`, languageOptions: esm },
    { code: `${ADM}new AdmZip(buf).getEntries().forEach((entry) => {\nfs.writeFileSync(path.join(OUT, path.basename(entry.entryName)), entry.getData());\n});`, languageOptions: esm },
    { code: `${ADM}const zip = new AdmZip(buf);\nfor (const entry of zip.getEntries()) {\nif (entry.entryName.includes('..') || path.isAbsolute(entry.entryName)) continue;\nfs.writeFileSync(path.join(OUT, entry.entryName), entry.getData());\n}`, languageOptions: esm },
    { code: `${ADM}const zip = new AdmZip(buf);\nzip.getEntries().forEach((entry) => {\nconst rel = path.normalize(entry.entryName);\nif (rel.split(path.sep).includes('..')) throw new Error('bad entry');\nfs.mkdirSync(path.join(OUT, rel), { recursive: true });\n});`, languageOptions: esm },
    // adm-zip's own extraction keeps entries inside the target (0.5.2 and later; no package.json here).
    { code: `${ADM}new AdmZip(req.file.buffer).extractAllTo(path.join(OUT, 'theme'), true);`, languageOptions: esm },
    { code: `${ADM}new AdmZip(buf).extractEntryTo(entry, OUT, false, true);`, filename: ADM_ZIP_NEW, languageOptions: esm },
    // A replacement that touches dots is the code's own cleaning: not followed.
    { code: `${ADM}for (const entry of new AdmZip(buf).getEntries()) {\nconst name = entry.entryName.replace(/\\.\\.\\//g, '');\nfs.writeFileSync(path.join(OUT, name), entry.getData());\n}`, languageOptions: esm },
    // An entry name read or tested, not written; an entry's base name (adm-zip \`name\`).
    { code: `${ADM}for (const entry of new AdmZip(buf).getEntries()) {\nif (fs.existsSync(path.join(OUT, entry.entryName))) skipped++;\n}`, languageOptions: esm },
    { code: `${ADM}for (const entry of new AdmZip(buf).getEntries()) {\nfs.writeFileSync(path.join(OUT, entry.name), entry.getData());\n}`, languageOptions: esm },
    // yauzl as its README shows it: with \`decodeStrings\` on (the default) it refuses absolute and \`..\` names itself.
    { code: `${YAUZL}yauzl.open(file, { lazyEntries: true }, (err, zipfile) => {\nzipfile.readEntry();\nzipfile.on('entry', (entry) => {\nif (/\\/$/.test(entry.fileName)) return zipfile.readEntry();\nconst dest = path.join(OUT, entry.fileName);\nzipfile.openReadStream(entry, (e, s) => s.pipe(fs.createWriteStream(dest)));\n});\n});`, languageOptions: cjs },
    // yauzl with a containment check through path.relative; a look-alike emitter.
    { code: `${YAUZL}yauzl.open(file, { lazyEntries: true }, (err, zipfile) => {\nzipfile.on('entry', (entry) => {\nconst dest = path.join(OUT, entry.fileName);\nif (path.relative(OUT, dest).startsWith('..')) return zipfile.readEntry();\nzipfile.openReadStream(entry, (e, s) => s.pipe(fs.createWriteStream(dest)));\n});\n});`, languageOptions: cjs },
    { code: `${YAUZL}queue.on('entry', (entry) => fs.writeFileSync(path.join(OUT, entry.fileName), entry.data));`, languageOptions: cjs },
    { code: "const unzipper = require('unzipper');\nconst fs = require('fs-extra');\nasync function unpack(file, out) {\nconst directory = await unzipper.Open.file(file);\nfor (const entry of directory.files) {\nconst dest = path.join(out, entry.path);\nif (!dest.startsWith(out + path.sep)) throw new Error(`bad entry ${entry.path}`);\nawait fs.outputFile(dest, await entry.buffer());\n}\n}", languageOptions: cjs },
    { code: "import unzipper from 'unzipper';\nimport fs from 'node:fs';\nimport path from 'node:path';\nconst zip = fs.createReadStream(upload.path).pipe(unzipper.Parse({ forceStream: true }));\nfor await (const entry of zip) {\nif (entry.path.includes('..')) { entry.autodrain(); continue; }\nentry.pipe(fs.createWriteStream(path.join('extracted', entry.path)));\n}", languageOptions: esm },
    { code: `${YAUZL}yauzl.open(file, (err, zipfile) => zipfile.on('entry', (entry) => {\nconst { fileName } = entry;\nfs.createWriteStream(path.join(OUT, path.basename(fileName)));\n}));`, languageOptions: cjs },
    { code: `${ADM}const manifest = new AdmZip(buf).getEntry('manifest.json');\nfs.writeFileSync(path.join(OUT, 'manifest.json'), manifest.getData());`, languageOptions: esm },
    { code: "import tarStream from 'tar-stream';\nimport fs from 'fs';\nconst extract = tarStream.extract();\nextract.on('entry', (header, stream, next) => {\nif (fs.existsSync(OUT + '/' + header.name)) skipped.push(header.name);\nstream.resume(); next();\n});", languageOptions: esm },
    // tar with its defaults refuses \`..\` and absolute names; a filter that only reads the name.
    { code: "import * as tar from 'tar';\nawait tar.x({ file: upload.path, cwd: OUT, strip: 1 });", languageOptions: esm },
    { code: "import tar from 'tar';\nawait tar.x({ file, cwd: OUT, filter: (p) => !p.includes('node_modules'), preservePaths: false });", languageOptions: esm },
    // unzipper, tar-stream and jszip with base names and containment checks.
    { code: "import unzipper from 'unzipper';\nimport fs from 'fs';\nimport path from 'path';\nfs.createReadStream(f).pipe(unzipper.Parse()).on('entry', (entry) => {\nentry.pipe(fs.createWriteStream(path.join(OUT, path.basename(entry.path))));\n});", languageOptions: esm },
    { code: "import tarStream from 'tar-stream';\nimport fs from 'fs';\nimport path from 'path';\nconst extract = tarStream.extract();\nextract.on('entry', (header, stream, next) => {\nconst dest = path.resolve(OUT, header.name);\nif (!dest.startsWith(OUT)) { stream.resume(); return next(); }\nstream.pipe(fs.createWriteStream(dest)).on('finish', next);\n});", languageOptions: esm },
    { code: "import JSZip from 'jszip';\nimport { writeFile } from 'fs/promises';\nimport path from 'path';\nconst zip = await JSZip.loadAsync(data);\nzip.forEach(async (relativePath, file) => {\nawait writeFile(path.join(OUT, path.basename(relativePath)), await file.async('nodebuffer'));\n});", languageOptions: esm },
    { code: "import JSZip from 'jszip';\nimport fs from 'fs-extra';\nimport path from 'path';\nexport async function importTheme(buffer: Buffer, dir: string) {\nconst zip = await JSZip.loadAsync(buffer);\nfor (const filename of Object.keys(zip.files)) {\nconst dest = path.resolve(dir, filename);\nif (!dest.startsWith(path.resolve(dir) + path.sep)) throw new Error(`entry outside the theme: ${filename}`);\nawait fs.outputFile(dest, await zip.files[filename]!.async('nodebuffer'));\n}\n}", languageOptions: ts },
    // koa-send with a root (it refuses \`..\` under it), ctx.attachment (it only sets a header).
    { code: "import send from 'koa-send';\nrouter.get('/files/:name', async (ctx) => { await send(ctx, ctx.params.name, { root: __dirname + '/public' }); });", languageOptions: esm },
    { code: "import send from 'koa-send';\nconst OPTIONS = { root: 'public', maxage: 3600 };\napp.use(async (ctx) => { await send(ctx, ctx.path, OPTIONS); });", languageOptions: esm },
    { code: "import { send } from '@koa/send';\napp.use(async (ctx) => { await send(ctx, ctx.path, options); });", languageOptions: esm },
    { code: "import send from 'koa-send';\napp.use(async (ctx) => { await send(ctx, 'public/index.html'); });", languageOptions: esm },
    { code: "router.get('/export', async (ctx) => { ctx.attachment(ctx.query.name); ctx.body = await makeReport(); });", languageOptions: esm },
    // Look-alike receivers: a client object with a sendFile method, a template engine's render, a local \`res\`.
    { code: route("await bot.sendFile(chatId, req.body.file);"), languageOptions: esm },
    { code: "import pug from 'pug';\nfunction renderPage(engine, req) { return engine.render(req.query.page); }", languageOptions: esm },
    { code: "import nunjucks from 'nunjucks';\nconst env = new nunjucks.Environment();\napp.get('/p', (req, res) => res.send(env.render('page.njk', { q: req.query.q })));", languageOptions: esm },
    { code: "app.get('/f/:n', (req, out) => {\nconst res = messenger.connect();\nres.sendFile(req.params.n);\nout.end();\n});", languageOptions: esm },
    { code: "class Uploader { send(req, client) { return client.download(req.params.name); } }", languageOptions: esm },
    // Hono's renderer takes content, not a view name.
    { code: "app.get('/p', (c) => c.render(c.req.query('page')));", languageOptions: esm },
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
    { code: `${FS}${route("fs.mkdirSync(path.dirname(path.join('uploads', req.body.name)), { recursive: true });")}`, languageOptions: esm, errors: ERR },
    // Zip slip.
    ...acrossParsers([
      { code: `${ADM}const zip = new AdmZip(buf);\nfor (const entry of zip.getEntries()) {\nfs.writeFileSync(path.join(OUT, entry.entryName), entry.getData());\n}`, errors: ZIP },
      { code: `${ADM}const zip = new AdmZip(buf);\nzip.getEntries().forEach((entry) => {\nconst target = OUT + '/' + entry.entryName;\nfs.mkdirSync(path.dirname(target), { recursive: true });\nfs.writeFileSync(target, entry.getData());\n});`, errors: [...ZIP, ...ZIP] },
      { code: `${ADM}for (const entry of new AdmZip(buf).getEntries()) {\nconst name = entry.entryName.replace(/\\\\/g, '/').trim();\nfs.writeFileSync(path.join(OUT, name), entry.getData());\n}`, errors: ZIP },
      { code: "import unzipper from 'unzipper';\nimport fs from 'fs';\nimport path from 'path';\nfs.createReadStream(f).pipe(unzipper.Parse()).on('entry', (entry) => {\nentry.pipe(fs.createWriteStream(path.join(OUT, entry.path)));\n});", errors: ZIP },
      { code: "import tarStream from 'tar-stream';\nimport fs from 'fs';\nconst extract = tarStream.extract();\nextract.on('entry', ({ name }, stream, next) => {\nstream.pipe(fs.createWriteStream(`${OUT}/${name}`)).on('finish', next);\n});", errors: ZIP },
      { code: "import JSZip from 'jszip';\nimport { promises as fsp } from 'fs';\nimport path from 'path';\nconst zip = new JSZip();\nawait zip.loadAsync(data);\nzip.forEach(async (relativePath, file) => {\nawait fsp.writeFile(path.join(OUT, relativePath), await file.async('nodebuffer'));\n});", errors: ZIP },
      { code: "import * as tar from 'tar';\nawait tar.x({ file: upload.path, cwd: OUT, preservePaths: true });", errors: EXTRACT },
      { code: "import send from 'koa-send';\napp.use(async (ctx) => { await send(ctx, ctx.path); });", errors: ERR },
    ]),
    {
      code: `${ADM}const zip = new AdmZip(buf);\nzip.extractAllTo(OUT, true);`,
      filename: ADM_ZIP_OLD,
      languageOptions: esm,
      errors: [{ messageId: 'zipSlipExtract' as const, line: 5, column: 1, data: { what: '`extractAllTo()` of adm-zip before 0.5.2 (a release the project’s package.json admits)', fix: 'Require adm-zip 0.5.2 or later.' } }],
    },
    {
      code: `${ADM}for (const { entryName } of new AdmZip(buf).getEntries()) fs.createWriteStream(path.join(OUT, entryName));`,
      languageOptions: esm,
      errors: [{ messageId: 'zipSlip' as const, data: { sink: '`fs.createWriteStream`', source: '`entryName` from adm-zip', value: '`path.join(OUT, entryName)`' } }],
    },
    { code: `${YAUZL}yauzl.fromBuffer(buf, { lazyEntries: true, decodeStrings: false }, (err, zipfile) => {\nzipfile.on('entry', (entry) => {\nconst dest = path.join(OUT, entry.fileName.toString('utf8'));\nzipfile.openReadStream(entry, (e, s) => s.pipe(fs.createWriteStream(dest)));\n});\n});`, languageOptions: cjs, errors: ZIP },
    { code: "const unzipper = require('unzipper');\nconst fs = require('fs-extra');\nasync function unpack(file, out) {\nconst directory = await unzipper.Open.file(file);\nfor (const entry of directory.files) await fs.outputFile(`${out}/${entry.path}`, await entry.buffer());\n}", languageOptions: cjs, errors: ZIP },
    { code: "import unzipper from 'unzipper';\nimport fs from 'node:fs';\nconst zip = fs.createReadStream(upload.path).pipe(unzipper.Parse({ forceStream: true }));\nfor await (const entry of zip) {\nentry.pipe(fs.createWriteStream(`extracted/${entry.path}`));\n}", languageOptions: esm, errors: ZIP },
    { code: "import JSZip from 'jszip';\nimport fs from 'fs-extra';\nimport path from 'path';\nexport async function importTheme(buffer, dir) {\nconst zip = await JSZip.loadAsync(buffer);\nfor (const filename of Object.keys(zip.files)) {\nconst file = zip.files[filename];\nif (!file.dir) await fs.outputFile(path.join(dir, filename), await file.async('nodebuffer'));\n}\n}", languageOptions: ts, errors: ZIP },
    { code: "const tar = require('tar');\nconst fs = require('fs');\ntar.t({ file, onentry: (entry) => { entry.pipe(fs.createWriteStream(OUT + '/' + entry.path)); } });", languageOptions: cjs, errors: ZIP },
    { code: "const koa_send_1 = __importDefault(require('koa-send'));\nrouter.get('/dl', async (ctx) => { await (0, koa_send_1.default)(ctx, ctx.params.file); });", languageOptions: cjs, errors: ERR },
    { code: "import send from 'koa-send';\nrouter.get('/dl', async (ctx) => { await send(ctx, ctx.query.file, { maxage: 1000 }); });", languageOptions: esm, errors: ERR },
    // Response parameters recognised by the handler's shape, not their name.
    { code: route("const reply = res;\nres.download(path.join('exports', req.query.file));"), languageOptions: esm, errors: ERR },
    { code: "app.get('/f/:n', function (request, out) { out.sendFile(path.join(__dirname, request.params.n)); });", languageOptions: esm, errors: ERR },
    { code: "router.get('/p', async (ctx) => { await ctx.render(ctx.query.page); });", languageOptions: esm, errors: [{ messageId: 'requestInView' as const }] },
    { code: "import { Controller, Get, Param, Res } from '@nestjs/common';\n@Controller('files')\nexport class FilesController {\n@Get(':name') get(@Param('name') name: string, @Res() reply) { return reply.sendFile(`${process.cwd()}/files/${name}`); }\n}", languageOptions: ts, errors: ERR },
    { code: `${FS}function done(err) { if (err) console.error(err); }\n${route("res.sendFile(path.resolve('files', req.params.name), done);")}`, languageOptions: esm, errors: ERR },
    { code: route("res.download(path.join('exports', req.params.file), req.query.as, { dotfiles: 'allow' });"), languageOptions: esm, errors: ERR },
    // A helper's \`res\` parameter keeps the name fallback for sendFile/download.
    { code: "function serve(res, name) { res.sendFile(path.join(__dirname, 'files', name)); }\napp.get('/f', (req, res) => serve(res, req.query.name));", languageOptions: esm, errors: ERR },
  ],
});
