import { describe, expect, it } from 'vitest';
import { archiveEntryName } from '../../src/analysis/domains/archives.js';
import { probe, type Language } from './harness.js';

const libraries = (code: string, language: Language = 'esm') => probe(code, (node, sc) => archiveEntryName(node, sc)?.library ?? null, { language });

describe('archiveEntryName', () => {
  it('adm-zip entries listed by getEntries()', () => {
    const code = "import AdmZip from 'adm-zip';\nconst zip = new AdmZip(buf);\nfor (const e of zip.getEntries()) probe(e.entryName);\nzip.getEntries().forEach(({ entryName }) => probe(entryName));\nconst entries = zip.getEntries();\nentries.forEach((e) => { const { entryName } = e; probe(entryName); probe(e.name); });";
    expect(libraries(code)).toEqual(['adm-zip', 'adm-zip', 'adm-zip', null]);
  });
  it('entry listeners: yauzl, unzipper, tar-stream, tar', () => {
    expect(libraries("const yauzl = require('yauzl');\nyauzl.open(f, { decodeStrings: false }, (err, zipfile) => zipfile.on('entry', (entry) => probe(entry.fileName)));", 'cjs')).toEqual(['yauzl']);
    // yauzl refuses absolute and `..` names itself while `decodeStrings` is on (its default).
    expect(libraries("const yauzl = require('yauzl');\nyauzl.open(f, {}, (err, zipfile) => zipfile.on('entry', (entry) => probe(entry.fileName)));", 'cjs')).toEqual([null]);
    expect(libraries("const yauzl = require('yauzl');\nconst OPTS = { lazyEntries: true, decodeStrings: true };\nyauzl.open(f, OPTS, (err, zipfile) => zipfile.on('entry', (entry) => probe(entry.fileName)));", 'cjs')).toEqual([null]);
    expect(libraries("import unzipper from 'unzipper';\nsrc.pipe(unzipper.Parse()).on('entry', (entry) => probe(entry.path));")).toEqual(['unzipper']);
    expect(libraries("import tar from 'tar-stream';\nconst x = tar.extract();\nx.on('entry', (header, stream, next) => probe(header.name));")).toEqual(['tar-stream']);
    expect(libraries("import { Parse } from 'tar';\nnew Parse().on('entry', (entry) => probe(entry.path));")).toEqual(['tar']);
  });
  it('callbacks: jszip forEach, tar onentry and filter', () => {
    expect(libraries("import JSZip from 'jszip';\nconst z = await JSZip.loadAsync(b);\nz.forEach((p, file) => { probe(p); probe(file.name); });")).toEqual(['jszip', 'jszip']);
    expect(libraries("import * as tar from 'tar';\ntar.x({ onentry: (e) => probe(e.path), filter: (p, e) => probe(p) });")).toEqual(['tar', 'tar']);
  });
  it('jszip files maps', () => {
    const code = "import JSZip from 'jszip';\nconst z = await JSZip.loadAsync(b);\nfor (const name of Object.keys(z.files)) probe(name);\nObject.keys(z.files).forEach((n) => probe(n));\nfor (const f of Object.values(z.files)) probe(f.name);\nfor (const k of Object.keys(other.files)) probe(k);\nfor (const k of Object.entries(z.files)) probe(k);";
    expect(libraries(code)).toEqual(['jszip', 'jszip', 'jszip', null, null]);
  });
  it('look-alikes: other emitters, other events, unrelated modules', () => {
    expect(libraries("queue.on('entry', (entry) => probe(entry.fileName));")).toEqual([null]);
    expect(libraries("import unzipper from 'unzipper';\nsrc.pipe(unzipper.Parse()).on('close', (entry) => probe(entry.path));")).toEqual([null]);
    expect(libraries("import JSZip from 'jszip';\nitems.forEach((p, file) => probe(p));")).toEqual([null]);
    expect(libraries("import glob from 'glob';\nfor (const e of glob.sync('*')) probe(e.path);")).toEqual([null]);
  });
});
