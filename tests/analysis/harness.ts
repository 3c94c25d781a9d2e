/**
 * Test harness for the analysis layer: lints a code string with ESLint's `Linter` and an inline
 * probe rule, and returns what an analysis function says about selected nodes.
 *
 * ```ts
 * const [ref] = probe('import jwt from "jsonwebtoken"; probe(jwt.sign);', (node, sc) => resolveModule(node, sc));
 * ```
 *
 * By default every call `probe(x)` is selected and the function receives its first argument
 * (`probe` itself may stay undeclared). Pass `select` to choose other nodes.
 * Results come back in source order. A parse error throws, so tests never pass on broken code.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';
import { Linter } from 'eslint';
import type { SourceCode } from '../../src/analysis/core/cache.js';

export type Language = 'esm' | 'cjs' | 'ts' | 'tsx' | 'script';

export interface ProbeOptions {
  /**
   * - `esm` (default): espree, `sourceType: 'module'`, no globals (so `require` is undeclared);
   * - `cjs`: espree, `sourceType: 'commonjs'` (`require`, `module`, `exports` declared);
   * - `ts`: `@typescript-eslint/parser`, module; `tsx`: the same with JSX;
   * - `script`: espree, `sourceType: 'script'`.
   */
  language?: Language;
  /** Globals to declare (`{ process: 'readonly' }`). */
  globals?: Record<string, 'readonly' | 'writable'>;
  /**
   * Which nodes to probe. Defaults to the first argument of each `probe(…)` call. Return the node
   * to hand to the analysis function, or null to skip.
   */
  select?: { selector: string; pick: (node: TSESTree.Node) => TSESTree.Node | null };
}

/** The node passed to `probe(x)`: its first argument. */
function probeArgument(node: TSESTree.Node): TSESTree.Node | null {
  const call = node as TSESTree.CallExpression;
  const arg = call.arguments[0];
  return arg && arg.type !== 'SpreadElement' ? arg : null;
}

function languageOptions(language: Language, globals: Record<string, 'readonly' | 'writable'> = {}): Linter.LanguageOptions {
  switch (language) {
    case 'cjs':
      return { parser: espree, sourceType: 'commonjs', ecmaVersion: 'latest', globals } as Linter.LanguageOptions;
    case 'script':
      return { parser: espree, sourceType: 'script', ecmaVersion: 'latest', globals } as Linter.LanguageOptions;
    case 'ts':
      return { parser: tsParser, sourceType: 'module', globals } as Linter.LanguageOptions;
    case 'tsx':
      return {
        parser: tsParser,
        sourceType: 'module',
        globals,
        parserOptions: { ecmaFeatures: { jsx: true } },
      } as Linter.LanguageOptions;
    case 'esm':
    default:
      return { parser: espree, sourceType: 'module', ecmaVersion: 'latest', globals } as Linter.LanguageOptions;
  }
}

/**
 * Runs `fn` on every selected node of `code` and returns the results in source order.
 * `fn` gets the node, the file's `SourceCode`, and the rule context.
 */
export function probe<T>(
  code: string,
  fn: (node: TSESTree.Node, sourceCode: SourceCode, context: TSESLint.RuleContext<string, unknown[]>) => T,
  options: ProbeOptions = {},
): T[] {
  const results: T[] = [];
  const select = options.select ?? {
    selector: 'CallExpression[callee.type="Identifier"][callee.name="probe"]',
    pick: probeArgument,
  };
  const rule = {
    meta: { type: 'problem', schema: [] },
    create(context: TSESLint.RuleContext<string, unknown[]>) {
      return {
        [select.selector](node: TSESTree.Node) {
          const target = select.pick(node);
          if (target) results.push(fn(target, context.sourceCode, context));
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.js'],
        languageOptions: languageOptions(options.language ?? 'esm', options.globals),
        plugins: { probe: { rules: { probe: rule as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
    { filename: options.language === 'tsx' ? 'file.tsx' : options.language === 'ts' ? 'file.ts' : 'file.js' },
  );
  const fatal = messages.find((m) => m.fatal || m.ruleId === 'probe/probe');
  if (fatal) throw new Error(`probe failed: ${fatal.message} (line ${fatal.line}:${fatal.column})\n${code}`);
  return results;
}

/** `probe` with exactly one selected node: returns its result (throws when there is not exactly one). */
export function probeOne<T>(
  code: string,
  fn: (node: TSESTree.Node, sourceCode: SourceCode, context: TSESLint.RuleContext<string, unknown[]>) => T,
  options: ProbeOptions = {},
): T {
  const results = probe(code, fn, options);
  if (results.length !== 1) throw new Error(`expected one probe, found ${results.length}\n${code}`);
  return results[0]!;
}
