import { RuleTester } from '@typescript-eslint/rule-tester';
import { ESLint, Linter } from 'eslint';
import { expect, it } from 'vitest';

// CI runs the suite twice: under ESLint 10, and with ESLINT=9 under ESLint 9 (see vitest.config.ts).
const major = process.env.ESLINT === '9' ? 9 : 10;

it('runs under the ESLint major version CI asked for', () => {
  expect(ESLint.version.split('.')[0]).toBe(String(major));
  expect(new Linter().version).toBe(ESLint.version);
});

// ESLint 10 removed context.getSourceCode(); the rule tester shows which Linter it runs.
const probe = {
  meta: { type: 'problem' as const, schema: [], messages: { legacy: 'legacy context' } },
  defaultOptions: [],
  create(context: { getSourceCode?: unknown; report(d: { loc: { line: number; column: number }; messageId: 'legacy' }): void }) {
    return {
      Program() {
        if (typeof context.getSourceCode === 'function') context.report({ loc: { line: 1, column: 0 }, messageId: 'legacy' });
      },
    };
  },
};

new RuleTester().run('eslint-major-probe', probe as never, {
  valid: major === 10 ? ['x'] : [],
  invalid: major === 9 ? [{ code: 'x', errors: [{ messageId: 'legacy' as never }] }] : [],
});
