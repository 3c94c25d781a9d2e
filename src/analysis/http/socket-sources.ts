/**
 * Client data that arrives over WebSockets rather than HTTP requests: the parameters of a message
 * handler on a connected socket (`io.on('connection', (socket) => socket.on('chat', (data, ack) => …))`
 * with socket.io, `wss.on('connection', (ws) => ws.on('message', (data) => …))` with ws), and NestJS
 * gateway parameters decorated `@MessageBody()` (@nestjs/websockets). Servers are resolved by import.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, memberName, unwrap, type FunctionNode } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { fromModule, resolveModule } from '../core/modules.js';
import { quotedAny } from '../core/source-text.js';
import type { RequestSource } from './request-sources.js';

type Node = TSESTree.Node;

const SOCKET_MODULES = ['socket.io', 'ws', '@nestjs/websockets'];
/** Whether the file can load a WebSocket server (socket.io, ws, NestJS gateways): otherwise it has no socket sources. */
export const mayHaveSockets = quotedAny(SOCKET_MODULES);

/** Events a socket raises itself, whose handler parameters are not what the client sent. */
const LIFECYCLE_EVENTS = new Set(['connection', 'connect', 'disconnect', 'disconnecting', 'error', 'close', 'open', 'ping', 'pong', 'upgrade', 'unexpected-response', 'listening', 'headers', 'newListener', 'removeListener']);
const LISTEN_METHODS = new Set(['on', 'once', 'addListener', 'prependListener']);

const handlerCache = perFileCache(() => new Map<FunctionNode, boolean>());

/** A parameter of a socket message handler, or of a NestJS gateway method decorated `@MessageBody()`: what the client sent. */
export function socketMessageSource(node: TSESTree.Identifier, sourceCode: SourceCode): RequestSource | null {
  if (!mayHaveSockets(sourceCode)) return null;
  const variable = findVar(sourceCode, node);
  const def = variable?.defs[0];
  if (!def || def.type !== 'Parameter' || variable!.defs.length !== 1) return null;
  const fn = def.node as Node;
  if (fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionDeclaration) {
    return null;
  }
  const param = fn.params.find((p) => p.range[0] <= def.name.range[0] && def.name.range[1] <= p.range[1]);
  if (!param) return null;
  if (isMessageBody(param, sourceCode) || isMessageHandler(fn, sourceCode)) return { role: 'value', text: node.name, node };
  return null;
}

function isMessageBody(param: TSESTree.Parameter, sourceCode: SourceCode): boolean {
  const decorators = 'decorators' in param ? (param.decorators as TSESTree.Decorator[] | undefined) : undefined;
  if (!decorators?.length) return false;
  return decorators.some((decorator) => {
    const expr = unwrap(decorator.expression);
    const ref = resolveModule(expr.type === AST_NODE_TYPES.CallExpression ? expr.callee : expr, sourceCode);
    return fromModule(ref, ['@nestjs/websockets']) && ref.path.length === 1 && ref.path[0] === 'MessageBody';
  });
}

/** `socket.on('<event>', fn)` on a socket a socket.io or ws server handed to a `connection` handler. */
function isMessageHandler(fn: FunctionNode, sourceCode: SourceCode): boolean {
  const cache = handlerCache(sourceCode);
  let answer = cache.get(fn);
  if (answer === undefined) {
    answer = listenedOn(fn, sourceCode, (event, receiver) => !LIFECYCLE_EVENTS.has(event) && isConnectedSocket(receiver, sourceCode));
    cache.set(fn, answer);
  }
  return answer;
}

/** Whether `fn` is the listener of a `.on('<event>', fn)` call whose event and receiver pass `test`. */
function listenedOn(fn: FunctionNode, sourceCode: SourceCode, test: (event: string, receiver: Node) => boolean): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 2 || call.arguments[1] !== fn) return false;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !LISTEN_METHODS.has(memberName(callee) ?? '')) return false;
  const event = call.arguments[0];
  if (event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string') return false;
  return test(event.value, unwrap(callee.object));
}

/** The first parameter of a `connection` listener on a socket.io or ws server resolved by import. */
function isConnectedSocket(receiver: Node, sourceCode: SourceCode): boolean {
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVar(sourceCode, receiver)?.defs[0];
  if (!def || def.type !== 'Parameter') return false;
  const fn = def.node as Node;
  if (fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
  if (fn.params[0] !== def.name) return false;
  return listenedOn(fn, sourceCode, (event, server) => {
    if (event !== 'connection' && event !== 'connect') return false;
    return fromModule(resolveModule(server, sourceCode), ['socket.io', 'ws']);
  });
}
