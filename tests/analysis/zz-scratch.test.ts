import { it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { findVar } from '../../src/analysis/ast.js';
import { probe } from './harness.js';
it('x', () => {
  console.log(probe("const { a = 'd' } = x; probe(a)", (n, sc) => findVar(sc, n as TSESTree.Identifier)!.references.map((r) => [r.isWrite(), r.writeExpr && sc.getText(r.writeExpr)])));
});
