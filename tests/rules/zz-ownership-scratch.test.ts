import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { readdirSync, readFileSync } from 'node:fs';
import { it } from 'vitest';
import rule from '../../src/rules/require-ownership-check.js';

it('scratch', () => {
  for (const file of readdirSync('/tmp/own-examples')) {
    const code = readFileSync(`/tmp/own-examples/${file}`, 'utf8');
    const linter = new Linter({ configType: 'flat' });
    const msgs = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as never }, plugins: { p: { rules: { r: rule as never } } }, rules: { 'p/r': 'error' } }], { filename: file.replace(/\.js$/, '.ts') });
    console.log(file, msgs.map((m) => `${m.line}:${m.column} ${m.message.slice(0, 90)}`));
  }
});
