import { chmodSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceCode } from '../../src/analysis/core/cache.js';
import {
  aliasedRange,
  declarationAtLeast,
  declaredDependency,
  manifestRanges,
  overrides,
  rangeAdmitsBelow,
  type DependencyDeclaration,
} from '../../src/analysis/core/dependencies.js';

const root = mkdtempSync(join(tmpdir(), 'api-security-deps-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

/** A stand-in for one linted file's `SourceCode`: the cache is keyed on its identity. */
function file(): SourceCode {
  return {} as SourceCode;
}

describe('rangeAdmitsBelow', () => {
  it.each([
    ['^9.0.2', false],
    ['~9.0.0', false],
    ['9.x', false],
    ['9', false],
    ['>=9.0.0', false],
    ['>= 9.0.0', false],
    ['9.0.2', false],
    ['=9.0.2', false],
    ['v9.0.2', false],
    ['^9.0.0 || ^10.0.0', false],
    ['9.0.0 - 10', false],
    ['>=9 <10', false],
    ['^8.5.1', true],
    ['~8.5.1', true],
    ['^8 || ^9', true],
    ['>=8', true],
    ['>8.0.0', true],
    ['>8.99', true],
    ['>8.99.99', true],
    ['<10', true],
    ['8.x', true],
    ['*', true],
    ['x', true],
    ['', true],
    ['8.0.0 - 9.0.0', true],
    ['^9.0.0-beta.1', true],
  ])('%j admits a version below 9.0.0: %s', (range, expected) => {
    expect(rangeAdmitsBelow(range, '9.0.0')).toBe(expected);
  });

  it.each(['latest', 'next', 'github:auth0/node-jsonwebtoken', 'auth0/node-jsonwebtoken#v9', 'git+https://github.com/x/y.git', 'file:../jwt', 'link:../jwt', 'workspace:*', 'workspace:^9.0.0', 'https://example.com/jwt.tgz', '^9.0.0 || nightly'])(
    '%j is not a readable range',
    (range) => {
      expect(rangeAdmitsBelow(range, '9.0.0')).toBeNull();
    },
  );

  it('still says "below" when one alternative admits it, even if another is unreadable', () => {
    expect(rangeAdmitsBelow('^8.5.1 || nightly', '9.0.0')).toBe(true);
  });

  it('compares patch releases (passport-jwt 4.0.0 against 4.0.1)', () => {
    expect(rangeAdmitsBelow('4.0.0', '4.0.1')).toBe(true);
    expect(rangeAdmitsBelow('^4.0.0', '4.0.1')).toBe(true);
    expect(rangeAdmitsBelow('^4.0.1', '4.0.1')).toBe(false);
    expect(rangeAdmitsBelow('~4.0.1', '4.0.1')).toBe(false);
    expect(rangeAdmitsBelow('>4.0.0', '4.0.1')).toBe(false);
  });

  it('ignores comparator sets that admit nothing', () => {
    expect(rangeAdmitsBelow('>=9 <8 || ^9', '9.0.0')).toBe(false);
  });
});

describe('aliasedRange and manifestRanges', () => {
  it('reads npm: aliases of the package itself', () => {
    expect(aliasedRange('jsonwebtoken', 'npm:jsonwebtoken@^9')).toBe('^9');
    expect(aliasedRange('@nestjs/jwt', 'npm:@nestjs/jwt@^10.2.0')).toBe('^10.2.0');
    expect(aliasedRange('jsonwebtoken', 'npm:jsonwebtoken')).toBe('*');
    expect(aliasedRange('jsonwebtoken', 'npm:@someone/jsonwebtoken-fork@^1.0.0')).toBeNull();
    expect(aliasedRange('jsonwebtoken', ' ^9.0.0 ')).toBe('^9.0.0');
  });

  it('looks in every dependency field and skips fields that are not objects', () => {
    expect(
      manifestRanges(
        {
          dependencies: [],
          devDependencies: { jsonwebtoken: '^9.0.2' },
          peerDependencies: { jsonwebtoken: '>=8' },
          optionalDependencies: { jsonwebtoken: 9 },
        },
        'jsonwebtoken',
      ),
    ).toEqual([
      { field: 'devDependencies', range: '^9.0.2' },
      { field: 'peerDependencies', range: '>=8' },
    ]);
  });
});

describe('declaredDependency', () => {
  const app = project('app', {
    'package.json': JSON.stringify({ name: 'app', dependencies: { jsonwebtoken: '^8.5.1', express: '^4.18.0' } }),
  });
  const mono = project('mono', {
    'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'], devDependencies: { jsonwebtoken: '^9.0.2' } }),
    'packages/api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.18.0' } }),
    'packages/auth/package.json': JSON.stringify({ name: 'auth', dependencies: { jsonwebtoken: 'npm:jsonwebtoken@^8.5.1' } }),
  });
  const broken = project('broken', {
    'package.json': JSON.stringify({ dependencies: { jsonwebtoken: '^9.0.2' } }),
    'server/package.json': '{ "dependencies": { "jsonwebtoken": "^9.0.2", } ',
    'tools/package.json': '[]',
  });

  it('reads the nearest package.json that declares the package', () => {
    expect(declaredDependency(file(), join(app, 'src/routes/auth.js'), 'jsonwebtoken')).toEqual({
      kind: 'declared',
      packageJson: join(app, 'package.json'),
      ranges: [{ field: 'dependencies', range: '^8.5.1' }],
    });
  });

  it('walks past a workspace package that does not declare it, to the monorepo root', () => {
    const found = declaredDependency(file(), join(mono, 'packages/api/src/middleware/auth.ts'), 'jsonwebtoken');
    expect(found).toMatchObject({ kind: 'declared', packageJson: join(mono, 'package.json') });
    expect(declarationAtLeast(found, '9.0.0')).toBe(true);
  });

  it('stops at the workspace package that declares it (through an alias)', () => {
    const found = declaredDependency(file(), join(mono, 'packages/auth/index.js'), 'jsonwebtoken');
    expect(found).toMatchObject({ kind: 'declared', packageJson: join(mono, 'packages/auth/package.json') });
    expect(declarationAtLeast(found, '9.0.0')).toBe(false);
  });

  it('is unknown for a package no package.json declares', () => {
    expect(declaredDependency(file(), join(app, 'src/index.js'), 'passport-jwt')).toEqual({ kind: 'unknown', reason: 'not-declared' });
  });

  it('is unknown, without throwing, when the nearest package.json is not JSON or not an object', () => {
    expect(declaredDependency(file(), join(broken, 'server/auth.js'), 'jsonwebtoken')).toEqual({
      kind: 'unknown',
      reason: 'invalid',
      packageJson: join(broken, 'server/package.json'),
    });
    expect(declaredDependency(file(), join(broken, 'tools/x.js'), 'jsonwebtoken')).toMatchObject({ kind: 'unknown', reason: 'invalid' });
  });

  it('is unknown when a package.json cannot be read', () => {
    const dir = project('unreadable', { 'package.json': '{}' });
    // A directory named package.json cannot be read as a file.
    mkdirSync(join(dir, 'sub/package.json'), { recursive: true });
    expect(declaredDependency(file(), join(dir, 'sub/a.js'), 'jsonwebtoken')).toMatchObject({ kind: 'unknown', reason: 'unreadable' });
    if (process.platform !== 'win32' && process.getuid?.() !== 0) {
      const locked = project('locked', { 'package.json': JSON.stringify({ dependencies: { jsonwebtoken: '^9.0.0' } }) });
      chmodSync(join(locked, 'package.json'), 0o000);
      expect(declaredDependency(file(), join(locked, 'a.js'), 'jsonwebtoken')).toMatchObject({ kind: 'unknown', reason: 'unreadable' });
      chmodSync(join(locked, 'package.json'), 0o644);
    }
  });

  it.each(['<input>', '<text>', '', 'src/auth.js', 'file.ts'])('is unknown for the file name %j', (filename) => {
    expect(declaredDependency(file(), filename, 'jsonwebtoken')).toEqual({ kind: 'unknown', reason: 'no-file' });
  });

  it('caches per linted file only: a later file sees an edited package.json', () => {
    const dir = project('edited', { 'package.json': JSON.stringify({ dependencies: { jsonwebtoken: '^8.5.1' } }) });
    const first = file();
    expect(declaredDependency(first, join(dir, 'a.js'), 'jsonwebtoken')).toMatchObject({ ranges: [{ range: '^8.5.1' }] });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies: { jsonwebtoken: '^9.0.2' } }));
    // Same mtime and size would not matter either: nothing is kept beyond the file.
    utimesSync(join(dir, 'package.json'), new Date(0), new Date(0));
    expect(declaredDependency(first, join(dir, 'a.js'), 'jsonwebtoken')).toMatchObject({ ranges: [{ range: '^8.5.1' }] });
    expect(declaredDependency(file(), join(dir, 'a.js'), 'jsonwebtoken')).toMatchObject({ ranges: [{ range: '^9.0.2' }] });
  });
});

describe('declarationAtLeast', () => {
  it('needs every declared range to be at least the version', () => {
    const declared = (...ranges: string[]): DependencyDeclaration => ({
      kind: 'declared',
      packageJson: '/p/package.json',
      ranges: ranges.map((range) => ({ field: 'dependencies', range })),
    });
    expect(declarationAtLeast(declared('^9.0.2'), '9.0.0')).toBe(true);
    expect(declarationAtLeast(declared('^9.0.2', '>=8'), '9.0.0')).toBe(false);
    expect(declarationAtLeast(declared('^9.0.2', 'latest'), '9.0.0')).toBeNull();
    expect(declarationAtLeast({ kind: 'unknown', reason: 'not-declared' }, '9.0.0')).toBeNull();
  });
});

describe('overrides', () => {
  it('sees npm overrides, yarn resolutions and pnpm overrides of the package', () => {
    expect(overrides({ overrides: { jsonwebtoken: '8.5.1' } }, 'jsonwebtoken')).toBe(true);
    expect(overrides({ overrides: { 'passport-jwt': { jsonwebtoken: '8.5.1' } } }, 'jsonwebtoken')).toBe(true);
    expect(overrides({ resolutions: { '**/jsonwebtoken': '8.5.1' } }, 'jsonwebtoken')).toBe(true);
    expect(overrides({ pnpm: { overrides: { 'passport-jwt>jsonwebtoken': '8.5.1' } } }, 'jsonwebtoken')).toBe(true);
    expect(overrides({ pnpm: { overrides: { 'jsonwebtoken@<9': '9.0.2' } } }, 'jsonwebtoken')).toBe(true);
    expect(overrides({ overrides: { '@nestjs/jwt': '10.2.0' } }, '@nestjs/jwt')).toBe(true);
  });
  it('ignores overrides of other packages', () => {
    expect(overrides({ overrides: { semver: '7.5.4' }, resolutions: { 'jsonwebtoken-extra': '1.0.0' } }, 'jsonwebtoken')).toBe(false);
    expect(overrides({}, 'jsonwebtoken')).toBe(false);
  });
  it('makes a declared range unknown, also when the override sits in a workspace root above', () => {
    const overridden = project('overridden', {
      'package.json': JSON.stringify({ dependencies: { jsonwebtoken: '>=9 <10' }, overrides: { jsonwebtoken: '8.5.1' } }),
    });
    const rooted = project('rooted', {
      'package.json': JSON.stringify({ private: true, workspaces: ['api'], overrides: { jsonwebtoken: '8.5.1' } }),
      'api/package.json': JSON.stringify({ dependencies: { jsonwebtoken: '^9.0.2' } }),
    });
    expect(declaredDependency(file(), join(overridden, 'src/auth.js'), 'jsonwebtoken')).toMatchObject({ kind: 'unknown', reason: 'overridden' });
    expect(declaredDependency(file(), join(rooted, 'api/src/auth.js'), 'jsonwebtoken')).toMatchObject({ kind: 'unknown', reason: 'overridden' });
  });
});
