import { describe, expect, it } from 'vitest';
import { taintOf, type TaintOptions } from '../../src/analysis/flow/taint.js';
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
