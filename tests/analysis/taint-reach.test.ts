import { describe, expect, it } from 'vitest';
import { taintOf, type TaintOptions } from '../../src/analysis/flow/taint.js';
import { originTaint } from '../../src/analysis/flow/url-origin.js';
import { probe, type Language } from './harness.js';

/** For each `probe(x)`: the text of the request read it derives from, or null. */
const taints = (code: string, options: TaintOptions = {}, language: Language = 'esm') =>
  probe(code, (n, sc) => taintOf(n, sc, options)?.source.text ?? null, { language });
/** For each `probe(x)`: the function of the file the value passed through, or null. */
const through = (code: string, options: TaintOptions = {}, language: Language = 'esm') =>
  probe(code, (n, sc) => taintOf(n, sc, options)?.through ?? null, { language });

const route = (body: string) => `app.post('/x', async (req, res) => {\n${body}\n});`;

describe('taintOf: methods of object literals', () => {
  it('a parameter gets what calls of the method pass', () => {
    expect(
      taints(`
const files = {
  load(name) { probe(name); },
  remove: function (name) { probe(name); },
  stat: (name) => probe(name),
};
${route('files.load(req.query.f); files.remove(req.body.name); files.stat(req.params.id);')}`),
    ).toEqual(['req.query.f', 'req.body.name', 'req.params.id']);
  });
  it('a result is what the method returns for that call', () => {
    expect(
      taints(`
const paths = { of(name) { return '/data/' + name; } };
${route("probe(paths.of(req.query.f)); probe(paths.of('report.pdf'));")}`),
    ).toEqual(['req.query.f', null]);
  });
  it('names the method the value went through', () => {
    expect(through(`const files = { load(name) { probe(name); } };\n${route('files.load(req.query.f);')}`)).toEqual(['load']);
  });
  it('not when called only with constants, or when the method may be replaced', () => {
    expect(
      taints(`
const files = { load(name) { probe(name); } };
files.load('a.txt');
const other = { load(name) { probe(name); } };
other.load = (x) => x;
${route('other.load(req.query.f); otherThing.load(req.query.f);')}
const open = { ...base, load(name) { probe(name); } };
${route('open.load(req.query.f);')}`),
    ).toEqual([null, null, null]);
  });
});

describe('taintOf: methods of classes', () => {
  it('this.method(x) in the same class, in and out', () => {
    expect(
      taints(`
class Reports {
  handle(req, res) { this.read(req.query.name); return probe(this.pathOf(req.query.name)); }
  read(name) { probe(name); }
  pathOf(name) { return '/reports/' + name; }
  list() { this.read('index'); }
}
app.get('/r', (req, res) => new Reports().handle(req, res));`),
    ).toEqual(['req.query.name', 'req.query.name']);
  });
  it('this in arrows of a method is the instance; in a nested function it is not', () => {
    expect(
      taints(`
class Importer {
  run(req) { req.body.files.forEach((f) => this.read(f)); [req.query.x].forEach(function (x) { this.open(x); }); }
  read(name) { probe(name); }
  open(name) { probe(name); }
}
app.post('/i', (req, res) => new Importer().run(req));`),
    ).toEqual(['req.body.files', null]);
  });
  it('NestJS controllers calling their own private methods', () => {
    expect(
      taints(
        `
import { Controller, Get, Query } from '@nestjs/common';
@Controller('files')
export class FilesController {
  @Get()
  get(@Query('name') name: string) { return this.open(name); }
  private open(file: string) { probe(file); }
  private helper = (value: string) => probe(value);
  @Get('h') h(@Query('v') v: string) { this.helper(v); }
}`,
        {},
        'ts',
      ),
    ).toEqual(['name', 'v']);
  });
  it('this.service.method(x) when the property is typed with a class of the file', () => {
    expect(
      taints(
        `
import { Controller, Get, Query } from '@nestjs/common';
class FileService {
  read(name: string) { probe(name); }
}
class OtherService {
  read(name: string) { probe(name); }
}
@Controller('files')
export class FilesController {
  private other: OtherService;
  constructor(private readonly files: FileService, private readonly remote: RemoteService) {}
  @Get() get(@Query('name') name: string) { this.files.read(name); this.remote.read(name); }
  @Get('o') o() { this.other.read('x'); }
}`,
        {},
        'ts',
      ),
    ).toEqual(['name', null]);
  });
  it('not through a property typed with a class of another file, nor static/instance mix-ups', () => {
    expect(
      taints(
        `
import { FileService } from './file.service';
class Store {
  static read(name: string) { probe(name); }
  read(name: string) { probe(name); }
}
class Api {
  constructor(private readonly files: FileService, private readonly store: Store) {}
  handle(req: any) { this.files.read(req.query.f); Store.read; }
}
app.get('/x', (req, res) => new Api(a, b).handle(req));`,
        {},
        'ts',
      ),
    ).toEqual([null, null]);
  });
});

const pathTaints = (code: string, language: Language = 'esm') => taints(code, { sink: 'path' }, language);

describe('taintOf: upload file names for path sinks', () => {
  it('busboy 1: info.filename of a file listener, read, destructured in the parameter or later', () => {
    const code = `
import busboy from 'busboy';
app.post('/u', (req, res) => {
  const bb = busboy({ headers: req.headers });
  bb.on('file', (name, file, info) => { probe(info.filename); const { filename } = info; probe(filename); probe(file); probe(name + '.tmp'); });
  bb.on('file', (name, file, { filename, mimeType }) => probe(filename));
  req.pipe(bb);
});`;
    expect(pathTaints(code)).toEqual(['info.filename', 'info', null, null, 'filename']);
    // Only for path sinks.
    expect(taints(code)).toEqual([null, null, null, null, null]);
  });
  it('busboy 0.x (fieldname, file, filename) and connect-busboy', () => {
    expect(
      pathTaints(
        `
const Busboy = require('busboy');
const busboy = require('connect-busboy');
app.use(busboy());
app.post('/u', (req, res) => {
  const form = new Busboy({ headers: req.headers });
  form.on('file', (fieldname, file, filename, encoding, mimetype) => probe(filename));
  req.busboy.on('file', (fieldname, file, filename) => probe(filename));
});`,
        'cjs',
      ),
    ).toEqual(['filename', 'filename']);
  });
  it('not for look-alike listeners: another emitter, another event, another parameter', () => {
    expect(
      pathTaints(`
import busboy from 'busboy';
import { EventEmitter } from 'events';
const bus = new EventEmitter();
bus.on('file', (name, file, filename) => probe(filename));
app.post('/u', (req, res) => {
  const bb = busboy({ headers: req.headers });
  bb.on('field', (name, value, info) => probe(info));
  bb.on('file', (name, file, info) => probe(file.path));
});`),
    ).toEqual([null, null, null]);
  });
  it('formidable: originalFilename and 1.x name of parsed files', () => {
    expect(
      pathTaints(`
import formidable, { IncomingForm } from 'formidable';
app.post('/u', async (req, res) => {
  const form = formidable({});
  form.parse(req, (err, fields, files) => { probe(files.upload.originalFilename); probe(files.upload.name); probe(files.upload.filepath); probe(fields.name); });
  const [fields2, files2] = await form.parse(req);
  const file = files2.avatar[0];
  probe(file.originalFilename);
  const { originalFilename } = file;
  probe(originalFilename);
  new IncomingForm().on('file', (field, f) => probe(f.name));
});`),
    ).toEqual(['files.upload.originalFilename', 'files.upload.name', null, null, 'file.originalFilename', 'originalFilename', 'f.name']);
  });
  it('not .name of objects formidable did not parse', () => {
    expect(
      pathTaints(`
import formidable from 'formidable';
const other = makeParser();
app.post('/u', (req, res) => {
  other.parse(req, (err, fields, files) => probe(files.upload.name));
  formidable({}).parse(req, (err, fields, files) => probe(fields.name));
  probe(user.name);
});`),
    ).toEqual([null, null, null]);
  });
  it('@fastify/multipart: filename of request.file(), parts(), files(), saveRequestFiles()', () => {
    expect(
      pathTaints(`
import multipart from '@fastify/multipart';
fastify.register(multipart);
fastify.post('/u', async (request, reply) => {
  const data = await request.file();
  probe(data.filename);
  const { filename } = await request.file();
  probe(filename);
  for await (const part of request.parts()) probe(part.filename);
  const files = await request.saveRequestFiles();
  probe(files[0].filename);
  probe(files[0].filepath);
  probe(data.fieldname + '.bin');
});`),
    ).toEqual(['data.filename', 'filename', 'part.filename', 'files[0].filename', null, null]);
  });
  it('not .filename without the plugin loaded in the file, nor on non-request objects', () => {
    expect(
      pathTaints(`
fastify.post('/u', async (request, reply) => { const data = await request.file(); probe(data.filename); });`),
    ).toEqual([null]);
    expect(
      pathTaints(`
import multipart from '@fastify/multipart';
const data = await storage.file();
probe(data.filename);`),
    ).toEqual([null]);
  });
});

/** For each `probe(x)`: the request read that decides where an outbound request to `x` goes, or null. */
const origins = (code: string) => probe(code, (n, sc) => originTaint(n, sc, 'url')?.taint.source.text ?? null);

describe('originTaint: options objects of outbound requests', () => {
  it('URL and host keys of an object held in a variable, written later, spread or built by a function of the file', () => {
    expect(
      origins(
        route(`
        const a = { url: req.query.u };
        const b = { method: 'GET' }; b.url = req.body.target;
        const c = { hostname: req.query.host, path: '/' };
        const d = { timeout: 1000, ...req.body };
        const base = { baseURL: req.query.base };
        const e = { ...base, url: '/items' };
        const build = (target) => ({ url: target, timeout: 5000 });
        const r = new Request(req.query.r);
        const f = { url: 'https://api.example.com/' }; if (req.query.mirror) f.url = req.query.mirror;
        const g = {}; g.url = 'https://a.example.com/'; if (req.query.g) g.url = req.query.g;
        probe(a); probe(b); probe(c); probe(d); probe(e); probe(build(req.query.t)); probe(r); probe(f); probe(g);`),
      ),
    ).toEqual(['req.query.u', 'req.body.target', 'req.query.host', 'req.body', 'req.query.base', 'req.query.t', 'req.query.r', 'req.query.mirror', 'req.query.g']);
  });
  it('not request data in other keys, fixed origins, or a URL key always written again with a fixed value (a conditional rewrite leaves the first)', () => {
    expect(
      origins(
        route(`
        const a = { url: 'https://api.example.com/items', data: req.body, headers: { 'x-id': req.get('x-id') } };
        const b = { baseURL: 'https://api.example.com', url: req.query.path };
        const c = { url: req.query.u }; c.url = 'https://api.example.com/';
        const h = { url: req.query.h }; if (!isAllowedUrl(h.url)) h.url = 'https://api.example.com/';
        const d = { host: 'internal.example.com', path: '/items/' + req.query.id };
        const build = (body) => ({ url: 'https://hooks.example.com/in', data: body });
        const r = new Request('https://api.example.com/items?q=' + req.query.q);
        probe(a); probe(b); probe(c); probe(d); probe(build(req.body)); probe(r); probe(h);`),
      ),
    ).toEqual([null, 'req.query.path', null, null, null, null, 'req.query.h']);
  });
});
