// The real-app harness's committed inputs (tests/realworld/apps.json and triage.json) are well
// formed, and every finding judged false on real code has its counterpart `valid` test in the
// rule's test file (found by the marker comment the entry names). The harness itself runs in CI as
// `node scripts/realworld.mjs` (it downloads the apps; see README, "Precision on real code").
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';

interface App {
  name: string;
  version: string;
  integrity: string;
  license: string;
  frameworks: string[];
  sourceType: string;
  paths: string[];
  ignore?: string[];
}

interface Entry {
  app: string;
  file: string;
  line: number;
  column: number;
  rule: string;
  configs: string[];
  verdict: string;
  reason: string;
  message: string;
  validTest?: string;
}

const root = new URL('../../', import.meta.url);
const { apps } = JSON.parse(readFileSync(new URL('tests/realworld/apps.json', root), 'utf8')) as { apps: App[] };
const { entries } = JSON.parse(readFileSync(new URL('tests/realworld/triage.json', root), 'utf8')) as { entries: Entry[] };

describe('tests/realworld/apps.json', () => {
  it('pins at least eight applications by exact version and sha512 integrity, with their licence', () => {
    expect(apps.length).toBeGreaterThanOrEqual(8);
    for (const app of apps) {
      expect(app.version, app.name).toMatch(/^\d+\.\d+\.\d+(?:-[\w.-]+)?$/);
      expect(app.integrity, app.name).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
      expect(app.license.length, app.name).toBeGreaterThan(2);
      expect(['commonjs', 'module'], app.name).toContain(app.sourceType);
      expect(app.paths.length, app.name).toBeGreaterThan(0);
    }
    expect(new Set(apps.map((a) => a.name)).size).toBe(apps.length);
  });

  it('covers more than one framework', () => {
    const frameworks = new Set(apps.flatMap((a) => a.frameworks));
    for (const framework of ['express', 'koa', 'fastify', 'nestjs']) expect([...frameworks]).toContain(framework);
  });
});

describe('tests/realworld/triage.json', () => {
  const names = new Set(apps.map((a) => a.name));
  const key = (e: Entry) => `${e.app}|${e.file}|${e.line}|${e.column}|${e.rule}`;

  it('judges every entry true, false or debatable with a reason', () => {
    for (const e of entries) {
      expect(['true', 'false', 'debatable'], key(e)).toContain(e.verdict);
      expect(e.reason.trim().length, `${key(e)} has no reason`).toBeGreaterThan(10);
      expect(e.configs.length, key(e)).toBeGreaterThan(0);
      for (const c of e.configs) expect(['recommended', 'all'], key(e)).toContain(c);
      expect(names.has(e.app), `${key(e)}: unknown app`).toBe(true);
      expect(Object.keys(rules), key(e)).toContain(e.rule);
    }
  });

  it('holds each finding once', () => {
    expect(new Set(entries.map(key)).size).toBe(entries.length);
  });

  it('points every false verdict at a valid test in the rule test file', () => {
    for (const e of entries.filter((x) => x.verdict === 'false')) {
      expect(e.validTest, `${key(e)} names no validTest marker`).toBeTruthy();
      const file = new URL(`tests/rules/${e.rule}.test.ts`, root);
      expect(existsSync(file), `${e.rule} has no test file`).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text.includes(`realworld: ${e.validTest}`), `${key(e)}: marker "realworld: ${e.validTest}" not found in ${e.rule}.test.ts`).toBe(true);
    }
  });
});
