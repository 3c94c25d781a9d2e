/**
 * How far the injection rules follow request data through the taint analysis: options objects held
 * in variables, methods of object literals and classes, upload file names from multipart parsers.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import commandInjection from '../../src/rules/no-command-injection.js';
import pathTraversal from '../../src/rules/no-path-traversal.js';
import ssrf from '../../src/rules/no-ssrf.js';
import { acrossParsers, cjs, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

const EXPRESS = "import express from 'express';\nconst app = express();\n";
const AXIOS = `${EXPRESS}import axios from 'axios';\n`;
const FS = "import fs from 'fs';\nimport path from 'path';\n";
const CP = "import { exec, execSync, spawn } from 'child_process';\n";
const ssrfError = [{ messageId: 'ssrf' as const }];
/** Valid code holds under every parser too. */
const everywhere = (codes: string[]) => acrossParsers(codes.map((code) => ({ code })));
const pathError = [{ messageId: 'requestInPath' as const }];
const commandError = [{ messageId: 'requestInCommand' as const }];

ruleTester.run('no-ssrf: options objects in variables', ssrf, {
  valid: everywhere([
    // Request data in the body, query or headers of a request to a fixed URL.
    `${AXIOS}app.post('/x', async (req, res) => { const opts = { url: 'https://api.example.com/items', method: 'POST', data: req.body }; res.json((await axios(opts)).data); });`,
    `${AXIOS}app.get('/x', async (req, res) => { const config = { baseURL: 'https://api.example.com', url: '/search', params: { q: req.query.q } }; res.json((await axios.request(config)).data); });`,
    `${AXIOS}app.get('/x', async (req, res) => { const opts = { method: 'GET', headers: {} }; opts.url = 'https://api.example.com/users/' + req.query.id; opts.headers['x-request-id'] = req.get('x-request-id'); res.json((await axios(opts)).data); });`,
    `${EXPRESS}import got from 'got';\napp.get('/x', async (req, res) => { const options = { url: \`\${process.env.API_URL}/users\`, searchParams: { id: req.query.id } }; res.send(await got(options).text()); });`,
    `${EXPRESS}import http from 'http';\napp.get('/x', (req, res) => { const options = { hostname: 'internal.example.com', port: 8080, path: '/v1/items?q=' + encodeURIComponent(req.query.q) }; http.request(options, (r) => r.pipe(res)).end(); });`,
    // Constant options objects.
    `${AXIOS}const HEALTH = { url: 'https://status.example.com/health', timeout: 2000 };\napp.get('/health', async (req, res) => res.json((await axios(HEALTH)).data));`,
    // An allow-listed host checked before the request.
    `${AXIOS}const HOSTS = new Set(['a.example.com', 'b.example.com']);
app.get('/x', async (req, res) => { const url = new URL(req.query.u); if (!HOSTS.has(url.hostname)) return res.sendStatus(400); const opts = { url: url.href }; res.json((await axios(opts)).data); });`,
    // A Request to a fixed origin.
    `${EXPRESS}app.get('/x', async (req, res) => { const r = new Request('https://api.example.com/items/' + encodeURIComponent(req.query.id)); res.send(await (await fetch(r)).text()); });`,
    // A method of the file called only with constants.
    `${AXIOS}const api = { load(url) { return axios.get(url); } };\napp.get('/x', async (req, res) => res.json((await api.load('https://api.example.com/items')).data));`,
    // A method of the file that fixes the origin itself.
    `${AXIOS}const api = { user(id) { return axios.get('https://api.example.com/users/' + encodeURIComponent(id)); } };\napp.get('/u', async (req, res) => res.json((await api.user(req.query.id)).data));`,
    // Options held in a variable as the second argument, with a fixed base and request data in the query only.
    `${AXIOS}app.get('/x', async (req, res) => { const opts = { baseURL: 'https://api.example.com', params: { q: req.query.q } }; res.json((await axios.get('/search', opts)).data); });`,
    // Forwarding the caller's credentials to a fixed upstream: headers choose no host.
    `${AXIOS}app.get('/me', async (req, res) => { const opts = { baseURL: process.env.UPSTREAM_URL, headers: { authorization: req.get('authorization') } }; res.json((await axios.get('/me', opts)).data); });`,
    `${AXIOS}const OPTS = { baseURL: 'https://api.example.com', timeout: 3000 };\napp.get('/x', async (req, res) => res.json((await axios.get('/items', OPTS)).data));`,
    // Options built by a helper of the file with a fixed URL key.
    `${AXIOS}function options(body) { return { url: 'https://hooks.example.com/in', method: 'POST', data: body }; }\napp.post('/x', async (req, res) => { await axios(options(req.body)); res.end(); });`,
  ]),
  invalid: [
    ...acrossParsers([
      { code: `${AXIOS}app.get('/x', async (req, res) => { const opts = { url: req.query.u }; res.json((await axios(opts)).data); });`, errors: ssrfError },
      { code: `${AXIOS}app.get('/x', async (req, res) => { const opts = { method: 'GET' }; opts.url = req.query.u; res.json((await axios.request(opts)).data); });`, errors: ssrfError },
      { code: `${EXPRESS}import http from 'http';\napp.get('/x', (req, res) => { const options = { hostname: req.query.host, path: '/' }; http.request(options, (r) => r.pipe(res)).end(); });`, errors: ssrfError },
      { code: `${EXPRESS}import got from 'got';\napp.post('/x', async (req, res) => { const options = { method: 'POST', ...req.body }; res.send(await got(options).text()); });`, errors: ssrfError },
      { code: `${EXPRESS}app.get('/x', async (req, res) => { const r = new Request(req.query.u); res.send(await (await fetch(r)).text()); });`, errors: ssrfError },
      { code: `${EXPRESS}app.get('/x', async (req, res) => { const target = new URL(req.query.u); res.send(await (await fetch(target)).text()); });`, errors: ssrfError },
      { code: `${AXIOS}app.get('/x', async (req, res) => { const opts = { baseURL: req.query.base }; res.json((await axios.get('/items', opts)).data); });`, errors: ssrfError },
      { code: `${AXIOS}function options(url) { return { url, timeout: 5000 }; }\napp.get('/x', async (req, res) => res.json((await axios(options(req.query.u))).data));`, errors: ssrfError },
    ]),
    // Into a class's own method.
    {
      code: `${AXIOS}class Proxy { async handle(req, res) { res.json(await this.fetchJson(req.query.u)); } async fetchJson(url) { return (await axios.get(url)).data; } }\napp.get('/p', (req, res) => new Proxy().handle(req, res));`,
      languageOptions: esm,
      errors: ssrfError,
    },
  ],
});

const BUSBOY = `${FS}import busboy from 'busboy';\n`;
const FORMIDABLE = `${FS}import formidable from 'formidable';\n`;
const FASTIFY = `${FS}import multipart from '@fastify/multipart';\nfastify.register(multipart);\n`;

ruleTester.run('no-path-traversal: upload names and methods', pathTraversal, {
  valid: [
    ...everywhere([
    // Only the base name of the client's file name.
    `${BUSBOY}app.post('/u', (req, res) => { const bb = busboy({ headers: req.headers }); bb.on('file', (name, file, info) => file.pipe(fs.createWriteStream(path.join('uploads', path.basename(info.filename))))); req.pipe(bb); });`,
    // A name the server makes.
    `${BUSBOY}import { randomUUID } from 'crypto';\napp.post('/u', (req, res) => { const bb = busboy({ headers: req.headers }); bb.on('file', (name, file, info) => file.pipe(fs.createWriteStream(path.join('uploads', randomUUID())))); req.pipe(bb); });`,
    // Where formidable stored the file is the server's choice.
    `${FORMIDABLE}app.post('/u', (req, res) => { formidable({ uploadDir: 'tmp' }).parse(req, (err, fields, files) => fs.readFile(files.upload.filepath, () => res.end())); });`,
    `${FORMIDABLE}app.post('/u', (req, res) => { formidable({}).parse(req, (err, fields, files) => fs.rename(files.doc.filepath, path.join('docs', path.basename(files.doc.name)), () => res.end())); });`,
    `${FASTIFY}fastify.post('/u', async (request) => { const data = await request.file(); await fs.promises.writeFile(path.join('uploads', path.basename(data.filename)), await data.toBuffer()); });`,
    // `.name` / `.filename` of objects no multipart parser handed over.
    `${FS}app.post('/u', (req, res) => { const user = getUser(); fs.readFile(path.join('avatars', user.name), () => res.end()); });`,
    `${FS}fastify.post('/u', async (request) => { const data = await request.file(); await fs.promises.readFile(path.join('cache', data.filename)); });`,
    // A method of an object literal or class called only with constants.
    `${FS}const store = { read(name) { return fs.readFileSync(path.join('data', name)); } };\napp.get('/x', (req, res) => res.send(store.read('index.json')));`,
    // busboy's other listeners and parameters: field values, the file stream.
    `${BUSBOY}app.post('/u', (req, res) => { const bb = busboy({ headers: req.headers }); bb.on('field', (name, value, info) => { fields[name] = value; }); bb.on('file', (name, file, info) => file.pipe(fs.createWriteStream(path.join('uploads', \`\${Date.now()}.bin\`)))); req.pipe(bb); });`,
    // A `'file'` event of an emitter that is no busboy instance.
    `${FS}import { EventEmitter } from 'events';\nconst bus = new EventEmitter();\nbus.on('file', (name, stream, filename) => fs.readFile(path.join('cache', filename), () => {}));`,
    ]),
    {
      code: `${FS}class Reports { read(name: string) { return fs.readFileSync(path.join('reports', name)); } latest() { return this.read('latest.pdf'); } }\napp.get('/r', (req, res) => res.send(new Reports().latest()));`,
      languageOptions: ts,
    },
    {
      code: `${FS}class Reports { read(name: string) { return fs.readFileSync(path.join('reports', path.basename(name))); } get(req: any) { return this.read(req.query.name); } }`,
      languageOptions: ts,
    },
  ],
  invalid: [
    ...acrossParsers([
      {
        code: `${BUSBOY}app.post('/u', (req, res) => { const bb = busboy({ headers: req.headers }); bb.on('file', (name, file, info) => file.pipe(fs.createWriteStream(path.join('uploads', info.filename)))); req.pipe(bb); });`,
        errors: pathError,
      },
      {
        code: `${FORMIDABLE}app.post('/u', (req, res) => { formidable({}).parse(req, (err, fields, files) => fs.rename(files.doc.filepath, path.join('docs', files.doc.name), () => res.end())); });`,
        errors: pathError,
      },
      {
        code: `${FASTIFY}fastify.post('/u', async (request) => { for await (const part of request.parts()) { if (part.type === 'file') part.file.pipe(fs.createWriteStream(path.join('uploads', part.filename))); } });`,
        errors: pathError,
      },
      {
        code: `${FS}const store = { read(name) { return fs.readFileSync(path.join('data', name)); } };\napp.get('/x', (req, res) => res.send(store.read(req.query.file)));`,
        errors: pathError,
      },
      {
        code: `${FS}const store = { read(name) { return fs.readFileSync(path.join('data', name)); } };\napp.get('/x', (req, res) => res.send(store?.read(req.query.file)));`,
        errors: pathError,
      },
      {
        code: `${FS}const store = { read(name) { return fs.readFileSync(path.join('data', name)); } };\napp.get('/x', (req, res) => res.send(store['read'](req.query.file)));`,
        errors: pathError,
      },
    ]),
    {
      code: `const Busboy = require('busboy');\nconst fs = require('fs');\napp.post('/u', (req, res) => { const form = new Busboy({ headers: req.headers }); form.on('file', (fieldname, file, filename) => file.pipe(fs.createWriteStream('uploads/' + filename))); req.pipe(form); });`,
      languageOptions: cjs,
      errors: pathError,
    },
    {
      code: `${FS}import { Controller, Get, Query } from '@nestjs/common';
class FileService { read(name: string) { return fs.readFileSync(path.join('files', name)); } }
@Controller('files')
export class FilesController {
  constructor(private readonly files: FileService) {}
  @Get() get(@Query('name') name: string) { return this.files.read(name); }
}`,
      languageOptions: ts,
      errors: pathError,
    },
  ],
});

ruleTester.run('no-command-injection: methods of the file', commandInjection, {
  valid: everywhere([
    `${CP}const tools = { thumbnail(file) { return execSync('convert ' + file + ' -resize 64x64 thumb.png'); } };\napp.post('/t', (req, res) => { tools.thumbnail('logo.png'); res.end(); });`,
    `${CP}class Git { log(ref) { return execSync('git log ' + ref); } recent() { return this.log('HEAD~5..HEAD'); } }\napp.get('/log', (req, res) => res.send(new Git().recent()));`,
    `${CP}const ALLOWED = ['main', 'dev'];\nclass Git { checkout(ref) { if (!ALLOWED.includes(ref)) throw new Error('bad ref'); return execSync('git checkout ' + ref); } handle(req) { return this.checkout(req.query.ref); } }`,
    `${CP}const tools = { size(file) { return execSync('du -sh ' + Number(file)); } };\napp.get('/s', (req, res) => res.send(tools.size(req.query.id)));`,
    // Options held in a variable that keep the shell off.
    `${CP}app.get('/ls', (req, res) => { const opts = { cwd: '/srv/data', shell: true }; opts.shell = false; spawn('ls', ['-l', req.query.dir], opts).stdout.pipe(res); });`,
    `${CP}const SPAWN = { cwd: '/srv/data' };\napp.get('/ls', (req, res) => spawn('ls', ['-l', req.query.dir], SPAWN).stdout.pipe(res));`,
    // Same-named methods of another object are not the one called.
    `${CP}const tools = { run(file) { return execSync('convert ' + file); } };\nconst other = { run(x) { return x; } };\ntools.run('a.png');\napp.get('/r', (req, res) => res.send(other.run(req.query.x)));`,
  ]),
  invalid: [
    ...acrossParsers([
      {
        code: `${CP}const tools = { thumbnail(file) { return execSync('convert ' + file + ' -resize 64x64 thumb.png'); } };\napp.post('/t', (req, res) => { tools.thumbnail(req.body.file); res.end(); });`,
        errors: commandError,
      },
    ]),
    {
      code: `${CP}app.get('/ls', (req, res) => { const opts = { cwd: '/srv/data' }; opts.shell = true; spawn('ls', ['-l', req.query.dir], opts).stdout.pipe(res); });`,
      languageOptions: esm,
      errors: commandError,
    },
    {
      code: `${CP}const config = { spawn: { shell: '/bin/bash' } };\napp.get('/ls', (req, res) => spawn('ls', ['-l', req.query.dir], config.spawn).stdout.pipe(res));`,
      languageOptions: esm,
      errors: commandError,
    },
    {
      code: `${CP}class Git { log(ref) { return execSync('git log ' + ref); } handle(req, res) { res.send(this.log(req.query.ref)); } }\napp.get('/log', (req, res) => new Git().handle(req, res));`,
      languageOptions: esm,
      errors: commandError,
    },
  ],
});
