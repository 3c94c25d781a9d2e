// Every rule is complete: registered, documented, tested, and described by its metadata; the
// shared configs hold the rules their metadata asks for.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { rules, type ApiSecurityRule } from '../../src/rules/index.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const exists = (path: string) => existsSync(new URL(path, root));

const entries = Object.entries(rules) as [string, ApiSecurityRule][];
const names = entries.map(([name]) => name);

const CWE = /^CWE-\d+$/;
const OWASP = /^(A\d{2}:2021|API\d{1,2}:2023)$/;

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema & { description?: string }>;
  additionalProperties?: unknown;
  items?: JsonSchema | JsonSchema[];
}

/** The option schemas of a rule: `schema: [a, b]` → [a, b]; `schema: {type:'array', items}` → items. */
function optionSchemas(schema: unknown): JsonSchema[] {
  if (Array.isArray(schema)) return schema as JsonSchema[];
  const s = schema as JsonSchema;
  if (Array.isArray(s.items)) return s.items;
  return s.items ? [s.items] : [];
}

describe('rule registry', () => {
  it('registers exactly the rule files in src/rules', () => {
    const files = readdirSync(new URL('src/rules/', root))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.slice(0, -'.ts'.length))
      .sort();
    expect(names.slice().sort()).toEqual(files);
  });

  it('keeps the registry sorted by name', () => {
    expect(names).toEqual(names.slice().sort());
  });

  it('exposes the registry as plugin.rules', () => {
    expect(plugin.rules).toBe(rules);
  });

  it('has a rule for every doc page in docs/rules', () => {
    const docs = exists('docs/rules/')
      ? readdirSync(new URL('docs/rules/', root)).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -'.md'.length))
      : [];
    expect(docs.filter((d) => !names.includes(d))).toEqual([]);
  });
});

describe.each(entries)('rule %s', (name, rule) => {
  const { meta } = rule;
  const docs = meta.docs!;

  it('is the default export of src/rules/<name>.ts', async () => {
    const file = fileURLToPath(new URL(`src/rules/${name}.ts`, root));
    const mod = (await import(file)) as { default: unknown };
    expect(mod.default).toBe(rule);
  });

  it(`has docs/rules/${name}.md with the standard sections`, () => {
    expect(exists(`docs/rules/${name}.md`), `docs/rules/${name}.md is missing`).toBe(true);
    const text = read(`docs/rules/${name}.md`);
    expect(text.startsWith(`# ${name}\n`), `docs/rules/${name}.md must start with "# ${name}"`).toBe(true);
    for (const section of ['## Incorrect', '## Correct', '## Options', '## When not to use it']) {
      expect(text, `docs/rules/${name}.md lacks a "${section}" section`).toMatch(new RegExp(`^${section}`, 'm'));
    }
    expect(text, 'the doc should cite the CWE id').toContain(docs.cwe);
  });

  it(`has tests/rules/${name}.test.ts`, () => {
    expect(exists(`tests/rules/${name}.test.ts`), `tests/rules/${name}.test.ts is missing`).toBe(true);
  });

  it('describes itself in meta.docs', () => {
    expect(['problem', 'suggestion', 'layout']).toContain(meta.type);
    expect(docs.description).toMatch(/^(Disallow|Require|Enforce) \S/);
    expect(docs.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
    expect(['recommended', 'strict']).toContain(docs.recommended);
    expect(docs.cwe).toMatch(CWE);
    expect(Array.isArray(docs.owasp) && docs.owasp.length > 0, 'meta.docs.owasp needs at least one id').toBe(true);
    for (const id of docs.owasp) expect(id).toMatch(OWASP);
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
  });

  it('declares its options: schema, descriptions, no unknown properties, defaults', () => {
    expect(meta.schema, 'meta.schema is required (use [] for no options)').toBeDefined();
    const options = optionSchemas(meta.schema);
    const objects = options.filter((o) => o.properties && Object.keys(o.properties).length > 0);
    for (const object of objects) {
      expect(object.additionalProperties, 'option objects must set additionalProperties: false').toBe(false);
      for (const [property, schema] of Object.entries(object.properties!)) {
        expect(schema.description, `option "${property}" needs a description`).toEqual(expect.any(String));
      }
    }
    const defaults = (meta as { defaultOptions?: unknown[] }).defaultOptions;
    if (objects.length > 0) {
      expect(defaults, 'meta.defaultOptions is required when the rule has options').toBeDefined();
      expect(Array.isArray(defaults)).toBe(true);
    }
  });
});

describe('shared configs', () => {
  const ruleIds = (config: string) => Object.keys(plugin.configs[config as 'all'].rules);
  const id = (name: string) => `api-security/${name}`;

  it('all: every rule', () => {
    expect(ruleIds('all').sort()).toEqual(names.map(id).sort());
  });

  it('recommended: exactly the rules marked recommended', () => {
    const expected = entries.filter(([, r]) => r.meta.docs?.recommended === 'recommended').map(([n]) => id(n));
    expect(ruleIds('recommended').sort()).toEqual(expected.sort());
  });

  it('strict: the rules marked recommended or strict', () => {
    const expected = entries
      .filter(([, r]) => r.meta.docs?.recommended === 'recommended' || r.meta.docs?.recommended === 'strict')
      .map(([n]) => id(n));
    expect(ruleIds('strict').sort()).toEqual(expected.sort());
  });

  it('recommended ⊆ strict ⊆ all', () => {
    const strict = new Set(ruleIds('strict'));
    const all = new Set(ruleIds('all'));
    expect(ruleIds('recommended').filter((r) => !strict.has(r))).toEqual([]);
    expect([...strict].filter((r) => !all.has(r))).toEqual([]);
  });

  it('enables every rule it lists', () => {
    for (const config of ['recommended', 'strict', 'all']) {
      for (const [rule, entry] of Object.entries(plugin.configs[config as 'all'].rules)) {
        const severity = Array.isArray(entry) ? entry[0] : entry;
        expect(severity, `${config}: ${rule}`).toBe('error');
      }
    }
  });
});
