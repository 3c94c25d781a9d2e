import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, findVar, getProperty, hasSpread, memberName, shortText, singleValue, unwrap } from '../analysis/core/ast.js';
import { declarationAtLeast, declaredDependency } from '../analysis/core/dependencies.js';
import { fromModule, isModulePath, NEW, resolveCompiledModule, resolveModule } from '../analysis/core/modules.js';
import { resolveObject, resolveValueNode } from '../analysis/core/object-values.js';
import { includesAny, quotedAny, textGate } from '../analysis/core/source-text.js';
import { stringComposition, type DynamicPart } from '../analysis/core/static-value.js';
import { isConstrainedChoice } from '../analysis/flow/constrained-value.js';
import { isNumericExpression } from '../analysis/flow/numeric-value.js';
import { isClimbRejected, isPathContained } from '../analysis/flow/path-guards.js';
import { taintOf } from '../analysis/flow/taint.js';
import { archiveEntryName } from '../analysis/domains/archives.js';
import { roleOfParameter } from '../analysis/http/request-sources.js';
import { responseObjectKind } from '../analysis/http/responses.js';
import {
  ADM_ZIP_EXTRACT_METHODS,
  ADM_ZIP_SAFE_SINCE,
  ARCHIVE_MODULES,
  TAR_EXTRACT_FUNCTIONS,
  TAR_OPT_OUT_OPTION,
  WRITING_FUNCTIONS,
} from '../catalog/archives.js';
import {
  CLIENT_FILE_NAME_PROPERTIES,
  KOA_SEND_MODULES,
  PATH_MODULES,
  PATH_SINKS,
  RESPONSE_FILE_METHODS,
  VIEW_METHODS,
} from '../catalog/filesystem.js';
import { SANITIZERS } from '../catalog/sanitizers.js';
import { createRule } from '../util/create-rule.js';

type Node = TSESTree.Node;
type MessageIds = 'requestInPath' | 'requestInView' | 'zipSlip' | 'zipSlipExtract';

const FS_FUNCTIONS = new Set<string>(PATH_SINKS.flatMap((s) => s.functions));
const quotesFsModule = quotedAny(PATH_MODULES);
const quotesArchiveModule = quotedAny(ARCHIVE_MODULES);
const quotesKoaSend = quotedAny(KOA_SEND_MODULES);
const namesResponseMethod = textGate(includesAny([...RESPONSE_FILE_METHODS, ...VIEW_METHODS]));
/** `path` functions whose result is made of their arguments' text. */
const JOINING = new Set(['join', 'resolve', 'normalize', 'dirname']);
/**
 * String methods whose result keeps an archive entry name's `../`: case, trimming, Unicode
 * normalisation, and replacements whose pattern has no dot (`name.replace(/\\/g, '/')`).
 */
const TEXT_KEEPING = new Set(['toLowerCase', 'toUpperCase', 'trim', 'trimStart', 'trimEnd', 'normalize', 'replace', 'replaceAll', 'toString']);
const MAX_DEPTH = 6;
/**
 * Parameter names that are an Express response even where no handler shape shows it (a helper
 * `function serve(res, name)`): only for `sendFile`/`download`, which no other common object has.
 */
const RESPONSE_PARAMETER_NAMES = new Set(['res', 'response']);

interface Finding {
  node: Node;
  source: string;
  /** `archive`: an archive entry's name, reported only where the path is written. */
  kind: 'request' | 'archive';
}

export default createRule<[], MessageIds>({
  name: 'no-path-traversal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request data, uploaded file names and archive entry names in file-system paths without a containment check',
      recommended: 'recommended',
      cwe: 'CWE-22',
      owasp: ['A01:2021'],
    },
    messages: {
      requestInPath:
        'Request data ({{source}}) reaches the path that {{sink}} opens: {{value}}. A client can send `../` to reach files outside the intended folder. Keep only the file name (`path.basename`), or resolve the path and check it stays inside the folder before using it.',
      requestInView:
        'Request data ({{source}}) names the view that `{{method}}()` renders: {{value}}. A client can send `../` to render another file. Map the client’s choice onto a fixed list of views.',
      zipSlip:
        'An archive entry’s name ({{source}}) reaches the path that {{sink}} writes: {{value}}. Whoever made the archive chooses its entry names, `../` and absolute paths included (zip slip). Resolve the path and check it stays inside the extraction folder, or keep only the base name.',
      zipSlipExtract:
        '{{what}} writes entries outside the target folder when their names hold `../` or an absolute path (zip slip). {{fix}}',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const fsFile = quotesFsModule(sourceCode);
    const archiveFile = quotesArchiveModule(sourceCode);
    const koaSendFile = quotesKoaSend(sourceCode);
    if (!fsFile && !archiveFile && !koaSendFile && !namesResponseMethod(sourceCode)) return {};
    /** The expressions the current search went through, for guards on any of them. */
    const trail: Node[] = [];

    /** The first request-derived value in a path expression that no check keeps inside a folder. */
    function findInPath(raw: Node, sink: Node, depth: number): Finding | null {
      const node = unwrap(raw);
      if (depth > MAX_DEPTH) return null;
      trail.length = depth;
      trail.push(node);
      if (isPathContained(node, sink, sourceCode)) return null;
      if (isNumericExpression(node, sourceCode) || isConstrainedChoice(node, sourceCode)) return null;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const ref = resolveModule(node.callee, sourceCode);
        const fn = calleeName(node);
        if (fn !== null && JOINING.has(fn) && isModulePath(ref, ['path'], [fn])) {
          for (const arg of node.arguments) {
            if (arg.type === AST_NODE_TYPES.SpreadElement) continue;
            const found = findInPath(arg, sink, depth + 1);
            if (found) return found;
          }
          return null;
        }
        if (ref && SANITIZERS.some((s) => s.sinks.includes('path') && isModulePath(ref, s.modules, s.path))) return null;
        const receiver = archiveFile ? textKeepingReceiver(node) : null;
        if (receiver) {
          const found = findInPath(receiver, sink, depth + 1);
          if (found?.kind === 'archive') return found;
        }
      }
      if (node.type === AST_NODE_TYPES.TemplateLiteral || (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+')) {
        const parts = stringComposition(node, sourceCode).parts.filter((p): p is DynamicPart => p.kind === 'dynamic');
        for (const part of parts) {
          if ((part.via ?? []).some((name) => isPathContained(name, sink, sourceCode))) continue;
          const found = findInPath(part.node, sink, depth + 1);
          if (found) return found;
        }
        return null;
      }
      if (archiveFile && (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression)) {
        const entry = archiveEntryName(node, sourceCode);
        if (entry) {
          // `if (name.includes('..')) continue;` on the name or on any value built from it.
          if (trail.slice(0, depth + 1).some((n) => isClimbRejected(n, sink, sourceCode))) return null;
          return { node, source: `\`${shortText(sourceCode, node)}\` from ${entry.library}`, kind: 'archive' };
        }
      }
      if (node.type === AST_NODE_TYPES.Identifier) {
        const variable = findVar(sourceCode, node);
        const value = variable ? singleValue(variable) : null;
        if (value && value.path.length === 0) return findInPath(value.init, sink, depth + 1);
      }
      if (node.type === AST_NODE_TYPES.MemberExpression) {
        const name = memberName(node);
        if (name !== null && CLIENT_FILE_NAME_PROPERTIES.has(name)) return { node, source: `the uploaded file’s name \`${shortText(sourceCode, node)}\``, kind: 'request' };
      }
      const taint = taintOf(node, sourceCode, { sink: 'path' });
      return taint ? { node, source: `\`${taint.source.text}\``, kind: 'request' } : null;
    }

    /** `name.toLowerCase()`, `name.replace(/\\/g, '/')`: the `name`, for archive entry names. */
    function textKeepingReceiver(call: TSESTree.CallExpression): Node | null {
      const callee = unwrap(call.callee);
      const method = calleeName(call);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || method === null || !TEXT_KEEPING.has(method)) return null;
      if (method === 'replace' || method === 'replaceAll') {
        const pattern = call.arguments[0] && unwrap(call.arguments[0]);
        if (pattern?.type !== AST_NODE_TYPES.Literal) return null;
        const text = 'regex' in pattern && pattern.regex ? pattern.regex.pattern : typeof pattern.value === 'string' ? pattern.value : null;
        if (text === null || text.includes('.')) return null;
      }
      return callee.object;
    }

    /** `writes`: the sink creates or overwrites the file (where an archive entry's name matters). */
    function report(path: Node, sink: string, call: Node, writes = false): void {
      const found = findInPath(path, call, 0);
      if (!found) return;
      if (found.kind === 'archive' && !writes) return;
      context.report({
        node: path,
        messageId: found.kind === 'archive' ? 'zipSlip' : 'requestInPath',
        data: { sink, source: found.source, value: `\`${shortText(sourceCode, path)}\`` },
      });
    }

    return {
      CallExpression(node) {
        const first = node.arguments[0];
        if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
        // `send(ctx, path)`, also compiled: `(0, koa_send_1.default)(ctx, path)`.
        if (koaSendFile && node.arguments.length >= 2 && unwrap(first).type === AST_NODE_TYPES.Identifier) checkKoaSend(node);
        const method = calleeName(node);
        if (method === null) return;
        if (fsFile && FS_FUNCTIONS.has(method)) {
          const ref = resolveModule(node.callee, sourceCode);
          if (!ref) return;
          const sink = PATH_SINKS.find(
            (s) => s.functions.includes(method) && s.modules.includes(ref.module) && (ref.path.length === 1 || (ref.path.length === 2 && ref.path[0] === 'promises')) && ref.path[ref.path.length - 1] === method,
          );
          if (!sink) return;
          for (const index of sink.args) {
            const arg = node.arguments[index];
            if (arg && arg.type !== AST_NODE_TYPES.SpreadElement) report(arg, `\`${ref.module}.${method}\``, node, WRITING_FUNCTIONS.has(method));
          }
          return;
        }
        if (archiveFile && (TAR_EXTRACT_FUNCTIONS.has(method) || ADM_ZIP_EXTRACT_METHODS.has(method))) {
          checkExtraction(node, method);
          return;
        }
        const callee = unwrap(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        if (!RESPONSE_FILE_METHODS.has(method) && !VIEW_METHODS.has(method)) return;
        // The response of a handler: an Express `res.sendFile()`, a Koa `ctx.render()`.
        // `@fastify/static`'s `reply.sendFile()` resolves under its root; `bucket.download(key)`
        // and a template engine's own `render()` are no response.
        const receiver = unwrap(callee.object);
        const kind = responseObjectKind(receiver, sourceCode) ?? (RESPONSE_FILE_METHODS.has(method) && isResponseNamedParameter(receiver) ? 'express' : null);
        if (RESPONSE_FILE_METHODS.has(method)) {
          if (kind !== 'express') return;
          if (mayHaveRoot(node, method)) return;
          report(first, `\`${method}()\``, node);
          return;
        }
        if (kind === 'express' || kind === 'koa') {
          const found = findInPath(first, node, 0);
          if (!found) return;
          context.report({ node: first, messageId: 'requestInView', data: { method, source: found.source, value: `\`${shortText(sourceCode, first)}\`` } });
        }
      },
    };

    /** A parameter named `res`/`response` (`function serve(res, name)`): a variable or an import of that name is not. */
    function isResponseNamedParameter(receiver: Node): boolean {
      if (receiver.type !== AST_NODE_TYPES.Identifier || !RESPONSE_PARAMETER_NAMES.has(receiver.name)) return false;
      const variable = findVar(sourceCode, receiver);
      return variable?.defs.length === 1 && variable.defs[0]!.type === 'Parameter';
    }

    /**
     * node-tar `x()`/`extract()` with `preservePaths: true` (tar's own refusal of `..` and absolute
     * names turned off), adm-zip `extractAllTo()`/`extractEntryTo()` when the declared adm-zip
     * admits a release before the one that keeps entries inside the target.
     */
    function checkExtraction(node: TSESTree.CallExpression, method: string): void {
      const ref = resolveModule(node.callee, sourceCode);
      if (!ref) return;
      if (TAR_EXTRACT_FUNCTIONS.has(method)) {
        if (!isModulePath(ref, ['tar'], [method])) return;
        const options = node.arguments[0] && resolveObject(node.arguments[0], sourceCode);
        const optOut = options ? getProperty(options, TAR_OPT_OUT_OPTION) : null;
        if (!optOut) return;
        const value = unwrap(optOut.value);
        if (value.type !== AST_NODE_TYPES.Literal || value.value !== true) return;
        context.report({
          node: optOut,
          messageId: 'zipSlipExtract',
          data: { what: `\`tar.${method}()\` with \`${TAR_OPT_OUT_OPTION}: true\``, fix: `Remove \`${TAR_OPT_OUT_OPTION}\`: by default tar refuses such entries.` },
        });
        return;
      }
      if (!fromModule(ref, ['adm-zip']) || ref.path[0] !== NEW || ref.path[ref.path.length - 1] !== method) return;
      if (declarationAtLeast(declaredDependency(sourceCode, context.physicalFilename, 'adm-zip'), ADM_ZIP_SAFE_SINCE) !== false) return;
      context.report({
        node: node.callee,
        messageId: 'zipSlipExtract',
        data: { what: `\`${method}()\` of adm-zip before ${ADM_ZIP_SAFE_SINCE} (a release the project’s package.json admits)`, fix: `Require adm-zip ${ADM_ZIP_SAFE_SINCE} or later.` },
      });
    }

    /**
     * koa-send `send(ctx, path, opts)`: with `root`, the path is resolved under it and `..` refused;
     * without, any file under the working directory is served (the application's own sources and
     * configuration). Reported without `root` only; options the code does not show are not.
     */
    function checkKoaSend(node: TSESTree.CallExpression): void {
      const ref = resolveCompiledModule(node.callee, sourceCode);
      if (!ref || !KOA_SEND_MODULES.includes(ref.module) || !(ref.path.length === 0 || (ref.path.length === 1 && (ref.path[0] === 'default' || ref.path[0] === 'send')))) return;
      const path = node.arguments[1]!;
      if (path.type === AST_NODE_TYPES.SpreadElement) return;
      const optionsArg = node.arguments[2];
      if (optionsArg) {
        const options = optionsArg.type === AST_NODE_TYPES.SpreadElement ? null : resolveObject(optionsArg, sourceCode);
        if (!options || hasSpread(options) || getProperty(options, 'root') !== null) return;
      }
      const sink = '`send()` of koa-send without `root` (it then serves any file under the working directory)';
      const koaPath = koaRequestPath(path);
      if (koaPath) {
        context.report({ node: path, messageId: 'requestInPath', data: { sink, source: `\`${shortText(sourceCode, koaPath)}\``, value: `\`${shortText(sourceCode, path)}\`` } });
        return;
      }
      report(path, sink, node);
    }

    /** `ctx.path` of a Koa context: the request's path, which the request sources leave to routers. */
    function koaRequestPath(node: Node): Node | null {
      const target = unwrap(node);
      if (target.type !== AST_NODE_TYPES.MemberExpression || memberName(target) !== 'path') return null;
      const object = unwrap(target.object);
      if (object.type !== AST_NODE_TYPES.Identifier) return null;
      const def = findVar(sourceCode, object)?.defs[0];
      if (def?.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) return null;
      const fn = def.node as Parameters<typeof roleOfParameter>[0];
      const index = fn.params.findIndex((p) => unwrap(p) === def.name);
      return index >= 0 && roleOfParameter(fn, index, object.name, fn.params[index]!, sourceCode) === 'koa' ? target : null;
    }

    /**
     * Whether the options of `res.sendFile(path, options, fn)` / `res.download(path, name, options, fn)`
     * may set `root`: a `root` property, a spread, or options the code does not show (a parameter,
     * an import). Callbacks and `download`'s file name are no options.
     */
    function mayHaveRoot(node: TSESTree.CallExpression, method: string): boolean {
      const indexes = method === 'download' ? [1, 2] : [1];
      for (const index of indexes) {
        const arg = node.arguments[index];
        if (!arg) continue;
        if (arg.type === AST_NODE_TYPES.SpreadElement) return true;
        const value = unwrap(resolveValueNode(arg, sourceCode) ?? arg);
        if (value.type === AST_NODE_TYPES.ObjectExpression) {
          if (getProperty(value, 'root') !== null || hasSpread(value)) return true;
          continue;
        }
        if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) continue;
        if (method === 'download' && index === 1) continue;
        if (value.type === AST_NODE_TYPES.Identifier && findVar(sourceCode, value)?.defs[0]?.type === 'FunctionName') continue;
        return true;
      }
      return false;
    }
  },
});
