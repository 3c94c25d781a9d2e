import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, findVar, getProperty, hasSpread, isCallerParameter, isFunction, memberName, shortText, singleValue, unwrap } from '../analysis/core/ast.js';
import type { SourceCode } from '../analysis/core/cache.js';
import { quotedAny, textGate } from '../analysis/core/source-text.js';
import {
  classifySlots,
  hasPlaceholders,
  isSqlEscaped,
  isSqlFragment,
  looksLikeSql,
  matchSqlSink as matchSink,
  rawFormattingVariables,
  SLOT,
  slotPositions,
  type SlotKind,
  type SlotPosition,
  type RawVariable,
  type SqlSinkMatch as SinkMatch,
} from '../analysis/domains/sql.js';
import { isConstrainedChoice } from '../analysis/flow/constrained-value.js';
import { hasNonTextType, isNumericExpression } from '../analysis/flow/numeric-value.js';
import { compositionText, isCertainlyString, staticString, stringComposition, type DynamicPart, type StringComposition } from '../analysis/core/static-value.js';
import { textPieces } from '../analysis/flow/text-pieces.js';
import { resolverArgument } from '../analysis/http/graphql.js';
import { taintOf } from '../analysis/flow/taint.js';
import { SQL_SINKS, UNRESOLVED_QUERY_METHODS, type SqlSink } from '../catalog/sql.js';
import { createRule } from '../util/create-rule.js';

type Options = [
  {
    allowNumericCoercion?: boolean;
    checkStructure?: boolean;
    checkUnresolvedReceivers?: boolean;
    sanitizers?: string[];
  },
];
type MessageIds =
  | 'dynamicSql'
  | 'dynamicSqlUnresolved'
  | 'requestInStructure'
  | 'codeInStructure'
  | 'useParameters'
  | 'useTaggedTemplate'
  | 'useTemplateTag';

const CANDIDATE_METHODS = new Set<string>([
  ...SQL_SINKS.flatMap((s) => s.methods ?? []),
  ...SQL_SINKS.flatMap((s) => (s.functions ?? []).map((f) => f[f.length - 1]!)),
  ...UNRESOLVED_QUERY_METHODS,
]);

/**
 * Method names that reach a sink only on a receiver or function resolved by import (or a task
 * context of one): `one`, `any`, `map`, `each`, `format`… Such a call is matched before any text is
 * composed, and only in files that name one of the sink modules or call a task method at all.
 */
const RESOLVED_ONLY_METHODS = new Set<string>(
  [...CANDIDATE_METHODS].filter(
    (m) => !UNRESOLVED_QUERY_METHODS.includes(m) && !SQL_SINKS.some((s) => (s.anyReceiver || s.chainIncludes) && s.methods?.includes(m)),
  ),
);
const TASK_METHODS = [...new Set(SQL_SINKS.flatMap((s) => s.taskMethods ?? []))];
/** A task method's name as a token of the file (a line of its vocabulary, see `textGate`). */
const TASK_NAME = new RegExp(`^(?:${TASK_METHODS.join('|')})$`, 'm');
const quotesSinkModule = quotedAny([...new Set(SQL_SINKS.flatMap((s) => s.modules))]);
const mayCallTaskMethod = textGate((text) => TASK_METHODS.length > 0 && TASK_NAME.test(text));
/** Only a file that quotes a sink module's name or calls a task method (`db.task(t => …)`) can reach a resolved sink. */
const mayReachResolvedSink = (sourceCode: SourceCode): boolean => quotesSinkModule(sourceCode) || mayCallTaskMethod(sourceCode);

/** Argument shapes whose value may be text built from parts (everything else is constant or not text). */
const MAYBE_DYNAMIC_TEXT = new Set<string>([
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.AwaitExpression,
]);

/**
 * What an inserted part is:
 * - `value`: a value inserted into the text (a `'…'` literal, right of `=`, an `IN (…)` list …) that
 *   nothing shows to be safe — what placeholders are for;
 * - `request`: client data (a request read, a resolver argument) standing in the statement's
 *   structure (an identifier, an operator, a clause);
 * - `code`: an identifier, operator or SQL fragment the code supplies (a class field, configuration,
 *   a function parameter, SQL built elsewhere): not client data; with `checkStructure`, reported
 *   when it is a parameter of the enclosing function.
 */
type Kind = 'value' | 'request' | 'code';

interface Verdict {
  kind: Kind;
  /** The values to name in the message (inside a fragment, the values found there). */
  nodes: TSESTree.Node[];
  /** How the value reaches the client, for the message. */
  client: string | null;
}

const KIND_ORDER: Record<Kind, number> = { value: 0, request: 1, code: 2 };
/** How deep fragments built from other fragments are looked into. */
const MAX_FRAGMENT_DEPTH = 4;

export default createRule<Options, MessageIds>({
  name: 'no-sql-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow SQL text built from non-constant values; pass values as query parameters',
      recommended: 'recommended',
      cwe: 'CWE-89',
      owasp: ['A03:2021'],
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      dynamicSql:
        'A value is inserted into the SQL text passed to {{sink}}: {{values}}{{request}}. Pass values as query parameters ({{hint}}) so they can never change the statement.',
      dynamicSqlUnresolved:
        'This looks like SQL text passed to `.{{method}}()` with a value inserted into it: {{values}}{{request}}. Use your driver’s placeholders (`$1` or `?`) with a values array instead of inserting values into the text.',
      requestInStructure:
        'Request data forms part of the statement’s structure in the SQL text passed to {{sink}}: {{values}}{{request}} stands where an identifier, operator or clause goes, and no placeholder can take its place. Map the client’s choice onto a fixed list of names, or quote it with the driver’s identifier escaper.',
      codeInStructure:
        'A parameter of this function is inserted into the SQL text passed to {{sink}} as an identifier or SQL fragment: {{values}}. It is not client data here, but its callers decide what it holds and no placeholder can protect it: check it against a fixed list, or quote it with the driver’s identifier escaper.',
      useParameters: 'Replace the inserted values with {{placeholder}} placeholders and pass them as parameters.',
      useTaggedTemplate: 'Use the parameterized tagged template `{{method}}` instead of `{{unsafe}}`.',
      useTemplateTag: 'Call `{{method}}` as a tagged template (`` {{method}}`…` ``), which sends each `${}` as a parameter.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowNumericCoercion: {
            type: 'boolean',
            description:
              'Do not report values that are certainly numbers (`Number(x)`, `parseInt(x)`, `Math.*`, `x.length`) or that TypeScript declares `number`, `bigint`, `boolean`, `Date` or a union of literals; they cannot carry SQL syntax.',
          },
          checkStructure: {
            type: 'boolean',
            description:
              'Also report function parameters inserted as identifiers, operators or SQL fragments (callers, often in other files, decide what they hold), not only client data there.',
          },
          checkUnresolvedReceivers: {
            type: 'boolean',
            description:
              'Also report `.query()`/`.execute()`/`.raw()`… calls on objects no import explains (a `db` from a local module) when the text reads as SQL.',
          },
          sanitizers: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Names of your own escaping functions whose results are safe in SQL text (`quoteIdent`, `db.escapeName`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowNumericCoercion: true, checkStructure: false, checkUnresolvedReceivers: true, sanitizers: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const allowNumeric = options.allowNumericCoercion !== false;
    const checkStructure = options.checkStructure === true;
    const checkUnresolved = options.checkUnresolvedReceivers !== false;
    const sanitizers = options.sanitizers ?? [];

    function isSafePart(part: DynamicPart): boolean {
      if (allowNumeric && isNumericExpression(part.node, sourceCode)) return true;
      if (isSqlEscaped(part.node, sourceCode, sanitizers)) return true;
      return isConstrainedChoice(part.node, sourceCode);
    }

    /** What a dynamic part standing at `position` is, or null when it is safe there. */
    function evaluate(part: DynamicPart, position: SlotPosition, depth: number): Verdict | null {
      if (isSafePart(part)) return null;
      const client = clientSource(part.node, sourceCode);
      if (client) return { kind: position === 'structure' ? 'request' : 'value', nodes: [part.node], client };
      if (allowNumeric && hasNonTextType(part.node, sourceCode)) return null;
      if (position === 'literal') return { kind: 'value', nodes: [part.node], client: null };
      if (position === 'value') {
        // SQL the code builds for itself (`sqlHourOffset()`, `whereSql`, a query generator's output)
        // is a fragment, even where a value could stand.
        return { kind: isSqlFragment(part.node, part.via) ? 'code' : 'value', nodes: [part.node], client: null };
      }
      // A fragment assembled here: what stands inside it, where.
      const inner = depth < MAX_FRAGMENT_DEPTH ? textPieces(part.node, sourceCode) : null;
      if (!inner) return { kind: 'code', nodes: [part.node], client: null };
      const verdicts: Verdict[] = [];
      for (const piece of inner.pieces) {
        const composition = stringComposition(piece, sourceCode);
        const dynamic = composition.parts.filter((p): p is DynamicPart => p.kind === 'dynamic');
        if (dynamic.length === 0) continue;
        const positions = hasText(composition) ? partPositions(composition, dynamic.length) : dynamic.map(() => position);
        dynamic.forEach((p, i) => {
          const verdict = evaluate(p, positions[i]!, depth + 1);
          if (verdict) verdicts.push(verdict);
        });
      }
      for (const call of inner.handedTo) {
        const source = call.arguments.map((a) => clientSource(a, sourceCode)).find((t) => t !== null);
        if (source) verdicts.push({ kind: 'request', nodes: [part.node], client: source });
      }
      if (inner.opaque || inner.handedTo.length > 0) verdicts.push({ kind: 'code', nodes: [part.node], client: null });
      return worst(verdicts);
    }

    return {
      CallExpression(node) {
        // Cheapest tests first: the method name, then the shape of the text argument; module
        // resolution only for calls that really insert values into text.
        const method = calleeName(node);
        if (method === null || !CANDIDATE_METHODS.has(method)) return;
        const rawArg = node.arguments[0];
        if (!rawArg || rawArg.type === AST_NODE_TYPES.SpreadElement) return;
        const { text: textNode, inConfig } = sqlTextNode(rawArg);
        if (!textNode) return;
        const arg = unwrap(textNode);
        const constantText = literalText(arg);
        if (constantText !== null) {
          // (`checkRawVariables` applies the file gate below itself, after its cheaper tests.)
          if (!inConfig) checkRawVariables(node, method, constantText);
          return;
        }
        if (!MAYBE_DYNAMIC_TEXT.has(arg.type)) return;
        // Common names (`map`, `each`, `one`) count only in files that could resolve a sink; the
        // argument's shape is tested first (most `map` calls take a callback), the file gate after.
        const resolvedOnly = RESOLVED_ONLY_METHODS.has(method);
        if (resolvedOnly && !mayReachResolvedSink(sourceCode)) return;
        // Common method names (`one`, `map`, `format`) count only on a resolved receiver: settle
        // that first, and only in files that could resolve one.
        let early: SinkMatch | null | undefined;
        if (resolvedOnly) {
          early = matchSink(node, method, sourceCode);
          if (!early) return;
        }
        const sinkMatch = (): SinkMatch | null => (early !== undefined ? early : (early = matchSink(node, method, sourceCode)));
        // A lone value (`pool.query(sql)` in a wrapper, `map.get(key)`) is reported only when it is
        // client data at a resolved sink: settle that before composing any text.
        if (isLoneValue(arg, sourceCode)) {
          const match = sinkMatch();
          if (!match?.sink) return;
          const source = clientSource(arg, sourceCode);
          if (!source) return;
          context.report({
            node: textNode,
            messageId: 'requestInStructure',
            data: {
              sink: sinkName(match),
              values: describeValues([arg], sourceCode),
              request: ` (${source})`,
            },
          });
          return;
        }

        const composition = stringComposition(arg, sourceCode);
        if (!composition.parts.some((p) => p.kind === 'dynamic')) {
          if (composition.exact && !inConfig) checkRawVariables(node, method, textOf(composition), sinkMatch);
          return;
        }
        const match = sinkMatch();
        if (!match || (!match.sink && !checkUnresolved)) return;
        if (!match.sink && !looksLikeSql(textOf(composition))) return;
        const dynamic = composition.parts.filter((p): p is DynamicPart => p.kind === 'dynamic');
        const positions = partPositions(composition, dynamic.length);
        const judged = dynamic
          .map((part, i) => ({ part, position: positions[i]!, verdict: evaluate(part, positions[i]!, 0) }))
          .filter((j): j is { part: DynamicPart; position: SlotPosition; verdict: Verdict } => j.verdict !== null);
        if (judged.length === 0) return;
        // A lone value (`pool.query(sql)` inside a wrapper) is someone else's text, unless it is client data.
        if (!hasText(composition) && !judged.some((j) => j.verdict.client)) return;

        const values = judged.filter((j) => j.verdict.kind === 'value');
        const requests = judged.filter((j) => j.verdict.kind === 'request');
        const code = judged.filter((j) => j.verdict.kind === 'code');
        const sinkText = sinkName(match);
        if (values.length > 0) {
          const nodes = values.flatMap((j) => j.verdict.nodes);
          const client = values.map((j) => j.verdict.client).find((c) => c !== null);
          const request = client ? ` (${client})` : '';
          const described = describeValues(nodes, sourceCode);
          if (!match.sink) {
            context.report({ node: textNode, messageId: 'dynamicSqlUnresolved', data: { values: described, request, method } });
          } else {
            // Only values that stand directly in this text can be rewritten.
            const direct = values.every((j) => j.verdict.nodes.length === 1 && j.verdict.nodes[0] === j.part.node);
            const plan =
              inConfig || !direct ? null : planFix(node, arg, composition, values.map((j) => j.part), match.sink, sourceCode);
            reportValues(textNode, match, plan, { sink: sinkText, values: described, request, hint: hint(match.sink) });
          }
        }
        if (requests.length > 0) {
          const client = requests.map((j) => j.verdict.client).find((c) => c !== null);
          context.report({
            node: textNode,
            messageId: 'requestInStructure',
            data: { sink: sinkText, values: describeValues(requests.flatMap((j) => j.verdict.nodes), sourceCode), request: client ? ` (${client})` : '' },
          });
        }
        // Identifiers and fragments the code supplies are reported only when they are the
        // function's own parameters: then callers (often in other files) decide what they hold.
        // Class fields, configuration, model metadata and SQL built by the code's own helpers are
        // not client-reachable, so no config reports them.
        const inputs = checkStructure ? code.flatMap((j) => j.verdict.nodes).filter((n) => isCallerParameter(n, sourceCode)) : [];
        if (values.length === 0 && requests.length === 0 && inputs.length > 0) {
          context.report({
            node: textNode,
            messageId: 'codeInStructure',
            data: { sink: sinkText, values: describeValues(inputs, sourceCode) },
          });
        }
      },
    };

    /**
     * pg-promise's `^` / `:raw` variables write their value into the text unescaped: client data
     * given to one stands in the statement as it is.
     */
    function checkRawVariables(node: TSESTree.CallExpression, method: string, text: string, match?: () => SinkMatch | null): void {
      const variables = rawFormattingVariables(text);
      const valuesArg = node.arguments[1];
      if (variables.length === 0 || !valuesArg || valuesArg.type === AST_NODE_TYPES.SpreadElement) return;
      if (RESOLVED_ONLY_METHODS.has(method) && !mayReachResolvedSink(sourceCode)) return;
      const found = match ? match() : matchSink(node, method, sourceCode);
      if (!found?.sink || found.sink.formatsPlaceholders !== 'pg-promise') return;
      for (const variable of variables) {
        const value = formattedValue(valuesArg, variable, sourceCode);
        if (value && isSafePart({ kind: 'dynamic', node: value as TSESTree.Expression })) continue;
        const source = value && clientSource(value, sourceCode);
        if (!value || !source) continue;
        context.report({
          node: valuesArg,
          messageId: 'requestInStructure',
          data: {
            sink: sinkName(found),
            values: describeValues([value], sourceCode),
            request: ` (${source}, written into the text unescaped by \`${variable.text}\`)`,
          },
        });
        return;
      }
    }

    function reportValues(
      textNode: TSESTree.Node,
      match: SinkMatch,
      plan: FixPlan | null,
      data: { sink: string; values: string; request: string; hint: string },
    ): void {
      const sink = match.sink!;
      if (plan?.autofix && match.resolved) {
        context.report({ node: textNode, messageId: 'dynamicSql', data, fix: plan.fix });
      } else if (plan) {
        context.report({
          node: textNode,
          messageId: 'dynamicSql',
          data,
          suggest: [
            sink.params === 'tagged-template'
              ? sink.taggedReplacement?.[match.method] === match.method
                ? { messageId: 'useTemplateTag', data: { method: match.method }, fix: plan.fix }
                : {
                    messageId: 'useTaggedTemplate',
                    data: { method: sink.taggedReplacement?.[match.method] ?? '', unsafe: match.method },
                    fix: plan.fix,
                  }
              : { messageId: 'useParameters', data: { placeholder: placeholderName(sink) }, fix: plan.fix },
          ],
        });
      } else {
        context.report({ node: textNode, messageId: 'dynamicSql', data });
      }
    }
  },
});

function worst(verdicts: Verdict[]): Verdict | null {
  if (verdicts.length === 0) return null;
  const kind = verdicts.reduce<Kind>((k, v) => (KIND_ORDER[v.kind] < KIND_ORDER[k] ? v.kind : k), 'code');
  const same = verdicts.filter((v) => v.kind === kind);
  return { kind, nodes: [...new Set(same.flatMap((v) => v.nodes))], client: same.map((v) => v.client).find((c) => c !== null) ?? null };
}

function hasText(composition: StringComposition): boolean {
  return composition.parts.some((p) => p.kind === 'static' && p.value.trim() !== '');
}

/** Where each dynamic part of the composition stands (all `literal` when the text cannot be read). */
function partPositions(composition: StringComposition, count: number): SlotPosition[] {
  const positions = slotPositions(compositionText(composition.parts, SLOT));
  return positions.length === count ? positions : Array<SlotPosition>(count).fill('literal');
}

/**
 * The sink for messages. A library is named only when the call was resolved to it by import; a
 * method recognised by its name alone (`qb.whereRaw()` on a builder handed in as a parameter) says
 * what it looks like instead.
 */
function sinkName(match: SinkMatch): string {
  if (match.sink && match.resolved) return `${match.sink.library} \`${match.method}()\``;
  if (match.sink) return `\`${match.method}()\` (a raw-SQL method, recognised by its name)`;
  return `\`.${match.method}()\``;
}

/** How a value reaches the client, for messages: a request read, or a GraphQL resolver argument. */
function clientSource(node: TSESTree.Node, sourceCode: SourceCode): string | null {
  const taint = taintOf(node, sourceCode);
  if (taint) return `\`${taint.source.text}\` comes from the request`;
  const argument = resolverArgument(node, sourceCode);
  return argument ? `\`${argument}\` is a resolver argument the client sends` : null;
}

const STRING_BUILDERS = new Set(['concat', 'join', 'format']);

/**
 * True when the argument is a single value rather than text assembled at or before the call:
 * a member read, a call that is not a string builder, or a variable bound to one (or a parameter).
 * Constants are not lone values (they are settled as constant text).
 */
function isLoneValue(node: TSESTree.Node, sourceCode: SourceCode, depth = 0): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.AwaitExpression:
      return staticString(node, sourceCode) === null;
    case AST_NODE_TYPES.CallExpression:
      return !STRING_BUILDERS.has(calleeName(node) ?? '') && staticString(node, sourceCode) === null;
    case AST_NODE_TYPES.Identifier: {
      if (depth > 8) return false;
      const variable = findVar(sourceCode, node);
      if (!variable || variable.defs.length === 0) return true;
      if (variable.defs[0]!.type === 'Parameter') return true;
      const single = singleValue(variable);
      if (!single) return false; // built with += or reassigned: compose it
      if (single.path.length > 0) return staticString(node, sourceCode) === null;
      return isLoneValue(unwrap(single.init), sourceCode, depth + 1);
    }
    default:
      return false;
  }
}

/** The text of a string literal or of a template literal without expressions, else null. */
function literalText(node: TSESTree.Node): string | null {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : null;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/**
 * The value pg-promise formats into a variable: the element of a values array literal (`$2` →
 * `[a, b][1]`), the property of a values object literal (`${sort}` → `{ sort }`), else the values
 * argument itself (a single value for `$1`, an object such as `req.query` for named variables).
 */
function formattedValue(values: TSESTree.Expression, variable: RawVariable, sourceCode: SourceCode): TSESTree.Node | null {
  const target = unwrap(values);
  if (variable.index !== null) {
    if (target.type === AST_NODE_TYPES.ArrayExpression) {
      const element = target.elements[variable.index - 1];
      return element && element.type !== AST_NODE_TYPES.SpreadElement ? element : null;
    }
    return variable.index === 1 && target.type !== AST_NODE_TYPES.ObjectExpression ? target : null;
  }
  if (target.type === AST_NODE_TYPES.ObjectExpression) {
    const prop = hasSpread(target) ? null : getProperty(target, variable.path?.[0] ?? '');
    return prop && prop.value.type !== AST_NODE_TYPES.AssignmentPattern ? prop.value : null;
  }
  return target.type === AST_NODE_TYPES.ArrayExpression || staticString(target, sourceCode) !== null ? null : target;
}

/** The SQL text argument: the argument itself, or `text`/`sql` of a query config object. */
function sqlTextNode(arg: TSESTree.Expression): { text: TSESTree.Expression | null; inConfig: boolean } {
  const target = unwrap(arg);
  if (target.type !== AST_NODE_TYPES.ObjectExpression) return { text: arg, inConfig: false };
  const prop = getProperty(target, 'text') ?? getProperty(target, 'sql');
  if (!prop || prop.value.type === AST_NODE_TYPES.AssignmentPattern || prop.value.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression) {
    return { text: null, inConfig: true };
  }
  return { text: prop.value as TSESTree.Expression, inConfig: true };
}

function textOf(composition: StringComposition): string {
  return composition.parts.map((p) => (p.kind === 'static' ? p.value : ' x ')).join('');
}

function describeValues(nodes: readonly TSESTree.Node[], sourceCode: SourceCode): string {
  const names = [...new Set(nodes.map((n) => `\`${shortText(sourceCode, n, 32)}\``))];
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}

function hint(sink: SqlSink): string {
  if (sink.hint) return sink.hint;
  switch (sink.params) {
    case 'values-argument':
      return sink.placeholder === 'dollar'
        ? '`$1`, `$2` … with a values array'
        : sink.placeholder === 'question'
          ? '`?` placeholders with a values array'
          : 'driver placeholders with a values array';
    case 'replacements-option':
      return '`?` placeholders with `{ replacements: [...] }`, or `bind`';
    case 'prepared-call':
      return '`?` placeholders, values given to `.get()`/`.all()`/`.run()`';
    case 'tagged-template':
      return 'the tagged template form, which parameterizes each `${}`';
    case 'none':
      return sink.library.startsWith('TypeORM')
        ? '`:name` parameters with a parameters object'
        : sink.library === 'Drizzle' || sink.library === 'Kysely'
          ? 'the `sql` tagged template instead of `sql.raw`'
          : 'the parameterized API of the library';
  }
}

function placeholderName(sink: SqlSink): string {
  return sink.placeholder === 'dollar' ? '`$n`' : sink.placeholder === 'colon' ? '`:n`' : '`?`';
}

interface FixPlan {
  autofix: boolean;
  fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

/**
 * A rewrite to placeholders when it keeps the query's meaning: the driver is known, the text is
 * written at the call (a template or a `+` chain), every unsafe value is a whole `'…'` literal
 * (autofix, passed as `String(value)` so the bound text equals what was inserted) or an unquoted
 * value after a comparison (suggestion only: the bound type may differ), and the call has no values yet.
 */
function planFix(
  call: TSESTree.CallExpression,
  arg: TSESTree.Node,
  composition: StringComposition,
  unsafe: DynamicPart[],
  sink: SqlSink,
  sourceCode: SourceCode,
): FixPlan | null {
  if (!composition.exact) return null;
  if (sink.params === 'none') return null;
  if (sink.placeholder === 'none' && sink.params !== 'tagged-template') return null;
  const unsafeNodes = new Set<TSESTree.Node>(unsafe.map((p) => p.node));
  const text = composition.parts
    .map((p) => (p.kind === 'static' ? p.value : unsafeNodes.has(p.node) ? SLOT : '0'))
    .join('');
  if (hasPlaceholders(text.split(SLOT).join(''), { colon: sink.placeholder === 'colon', at: sink.placeholder === 'at' })) return null;
  const kinds = classifySlots(text);
  if (kinds.length !== unsafe.length || kinds.includes('other')) return null;
  const autofix = sink.params !== 'tagged-template' && !sink.bindDiffersFromLiteral && kinds.every((k) => k === 'quoted');

  const placeholder = (i: number) =>
    sink.params === 'tagged-template' ? null : sink.placeholder === 'dollar' ? `$${i + 1}` : sink.placeholder === 'colon' ? `:${i + 1}` : '?';
  const rewritten = rewriteText(arg, unsafe, kinds, placeholder, sourceCode);
  if (!rewritten) return null;
  const params = unsafe.map((p, i) => paramText(p.node, kinds[i]!, sourceCode)).join(', ');

  if (sink.params === 'tagged-template') {
    const replacement = sink.taggedReplacement?.[calleeName(call) ?? ''];
    const callee = unwrap(call.callee);
    if (!replacement || call.arguments.length !== 1 || callee.type !== AST_NODE_TYPES.MemberExpression || !rewritten.template) {
      return null;
    }
    const typeArgs = call.typeArguments ? sourceCode.getText(call.typeArguments) : '';
    return {
      autofix: false,
      fix: (fixer) => [
        fixer.replaceText(callee.property, replacement),
        fixer.replaceTextRange([callee.range[1], call.range[1]], `${typeArgs}${rewritten.text}`),
      ],
    };
  }

  const insert = paramsInsertion(call, sink, params, sourceCode);
  if (!insert) return null;
  return {
    autofix,
    fix: (fixer) => [fixer.replaceText(arg, rewritten.text), insert(fixer)],
  };
}

function paramText(node: TSESTree.Node, kind: SlotKind, sourceCode: SourceCode): string {
  const text = sourceCode.getText(node);
  const wrapped = node.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
  if (kind === 'quoted' && !isCertainlyString(node, sourceCode)) return `String(${text})`;
  return wrapped;
}

/**
 * The SQL argument rewritten: each unsafe value replaced by a placeholder (or, for tagged templates,
 * kept as `${value}`), with the quotes around quoted values removed.
 */
function rewriteText(
  arg: TSESTree.Node,
  unsafe: DynamicPart[],
  kinds: SlotKind[],
  placeholder: (i: number) => string | null,
  sourceCode: SourceCode,
): { text: string; template: boolean } | null {
  if (arg.type === AST_NODE_TYPES.TemplateLiteral) {
    const raws = arg.quasis.map((q) => q.value.raw);
    const pieces: string[] = [];
    let slot = 0;
    let previousRaw = raws[0]!;
    const out: string[] = [];
    for (let i = 0; i < arg.expressions.length; i++) {
      const expr = arg.expressions[i]!;
      const index = unsafe.findIndex((p) => p.node === expr || unwrap(p.node) === expr);
      let nextRaw = raws[i + 1]!;
      if (index < 0) {
        out.push(previousRaw, '${', sourceCode.getText(expr), '}');
        previousRaw = nextRaw;
        continue;
      }
      if (index !== slot) return null;
      const kind = kinds[slot]!;
      if (kind === 'quoted') {
        const before = stripQuote(previousRaw, 'end');
        const after = stripQuote(nextRaw, 'start');
        if (before === null || after === null) return null;
        previousRaw = before;
        nextRaw = after;
      }
      const ph = placeholder(slot);
      out.push(previousRaw, ph ?? `\${${sourceCode.getText(expr)}}`);
      previousRaw = nextRaw;
      slot++;
    }
    out.push(previousRaw);
    if (slot !== unsafe.length) return null;
    pieces.push('`', ...out, '`');
    return { text: pieces.join(''), template: true };
  }
  if (arg.type === AST_NODE_TYPES.BinaryExpression) {
    if (placeholder(0) === null) return null;
    const leaves = concatLeaves(arg);
    if (!leaves) return null;
    const chunks: { text: string; expr: string | null; stripNextQuote?: boolean }[] = [];
    let slot = 0;
    for (const leaf of leaves) {
      const target = unwrap(leaf);
      if (target.type === AST_NODE_TYPES.Literal && typeof target.value === 'string') {
        chunks.push({ text: target.value, expr: null });
        continue;
      }
      const index = unsafe.findIndex((p) => p.node === leaf || p.node === target);
      if (index < 0) {
        chunks.push({ text: '', expr: sourceCode.getText(leaf) });
        continue;
      }
      if (index !== slot) return null;
      if (kinds[slot] === 'quoted') {
        const prev = chunks[chunks.length - 1];
        if (!prev || prev.expr !== null || !prev.text.endsWith("'")) return null;
        prev.text = prev.text.slice(0, -1);
        chunks.push({ text: placeholder(slot)!, expr: null, stripNextQuote: true });
      } else {
        chunks.push({ text: placeholder(slot)!, expr: null });
      }
      slot++;
    }
    if (slot !== unsafe.length) return null;
    // Remove the closing quote that followed each quoted value.
    for (let i = 0; i < chunks.length; i++) {
      if (!chunks[i]!.stripNextQuote) continue;
      const next = chunks[i + 1];
      if (!next || next.expr !== null || !next.text.startsWith("'")) return null;
      next.text = next.text.slice(1);
    }
    const hasExpr = chunks.some((c) => c.expr !== null);
    if (!hasExpr) return { text: quoteString(chunks.map((c) => c.text).join('')), template: false };
    return {
      text: `\`${chunks.map((c) => (c.expr !== null ? `\${${c.expr}}` : escapeTemplate(c.text))).join('')}\``,
      template: true,
    };
  }
  return null;
}

/** Leaves of a left-nested `+` chain that is certainly string concatenation (a string literal in the first two leaves). */
function concatLeaves(node: TSESTree.BinaryExpression): TSESTree.Node[] | null {
  const leaves: TSESTree.Node[] = [];
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') {
    leaves.unshift(current.right);
    current = current.left;
  }
  leaves.unshift(current);
  const isString = (n: TSESTree.Node | undefined) => {
    const t = n && unwrap(n);
    return !!t && t.type === AST_NODE_TYPES.Literal && typeof t.value === 'string';
  };
  if (!isString(leaves[0]) && !isString(leaves[1])) return null;
  return leaves;
}

function stripQuote(raw: string, side: 'start' | 'end'): string | null {
  if (side === 'end') {
    if (raw.endsWith("\\'")) return raw.slice(0, -2);
    if (raw.endsWith("'")) return raw.slice(0, -1);
    return null;
  }
  if (raw.startsWith("\\'")) return raw.slice(2);
  if (raw.startsWith("'")) return raw.slice(1);
  return null;
}

function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

function escapeTemplate(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

function paramsInsertion(
  call: TSESTree.CallExpression,
  sink: SqlSink,
  params: string,
  sourceCode: SourceCode,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  const [first, second, ...rest] = call.arguments;
  if (!first || rest.length > 0) return null;
  switch (sink.params) {
    case 'values-argument':
      if (!second) return (fixer) => fixer.insertTextAfter(first, `, [${params}]`);
      if (isFunction(unwrap(second)) && !sink.functionIsValue) return (fixer) => fixer.insertTextBefore(second, `[${params}], `);
      return null;
    case 'replacements-option': {
      if (!second) return (fixer) => fixer.insertTextAfter(first, `, { replacements: [${params}] }`);
      const options = unwrap(second);
      if (options.type !== AST_NODE_TYPES.ObjectExpression || hasSpread(options)) return null;
      if (getProperty(options, 'replacements') || getProperty(options, 'bind')) return null;
      const firstProp = options.properties[0];
      if (!firstProp) return (fixer) => fixer.replaceText(options, `{ replacements: [${params}] }`);
      return (fixer) => fixer.insertTextBefore(firstProp, `replacements: [${params}], `);
    }
    case 'prepared-call': {
      if (second) return null;
      const member = call.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== call) return null;
      const run = memberName(member);
      if (!run || !['get', 'all', 'run', 'iterate'].includes(run)) return null;
      const outer = member.parent;
      if (outer?.type !== AST_NODE_TYPES.CallExpression || outer.callee !== member || outer.arguments.length > 0) return null;
      const closing = sourceCode.getLastToken(outer);
      if (!closing || closing.value !== ')') return null;
      return (fixer) => fixer.insertTextBefore(closing, params);
    }
    default:
      return null;
  }
}
