import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { jwtCall, mayUseJwt } from '../../src/analysis/domains/jwt.js';
import { includesAny, includesAnyCase, quotedAny, quotesAny, stringGate, textGate, unescapeSource } from '../../src/analysis/core/source-text.js';
import { probe, probeOne, type Language } from './harness.js';

const hasStorage = includesAny(['localStorage', 'sessionStorage']);
const quotesStore = quotesAny(['store', '@vueuse/core']);
const storageGate = textGate(hasStorage);
const storeGate = textGate(quotesStore);

function mentions(code: string, gate: typeof storageGate, language: Language = 'esm'): boolean {
  return probeOne(`${code}\nprobe(0);`, (_n, sc) => gate(sc), { language });
}

function usesJwt(code: string, language: Language = 'esm'): boolean {
  return probeOne(`${code}\nprobe(0);`, (_n, sc) => mayUseJwt(sc), { language });
}

describe('unescapeSource', () => {
  it('reads the escape sequences of strings, templates and identifiers', () => {
    expect(unescapeSource('json\\u0077ebtoken')).toBe('jsonwebtoken');
    expect(unescapeSource('local\\u{53}torage')).toBe('localStorage');
    expect(unescapeSource('\\x6a\\x77t')).toBe('jwt');
    expect(unescapeSource('\\152wt')).toBe('jwt');
    expect(unescapeSource('jw\\\nt')).toBe('jwt');
    expect(unescapeSource('jw\\\r\nt')).toBe('jwt');
    expect(unescapeSource('a\\nb\\tc\\\\d\\q')).toBe('a\nb\tc\\dq');
    expect(unescapeSource('no escapes')).toBe('no escapes');
    expect(unescapeSource('trailing\\')).toBe('trailing\\');
    expect(unescapeSource('\\u00zz')).toBe('u00zz');
  });
});

describe('includesAny and quotesAny', () => {
  it('find plain text and whole quoted values', () => {
    expect(hasStorage('window.localStorage.setItem(k, v)')).toBe(true);
    expect(hasStorage('const storage = new Map()')).toBe(false);
    expect(quotesStore("import store from 'store';")).toBe(true);
    expect(quotesStore('const { useStorage } = require("@vueuse/core")')).toBe(true);
    expect(quotesStore("import store from 'store2'; const s = 'restore';")).toBe(false);
    expect(quotesStore('session.store = new RedisStore()')).toBe(false);
  });
});

describe('textGate', () => {
  it('is true when the text holds what the test looks for', () => {
    expect(mentions('localStorage.setItem("token", t);', storageGate)).toBe(true);
    expect(mentions("import store from 'store';", storeGate)).toBe(true);
  });

  it('is false when nothing in the file can spell it', () => {
    expect(mentions('const cache = new Map(); cache.set("token", t);', storageGate)).toBe(false);
    expect(mentions('const re = /\\d+\\.\\d+/; // a \\u0053 in a comment spells nothing\nre.test(x);', storageGate)).toBe(false);
    expect(mentions("import store from 'store2';", storeGate)).toBe(false);
  });

  it('sees through escape sequences in strings, templates and identifiers', () => {
    expect(mentions("import s from 'st\\u006fre';", storeGate)).toBe(true);
    expect(mentions('const s = require("\\x73tore");', storeGate, 'cjs')).toBe(true);
    expect(mentions('window["local\\u0053torage"].setItem(k, v);', storageGate)).toBe(true);
    expect(mentions('window[`session\\u0053torage`].setItem(k, v);', storageGate)).toBe(true);
    expect(mentions('local\\u0053torage.setItem(k, v);', storageGate)).toBe(true);
    // A template is not a module specifier: seen in backquotes, it is no quoted value.
    expect(mentions('const s = `st\\u006fre`;', storeGate)).toBe(false);
  });

  it('reads tokens, not comments, one token at a time', () => {
    expect(mentions('// localStorage is not used here\nconst x = 1;', storageGate)).toBe(false);
    expect(mentions('/* sessionStorage */ const y = 2;', storageGate)).toBe(false);
    const envGate = textGate((text) => /^env$/m.test(text));
    expect(mentions('const secret = process.env.SECRET;', envGate)).toBe(true);
    expect(mentions('const environment = 1; // env', envGate)).toBe(false);
  });

  it('shows strings with their quotes as written, resolved escapes in single quotes, and each name once', () => {
    const quoted = textGate((text) => /^['"]token['"]$/m.test(text));
    expect(mentions('cache.set("token", t);', quoted)).toBe(true);
    expect(mentions("cache.set('token', t);", quoted)).toBe(true);
    expect(mentions('cache.set("tokens", t);', quoted)).toBe(false);
    expect(mentions('cache.set("t\\u006fken", t);', textGate((text) => /^'token'$/m.test(text)))).toBe(true);
    const twice = textGate((text) => /^token$[^]*^token$/m.test(text));
    expect(mentions('const token = 1; use(token, token);', twice)).toBe(false);
  });

  it('keeps one answer per file and gate', () => {
    const answers = probe(
      "import store from 'store';\nprobe(1); probe(2);",
      (_n, sc) => [storeGate(sc), storageGate(sc)],
    );
    expect(answers).toEqual([
      [true, false],
      [true, false],
    ]);
  });
});

describe('quotedAny', () => {
  const quotesCrypto = quotedAny(['crypto', 'node:crypto', 'crypto-js']);
  const quoted = (code: string, language: Language = 'esm') => mentions(code, quotesCrypto, language);

  it('finds a whole string value among the file\'s strings and plain templates', () => {
    expect(quoted("import { createHash } from 'node:crypto';")).toBe(true);
    expect(quoted('const CryptoJS = require("crypto-js");', 'cjs')).toBe(true);
    expect(quoted('const m = require(`crypto`);', 'cjs')).toBe(true);
    expect(quoted("const name = 'crypto'; const c = require(name);", 'cjs')).toBe(true);
    expect(quoted("import { createHash } from 'crypto';", 'ts')).toBe(true);
  });

  it('sees through escape sequences', () => {
    expect(quoted("import c from 'cr\\u0079pto';")).toBe(true);
    expect(quoted('const c = require("\\x63rypto");', 'cjs')).toBe(true);
  });

  it('is false for parts of strings, templates with substitutions, names and comments', () => {
    expect(quoted("const s = 'crypto-browserify'; const t = 'web crypto';")).toBe(false);
    expect(quoted('const t = `${base}crypto`; const u = `crypto${x}`;')).toBe(false);
    expect(quoted('const crypto = globalThis.crypto; // uses \'crypto\'')).toBe(false);
    expect(quoted('')).toBe(false);
  });
});

describe('stringGate', () => {
  const holdsKey = stringGate(/AKIA[0-9A-Z]{16}/);
  const holds = (code: string, language: Language = 'esm') => mentions(code, holdsKey, language);

  it('tests string literals, templates and their pieces, and JSX text', () => {
    expect(holds("const id = 'AKIAIOSFODNN7EXAMPLE';")).toBe(true);
    expect(holds('const id = `AKIAIOSFODNN7EXAMPLE`;')).toBe(true);
    expect(holds('const u = `${region}:AKIAIOSFODNN7EXAMPLE:${x}`;')).toBe(true);
    expect(holds('const u = `AKIAIOSFODNN7EXAMPLE${x}`;')).toBe(true);
    expect(holds('const el = <Key value="AKIAIOSFODNN7EXAMPLE" />;', 'tsx')).toBe(true);
    expect(holds('const el = <p>AKIAIOSFODNN7EXAMPLE</p>;', 'tsx')).toBe(true);
  });

  it('sees through escapes and ignores comments and names', () => {
    expect(holds("const id = 'AKIA\\u0049OSFODNN7EXAMPLE';")).toBe(true);
    expect(holds('// AKIAIOSFODNN7EXAMPLE\nconst AKIAIOSFODNN7EXAMPLE = 1;')).toBe(false);
  });
});

describe('mayUseJwt', () => {
  it('is true for files that can load a JWT library', () => {
    expect(usesJwt("import jwt from 'jsonwebtoken';")).toBe(true);
    expect(usesJwt("import { jwtVerify } from 'jose';")).toBe(true);
    expect(usesJwt("const { expressjwt } = require('express-jwt');", 'cjs')).toBe(true);
    expect(usesJwt("import { JwtService } from '@nestjs/jwt';", 'ts')).toBe(true);
    expect(usesJwt("const jwt = require('json\\u0077ebtoken');", 'cjs')).toBe(true);
    expect(usesJwt("const jwt = await import('\\x6aose');")).toBe(true);
  });

  it('is false for files that cannot', () => {
    expect(usesJwt("import express from 'express'; const app = express(); app.get('/', (req, res) => res.send('ok'));")).toBe(false);
    expect(usesJwt("const crypto = require('crypto'); const s = 'a\\nb'; crypto.sign(null, data, key);", 'cjs')).toBe(false);
  });

  it('makes jwtCall answer null at once in such files, and still find escaped imports', () => {
    const select = { selector: 'CallExpression', pick: (n: TSESTree.Node) => n };
    const found = (code: string) =>
      probe(code, (n, sc) => jwtCall(n as TSESTree.CallExpression, sc)?.operation ?? null, { select, language: 'cjs' });
    expect(found("const signer = require('signer'); signer.sign(p, k);")).toEqual([null, null]);
    expect(found("const jwt = require('json\\u0077ebtoken'); jwt.sign(p, k);")).toEqual([null, 'sign']);
  });
});

describe('word-list gates (one scan per file for all of them)', () => {
  // Words that overlap: one inside another, one starting inside another, one sharing a prefix.
  const session = textGate(includesAny(['session']));
  const sessionStore = textGate(includesAny(['sessionStore']));
  const store = textGate(includesAny(['Store']));
  const onStore = textGate(includesAny(['onStore', 'nStor']));
  const anyCaseToken = textGate(includesAnyCase(['TOKEN']));
  const anyCaseKey = textGate(includesAnyCase(['apikey', 'key']));

  it('finds a word inside a longer word of another gate, and words starting inside one', () => {
    const code = 'const s = sessionStore;';
    expect(mentions(code, session)).toBe(true);
    expect(mentions(code, sessionStore)).toBe(true);
    expect(mentions(code, store)).toBe(true);
    expect(mentions(code, onStore)).toBe(true);
    expect(mentions('const s = session;', sessionStore)).toBe(false);
    expect(mentions('const s = session;', store)).toBe(false);
    expect(mentions('const s = reasonStorage;', onStore)).toBe(true);
  });

  it('answers every gate of a file from the same scan', () => {
    const answers = probe('const s = sessionStore; probe(1);', (_n, sc) => [session(sc), sessionStore(sc), store(sc), anyCaseToken(sc)]);
    expect(answers).toEqual([[true, true, true, false]]);
  });

  it('looks for any-case words in any case, and for cased words only as written', () => {
    expect(mentions('const csrfToken = 1;', anyCaseToken)).toBe(true);
    expect(mentions('const API_KEY = 1;', anyCaseKey)).toBe(true);
    expect(mentions('const monkey = 1;', anyCaseKey)).toBe(true);
    expect(mentions('const s = SESSION;', session)).toBe(false);
    expect(mentions('const t = tokenize;', anyCaseKey)).toBe(false);
  });

  it('still reads comments as nothing and escapes as what they spell', () => {
    expect(mentions('// sessionStore\nconst x = 1;', session)).toBe(false);
    expect(mentions('const s = \u0073ession;', session)).toBe(true);
    expect(mentions('const s = "TO\\u004bEN";', anyCaseToken)).toBe(true);
  });

  it('holds for a gate made after files were scanned', () => {
    expect(mentions('const s = sessionStore;', session)).toBe(true);
    const late = textGate(includesAny(['ssionSt']));
    const lateAnyCase = textGate(includesAnyCase(['SIONSTORE']));
    expect(mentions('const s = sessionStore;', late)).toBe(true);
    expect(mentions('const s = sessionStore;', lateAnyCase)).toBe(true);
    expect(mentions('const s = session;', late)).toBe(false);
  });

  it('treats an empty list as never and an empty word as always', () => {
    expect(mentions('const s = 1;', textGate(includesAny([])))).toBe(false);
    expect(mentions('const s = 1;', textGate(includesAny(['', 'x'])))).toBe(true);
  });
});
