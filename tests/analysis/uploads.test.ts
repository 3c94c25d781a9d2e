import { describe, expect, it } from 'vitest';
import { folderPath, formatBytes, isInsideFolder, parseSize, sizeSetting } from '../../src/analysis/domains/uploads.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { probeOne } from './harness.js';

describe('parseSize', () => {
  it('reads numbers as bytes and sizes with the units of the bytes package', () => {
    expect(parseSize(1024, 'bytes')).toEqual({ kind: 'bytes', bytes: 1024 });
    expect(parseSize('50mb', 'bytes-string')).toEqual({ kind: 'bytes', bytes: 50 * 1024 * 1024 });
    expect(parseSize('1 GB', 'bytes-string')).toEqual({ kind: 'bytes', bytes: 1024 ** 3 });
    expect(parseSize('1.5kb', 'bytes-string')).toEqual({ kind: 'bytes', bytes: 1536 });
    expect(parseSize('100', 'bytes-string')).toEqual({ kind: 'bytes', bytes: 100 });
  });
  it('treats Infinity as no limit and anything else as unknown', () => {
    expect(parseSize(Infinity, 'bytes')).toEqual({ kind: 'unlimited' });
    expect(parseSize('Infinity', 'bytes-string')).toEqual({ kind: 'unlimited' });
    expect(parseSize('50mb', 'bytes')).toEqual({ kind: 'unknown' });
    expect(parseSize('large', 'bytes-string')).toEqual({ kind: 'unknown' });
    expect(parseSize(NaN, 'bytes')).toEqual({ kind: 'unknown' });
    expect(parseSize(null, 'bytes')).toEqual({ kind: 'unknown' });
  });
});

describe('formatBytes', () => {
  it('words sizes as people write them', () => {
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12)).toBe('12 bytes');
  });
});

describe('sizeSetting', () => {
  const option = { path: ['limits', 'fileSize'], unit: 'bytes' as const, defaultBytes: Infinity };
  const read = (code: string) => probeOne(code, (n, sc) => sizeSetting(n as TSESTree.ObjectExpression, option, sc).kind);
  it('follows nested options and constants', () => {
    expect(read('const MAX = 5 * 1024; probe({ limits: { fileSize: MAX } })')).toBe('bytes');
    expect(read('probe({ dest: "x" })')).toBe('unlimited');
    expect(read('probe({ limits: { fileSize: Infinity } })')).toBe('unlimited');
    expect(read('probe({ limits: { fileSize: process.env.MAX } })')).toBe('unknown');
    expect(read('probe({ ...base })')).toBe('unknown');
    expect(read('probe({ limits })')).toBe('unknown');
  });
});

describe('folderPath and isInsideFolder', () => {
  const folder = (code: string) => probeOne(`import path from 'path'; ${code}`, (n, sc) => folderPath(n, sc));
  it('reads constant folders anchored at the working directory, __dirname or the root', () => {
    expect(folder("probe('./public/uploads/')")).toEqual({ root: 'cwd', segments: ['public', 'uploads'] });
    expect(folder("probe(path.join(__dirname, 'public', '../static'))")).toEqual({ root: 'dir', segments: ['static'] });
    expect(folder('probe(`${__dirname}/uploads`)')).toEqual({ root: 'dir', segments: ['uploads'] });
    expect(folder("probe(path.resolve(process.cwd(), 'public'))")).toEqual({ root: 'cwd', segments: ['public'] });
    expect(folder("probe('/srv/app')")).toEqual({ root: 'abs', segments: ['srv', 'app'] });
    expect(folder('probe(path.join(base, "x"))')).toBeNull();
    expect(folder('probe(uploadDir)')).toBeNull();
  });
  it('compares folders anchored the same way', () => {
    expect(isInsideFolder({ root: 'cwd', segments: ['public', 'uploads'] }, { root: 'cwd', segments: ['public'] })).toBe(true);
    expect(isInsideFolder({ root: 'cwd', segments: ['public'] }, { root: 'cwd', segments: ['public'] })).toBe(true);
    expect(isInsideFolder({ root: 'cwd', segments: ['uploads'] }, { root: 'cwd', segments: ['public'] })).toBe(false);
    expect(isInsideFolder({ root: 'dir', segments: ['public'] }, { root: 'cwd', segments: ['public'] })).toBe(false);
  });
});
