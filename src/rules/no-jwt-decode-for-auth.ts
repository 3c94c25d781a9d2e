import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  childNodes,
  calleeName,
  enclosingFunction,
  findVar,
  memberName,
  paramName,
  propertyName,
  shortText,
  unwrap,
  type FunctionNode,
} from '../analysis/core/ast.js';
import type { SourceCode } from '../analysis/core/cache.js';
import { algorithmList, fileLoadsModule, isHmacAlgorithm, jwtCall, jwtOption, mayUseJwt, namedSignAlgorithm, type JwtCall } from '../analysis/domains/jwt.js';
import { isModulePath, resolveModule } from '../analysis/core/modules.js';
import { isAuthFunctionName } from '../analysis/core/names.js';
import { isNextRouteHandler, roleOfParameter } from '../analysis/http/request-sources.js';
import { staticValue } from '../analysis/core/static-value.js';
import { JWT_ENTRIES } from '../catalog/jwt.js';
import { createRule } from '../util/create-rule.js';
import { classifyJwtKey, envVariableName } from '../analysis/domains/jwt-keys.js';

type Node = TSESTree.Node;
type MessageIds = 'decodeForAuth' | 'noVerifyDecode' | 'useVerify';

function lastNames(operation: string): Set<string> {
  return new Set(
    JWT_ENTRIES.filter((e) => e.operation === operation).flatMap((e) =>
      e.methods ?? (e.path.length > 0 ? [e.path[e.path.length - 1]!] : []),
    ),
  );
}
const DECODE_NAMES = lastNames('decode');
const VERIFY_NAMES = lastNames('verify');
const MIDDLEWARE_NAMES = lastNames('middleware');
/** Libraries that only run on a server: any use of their decode result in a check is an access decision. */
const SERVER_LIBRARIES = new Set(['jsonwebtoken', '@nestjs/jwt', '@fastify/jwt', 'hono/jwt']);
/** Middleware packages whose default export (any local name) verifies tokens before the handlers run. */
const VERIFYING_MIDDLEWARE_MODULES = ['express-jwt', 'koa-jwt'];
/** Modules whose presence marks a file as server code (for decoders that also run in browsers). */
const SERVER_MODULES = [
  'express', 'fastify', 'koa', '@koa/router', 'koa-router', '@nestjs/common', '@nestjs/core', 'hono', 'next/server',
  'http', 'node:http', 'https', 'node:https', 'h3', '@hapi/hapi', 'restify', 'polka', '@sveltejs/kit', 'next/headers',
  'server-only',
];
/** Parameter names that mark a function as a request handler or middleware. */
const SERVER_PARAMETER_NAMES = new Set(['req', 'request', 'ctx']);
/** Properties of a request/context object that hold the authenticated caller. */
const AUTH_CONTEXT_PROPERTIES = new Set([
  'user', 'auth', 'currentUser', 'userId', 'account', 'principal', 'claims', 'identity', 'jwtPayload', 'tokenPayload',
  'role', 'roles', 'permissions', 'isAdmin', 'admin', 'authenticated', 'isAuthenticated', 'session',
]);
/** Identifiers conventionally naming the request or the framework context. */
const REQUEST_NAMES = new Set(['req', 'request', 'ctx', 'context', 'event']);
/** Objects hanging off a request/response that carry per-request state: `res.locals`, `ctx.state`, `req.session`. */
const STATE_PROPERTIES = new Set(['locals', 'state', 'session']);
/** Claims that name the caller or what it may do: comparing them is an access decision. */
const AUTH_CLAIMS = new Set([
  'sub', 'id', '_id', 'uid', 'userId', 'user_id', 'role', 'roles', 'scope', 'scopes', 'scp', 'permissions', 'perms',
  'isAdmin', 'is_admin', 'admin', 'groups', 'tenant', 'tenantId', 'orgId', 'org_id', 'accountId', 'username', 'email', 'aud',
]);
/** Registered claims about the token itself, not the caller: reading them checks freshness or format (logout, refresh scheduling). */
const TOKEN_METADATA_CLAIMS = new Set(['exp', 'iat', 'nbf', 'jti', 'typ', 'header']);
const COMPARISONS = new Set(['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'in', 'instanceof']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);
const MAX_STEPS = 64;

type Use = { kind: 'assigned'; target: string } | { kind: 'checked' } | { kind: 'returned'; fn: string };

/** The outermost node that still stands for `node`'s value (TS assertions, `!`, optional chains, parentheses). */
function outermost(node: Node): Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (
      parent &&
      (parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression ||
        parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        parent.type === AST_NODE_TYPES.TSTypeAssertion ||
        parent.type === AST_NODE_TYPES.ChainExpression ||
        parent.type === AST_NODE_TYPES.AwaitExpression)
    ) {
      current = parent;
      continue;
    }
    return current;
  }
}

function functionName(fn: FunctionNode): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  // `exports.authenticate = (token) => …`, `AuthService.verify = function (token) { … }`
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) {
    const left = unwrap(parent.left);
    if (left.type === AST_NODE_TYPES.Identifier) return left.name;
    if (left.type === AST_NODE_TYPES.MemberExpression) return memberName(left);
  }
  if (
    (parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.value === fn
  ) {
    return propertyName(parent);
  }
  return null;
}

/** `req.user`, `request.auth`, `ctx.state.user`, `res.locals.user`, `req.session.userId`: where the caller's identity is kept. */
function authContextTarget(left: Node, sourceCode: SourceCode): string | null {
  const target = unwrap(left);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = memberName(target);
  if (name === null || !AUTH_CONTEXT_PROPERTIES.has(name)) return null;
  const object = unwrap(target.object);
  if (object.type === AST_NODE_TYPES.Identifier && REQUEST_NAMES.has(object.name)) return sourceCode.getText(target);
  if (object.type === AST_NODE_TYPES.MemberExpression) {
    const holder = memberName(object);
    if (holder !== null && STATE_PROPERTIES.has(holder)) return sourceCode.getText(target);
  }
  return null;
}

/** Identifiers bound by a declarator's pattern, with the key they were taken from; those from the token's `header` are skipped. */
function boundIdentifiers(pattern: Node): { id: TSESTree.Identifier; key: string | null }[] {
  const found: { id: TSESTree.Identifier; key: string | null }[] = [];
  const visit = (node: Node, key: string | null): void => {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        found.push({ id: node, key });
        return;
      case AST_NODE_TYPES.ObjectPattern:
        for (const prop of node.properties) {
          if (prop.type === AST_NODE_TYPES.RestElement) {
            visit(prop.argument, key);
            continue;
          }
          const name = propertyName(prop);
          if (name !== 'header') visit(prop.value, name);
        }
        return;
      case AST_NODE_TYPES.ArrayPattern:
        for (const element of node.elements) if (element) visit(element, key);
        return;
      case AST_NODE_TYPES.AssignmentPattern:
        visit(node.left, key);
        return;
      case AST_NODE_TYPES.RestElement:
        visit(node.argument, key);
        return;
      default:
        return;
    }
  };
  visit(pattern, null);
  return found;
}

/** Calls that end or deny a request: `res.status(401)`, `reply.code(403)`, `ctx.throw(401)`, `next(err)`, `redirect('/login')`. */
const DENIAL_CALLS = new Set(['status', 'sendStatus', 'code', 'throw', 'redirect', 'next', 'abort', 'forbidden', 'unauthorized', 'reject', 'end', 'text', 'json', 'send']);
const MAX_GUARD_NODES = 200;

/** True when a branch returns, throws or answers the request: the condition before it guards access. */
function isGuardBranch(branch: Node | null | undefined): boolean {
  if (!branch) return false;
  const stack: Node[] = [branch];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_GUARD_NODES) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeName(node);
      if (name !== null && DENIAL_CALLS.has(name)) return true;
    }
    if (node !== branch && (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration)) continue;
    stack.push(...childNodes(node));
  }
  return false;
}

/** A check whose result is handed to a call (`assert(a === b)`, `expect(x.includes(y))`, `log(…)`): a test or a log, not a branch. */
function isAssertion(check: Node): boolean {
  const outer = outermost(check);
  const parent = outer.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(outer as TSESTree.CallExpressionArgument);
}

interface Step {
  node: Node;
  /** True once the value is an identity or permission claim (`sub`, `role`, `isAdmin`…). */
  claim: boolean;
  /** True once a claim was read from the value (`decoded.exp`): a bare `if (!decoded)` only checks the format. */
  read: boolean;
}

/**
 * Follows the decoded value through variables, member access, destructuring, object literals and
 * boolean operators to the first place it decides something: an assignment to the request's user,
 * a comparison of an identity or permission claim, a condition that guards access (its branch
 * returns, throws or denies the request), or the return value of an authentication function.
 */
function findUse(start: Node, sourceCode: SourceCode): { use: Use; node: Node } | null {
  const queue: Step[] = [{ node: start, claim: false, read: false }];
  // In a middleware (`(req, res, next)`, `(c, next)`) even an expiry check decides whether the request goes on.
  const enclosing = enclosingFunction(start);
  const gate = !!enclosing && enclosing.params.some((p) => paramName(p) === 'next');
  const seen = new Set<Node>();
  let steps = 0;
  while (queue.length > 0 && steps++ < MAX_STEPS) {
    const step = queue.shift()!;
    const value = outermost(step.node);
    if (seen.has(value)) continue;
    seen.add(value);
    const { claim, read } = step;
    const guards = (branch: Node | null | undefined): boolean => read && isGuardBranch(branch);
    const parent = value.parent;
    if (!parent) continue;
    switch (parent.type) {
      case AST_NODE_TYPES.MemberExpression: {
        if (parent.object !== value) break;
        const name = memberName(parent);
        // `decoded.header.kid` picks the verification key: not a claim.
        if (name !== 'header') {
          queue.push({
            node: parent,
            claim: claim || (name !== null && AUTH_CLAIMS.has(name)),
            read: read || name === null || !TOKEN_METADATA_CLAIMS.has(name) || gate,
          });
        }
        break;
      }
      case AST_NODE_TYPES.CallExpression:
        // `decoded.roles.includes('admin')`: a check on the claim.
        if (parent.callee === value) {
          if (claim && !isAssertion(parent)) return { use: { kind: 'checked' }, node: parent };
          queue.push({ node: parent, claim, read });
        }
        break;
      case AST_NODE_TYPES.LogicalExpression:
        queue.push({ node: parent, claim, read });
        break;
      case AST_NODE_TYPES.UnaryExpression:
        if (parent.operator === '!') queue.push({ node: parent, claim, read });
        break;
      case AST_NODE_TYPES.BinaryExpression:
        // `exp * 1000 < Date.now()`: arithmetic carries the claim on to the comparison.
        if (ARITHMETIC.has(parent.operator)) {
          queue.push({ node: parent, claim, read });
          break;
        }
        if (!COMPARISONS.has(parent.operator)) break;
        if (claim && !isAssertion(parent)) return { use: { kind: 'checked' }, node: parent };
        queue.push({ node: parent, claim, read });
        break;
      case AST_NODE_TYPES.IfStatement:
        if (parent.test === value && (claim || guards(parent.consequent) || guards(parent.alternate))) {
          return { use: { kind: 'checked' }, node: parent.test };
        }
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === value) {
          if (claim || guards(parent.consequent) || guards(parent.alternate)) return { use: { kind: 'checked' }, node: parent.test };
          break;
        }
        queue.push({ node: parent, claim, read });
        break;
      case AST_NODE_TYPES.Property:
        if (parent.value === value && parent.parent.type === AST_NODE_TYPES.ObjectExpression) queue.push({ node: parent.parent, claim, read });
        break;
      case AST_NODE_TYPES.SpreadElement:
        if (parent.parent.type === AST_NODE_TYPES.ObjectExpression) queue.push({ node: parent.parent, claim, read });
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init === value) {
          for (const { id, key } of boundIdentifiers(parent.id)) {
            const isClaim = claim || (key !== null && AUTH_CLAIMS.has(key));
            const isRead = read || (key !== null && (!TOKEN_METADATA_CLAIMS.has(key) || gate));
            for (const use of reads(id, sourceCode)) queue.push({ node: use, claim: isClaim, read: isRead });
          }
        }
        break;
      case AST_NODE_TYPES.AssignmentExpression: {
        if (parent.right !== value) break;
        const target = authContextTarget(parent.left, sourceCode);
        if (target) return { use: { kind: 'assigned', target }, node: parent };
        const left = unwrap(parent.left);
        if (left.type === AST_NODE_TYPES.Identifier) for (const use of reads(left, sourceCode)) queue.push({ node: use, claim, read });
        break;
      }
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ArrowFunctionExpression: {
        if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body !== value) break;
        const fn = parent.type === AST_NODE_TYPES.ArrowFunctionExpression ? parent : enclosingFunction(parent);
        const name = fn ? functionName(fn) : null;
        if (name !== null && isAuthFunctionName(name)) return { use: { kind: 'returned', fn: name }, node: value };
        // `function getUserId(req) { return decode(…).sub }`: the caller's identity handed to the request's handler.
        // Only the claim itself: an object literal around it is more often a log or response shape.
        if (name !== null && claim && fn && value.type !== AST_NODE_TYPES.ObjectExpression && hasRequestParameter(fn)) {
          return { use: { kind: 'returned', fn: name }, node: value };
        }
        break;
      }
      default:
        break;
    }
  }
  return null;
}

/** A `req`/`request`/`ctx` parameter: the function works on an incoming request. */
function hasRequestParameter(fn: FunctionNode): boolean {
  return fn.params.some((p) => {
    const name = paramName(p);
    return name !== null && SERVER_PARAMETER_NAMES.has(name);
  });
}

/** The places a variable is read (not written). */
function reads(id: TSESTree.Identifier, sourceCode: SourceCode): Node[] {
  const variable = findVar(sourceCode, id);
  if (!variable) return [];
  return variable.references.filter((r) => r.isRead() && !r.isWrite()).map((r) => r.identifier as Node);
}

/** Whether the code around a decode runs on a server: a route handler or middleware, or a file that loads a server framework. */
function isServerSide(call: JwtCall, sourceCode: SourceCode): boolean {
  if (SERVER_LIBRARIES.has(call.library) || call.entry.nodeOnly) return true;
  for (let fn = enclosingFunction(call.node); fn; fn = enclosingFunction(fn)) {
    if (isNextRouteHandler(fn)) return true;
    // A `req`/`request`/`ctx` parameter or a NestJS-decorated one (`@Req()`); `c`, `context` and callbacks
    // of `.on()`/`.get()` are too common in browser code to count.
    const current = fn;
    const hasRequest = current.params.some((p, i) => {
      const name = paramName(p);
      if (name !== null && SERVER_PARAMETER_NAMES.has(name)) return true;
      const decorated = p.type === AST_NODE_TYPES.TSParameterProperty || ('decorators' in p && p.decorators.length > 0);
      return decorated && roleOfParameter(current, i, name, p, sourceCode) !== null;
    });
    if (hasRequest) return true;
  }
  return fileLoadsModule(sourceCode, SERVER_MODULES);
}

function sameToken(a: Node | undefined, b: Node | undefined, sourceCode: SourceCode): boolean {
  if (!a || !b) return !a && !b;
  return sourceCode.getText(unwrap(a)) === sourceCode.getText(unwrap(b));
}

/** Algorithms jwt-simple knows: a third argument naming one was meant as the fourth. */
const JWT_SIMPLE_ALGORITHMS = new Set(['HS256', 'HS384', 'HS512', 'RS256']);

/** A key argument that is missing or empty (`decode(token, null, true)`): the code only peeks at the claims. */
function isEmptyKey(node: Node | undefined, sourceCode: SourceCode): boolean {
  if (!node) return true;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier && target.name === 'undefined') return true;
  const known = staticValue(target, sourceCode);
  return !!known && (known.value === null || known.value === undefined || known.value === '');
}

/** Hints for entry points whose verifying counterpart has another shape (`JWT.decode` → `JWT.verify`). */
const ENTRY_VERIFY_HINTS: Record<string, string> = {
  'jose JWT.decode': '`JWT.verify(token, key, { algorithms })`',
};

const VERIFY_HINTS: Record<string, string> = {
  jsonwebtoken: '`jwt.verify(token, key, { algorithms })`',
  jose: '`await jwtVerify(token, key)`',
  '@nestjs/jwt': '`jwtService.verify(token)`',
  '@fastify/jwt': '`request.jwtVerify()`',
  'hono/jwt': '`await verify(token, secret, alg)`',
};

export default createRule<[], MessageIds>({
  name: 'no-jwt-decode-for-auth',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow trusting the claims of a JWT that was decoded without verifying its signature',
      recommended: 'recommended',
      cwe: 'CWE-345',
      owasp: ['API2:2023'],
    },
    hasSuggestions: true,
    messages: {
      decodeForAuth:
        '{{library}} `{{callee}}()` returns the claims without checking the signature, yet {{use}}. Anyone can forge such a token: verify it with {{verify}} before trusting its claims.',
      noVerifyDecode:
        '{{library}} `{{callee}}()` gets {{arg}} as its third argument, `noVerify`: any truthy value there skips the signature and expiry checks{{use}}. Anyone can forge such a token: {{advice}}',
      useVerify: 'Verify the token instead: `{{replacement}}`.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // No JWT library can be loaded here: nothing in the file is a JWT call.
    if (!mayUseJwt(sourceCode)) return {};
    const decodes: JwtCall[] = [];
    const verifies: JwtCall[] = [];
    const signs: JwtCall[] = [];
    let verifyingMiddleware = false;

    /** A jsonwebtoken key (and algorithms) visible in this file that the decode site can use too. */
    function visibleKey(decode: JwtCall): { key: string; algorithms: string } | null {
      const usable = (key: Node): string | null => {
        const target = unwrap(key);
        if (target.type === AST_NODE_TYPES.MemberExpression && envVariableName(target, sourceCode) !== null) {
          return sourceCode.getText(key);
        }
        if (target.type === AST_NODE_TYPES.Identifier) {
          const there = findVar(sourceCode, target);
          // Declared at the top of the file (the module scope, or the wrapper scope of a CommonJS file).
          if (!there || there.scope.block.type !== AST_NODE_TYPES.Program) return null;
          const here = lookup(sourceCode.getScope(decode.node), target.name);
          return here === there ? sourceCode.getText(key) : null;
        }
        return null;
      };
      for (const verify of verifies) {
        if (verify.library !== 'jsonwebtoken' || !verify.key) continue;
        const key = usable(verify.key);
        const algorithms = jwtOption(verify, ['algorithms'], sourceCode);
        const list = algorithms ? algorithmList(algorithms.value, sourceCode) : null;
        if (key && list && list.names.length > 0) return { key, algorithms: list.names.map((n) => `'${n}'`).join(', ') };
      }
      for (const sign of signs) {
        if (sign.library !== 'jsonwebtoken' || !sign.key) continue;
        const key = usable(sign.key);
        if (!key) continue;
        const named = namedSignAlgorithm(sign, sourceCode);
        const kind = classifyJwtKey(sign.key, sourceCode).kind;
        // jsonwebtoken signs with HS256 when no algorithm is named and the key is a string secret.
        if (named ? isHmacAlgorithm(named.name) : kind === 'env' || kind === 'literal' || kind === 'fallback') {
          return { key, algorithms: `'${named ? named.name : 'HS256'}'` };
        }
      }
      return null;
    }

    function suggestion(decode: JwtCall): TSESLint.ReportSuggestionArray<MessageIds> | null {
      if (decode.library !== 'jsonwebtoken' || decode.node.type !== AST_NODE_TYPES.CallExpression) return null;
      if (decode.node.arguments.length !== 1 || !decode.token) return null;
      const callee = unwrap(decode.node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return null;
      if (!isModulePath(resolveModule(callee.object, sourceCode), ['jsonwebtoken'], [])) return null;
      const found = visibleKey(decode);
      if (!found) return null;
      const replacement = `${sourceCode.getText(callee.object)}.verify(${sourceCode.getText(decode.token)}, ${found.key}, { algorithms: [${found.algorithms}] })`;
      const node = decode.node;
      return [{ messageId: 'useVerify', data: { replacement }, fix: (fixer) => fixer.replaceText(node, replacement) }];
    }

    /**
     * jwt-simple `decode(token, key, noVerify)` with a truthy `noVerify`: reported when the claims
     * decide access, and also when the third argument is a string (`'HS256'`, `'none'`) next to a
     * key — an algorithm written where `noVerify` goes, in code that means to verify.
     */
    function reportNoVerify(decode: JwtCall, found: { use: Use } | null, use: string | null): void {
      const flag = decode.noVerify!;
      const value = staticValue(flag, sourceCode)?.value;
      const keyed = !isEmptyKey(decode.key, sourceCode);
      if (!found && !(typeof value === 'string' && keyed)) return;
      const algorithm = typeof value === 'string' && JWT_SIMPLE_ALGORITHMS.has(value) ? value : null;
      const node = decode.node as TSESTree.CallExpression;
      const next = node.arguments[node.arguments.indexOf(flag as TSESTree.CallExpressionArgument) + 1];
      const previous = decode.key;
      // `false` keeps a fourth argument in place; an algorithm name moves to where it belongs.
      let replacement: { range: [number, number]; text: string } | null = null;
      if (next) replacement = { range: flag.range, text: 'false' };
      else if (algorithm) replacement = { range: flag.range, text: `false, '${algorithm}'` };
      else if (previous) replacement = { range: [previous.range[1], flag.range[1]], text: '' };
      const advice = algorithm
        ? `pass the algorithm as the fourth argument, \`decode(token, key, false, '${algorithm}')\`, so that the signature is checked.`
        : 'remove the third argument so that the signature is checked.';
      const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
      if (keyed && replacement) {
        const { range, text } = replacement;
        const full = sourceCode.getText(node);
        const output = full.slice(0, range[0] - node.range[0]) + text + full.slice(range[1] - node.range[0]);
        suggest.push({ messageId: 'useVerify', data: { replacement: output.replace(/\s+/g, ' ') }, fix: (fixer) => fixer.replaceTextRange(range, text) });
      }
      context.report({
        node: flag,
        messageId: 'noVerifyDecode',
        data: {
          library: decode.library,
          callee: calleeNameOf(decode),
          arg: `\`${shortText(sourceCode, flag, 30)}\``,
          use: use ? `, yet ${use}` : '',
          advice,
        },
        suggest,
      });
    }

    function calleeNameOf(call: JwtCall): string {
      const callee = unwrap(call.node.callee);
      return callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) ?? 'decode' : sourceCode.getText(callee);
    }

    return {
      CallExpression(node) {
        const name = calleeName(node);
        const callee = unwrap(node.callee);
        if (name === null) return;
        const candidate =
          DECODE_NAMES.has(name) ||
          VERIFY_NAMES.has(name) ||
          MIDDLEWARE_NAMES.has(name) ||
          name === 'sign' ||
          // imported or destructured under another name (`const { decode: peek } = require('jsonwebtoken')`)
          callee.type === AST_NODE_TYPES.Identifier;
        if (!candidate) return;
        const call = jwtCall(node, sourceCode);
        if (!call) return;
        if (call.operation === 'decode') decodes.push(call);
        else if (call.operation === 'verify') verifies.push(call);
        else if (call.operation === 'sign') signs.push(call);
        else if (call.operation === 'middleware') verifyingMiddleware = true;
      },
      'Program:exit'() {
        // Handlers behind a verifying middleware (express-jwt, hono `jwt()`) decode tokens that were already checked.
        if (decodes.length === 0 || verifyingMiddleware || fileLoadsModule(sourceCode, VERIFYING_MIDDLEWARE_MODULES)) return;
        for (const decode of decodes) {
          const fn = enclosingFunction(decode.node);
          const verified = verifies.some(
            (v) => enclosingOf(v.node, fn) && sameToken(v.token, decode.token, sourceCode),
          );
          if (verified) continue;
          let found = findUse(decode.node, sourceCode);
          if (found && found.use.kind !== 'assigned' && !isServerSide(decode, sourceCode)) found = null;
          const use = !found
            ? null
            : found.use.kind === 'assigned'
              ? `its result is stored in \`${found.use.target}\``
              : found.use.kind === 'returned'
                ? `its result is returned from \`${found.use.fn}()\``
                : 'its result decides an access check';
          if (decode.noVerify) {
            reportNoVerify(decode, found, use);
            continue;
          }
          if (!found || !use) continue;
          const calleeText = calleeNameOf(decode);
          const suggest = suggestion(decode);
          context.report({
            node: decode.node,
            messageId: 'decodeForAuth',
            data: {
              library: decode.library,
              callee: calleeText,
              use,
              verify:
                ENTRY_VERIFY_HINTS[`${decode.library} ${decode.entry.path.join('.')}`] ??
                VERIFY_HINTS[decode.library] ??
                'a server-side verification (jsonwebtoken `jwt.verify()` or jose `jwtVerify()`)',
            },
            ...(suggest ? { suggest } : {}),
          });
        }
      },
    };
  },
});

/** True when `node` sits in `fn` itself or in a function nested in it; with no `fn`, when it is in module code. */
function enclosingOf(node: Node, fn: FunctionNode | null): boolean {
  if (!fn) return enclosingFunction(node) === null;
  for (let current = enclosingFunction(node); current; current = enclosingFunction(current)) {
    if (current === fn) return true;
  }
  return false;
}

function lookup(scope: TSESLint.Scope.Scope | null, name: string): TSESLint.Scope.Variable | null {
  for (let current = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable;
  }
  return null;
}
