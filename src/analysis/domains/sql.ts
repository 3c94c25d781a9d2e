import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { SQL_ESCAPER_METHODS, SQL_ESCAPERS, SQL_SINKS, UNRESOLVED_QUERY_METHODS, type SqlSink } from '../../catalog/sql.js';
import { calleeName, findVar, isFunction, memberName, unwrap, wrappedParent } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { fromModule, isModulePath, resolveModule } from '../core/modules.js';
import { nameWords } from '../core/names.js';


/**
 * Reading SQL text that has values inserted into it: does it look like SQL at all, and where
 * does each inserted value stand (inside a quoted literal, in a value position, or somewhere a
 * placeholder cannot go, such as an identifier)?
 */

/** Stands for one inserted value in the text passed to these helpers. */
export const SLOT = '\u0000';

const STATEMENT_START =
  /^\s*\(?\s*(?:select|insert|update|delete|with|replace|merge|upsert|call|exec|execute|create|alter|drop|truncate|grant|revoke|pragma|explain)\b/i;
const STATEMENT_BODY = /\b(?:from|into|set|where|values|table|join|returning|index|view|on)\b/i;
const FRAGMENT = /^\s*[\w."`[\]]+\s*(?:=|<>|!=|<=|>=|<|>|\s+(?:i?like|in|is|between)\b)/i;

/**
 * True when the text reads as an SQL statement (`SELECT … FROM`, `INSERT INTO`, `UPDATE … SET`,
 * `DELETE FROM` …) — evidence for calls whose receiver cannot be resolved to a driver.
 */
export function looksLikeSql(text: string): boolean {
  return STATEMENT_START.test(text) && STATEMENT_BODY.test(text) && !isProse(text);
}

/** Words of English prose that SQL outside its string literals does not use. */
const PROSE_WORDS = /\b(?:the|your|you|please|my|our|their|this|these|those)\b/i;

/** `Select a user from the list`, `Delete the item from your cart`: a sentence, not a statement. */
function isProse(text: string): boolean {
  const outsideLiterals = text.replace(/'(?:[^']|'')*'|"[^"]*"|`[^`]*`/g, "''");
  return PROSE_WORDS.test(outsideLiterals);
}

/**
 * When an SQL comment starts at `start` — `-- …` or MySQL's `# …` to the end of the line (not
 * PostgreSQL's `#>`, `#>>`, `#-` operators), or a block comment — the index just after it, with `label`
 * pushed onto `out` for each slot inside; otherwise -1.
 */
function skipComment<T>(text: string, start: number, out: T[], label: T): number {
  const n = text.length;
  const ch = text[start];
  let i = start;
  if ((ch === '-' && text[i + 1] === '-') || (ch === '#' && !/[>-]/.test(text[i + 1] ?? ''))) {
    while (i < n && text[i] !== '\n') {
      if (text[i] === SLOT) out.push(label);
      i++;
    }
    return i;
  }
  if (ch === '/' && text[i + 1] === '*') {
    i += 2;
    while (i < n && !(text[i] === '*' && text[i + 1] === '/')) {
      if (text[i] === SLOT) out.push(label);
      i++;
    }
    return i + 2;
  }
  return -1;
}

/** True when the text reads as a `WHERE` fragment: `user.id = …`, `name LIKE …`. */
export function looksLikeSqlFragment(text: string): boolean {
  return looksLikeSql(text) || FRAGMENT.test(text);
}

/**
 * Where an inserted value stands:
 * - `quoted`: it is the whole content of a standalone `'…'` string literal (`= '${x}'`);
 * - `value`: unquoted, right after a comparison operator or `LIKE`, or an item of a `VALUES (…)` list;
 * - `other`: anywhere else (identifiers, keywords, part of a longer literal, comments).
 */
export type SlotKind = 'quoted' | 'value' | 'other';

const TYPED_LITERAL_PREFIX = /\b(?:date|time|timestamp|timestamptz|interval)\s*$/i;
const VALUE_OPERATOR = /(?:<>|!=|<=|>=|=|<|>|\blike|\bilike)\s*$/i;

/** Classifies every slot of `text` (a string in which {@link SLOT} marks each inserted value). */
export function classifySlots(text: string): SlotKind[] {
  const kinds: SlotKind[] = [];
  let i = 0;
  let depth = 0;
  let valuesMode = false;
  let valuesDepth = -1;
  // After `\'` the end of a literal depends on the server (MySQL reads it as an escaped quote,
  // standard SQL as the end): no later slot can be placed with confidence.
  let ambiguous = false;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === SLOT) {
      kinds.push(ambiguous ? 'other' : classifyBare(text, i, depth, valuesDepth));
      i++;
      continue;
    }
    if (ch === "'") {
      const start = i;
      i++;
      const slotsInside: number[] = [];
      while (i < n) {
        if (text[i] === '\\' && text[i + 1] === "'") ambiguous = true;
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            i += 2;
            continue;
          }
          break;
        }
        if (text[i] === SLOT) slotsInside.push(i);
        i++;
      }
      const end = i; // index of the closing quote, or n when unterminated
      for (const pos of slotsInside) {
        const standalone =
          slotsInside.length === 1 &&
          pos === start + 1 &&
          end === pos + 1 &&
          end < n &&
          !ambiguous &&
          // `E'…'`, `N'…'`, `U&'…'`: prefixed literals are not plain values.
          !/[\w$&]/.test(text[start - 1] ?? ' ') &&
          !TYPED_LITERAL_PREFIX.test(text.slice(0, start));
        kinds.push(standalone ? 'quoted' : 'other');
      }
      i = end + 1;
      continue;
    }
    if (ch === '"' || ch === '`') {
      i++;
      while (i < n && text[i] !== ch) {
        if (text[i] === SLOT) kinds.push('other');
        i++;
      }
      i++;
      continue;
    }
    const afterComment = skipComment(text, i, kinds, 'other');
    if (afterComment >= 0) {
      i = afterComment;
      continue;
    }
    if (ch === '(') {
      if (valuesMode && depth === 0) valuesDepth = 1;
      depth++;
    } else if (ch === ')') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) valuesDepth = valuesMode ? -1 : valuesDepth;
    } else if (/[a-z_]/i.test(ch) && !/[\w$]/.test(text[i - 1] ?? ' ')) {
      const word = /^[a-z_]\w*/i.exec(text.slice(i))![0];
      if (/^values$/i.test(word)) valuesMode = true;
      else if (depth === 0 && valuesMode) valuesMode = false;
      i += word.length;
      continue;
    } else if (ch === ';') {
      valuesMode = false;
    }
    i++;
  }
  return kinds;
}

function classifyBare(text: string, pos: number, depth: number, valuesDepth: number): SlotKind {
  const before = text.slice(0, pos);
  const after = text.slice(pos + 1);
  // Glued to other text (`${schema}.users`, `prefix${x}`) is part of a token, not a whole value.
  if (/^[\w$.([]/.test(after) || /[\w$.]$/.test(before)) return 'other';
  if (VALUE_OPERATOR.test(before)) {
    return /^\s*(?:$|[),;]|and\b|or\b|where\b|order\b|group\b|limit\b|having\b|returning\b)/i.test(after) ? 'value' : 'other';
  }
  if (valuesDepth === 1 && depth === 1 && /[(,]\s*$/.test(before) && /^\s*[,)]/.test(after)) return 'value';
  return 'other';
}

/** Placeholder forms some drivers take besides `?` and `$n`. */
export interface PlaceholderForms {
  /** Oracle bind variables: `:name`, `:1` (not a `::type` cast). */
  colon?: boolean;
  /** SQL Server parameters: `@name`. */
  at?: boolean;
}

/**
 * True when the text already holds a `?`, a `$n` or a pg-promise variable (`${name}`, `$(name)`,
 * `$<name>`, `$[name]`, `$/name/`) anywhere (even inside a literal, where some drivers still
 * substitute), or one of the `forms` asked for: adding a values list would then bind the wrong things.
 */
export function hasPlaceholders(text: string, forms: PlaceholderForms = {}): boolean {
  if (/\?|\$\d|\$[{(<[/]\s*[\w$]/.test(text)) return true;
  if (forms.colon && /(?:^|[^:\w]):\w/.test(text)) return true;
  return !!forms.at && /@\w/.test(text);
}

/**
 * True when the expression is the output of a driver's escaper (`mysql.escape(v)`,
 * `connection.escapeId(col)`, `client.escapeIdentifier(t)`, `format.ident(t)` from pg-format), or
 * of a function named in `extra` (`'quoteIdent'`, `'db.escapeName'`).
 */
export function isSqlEscaped(node: TSESTree.Node, sourceCode: SourceCode, extra: readonly string[] = []): boolean {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(target.callee);
  if (extra.length > 0 && extra.includes(sourceCode.getText(callee))) return true;
  const name =
    callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
  if (name === null) return false;
  if (extra.includes(name)) return true;
  if (callee.type === AST_NODE_TYPES.MemberExpression && SQL_ESCAPER_METHODS.includes(name)) return true;
  // Project escapers by their conventional names: escapePath, escapeIdentifier, quoteIdent, quoteName…
  if (
    /^(?:escape|quote)[A-Z_]\w*$/.test(name) &&
    !/^(?:escape|quote)(?:Html|HTML|Xml|XML|Reg|Url|URL|Uri|URI|Shell|Js|JS|Json|JSON|Markdown|Md|Attr|String)/.test(name)
  ) {
    return true;
  }
  const ref = resolveModule(callee, sourceCode);
  if (!ref) return false;
  const last = ref.path[ref.path.length - 1];
  const parent = ref.path[ref.path.length - 2];
  return SQL_ESCAPERS.some(
    (e) =>
      fromModule(ref, e.modules) &&
      last !== undefined &&
      e.names.includes(last) &&
      (e.under === undefined || parent === e.under) &&
      (e.rawFlagAt === undefined || !asksForRaw(target.arguments[e.rawFlagAt])),
  );
}

/** An argument asking an escaper for raw output: present, and not `false`. */
function asksForRaw(arg: TSESTree.CallExpressionArgument | undefined): boolean {
  if (!arg) return false;
  const value = unwrap(arg);
  return !(value.type === AST_NODE_TYPES.Literal && value.value === false);
}

/**
 * Where an inserted value stands in the statement:
 * - `literal`: a value inside a `'…'` literal (anywhere in it: `'%${term}%'`, `INTERVAL '${n} hours'`),
 *   a `"…"` literal where a value goes (MySQL reads it as a string), a comment, or anywhere after a
 *   `\'` whose meaning depends on the server;
 * - `value`: where SQL expects a value — right of a comparison
 *   (`= <> != < > <= >= LIKE ILIKE`, and `||`, arithmetic), inside `IN (…)`, `VALUES (…)`,
 *   `ANY (…)` and the arguments of a function called there, after `LIMIT`, `OFFSET`, `BETWEEN … AND`,
 *   `THEN`, `ELSE`, `INTERVAL`, `ESCAPE`;
 * - `structure`: everything else — identifiers (after `FROM`, `JOIN`, `INTO`, `UPDATE`, `TABLE`,
 *   `ORDER BY` …, glued to a `.` or to other name characters, inside `"…"`, `` `…` `` or `[…]`),
 *   keywords and operators, and whole fragments (a `WHERE` clause, a sub-query, a column list).
 */
export type SlotPosition = 'literal' | 'value' | 'structure';

/** Text just before a value: a comparison, `||`, arithmetic. */
const VALUE_AFTER_OPERATOR = /(?:<>|!=|<=|>=|=|<|>|\|\||->>?|#>>?|@>|<@|[+\-*/%]|\blike|\bilike|\bsimilar\s+to)\s*$/i;
/** Text just before a value: the keywords that take one. */
const VALUE_AFTER_KEYWORD =
  /(?:\b(?:limit|offset|between|then|else|interval|escape|top)\s*$)|(?:\bbetween\s+\S+\s+and\s*$)|(?:\blimit\s+\S+\s*,\s*$)|(?:\bfetch\s+(?:first|next)\s*$)/i;
/** Text before a `(` whose contents are values: `IN (`, `VALUES (`, `= ANY(`, `= lower(`. */
const VALUE_LIST_OPENER = /\b(?:in|values|any|all|some)\s*$/i;
/** A function name right before `(`, to look at what precedes the call. */
const FUNCTION_NAME = /[a-z_][\w$.]*\s*$/i;
const SUBQUERY_START = /^\s*(?:select|with)\b/i;

function inValueSpot(before: string): boolean {
  return VALUE_AFTER_OPERATOR.test(before) || VALUE_AFTER_KEYWORD.test(before);
}

/** True when a `(` at the end of `before` opens a list of values. */
function opensValues(before: string): boolean {
  if (VALUE_LIST_OPENER.test(before) || inValueSpot(before)) return true;
  const name = FUNCTION_NAME.exec(before);
  if (!name) return false;
  const rest = before.slice(0, name.index);
  if (/[\w$.]$/.test(rest)) return false;
  return !/^(?:in|values|any|all|some|exists|from|join|into|table|update|on|using|as|and|or|not|where|having|select|by)\s*$/i.test(name[0]) && inValueSpot(rest);
}

/** Classifies every slot of `text` (a string in which {@link SLOT} marks each inserted value) by its position. */
export function slotPositions(text: string): SlotPosition[] {
  const positions: SlotPosition[] = [];
  /** One entry per open parenthesis: does it hold values? */
  const frames: boolean[] = [];
  let valuesMode = false;
  let ambiguous = false;
  const n = text.length;
  const inValues = () => frames.length > 0 && frames[frames.length - 1]!;
  let i = 0;
  while (i < n) {
    const ch = text[i]!;
    if (ch === SLOT) {
      positions.push(ambiguous ? 'literal' : bareSlotPosition(text, i, inValues()));
      i++;
      continue;
    }
    if (ch === "'") {
      i++;
      while (i < n) {
        if (text[i] === '\\' && text[i + 1] === "'") ambiguous = true;
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            i += 2;
            continue;
          }
          break;
        }
        if (text[i] === SLOT) positions.push('literal');
        i++;
      }
      i++;
      continue;
    }
    if (ch === '"' || ch === '`' || (ch === '[' && !/\barray\s*$/i.test(text.slice(0, i)))) {
      // A `"…"` in a value spot is a MySQL string; otherwise quoted names are identifiers.
      const before = text.slice(0, i);
      const kind: SlotPosition = ambiguous || (ch === '"' && (inValues() || inValueSpot(before))) ? 'literal' : 'structure';
      const close = ch === '[' ? ']' : ch;
      i++;
      while (i < n && text[i] !== close) {
        if (text[i] === SLOT) positions.push(kind);
        i++;
      }
      i++;
      continue;
    }
    const afterComment = skipComment(text, i, positions, 'literal');
    if (afterComment >= 0) {
      i = afterComment;
      continue;
    }
    if (ch === '(' || ch === '[') {
      const before = text.slice(0, i);
      let values = inValues() || (valuesMode && frames.length === 0) || opensValues(before) || ch === '[';
      if (values && SUBQUERY_START.test(text.slice(i + 1))) values = false;
      frames.push(values);
    } else if (ch === ')' || ch === ']') {
      frames.pop();
    } else if (/[a-z_]/i.test(ch) && !/[\w$]/.test(text[i - 1] ?? ' ')) {
      const word = /^[a-z_]\w*/i.exec(text.slice(i))![0];
      if (/^values$/i.test(word)) valuesMode = true;
      else if (frames.length === 0 && valuesMode) valuesMode = false;
      i += word.length;
      continue;
    } else if (ch === ';') {
      valuesMode = false;
    }
    i++;
  }
  return positions;
}

function bareSlotPosition(text: string, pos: number, inValues: boolean): SlotPosition {
  const before = text.slice(0, pos);
  const after = text.slice(pos + 1);
  // Glued to a name (`${schema}.users`, `users.${col}`, `t_${suffix}`, `${fn}(x)`): part of an identifier.
  if (/^[\w$.([]/.test(after) || /[\w$.]$/.test(before)) return 'structure';
  return inValues || inValueSpot(before) ? 'value' : 'structure';
}

/** Last words of names that say a value holds SQL text: `whereClause`, `caseClauses`, `filterFragment`, `getWhereConditions`. */
const SQL_TEXT_HEADS = new Set(['sql', 'clause', 'clauses', 'fragment', 'fragments', 'conditions', 'subquery', 'subqueries']);

/** True when a name says its value is SQL text: `sql`, `whereSql`, `sqlHourOffset`, `orderClause`, `joinFragment`, `filterConditions`. */
export function isSqlTextName(name: string): boolean {
  const w = nameWords(name);
  return w.length > 0 && (w[0] === 'sql' || SQL_TEXT_HEADS.has(w[w.length - 1]!));
}

/**
 * True when an expression is SQL text the program builds for itself: its name says so (a
 * variable, property or function named like SQL, see {@link isSqlTextName}; `names` adds the
 * variables it was read through), or it comes from an ORM's query generator
 * (`queryInterface.queryGenerator.getWhereConditions(where)`), which escapes the values it writes.
 */
export function isSqlFragment(node: TSESTree.Node, names: readonly string[] = []): boolean {
  if (names.some(isSqlTextName)) return true;
  let target = unwrap(node);
  if (target.type === AST_NODE_TYPES.AwaitExpression) target = unwrap(target.argument);
  const name = expressionName(target);
  if (name !== null && isSqlTextName(name)) return true;
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  // A method of `….queryGenerator`.
  for (let current = unwrap(target.callee), i = 0; i < 16; i++) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (memberName(current) === 'queryGenerator') return true;
      current = unwrap(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = unwrap(current.callee);
    } else {
      return false;
    }
  }
  return false;
}

function expressionName(node: TSESTree.Node): string | null {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return node.name;
    case AST_NODE_TYPES.MemberExpression:
      return node.property.type === AST_NODE_TYPES.PrivateIdentifier ? node.property.name : memberName(node);
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(node.callee);
      return callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression ? expressionName(callee) : null;
    }
    default:
      return null;
  }
}

/** A query sink a call reaches. */
export interface SqlSinkMatch {
  /** The catalog row, or null for a query-like call on a receiver no import explains. */
  sink: SqlSink | null;
  method: string;
  /** True when the receiver or function was resolved to the library by import. */
  resolved: boolean;
}

/** How many task contexts inside task contexts are followed back (`db.tx(t => t.task(t2 => …))`). */
const MAX_TASK_DEPTH = 8;

function sinksBy(names: (sink: SqlSink) => readonly string[]): ReadonlyMap<string, readonly SqlSink[]> {
  const map = new Map<string, SqlSink[]>();
  for (const sink of SQL_SINKS) {
    for (const name of new Set(names(sink))) map.set(name, [...(map.get(name) ?? []), sink]);
  }
  return map;
}

/** Sinks by method name (`query`, `whereRaw`), in catalog order. */
const METHOD_SINKS_BY_NAME = sinksBy((sink) => sink.methods ?? []);
/** Sinks by the last segment of their function paths (`sql.raw` → `raw`), in catalog order. */
const FUNCTION_SINKS_BY_NAME = sinksBy((sink) => (sink.functions ?? []).map((path) => path[path.length - 1]!));

/**
 * Which query sink of `catalog/sql.ts` a call reaches, if any: a function resolved by import
 * (`sql.raw(…)` from slonik before 20), a method on a receiver resolved by import (`pool.query`,
 * `db.one` from pg-promise), or on a task context of one (`db.task(t => t.one(…))`), a method
 * distinctive enough on any receiver (`whereRaw`), and last a query-like method on a receiver no
 * import explains (`sink: null`). A task context whose database no import explains counts as such a
 * receiver for its methods (`t.one(…)` in `db.tx(t => …)`, with `db` from a local module).
 */
export function matchSqlSink(node: TSESTree.CallExpression, method: string, sourceCode: SourceCode): SqlSinkMatch | null {
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    // `raw(text)` imported by name (slonik-sql-tag-raw).
    const ref = resolveModule(callee, sourceCode);
    const sink = SQL_SINKS.find((s) => s.functions?.some((path) => path.length === 1 && isModulePath(ref, s.modules, path)));
    return sink ? { sink, method, resolved: true } : null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  // Only the sinks that name this method are tried (tables built once from the catalog).
  const functionSinks = FUNCTION_SINKS_BY_NAME.get(method);
  if (functionSinks) {
    const calleeRef = resolveModule(callee, sourceCode);
    for (const sink of functionSinks) {
      if (sink.functions?.some((path) => isModulePath(calleeRef, sink.modules, path))) return { sink, method, resolved: true };
    }
  }
  const methodSinks = METHOD_SINKS_BY_NAME.get(method) ?? [];
  const receiverRef = resolveModule(callee.object, sourceCode);
  for (const sink of methodSinks) {
    if (fromModule(receiverRef, sink.modules)) return { sink, method, resolved: true };
  }
  let viaUnresolvedTask = false;
  if (!receiverRef) {
    for (const sink of methodSinks) {
      if (!sink.taskMethods) continue;
      const owner = taskOwner(callee.object, sink, sourceCode);
      if (owner === 'resolved') return { sink, method, resolved: true };
      if (owner === 'unresolved') viaUnresolvedTask = true;
    }
  }
  for (const sink of methodSinks) {
    if (sink.anyReceiver) return { sink, method, resolved: false };
    if (sink.chainIncludes && chainIncludes(callee.object, sink.chainIncludes)) return { sink, method, resolved: false };
  }
  // A receiver from a local module (`import { db } from './db'`) or none the file explains.
  if (receiverRef) return UNRESOLVED_QUERY_METHODS.includes(method) ? { sink: null, method, resolved: false } : null;
  return UNRESOLVED_QUERY_METHODS.includes(method) || viaUnresolvedTask ? { sink: null, method, resolved: false } : null;
}

/**
 * Follows a task context back to its database: `resolved` when that is the sink's library by
 * import, `unresolved` when no import explains it, null when the value is not a task context (or
 * comes from another library).
 */
function taskOwner(receiver: TSESTree.Node, sink: SqlSink, sourceCode: SourceCode): 'resolved' | 'unresolved' | null {
  const methods = sink.taskMethods ?? [];
  let current: TSESTree.Node | null = taskContextSource(receiver, methods, sourceCode);
  for (let depth = 0; current && depth < MAX_TASK_DEPTH; depth++) {
    const ref = resolveModule(current, sourceCode);
    if (ref && !isLocalModule(ref.module)) return fromModule(ref, sink.modules) ? 'resolved' : null;
    if (ref) return 'unresolved';
    const outer = taskContextSource(current, methods, sourceCode);
    if (!outer) return 'unresolved';
    current = outer;
  }
  return null;
}

/** A module of the project itself (`./db`, `../lib/db`, `@/db`, `~/db`, `#db`), whose exports this file cannot see. */
function isLocalModule(specifier: string): boolean {
  return /^(?:\.|\/|@\/|~\/|#)/.test(specifier);
}

/**
 * The object whose task a context comes from: `db` for `t` in `db.task(t => t.one(…))`,
 * `db.tx('tag', async (t) => …)`, `db.taskIf({ cnd }, (t) => …)`, and for `this` in a
 * `function` callback (`db.tx(function () { return this.none(…); })`), whose `this` the library
 * binds to the context. The callback is the call's last argument; `methods` are the task methods.
 */
export function taskContextSource(node: TSESTree.Node, methods: readonly string[], sourceCode: SourceCode): TSESTree.Node | null {
  const target = unwrap(node);
  let fn: TSESTree.Node | null = null;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const def = findVar(sourceCode, target)?.defs[0];
    if (!def || def.type !== 'Parameter' || !isFunction(def.node as TSESTree.Node)) return null;
    const candidate = def.node as TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
    const first = candidate.params[0];
    if (!first || first.type !== AST_NODE_TYPES.Identifier || first.name !== target.name) return null;
    fn = candidate;
  } else if (target.type === AST_NODE_TYPES.ThisExpression) {
    let current: TSESTree.Node | undefined = target.parent;
    while (current && !(isFunction(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression)) current = current.parent;
    if (current?.type !== AST_NODE_TYPES.FunctionExpression) return null;
    fn = current;
  } else {
    return null;
  }
  const call = wrappedParent(fn);
  if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
  const last = call.arguments[call.arguments.length - 1];
  if (!last || unwrap(last) !== fn) return null;
  const name = calleeName(call);
  const callee = unwrap(call.callee);
  if (name === null || !methods.includes(name) || callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  return callee.object;
}

function chainIncludes(node: TSESTree.Node, method: string): boolean {
  let current = unwrap(node);
  for (let i = 0; i < 64; i++) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      if (calleeName(current) === method) return true;
      current = unwrap(current.callee);
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = unwrap(current.object);
    } else if (current.type === AST_NODE_TYPES.AwaitExpression) {
      current = unwrap(current.argument);
    } else {
      return false;
    }
  }
  return false;
}

/** A pg-promise variable whose value is written into the text unescaped (`$1:raw`, `$1^`, `${name:raw}`, `$<name^>`). */
export interface RawVariable {
  /** The variable as written. */
  text: string;
  /** 1-based index for `$n` variables, null for named ones. */
  index: number | null;
  /** The property path for named variables (`user.name` → `['user', 'name']`), null for `$n`. */
  path: readonly string[] | null;
}

const RAW_INDEXED = /\$([1-9]\d{0,5})(?:\^|:raw)(?![\w$])/g;
const RAW_NAMED = /\$([{(<[/])\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*(?:\^|:raw)\s*([})>\]/])/g;
const CLOSERS: Readonly<Record<string, string>> = { '{': '}', '(': ')', '<': '>', '[': ']', '/': '/' };

/**
 * The variables of pg-promise query formatting in `text` that insert their value as raw text
 * (the `^` and `:raw` filters). Every other variable (`$1`, `${name}`, `$1:name`, `$1:csv`,
 * `$1:value`, `$1:json` …) is escaped by the library.
 */
export function rawFormattingVariables(text: string): RawVariable[] {
  if (!text.includes('$') || !(text.includes('^') || text.includes(':raw'))) return [];
  const found: RawVariable[] = [];
  for (const m of text.matchAll(RAW_INDEXED)) found.push({ text: m[0], index: Number(m[1]), path: null });
  for (const m of text.matchAll(RAW_NAMED)) {
    if (CLOSERS[m[1]!] !== m[3]) continue;
    found.push({ text: m[0], index: null, path: m[2]!.split('.') });
  }
  return found;
}
