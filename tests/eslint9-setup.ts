// Loaded first when ESLINT=9 (see vitest.config.ts): CommonJS packages that require('eslint'),
// such as @typescript-eslint/rule-tester, get ESLint 9 (the `eslint9` alias) as well.
import Module from 'node:module';

type Resolve = (request: string, ...rest: unknown[]) => string;
const mod = Module as unknown as { _resolveFilename: Resolve };
const original = mod._resolveFilename;
mod._resolveFilename = function (request: string, ...rest: unknown[]): string {
  const redirected = request === 'eslint' || request.startsWith('eslint/') ? `eslint9${request.slice('eslint'.length)}` : request;
  return original.call(this, redirected, ...rest);
};
