/**
 * TLS settings read against `catalog/tls.ts`: whether an option's value turns off certificate
 * verification or allows protocols below TLS 1.2, which call an options object reaches (resolved
 * by import, for messages), whether it is a server's client-certificate setting, and whether a
 * setting sits in a branch that only a development environment takes.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { childNodes, findVar, isFunction, memberName, propertyName, unwrap, wrappedParent } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { isEnvironmentTest } from '../core/environment.js';
import { nameWords } from '../core/names.js';
import { describeRef, fromModule, resolveCompiledModule, resolveModule, type ModuleRef } from '../core/modules.js';
import { hasMember, resolveObject, resolveValueNode } from '../core/object-values.js';
import { staticValue } from '../core/static-value.js';
import { childProcessLauncher } from './commands.js';
import {
  CONNECTION_STRING_FLAGS,
  OLD_TLS_METHODS,
  OLD_TLS_VERSIONS,
  REJECT_UNAUTHORIZED_ENV,
  TLS_CLIENT_MODULES,
  TLS_OPTIONS,
  TLS_SERVER_FACTORIES,
  type TlsOptionRow,
} from '../../catalog/tls.js';

type Node = TSESTree.Node;

const ROWS = new Map(TLS_OPTIONS.map((row) => [row.option, row]));

/** The catalog row of a TLS option name, or null. */
export function tlsOptionRow(name: string): TlsOptionRow | null {
  return ROWS.get(name) ?? null;
}

/** Whether `value` is an insecure value of the option `row` describes. */
export function isInsecureTlsValue(row: TlsOptionRow, value: Node, sourceCode: SourceCode): boolean {
  switch (row.insecure) {
    case 'false':
    case 'true': {
      const result = staticValue(value, sourceCode);
      return result !== undefined && result.value === (row.insecure === 'true');
    }
    case 'oldVersion':
    case 'oldMethod': {
      const result = staticValue(value, sourceCode);
      if (typeof result?.value !== 'string') return false;
      return (row.insecure === 'oldVersion' ? OLD_TLS_VERSIONS : OLD_TLS_METHODS).has(result.value);
    }
    case 'acceptsAll': {
      const fn = resolveValueNode(value, sourceCode);
      return !!fn && acceptsEveryCertificate(fn, sourceCode);
    }
  }
}

/** Whether a value is `'0'` or `0`: what `NODE_TLS_REJECT_UNAUTHORIZED` turns verification off with (environment values are strings). */
export function isVerificationOffEnvValue(value: Node, sourceCode: SourceCode): boolean {
  const result = staticValue(value, sourceCode);
  return result !== undefined && (result.value === '0' || result.value === 0);
}

const MAX_BODY_SCAN = 200;

/** Whether a returned value tells node `tls` the certificate is fine: nothing, `undefined`, `null`. */
function isNothing(value: Node | null | undefined, sourceCode: SourceCode): boolean {
  if (!value) return true;
  const result = staticValue(value, sourceCode);
  return result !== undefined && (result.value === undefined || result.value === null);
}

/** Calls that only write out, and cannot reject a certificate by throwing. */
function isLoggingCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(callee.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'console';
}

/**
 * Whether a `checkServerIdentity` function accepts every certificate: it returns nothing,
 * `undefined` or `null` on every path, and neither throws nor calls anything that could (logging
 * to the console aside). `() => undefined`, `() => {}`, `function () { return; }`.
 */
export function acceptsEveryCertificate(fn: Node, sourceCode: SourceCode): boolean {
  if (!isFunction(fn)) return false;
  if (fn.async || fn.generator) return false;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isNothing(fn.body, sourceCode);
  const stack: Node[] = [...fn.body.body];
  for (let visited = 0; stack.length > 0; visited++) {
    if (visited > MAX_BODY_SCAN) return false;
    const node = stack.pop()!;
    if (isFunction(node) || node.type === AST_NODE_TYPES.ClassBody) continue;
    switch (node.type) {
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.TaggedTemplateExpression:
      case AST_NODE_TYPES.AwaitExpression:
        return false;
      case AST_NODE_TYPES.ReturnStatement:
        if (!isNothing(node.argument, sourceCode)) return false;
        break;
      case AST_NODE_TYPES.CallExpression:
        if (!isLoggingCall(node)) return false;
        break;
      default:
        break;
    }
    stack.push(...childNodes(node));
  }
  return true;
}

/** Whether an expression is `process.env` (the global, or `env` imported from `process`). */
export function isProcessEnv(node: Node, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === 'env') {
    const object = unwrap(target.object);
    if (object.type === AST_NODE_TYPES.Identifier && object.name === 'process') {
      const variable = findVar(sourceCode, object);
      if (!variable || variable.defs.length === 0) return true;
    }
  }
  const ref = resolveModule(target, sourceCode);
  return !!ref && ref.module === 'process' && ref.path.length === 1 && ref.path[0] === 'env';
}

/** Whether a member expression is `process.env.NODE_TLS_REJECT_UNAUTHORIZED` (or `process.env['…']`). */
export function isRejectUnauthorizedEnv(node: TSESTree.MemberExpression, sourceCode: SourceCode): boolean {
  return memberName(node) === REJECT_UNAUTHORIZED_ENV && isProcessEnv(node.object, sourceCode);
}

/** Whether an object literal is an argument after the first of `Object.assign(process.env, …)`. */
export function isAssignedToProcessEnv(object: TSESTree.ObjectExpression, sourceCode: SourceCode): boolean {
  const parent = wrappedParent(object);
  if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
  const index = parent.arguments.findIndex((arg) => unwrap(arg) === object);
  if (index < 1) return false;
  const callee = unwrap(parent.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'assign') return false;
  const owner = unwrap(callee.object);
  if (owner.type !== AST_NODE_TYPES.Identifier || owner.name !== 'Object') return false;
  return isProcessEnv(parent.arguments[0]!, sourceCode);
}

/**
 * The child process an object literal is the environment of: the `env` option of a call that
 * starts one (`spawn(cmd, args, { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } })`),
 * the options given directly or through a variable. The launcher's name, or null.
 */
export function childProcessGivenEnv(object: TSESTree.ObjectExpression, sourceCode: SourceCode): string | null {
  const property = wrappedParent(object);
  if (property?.type !== AST_NODE_TYPES.Property || unwrap(property.value) !== object || propertyName(property) !== 'env') return null;
  if (property.parent.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const call = reachedCall(property.parent, sourceCode);
  return call?.type === AST_NODE_TYPES.CallExpression ? childProcessLauncher(call, sourceCode) : null;
}

/** A connection-string parameter from `CONNECTION_STRING_FLAGS` in a URL's query (`…?sslmode=no-verify&…`). */
const CONNECTION_FLAG = new RegExp(`[?&](${CONNECTION_STRING_FLAGS.map((f) => `${f.param}=${f.value}`).join('|')})(?=[&#]|$)`, 'i');

/** The scheme a connection URL's text starts with (`postgres` of `postgres://…`), lower-cased, or null. */
const URL_SCHEME = /^\s*([A-Za-z][A-Za-z0-9+.-]*):\/\//;

/**
 * The insecure parameter a connection URL's text holds (`postgres://u:p@db/app?sslmode=no-verify`),
 * or null: the text must start with a scheme of a client that reads the parameter.
 */
export function connectionFlag(text: string): { setting: string; effect: string } | null {
  const match = CONNECTION_FLAG.exec(text);
  if (!match) return null;
  const scheme = URL_SCHEME.exec(text)?.[1]?.toLowerCase();
  const setting = match[1]!;
  const param = setting.slice(0, setting.indexOf('=')).toLowerCase();
  const flag = CONNECTION_STRING_FLAGS.find((f) => f.param.toLowerCase() === param)!;
  return scheme !== undefined && flag.schemes.includes(scheme) ? { setting, effect: flag.effect } : null;
}

const MAX_HOPS = 8;

/**
 * The call or construction an options object is handed to: directly (`new https.Agent({…})`),
 * nested in a larger options object (`axios.create({ httpsAgent: new https.Agent({…}) })` reaches
 * `https.Agent` first; `new Pool({ ssl: {…} })`), through a ternary, a spread, or a variable
 * holding it (`const agentOptions = {…}; new https.Agent(agentOptions)`). Null when it is not known.
 */
export function reachedCall(expression: Node, sourceCode: SourceCode, hops = 0): TSESTree.CallExpression | TSESTree.NewExpression | null {
  let current: Node = expression;
  for (let step = 0; step < 16; step++) {
    const parent = wrappedParent(current);
    if (!parent) return null;
    switch (parent.type) {
      case AST_NODE_TYPES.Property:
        if (parent.value !== current && unwrap(parent.value) !== current) return null;
        if (parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return null;
        current = parent.parent;
        break;
      case AST_NODE_TYPES.SpreadElement:
        if (parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return null;
        current = parent.parent;
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === current) return null;
        current = parent;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        current = parent;
        break;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return parent.arguments.some((arg) => unwrap(arg) === unwrap(current)) ? parent : null;
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init === null || unwrap(parent.init) !== unwrap(current) || parent.id.type !== AST_NODE_TYPES.Identifier) return null;
        if (hops >= MAX_HOPS) return null;
        const variable = findVar(sourceCode, parent.id);
        for (const ref of variable?.references ?? []) {
          if (ref.init || ref.isWrite()) continue;
          const call = reachedCall(ref.identifier, sourceCode, hops + 1);
          if (call) return call;
        }
        return null;
      }
      default:
        return null;
    }
  }
  return null;
}

/** Where a reached call comes from by import, when it is a call of a module that takes TLS options. */
export function tlsCallRef(call: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: SourceCode): ModuleRef | null {
  const ref = resolveCompiledModule(call.callee, sourceCode);
  return fromModule(ref, TLS_CLIENT_MODULES) ? ref : null;
}

/** How a reached call is named in messages: `https.Agent`, `pg.Pool`, `axios.create`. */
export function describeTlsCall(ref: ModuleRef): string {
  return describeRef(ref);
}

/**
 * Whether `rejectUnauthorized` in this object is a server's client-certificate setting rather than a
 * client's: the object asks for client certificates (`requestCert`), or it reaches
 * `https.createServer` / `tls.createServer` / `http2.createSecureServer`. A server that requests
 * certificates without rejecting them checks `req.socket.authorized` itself.
 */
export function isServerTlsOptions(object: TSESTree.ObjectExpression, ref: ModuleRef | null, sourceCode: SourceCode): boolean {
  if (hasMember(object, 'requestCert', sourceCode)) return true;
  if (!ref || ref.path.length !== 1) return false;
  return TLS_SERVER_FACTORIES[ref.module]?.includes(ref.path[0]!) ?? false;
}

/** The object literal an assignment's target belongs to: `opts` in `opts.rejectUnauthorized = false`, when `opts` is bound to one. */
export function assignedObject(member: TSESTree.MemberExpression, sourceCode: SourceCode): TSESTree.ObjectExpression | null {
  return resolveObject(member.object, sourceCode);
}

/**
 * The conditions that decide whether a node runs, innermost first, up to the enclosing function:
 * the test of an `if` or a ternary whose branch holds it, the left side of `&&`/`||`/`??` whose
 * right side holds it, and a `switch` case's test with the discriminant.
 */
export function branchConditions(node: Node): Node[] {
  const conditions: Node[] = [];
  let child: Node = node;
  let parent = node.parent;
  for (let step = 0; parent && step < 64; step++) {
    if (isFunction(parent)) break;
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test !== child) conditions.push(parent.test);
    else if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child) conditions.push(parent.left);
    else if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test !== child) {
      if (parent.test) conditions.push(parent.test);
      if (parent.parent.type === AST_NODE_TYPES.SwitchStatement) conditions.push(parent.parent.discriminant);
    }
    child = parent;
    parent = parent.parent;
  }
  return conditions;
}

/**
 * Whether a condition is a switch for certificate checking itself, named so in its identifiers or
 * strings: `config.allowSelfSigned`, `ignoreTlsErrors`, `!options.verifyCertificates`,
 * `sslmode === 'no-verify'`, `process.env.DB_SSL_INSECURE`. The setting under it is the operator's
 * choice, as a value computed from configuration is.
 */
export function isVerificationSwitch(condition: Node, sourceCode: SourceCode): boolean {
  for (const token of sourceCode.getTokens(condition)) {
    let text: string;
    if (token.type === 'Identifier') text = token.value;
    else if (token.type === 'String') text = token.value.slice(1, -1);
    else if (token.type === 'Template') text = token.value.slice(1, -1);
    else continue;
    const words = nameWords(text);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (VERIFICATION_SWITCH_WORDS.has(word)) return true;
      if (word === 'self' && words[i + 1] === 'signed') return true;
    }
  }
  return false;
}

/** Words that name a switch for certificate checking (`allowInvalidCerts`, `skipVerify`, `tlsInsecure`). */
const VERIFICATION_SWITCH_WORDS = new Set(['verify', 'verification', 'verified', 'insecure', 'selfsigned', 'unauthorized', 'strict', 'validate', 'validation', 'invalid', 'ignore', 'untrusted']);

/** Whether one of the conditions a node runs under is a switch for certificate checking. */
export function isUnderVerificationSwitch(node: Node, sourceCode: SourceCode): boolean {
  return branchConditions(node).some((condition) => isVerificationSwitch(condition, sourceCode));
}

/**
 * Whether a node sits in a branch taken only in some deployment environment: one of its
 * `branchConditions` tests the environment or a debug switch (`NODE_ENV !== 'production'`, `isDev`).
 */
export function isEnvironmentGuarded(node: Node, sourceCode: SourceCode): boolean {
  return branchConditions(node).some((condition) => isEnvironmentTest(condition, sourceCode));
}
