import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { EXPRESSION_WRAPPERS, isFunction, isGlobalReference, isJsonStringify, isValueKeepingWrapper, memberName, propertyName, shortText, unwrap } from '../analysis/core/ast.js';
import { isEnvironmentTest } from '../analysis/core/environment.js';
import { fromModule, isModulePath, resolveModule } from '../analysis/core/modules.js';
import { includesAny, quotedAny, textGate } from '../analysis/core/source-text.js';
import {
  callbackError,
  catchClauseVariables,
  isErrorKindTest,
  middlewareError,
  nestFilterError,
  errorHandlerResponseBody,
  type CaughtError,
} from '../analysis/http/error-handlers.js';
import { responseStatus, statusClass, type StatusClass } from '../analysis/http/response-status.js';
import { responseBody, responseTextOfCall } from '../analysis/http/responses.js';
import { createRule } from '../util/create-rule.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type Options = [{ reportMessagesWithoutErrorStatus?: boolean }];
type MessageIds = 'stack' | 'message' | 'errorObject' | 'errorhandler' | 'genericMessage' | 'removeProperty';

/**
 * What part of an error reaches the body:
 * - `stack`: the stack trace (`err.stack`, `util.inspect(err)`) or the SQL text a driver error carries;
 * - `message`: its message (`err.message`, `String(err)`, `` `${err}` ``, `err.toString()`);
 * - `object`: the error object itself, serialized with its own properties (`res.json(err)`, `{ error: err }`).
 */
type Detail = 'stack' | 'message' | 'object';

/** Properties of driver errors that hold the statement that failed (mysql, mysql2, Sequelize). */
const SQL_PROPERTIES = new Set(['sql', 'sqlMessage']);
const MAX_HOPS = 3;
const GENERIC = 'Internal server error';
/**
 * A file that never mentions an error, an exception or `next` (error middleware) catches none to
 * send (word lists: the file's vocabulary is scanned once for every such gate); one that never names `errorhandler`
 * cannot mount it, and a file that does also mentions `err`.
 */
const mayBeError = textGate(includesAny(['err', 'Err', 'catch', 'exception', 'Exception', 'next']));
const mayUseErrorhandler = textGate(includesAny(['errorhandler']));
/** The names `callbackError` takes a handler registration by, whatever the handler is (`app.onError(handler)`). */
/** `util.inspect` comes from a module the file loads by name: `require('util')`, `import … from 'node:util'`. */
const mayLoadUtil = quotedAny(['util', 'node:util']);
const mayRegisterErrorHandler = textGate(includesAny(['onError', 'setErrorHandler']));

interface Guards {
  /** A condition on the environment or a debug switch guards the path (`NODE_ENV !== 'production'`, `isDev`). */
  environment: boolean;
  /** A condition on the kind of error guards the path (`err.status < 500`, `err instanceof HttpError`, `err.expose`). */
  errorKind: boolean;
}

interface Segment {
  /** Where the error detail enters the body: the detail on the first segment, a variable read after a hop. */
  origin: Node;
  detail: Detail;
  /** The leaf as written where the error is read (`err.message`), for messages. */
  text: string;
  guards: Guards;
  hops: number;
}

export default createRule<Options, MessageIds>({
  name: 'no-error-details-in-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending stack traces, error messages and error objects of caught errors in HTTP responses',
      recommended: 'recommended',
      cwe: 'CWE-209',
      owasp: ['A05:2021'],
    },
    hasSuggestions: true,
    messages: {
      stack:
        '{{what}} of a caught error is sent in the response ({{via}}): it reveals file paths, library versions, queries and code structure to the client (CWE-209). Log it on the server and send a generic message.',
      message:
        'The message of a caught error (`{{text}}`) is sent in {{status}} ({{via}}): errors from databases, drivers and libraries carry queries, file paths, hosts and internal state (CWE-209). Log the error and send a generic message; send messages only of errors made for the client (`err.expose`, `err.status < 500`).',
      errorObject:
        'The caught error object (`{{text}}`) is sent in {{status}} ({{via}}): its own properties (driver codes, SQL text, paths, nested causes) reach the client (CWE-209). Log the error and send a generic message.',
      errorhandler:
        '`errorhandler()` sends stack traces and error details to the client and is meant for development only. Mount it only when `process.env.NODE_ENV === \'development\'`.',
      genericMessage: "Send '{{generic}}' instead.",
      removeProperty: 'Remove the `{{key}}` property.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          reportMessagesWithoutErrorStatus: {
            type: 'boolean',
            description:
              'Also report error messages and whole error objects caught in `catch` blocks and callbacks and sent without a visible 5xx status: with the default status (200) or a status the code computes (`res.status(err.status)`). Most of these are errors the application raised for the client, so this is off by default; `strict` and `all` turn it on.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportMessagesWithoutErrorStatus: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!mayBeError(sourceCode)) return {};
    const checkErrorhandler = mayUseErrorhandler(sourceCode);
    const reportWithoutStatus = options.reportMessagesWithoutErrorStatus === true;
    const seen = new Set<Variable>();
    const reported = new Set<Node>();

    function handle(caught: CaughtError | null): void {
      if (!caught || seen.has(caught.variable)) return;
      seen.add(caught.variable);
      // `err = new errors.InternalServerError({ err })`: a handler that replaces the error with one
      // of its own classes has chosen what the client sees; only stack traces are still reported.
      const normalized = caught.variable.references.some((r) => r.isWrite() && r.identifier !== caught.variable.defs[0]?.name);
      followError(normalized ? { ...caught, filtered: true } : caught, caught.variable, 0);
    }

    /** Each read of the error (or of an alias or a destructured part of it) is a possible leak. */
    function followError(caught: CaughtError, variable: Variable, depth: number): void {
      const key = destructuredKey(variable);
      for (const ref of variable.references) {
        if (!ref.isRead()) continue;
        const id = ref.identifier;
        if (key !== null) {
          // `catch ({ message, stack })`, `const { message } = err`.
          if (key === 'stack' || key === 'message' || SQL_PROPERTIES.has(key)) {
            climb(caught, { origin: id, detail: key === 'message' ? 'message' : 'stack', text: key, guards: none(), hops: 0 });
          }
          continue;
        }
        if (id.type !== AST_NODE_TYPES.Identifier) continue;
        const leaf = readDetail(caught, id, depth);
        if (leaf) climb(caught, { origin: leaf.node, detail: leaf.detail, text: shortText(sourceCode, leaf.node), guards: none(), hops: 0 });
      }
    }

    /** What a read of the error takes from it: `err.stack`, `err.message`, `String(err)`, `util.inspect(err)`, the object. */
    function readDetail(caught: CaughtError, id: TSESTree.Identifier, depth: number): { node: Node; detail: Detail } | null {
      let node: Node = id;
      let parent: Node | undefined = node.parent;
      while (parent && isValueKeepingWrapper(parent)) {
        node = parent;
        parent = parent.parent;
      }
      if (!parent) return null;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
        const name = memberName(parent);
        let member: Node = parent;
        while (member.parent?.type === AST_NODE_TYPES.ChainExpression) member = member.parent;
        if (name === 'stack' || (name !== null && SQL_PROPERTIES.has(name))) return { node: member, detail: 'stack' };
        if (name === 'message') return { node: member, detail: 'message' };
        const call = member.parent;
        if (name === 'toString' && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member && call.arguments.length === 0) {
          return { node: call, detail: 'message' };
        }
        return null;
      }
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node) {
        const callee = unwrap(parent.callee);
        if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && isGlobalReference(sourceCode, callee)) {
          return { node: parent, detail: 'message' };
        }
        if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'stringify' && unwrap(callee.object).type === AST_NODE_TYPES.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'JSON') {
          return { node: parent, detail: 'object' };
        }
        if (mayLoadUtil(sourceCode) && isModulePath(resolveModule(callee, sourceCode), ['util'], ['inspect'])) return { node: parent, detail: 'stack' };
      }
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && depth < MAX_HOPS) {
        // `const e = err as Error`, `const { message } = err`: follow the alias.
        for (const alias of sourceCode.getDeclaredVariables(parent)) followError(caught, alias, depth + 1);
        return null;
      }
      return { node, detail: 'object' };
    }

    /**
     * Steps up from where the detail enters a value through what keeps it (object literals,
     * arrays, templates, concatenation, conditionals, `JSON.stringify`, variables), collecting
     * the conditions that guard it, until it reaches a response body or something else.
     */
    function climb(caught: CaughtError, segment: Segment): void {
      let child: Node = segment.origin;
      let detail = segment.detail;
      const guards = { ...segment.guards };
      /** The expression a suggestion replaces: the origin, or the string it is composed into. */
      let replaced: Node = segment.origin;
      let property: TSESTree.Property | null = null;
      for (;;) {
        const parent = child.parent;
        if (!parent) return;
        if (isValueKeepingWrapper(parent)) {
          if (replaced === child) replaced = parent;
          child = parent;
          continue;
        }
        switch (parent.type) {
          case AST_NODE_TYPES.TemplateLiteral:
          case AST_NODE_TYPES.BinaryExpression:
            if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator !== '+') return;
            if (detail === 'object') detail = 'message';
            if (replaced === child) replaced = parent;
            child = parent;
            continue;
          case AST_NODE_TYPES.Property:
            if (parent.value !== child || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
            if (!property) property = parent;
            child = parent.parent;
            continue;
          case AST_NODE_TYPES.SpreadElement:
            if (parent.parent.type !== AST_NODE_TYPES.ObjectExpression && parent.parent.type !== AST_NODE_TYPES.ArrayExpression) return;
            child = parent.parent;
            continue;
          case AST_NODE_TYPES.ArrayExpression:
            child = parent;
            continue;
          case AST_NODE_TYPES.ConditionalExpression:
            if (parent.test === child) return;
            addGuard(guards, parent.test, parent.consequent === child);
            child = parent;
            continue;
          case AST_NODE_TYPES.LogicalExpression:
            if (parent.operator === '&&') {
              if (parent.left === child) return;
              addGuard(guards, parent.left, true);
            } else if (replaced === child && parent.left === child) {
              replaced = parent;
            }
            child = parent;
            continue;
          case AST_NODE_TYPES.CallExpression:
          case AST_NODE_TYPES.NewExpression:
          case AST_NODE_TYPES.ReturnStatement:
          case AST_NODE_TYPES.ArrowFunctionExpression:
            if (sink(caught, segment, child, detail, guards, replaced, property)) return;
            if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === child && isJsonStringify(parent)) {
              child = parent;
              continue;
            }
            return;
          case AST_NODE_TYPES.AssignmentExpression: {
            if (parent.right !== child || parent.operator !== '=') return;
            if (sink(caught, segment, child, detail, guards, replaced, property)) return;
            // `message = err.message`, `body.stack = err.stack`: follow the variable.
            let target = unwrap(parent.left);
            while (target.type === AST_NODE_TYPES.MemberExpression) target = unwrap(target.object);
            if (target.type === AST_NODE_TYPES.Identifier) hop(caught, segment, target, detail, guards);
            return;
          }
          case AST_NODE_TYPES.VariableDeclarator:
            if (parent.init !== child || parent.id.type !== AST_NODE_TYPES.Identifier) return;
            hop(caught, segment, parent.id, detail, guards);
            return;
          default:
            return;
        }
      }
    }

    function hop(caught: CaughtError, segment: Segment, id: TSESTree.Identifier, detail: Detail, climbed: Guards): void {
      if (segment.hops >= MAX_HOPS) return;
      // `if (isDev) body.stack = err.stack`: the conditions around the write hold for its reads.
      const guards = { ...climbed };
      statementGuards(segment.origin, caught.scope, guards);
      const variable = sourceCode.getDeclaredVariables(id.parent!).find((v) => v.name === id.name) ?? findVariableOf(id);
      if (!variable) return;
      for (const ref of variable.references) {
        if (!ref.isRead() || ref.identifier === id) continue;
        climb(caught, { origin: ref.identifier, detail, text: segment.text, guards, hops: segment.hops + 1 });
      }
    }

    function findVariableOf(id: TSESTree.Identifier): Variable | null {
      let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(id);
      while (scope) {
        const variable = scope.set.get(id.name);
        if (variable) return variable;
        scope = scope.upper;
      }
      return null;
    }

    /** Reports when `node` is a response body; true when it was one (reported or not). */
    function sink(
      caught: CaughtError,
      segment: Segment,
      node: Node,
      detail: Detail,
      guards: Guards,
      replaced: Node,
      property: TSESTree.Property | null,
    ): boolean {
      let status: StatusClass;
      let via: string;
      let sender: Node;
      let wholeErrorForwarded = false;
      const parentCall = node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.arguments[0] === node ? node.parent : null;
      const body = responseBody(node, sourceCode) ?? (parentCall ? responseTextOfCall(parentCall, sourceCode) : null);
      if (body) {
        via = body.via;
        status = responseStatus(body, sourceCode).status;
        sender = body.node.parent ?? body.node;
        // Fastify sends an Error given to `reply.send(err)` through its error handler, like `next(err)`.
        wholeErrorForwarded = body.framework === 'fastify' && detail === 'object' && unwrap(body.value) === unwrap(segment.origin) && segment.hops === 0;
        if (body.schemaFiltered && detail === 'object') return true;
      } else {
        const filter = errorHandlerResponseBody(node, caught, sourceCode);
        if (!filter) return false;
        via = filter.via;
        status = filter.statusArgument ? statusClass(filter.statusArgument, sourceCode) : 'default';
        sender = filter.call ?? node;
        wholeErrorForwarded = caught.source === 'fastify' && detail === 'object' && unwrap(node) === unwrap(segment.origin) && segment.hops === 0;
      }
      if (wholeErrorForwarded) return true;
      const allGuards = { ...guards };
      statementGuards(sender, caught.scope, allGuards);
      if (segment.origin !== sender) statementGuards(segment.origin, caught.scope, allGuards);
      if (allGuards.environment) return true;
      if (detail !== 'stack') {
        if (allGuards.errorKind || caught.filtered) return true;
        if (!reportableStatus(status, caught)) return true;
      }
      report(segment, detail, via, status, replaced, property, body === null || unwrap(body.value) === unwrap(replaced));
      return true;
    }

    function reportableStatus(status: StatusClass, caught: CaughtError): boolean {
      switch (status) {
        case 'server-error':
        case 'maybe-server-error':
          return true;
        case 'client-error':
          return false;
        case 'default':
          return caught.global || reportWithoutStatus;
        case 'success':
        case 'computed':
          return reportWithoutStatus;
      }
    }

    function report(segment: Segment, detail: Detail, via: string, status: StatusClass, replaced: Node, property: TSESTree.Property | null, wholeBody: boolean): void {
      const node = segment.origin;
      if (reported.has(node)) return;
      reported.add(node);
      const statusText = status === 'server-error' ? 'a 5xx response' : status === 'maybe-server-error' ? 'a response that can be a 5xx' : 'a response';
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const key = property ? propertyName(property) : null;
      if (detail === 'stack' && property && key !== null && unwrap(property.value) === unwrap(replaced)) {
        const prop = property;
        suggest.push({ messageId: 'removeProperty', data: { key }, fix: (fixer) => removeProperty(fixer, prop) });
      } else if (!isSpreadTarget(replaced)) {
        const text = detail === 'object' && wholeBody ? `{ error: '${GENERIC}' }` : `'${GENERIC}'`;
        const shorthand = replaced.parent?.type === AST_NODE_TYPES.Property && replaced.parent.shorthand && replaced.parent.value === replaced ? replaced.parent : null;
        suggest.push({
          messageId: 'genericMessage',
          data: { generic: GENERIC },
          // `{ message }` becomes `{ message: 'Internal server error' }`.
          fix: (fixer) => (shorthand ? fixer.insertTextAfter(shorthand, `: ${text}`) : fixer.replaceText(replaced, text)),
        });
      }
      if (detail === 'stack') {
        const what = segment.text.endsWith('sql') || segment.text.endsWith('sqlMessage') ? `The SQL text (\`${segment.text}\`)` : `The stack trace (\`${segment.text}\`)`;
        context.report({ node, messageId: 'stack', data: { what, via }, suggest });
      } else {
        context.report({ node, messageId: detail === 'message' ? 'message' : 'errorObject', data: { text: segment.text, status: statusText, via }, suggest });
      }
    }

    function isSpreadTarget(node: Node): boolean {
      return node.parent?.type === AST_NODE_TYPES.SpreadElement;
    }

    function removeProperty(fixer: TSESLint.RuleFixer, prop: TSESTree.Property): TSESLint.RuleFix {
      const object = prop.parent as TSESTree.ObjectExpression;
      if (object.properties.length === 1) return fixer.replaceText(object, '{}');
      const after = sourceCode.getTokenAfter(prop);
      if (after && after.value === ',') return fixer.removeRange([prop.range[0], sourceCode.getTokenAfter(after, { includeComments: true })?.range[0] ?? after.range[1]]);
      const before = sourceCode.getTokenBefore(prop);
      if (before && before.value === ',') return fixer.removeRange([before.range[0], prop.range[1]]);
      return fixer.remove(prop);
    }

    /** Conditions of the statements around `node` up to the handler: `if` branches, `switch` cases, early exits. */
    function statementGuards(node: Node, scope: Node, guards: Guards): void {
      let child = node;
      let parent = node.parent;
      while (parent && child !== scope) {
        switch (parent.type) {
          case AST_NODE_TYPES.IfStatement:
          case AST_NODE_TYPES.ConditionalExpression:
            if (parent.test !== child) addGuard(guards, parent.test, parent.consequent === child);
            break;
          case AST_NODE_TYPES.LogicalExpression:
            if (parent.operator === '&&' && parent.right === child) addGuard(guards, parent.left, true);
            break;
          case AST_NODE_TYPES.SwitchCase:
            if (parent.test !== child && parent.test) {
              addGuard(guards, parent.parent.discriminant, true);
              addGuard(guards, parent.test, true);
            }
            break;
          case AST_NODE_TYPES.BlockStatement:
          case AST_NODE_TYPES.Program:
            // `if (process.env.NODE_ENV === 'production') return res.status(500).send('…')` before the send.
            for (const statement of parent.body) {
              if (statement === child) break;
              if (statement.type === AST_NODE_TYPES.IfStatement && exits(statement.consequent) && isEnvironmentTest(statement.test, sourceCode)) {
                guards.environment = true;
              }
            }
            break;
          default:
            break;
        }
        if (isFunction(parent) && parent === scope) break;
        child = parent;
        parent = parent.parent;
      }
    }

    /**
     * Records what a condition guards. An environment test guards both branches (`isProd ? 'Error' :
     * err.stack` is the usual form). An error-kind test guards both branches of a comparison
     * (`status < 500 ? err.message : 'Error'`), but only the matching branch of a class test,
     * predicate or flag (`err instanceof HttpError`, `isHttpError(err)`, `err.expose`): the other
     * branch handles every other error.
     */
    function addGuard(guards: Guards, test: Node, consequent: boolean): void {
      if (isEnvironmentTest(test, sourceCode)) {
        guards.environment = true;
        return;
      }
      if (!isErrorKindTest(test, sourceCode)) return;
      let condition = unwrap(test);
      let positive = consequent;
      while (condition.type === AST_NODE_TYPES.UnaryExpression && condition.operator === '!') {
        condition = unwrap(condition.argument);
        positive = !positive;
      }
      const polar =
        (condition.type === AST_NODE_TYPES.BinaryExpression && condition.operator === 'instanceof') ||
        condition.type === AST_NODE_TYPES.CallExpression ||
        condition.type === AST_NODE_TYPES.MemberExpression;
      if (!polar || positive) guards.errorKind = true;
    }

    function visitErrorhandler(node: TSESTree.CallExpression): void {
      const callee = unwrap(node.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const ref = resolveModule(callee, sourceCode);
      if (!fromModule(ref, ['errorhandler']) || ref.path.length !== 0) return;
      const guards = none();
      statementGuards(node, sourceCode.ast, guards);
      if (guards.environment) return;
      context.report({ node, messageId: 'errorhandler' });
    }

    // Caught errors are collected during the traversal and followed at the end, in the order of
    // the nodes that catch them (a catch clause, an error handler, the call taking a callback).
    const triggers: { node: Node; follow: () => void }[] = [];
    const calls = new Set<TSESTree.CallExpression>();
    const onCall = (call: TSESTree.CallExpression): void => {
      if (call.arguments.length === 0 || calls.has(call)) return;
      calls.add(call);
      triggers.push({ node: call, follow: () => handle(callbackError(call, sourceCode)) });
    };
    // Calls are looked at one of two ways, with the same outcome. Where a call can register an
    // error handler by name (`setErrorHandler(fn)`, `app.onError(fn)`: the file spells one) or
    // mount `errorhandler()`, every call is looked at. Elsewhere a call can only hand an error to
    // a function passed last (`callbackError` needs one), so the calls are found from their
    // function arguments, which are far fewer than calls.
    const everyCall = checkErrorhandler || mayRegisterErrorHandler(sourceCode);
    const onFunction = (fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): void => {
      if (fn.params.length === 4) triggers.push({ node: fn, follow: () => handle(middlewareError(fn, sourceCode)) });
      if (everyCall) return;
      // Up through the wrappers `unwrap` removes (`fn as Handler`) to the argument, when it is the last of a call.
      let argument: Node = fn;
      let parent: Node | undefined = fn.parent;
      while (parent && EXPRESSION_WRAPPERS.has(parent.type) && (parent as { expression?: Node }).expression === argument) {
        argument = parent;
        parent = parent.parent;
      }
      if (parent?.type !== AST_NODE_TYPES.CallExpression) return;
      const args = parent.arguments;
      if (args[args.length - 1] === argument && mayTakeErrorCallback(parent)) onCall(parent);
    };
    const listeners: TSESLint.RuleListener = {
      CatchClause: (node) => {
        triggers.push({
          node,
          follow: () => {
            for (const variable of catchClauseVariables(node, sourceCode)) handle({ source: 'catch', variable, global: false, filtered: false, scope: node });
          },
        });
      },
      // Express/Connect error handlers: functions of four parameters.
      FunctionDeclaration: (node) => {
        if (node.params.length === 4) triggers.push({ node, follow: () => handle(middlewareError(node, sourceCode)) });
      },
      FunctionExpression: onFunction,
      ArrowFunctionExpression: onFunction,
      // NestJS exception filters: `catch(exception, host)` (or `#catch`).
      MethodDefinition: (node) => {
        const key = node.key;
        if ((key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier) && key.name === 'catch') {
          triggers.push({ node, follow: () => handle(nestFilterError(node, sourceCode)) });
        }
      },
      'Program:exit': () => {
        triggers.sort((x, y) => x.node.range[0] - y.node.range[0] || y.node.range[1] - x.node.range[1]);
        for (const trigger of triggers) trigger.follow();
      },
    };
    if (everyCall) {
      // The calls `callbackError` can answer for: error handler registrations, `.catch(…)`, computed
      // and wrapped callees, and calls whose last argument is a function with an error-named first
      // parameter (or a wrapped function).
      listeners.CallExpression = (node) => {
        if (mayTakeErrorCallback(node)) onCall(node);
        if (checkErrorhandler) visitErrorhandler(node);
      };
    }
    return listeners;
  },
});

/** Callees that register an error handler by name (`setErrorHandler(fn)`, `app.onError(fn)`, `promise.catch(fn)`). */
const ERROR_HANDLER_FUNCTIONS: ReadonlySet<string> = new Set(['setErrorHandler', 'onError']);
const ERROR_HANDLER_METHODS: ReadonlySet<string> = new Set(['setErrorHandler', 'onError', 'catch']);
/** First-parameter names of a callback that receives an error (`(err, req, res, next)`, `function (error) {…}`). */
const ERROR_PARAMETER_NAMES: ReadonlySet<string> = new Set(['err', 'error', 'er']);

/**
 * A cheap test, on the call's shape alone, for the calls `callbackError` may find an error callback
 * in: a registration named like one, a computed or wrapped callee, or a last argument that is a
 * function whose first parameter is named like an error, or a wrapped expression.
 */
function mayTakeErrorCallback(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (ERROR_HANDLER_FUNCTIONS.has(callee.name)) return true;
  } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const property = callee.property;
    if ((property.type === AST_NODE_TYPES.Identifier || property.type === AST_NODE_TYPES.PrivateIdentifier) && ERROR_HANDLER_METHODS.has(property.name)) return true;
    if (callee.computed && (property.type === AST_NODE_TYPES.Literal || property.type === AST_NODE_TYPES.TemplateLiteral)) return true;
  } else if (callee.type.startsWith('TS') || callee.type === AST_NODE_TYPES.ChainExpression) {
    return true;
  }
  const last = call.arguments[call.arguments.length - 1];
  if (!last) return false;
  if (last.type === AST_NODE_TYPES.FunctionExpression || last.type === AST_NODE_TYPES.ArrowFunctionExpression) {
    const first = last.params[0];
    if (!first) return false;
    const param = first.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first.type === AST_NODE_TYPES.TSParameterProperty ? first.parameter : first;
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    return target.type === AST_NODE_TYPES.Identifier && ERROR_PARAMETER_NAMES.has(target.name);
  }
  return EXPRESSION_WRAPPERS.has(last.type) && isFunction(unwrap(last));
}

function none(): Guards {
  return { environment: false, errorKind: false };
}

/** A statement that always leaves the function or block: `return …`, `throw …`, or a block ending with one. */
function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body[statement.body.length - 1];
    return !!last && (last.type === AST_NODE_TYPES.ReturnStatement || last.type === AST_NODE_TYPES.ThrowStatement);
  }
  return false;
}

/** For a variable bound by destructuring (`catch ({ message })`, `const { stack } = err`), the key it is taken from. */
function destructuredKey(variable: Variable): string | null {
  const def = variable.defs[0];
  if (!def) return null;
  let node: Node = def.name;
  if (node.parent?.type === AST_NODE_TYPES.AssignmentPattern && node.parent.left === node) node = node.parent;
  const prop = node.parent;
  if (prop?.type !== AST_NODE_TYPES.Property || prop.value !== node || prop.parent.type !== AST_NODE_TYPES.ObjectPattern) return null;
  return propertyName(prop);
}
