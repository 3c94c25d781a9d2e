import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, propertyName, unwrap } from '../analysis/core/ast.js';
import { requiredModule, resolveModule } from '../analysis/core/modules.js';
import { resolveObject } from '../analysis/core/object-values.js';
import { quotedAny } from '../analysis/core/source-text.js';
import { staticString, staticValue } from '../analysis/core/static-value.js';
import { appsInFile, kindOfRef, type App } from '../analysis/http/apps.js';
import { APP_MODULES, HELMET_PROTECTIONS, middlewareModules } from '../catalog/middleware.js';
import { createRule } from '../util/create-rule.js';

type Node = TSESTree.Node;
type Options = [{ reportMissingHelmet?: boolean }];
type MessageIds = 'disabledProtection' | 'poweredBy' | 'missingHelmet' | 'addHelmet';

const HELMET_MODULES = middlewareModules('helmet');
const recommendedGate = quotedAny([...HELMET_MODULES, 'express', '@nestjs/core']);
const helmetGate = quotedAny(HELMET_MODULES);
const strictGate = quotedAny([...HELMET_MODULES, ...APP_MODULES]);
const SETTING_METHODS = new Set(['set', 'enable']);
/** Header names whose presence in the file means the app sets security headers by hand. */
const HAND_SET_HEADERS = /content-security-policy|x-frame-options|strict-transport-security|x-content-type-options/i;
/**
 * Text that shows a header turned off in the options is sent another way: helmet's own
 * middleware for it (`helmet.contentSecurityPolicy(…)`, e.g. for per-request nonces), the
 * header name set by hand, or, for `X-Frame-Options`, the CSP `frame-ancestors` directive that
 * supersedes it.
 */
const REPLACEMENTS: Record<string, readonly string[]> = {
  'Content-Security-Policy': ['.contentSecurityPolicy(', 'content-security-policy'],
  'Strict-Transport-Security': ['.hsts(', '.strictTransportSecurity(', 'strict-transport-security'],
  'X-Frame-Options': ['.frameguard(', '.xFrameOptions(', 'x-frame-options', 'frameAncestors', 'frame-ancestors'],
  'X-Content-Type-Options': ['.noSniff(', '.xContentTypeOptions(', 'x-content-type-options'],
};
/** The helmet module a suggestion may use for each framework. */
const SUGGESTED_MODULES: Record<string, readonly string[]> = {
  express: ['helmet'],
  nestjs: ['helmet'],
  koa: ['koa-helmet'],
  fastify: ['@fastify/helmet', 'fastify-helmet'],
};
const FRAMEWORK_NAMES: Record<string, string> = { express: 'Express', koa: 'Koa', fastify: 'Fastify', nestjs: 'NestJS' };

export default createRule<Options, MessageIds>({
  name: 'require-helmet',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require security headers middleware (helmet) on HTTP apps and disallow disabling its protections',
      recommended: 'recommended',
      cwe: 'CWE-693',
      owasp: ['A05:2021'],
    },
    hasSuggestions: true,
    messages: {
      disabledProtection:
        '`{{option}}: false` turns off the `{{header}}` header {{module}} would send, removing a browser protection ({{risk}}). Configure the protection instead of disabling it.',
      poweredBy: '{{what}} makes every response announce the framework (`X-Powered-By`), which helps attackers pick known exploits. Leave it disabled.',
      missingHelmet:
        'This {{framework}} app is {{how}} without security-headers middleware{{poweredBy}}: its responses carry no Content-Security-Policy, Strict-Transport-Security, X-Frame-Options or X-Content-Type-Options. Register a security-headers middleware on the app.',
      addHelmet: 'Register `{{name}}` right after the app is created.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          reportMissingHelmet: {
            type: 'boolean',
            description: 'Also report apps created and started or exported in the file with no security-headers middleware registered (and Express apps that keep `X-Powered-By`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportMissingHelmet: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const reportMissing = options.reportMissingHelmet === true;
    if (!(reportMissing ? strictGate(sourceCode) : recommendedGate(sourceCode))) return {};
    /** Helmet options can only be read in a file that loads a helmet module. */
    const loadsHelmet = helmetGate(sourceCode);

    const RISKS: Record<string, string> = {
      'Content-Security-Policy': 'injected scripts run freely',
      'Strict-Transport-Security': 'connections can be downgraded to plain HTTP',
      'X-Frame-Options': 'pages can be framed for clickjacking',
      'X-Content-Type-Options': 'browsers may sniff uploads as scripts',
    };

    let lowerText: string | undefined;
    /** Whether the file sends `header` by other means than the options that turn it off (asked only on a finding). */
    function sentOtherwise(header: string): boolean {
      lowerText ??= sourceCode.text.toLowerCase();
      const text = lowerText;
      return (REPLACEMENTS[header] ?? []).some((needle) => text.includes(needle.toLowerCase()));
    }

    function checkOptions(object: TSESTree.ObjectExpression, module: string): void {
      for (const property of object.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = propertyName(property);
        const header = key === null ? undefined : HELMET_PROTECTIONS.get(key);
        if (!header) continue;
        if (staticValue(property.value, sourceCode)?.value !== false) continue;
        if (sentOtherwise(header)) continue;
        context.report({ node: property, messageId: 'disabledProtection', data: { option: key!, header, module: `\`${module}\``, risk: RISKS[header] ?? '' } });
      }
    }

    function helmetBinding(framework: string): string | null {
      const modules = SUGGESTED_MODULES[framework] ?? [];
      for (const statement of sourceCode.ast.body) {
        if (statement.type === AST_NODE_TYPES.ImportDeclaration && modules.includes(statement.source.value)) {
          const spec = statement.specifiers.find((s) => s.type === AST_NODE_TYPES.ImportDefaultSpecifier);
          if (spec && statement.importKind !== 'type') return spec.local.name;
        }
        if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const d of statement.declarations) {
            const init = d.init && unwrap(d.init);
            if (d.id.type === AST_NODE_TYPES.Identifier && init?.type === AST_NODE_TYPES.CallExpression && modules.includes(requiredModule(init, sourceCode) ?? '')) {
              return d.id.name;
            }
          }
        }
      }
      return null;
    }

    function suggestion(app: App): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const name = helmetBinding(app.framework);
      if (!name) return [];
      let statement: Node | undefined = app.id.parent;
      while (statement && statement.type !== AST_NODE_TYPES.VariableDeclaration) statement = statement.parent;
      if (!statement) return [];
      const target: Node = statement.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.parent : statement;
      const line = sourceCode.lines[target.loc.start.line - 1] ?? '';
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      const call = app.framework === 'fastify' ? `${app.id.name}.register(${name});` : `${app.id.name}.use(${name}());`;
      return [{ messageId: 'addHelmet', data: { name: call }, fix: (fixer) => fixer.insertTextAfter(target, `\n${indent}${call}`) }];
    }

    function keepsPoweredBy(app: App): boolean {
      if (app.framework !== 'express') return false;
      // `app.set(name, value)` with a name not known may turn it off.
      if (app.settings.some((s) => s.name === null)) return false;
      return !app.settings.some((s) => s.name === 'x-powered-by' && (s.how === 'disable' || (s.how === 'set' && s.value && staticValue(s.value, sourceCode)?.value === false)));
    }

    function checkApps(): void {
      const apps = appsInFile(sourceCode);
      if (apps.length === 0) return;
      if (HAND_SET_HEADERS.test(sourceCode.text)) return;
      for (const app of apps) {
        if (app.router || app.framework === 'hono' || !(app.started || app.exported) || app.handedOver.length > 0) continue;
        if (app.mounts.some((m) => m.middleware && (m.middleware.kind === 'helmet' || m.middleware.local))) continue;
        context.report({
          node: app.node,
          messageId: 'missingHelmet',
          data: {
            framework: FRAMEWORK_NAMES[app.framework] ?? app.framework,
            how: app.started ? 'started' : 'exported',
            poweredBy: keepsPoweredBy(app) ? ' and keeps the `X-Powered-By` header' : '',
          },
          suggest: suggestion(app),
        });
      }
    }

    return {
      CallExpression(node) {
        const callee = unwrap(node.callee);
        const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
        if (method !== null && SETTING_METHODS.has(method)) {
          const first = node.arguments[0];
          if (!first || first.type === AST_NODE_TYPES.SpreadElement || staticString(first, sourceCode) !== 'x-powered-by') return;
          if (method === 'enable' && node.arguments.length === 1) {
            context.report({ node, messageId: 'poweredBy', data: { what: "`enable('x-powered-by')`" } });
          } else if (method === 'set' && node.arguments[1] && staticValue(node.arguments[1], sourceCode)?.value === true) {
            context.report({ node, messageId: 'poweredBy', data: { what: "`set('x-powered-by', true)`" } });
          }
          return;
        }
        if (!loadsHelmet) return;
        const first = node.arguments[0];
        if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
        if (method === 'register') {
          const opts = node.arguments[1];
          if (!opts || opts.type === AST_NODE_TYPES.SpreadElement) return;
          const ref = resolveModule(first, sourceCode);
          if (kindOfRef(ref) !== 'helmet' || ref!.path.length > 0) return;
          const object = resolveObject(opts, sourceCode);
          if (object) checkOptions(object, ref!.module);
          return;
        }
        // `helmet({…})`, `secureHeaders(options)`: an options object or a name for one.
        const arg = unwrap(first);
        if (arg.type !== AST_NODE_TYPES.ObjectExpression && arg.type !== AST_NODE_TYPES.Identifier && arg.type !== AST_NODE_TYPES.MemberExpression) return;
        const ref = resolveModule(node, sourceCode);
        if (kindOfRef(ref) !== 'helmet') return;
        const path = ref!.path;
        const factory = (path.length === 1 && path[0] === '()') || (path.length === 2 && path[0] === 'secureHeaders' && path[1] === '()');
        if (!factory) return;
        const object = resolveObject(first, sourceCode);
        if (object) checkOptions(object, ref!.module);
      },
      ...(reportMissing ? { 'Program:exit': checkApps } : {}),
    };
  },
});
