// Misconfigured rule options fail ESLint's config validation with a message that says what is
// wrong, in every rule; each rule's own defaults pass it.
import { ESLint, type Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { rules, type ApiSecurityRule } from '../../src/rules/index.js';

const entries = Object.entries(rules) as [string, ApiSecurityRule][];

const ESLINTS = [
  { label: `ESLint ${ESLint.version}`, Eslint: ESLint },
  { label: `ESLint ${ESLint9.version}`, Eslint: ESLint9 as unknown as typeof ESLint },
];

async function configError(Eslint: typeof ESLint, ruleId: string, entry: Linter.RuleEntry): Promise<string | null> {
  const eslint = new Eslint({
    overrideConfigFile: true,
    overrideConfig: [plugin.configs.all as unknown as Linter.Config, { rules: { [ruleId]: entry } }],
  });
  try {
    await eslint.lintText('export {};\n', { filePath: 'src/app.js' });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Whether the rule's first option is an object with named properties. */
function firstOptionIsObject(rule: ApiSecurityRule): boolean {
  const schema = rule.meta.schema as unknown;
  const first = (Array.isArray(schema) ? schema[0] : (schema as { items?: unknown })?.items) as
    | { type?: string; properties?: object }
    | undefined;
  return first?.type === 'object' && first.properties !== undefined && Object.keys(first.properties).length > 0;
}

describe.each(ESLINTS)('$label: no-sql-injection options', ({ Eslint }) => {
  it('rejects a value of the wrong type, naming the rule, the value and the expected type', async () => {
    const message = await configError(Eslint, 'api-security/no-sql-injection', ['error', { allowNumericCoercion: 'yes' } as never]);
    expect(message).not.toBeNull();
    // ESLint names the rule and the offending value, not the property, for type errors.
    expect(message).toContain('api-security/no-sql-injection');
    expect(message).toContain('"yes"');
    expect(message).toContain('boolean');
  });

  it('rejects a misspelled option, naming it and the valid ones', async () => {
    const message = await configError(Eslint, 'api-security/no-sql-injection', ['error', { allowNumericCoersion: false } as never]);
    expect(message).toContain('Unexpected property "allowNumericCoersion"');
    expect(message).toContain('"allowNumericCoercion"');
  });
});

describe.each(ESLINTS)('$label', ({ Eslint }) => {
  describe.each(entries)('rule %s', (name, rule) => {
    const ruleId = `api-security/${name}`;

    it('accepts its own default options', async () => {
      const defaults = ((rule.meta as { defaultOptions?: unknown[] }).defaultOptions ?? []) as never[];
      expect(await configError(Eslint, ruleId, ['error', ...defaults])).toBeNull();
    });

    it('rejects an unknown option property, saying which', async () => {
      const message = await configError(Eslint, ruleId, ['error', { notARealOption: true } as never]);
      expect(message, `${ruleId} accepted an unknown option`).not.toBeNull();
      expect(message).toContain(ruleId);
      if (firstOptionIsObject(rule)) expect(message).toContain('Unexpected property "notARealOption"');
    });
  });
});
