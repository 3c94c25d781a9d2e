import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { SQL_ESCAPER_METHODS, SQL_ESCAPERS } from '../../catalog/sql.js';
import { memberName, unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { fromModule, resolveModule } from '../core/modules.js';
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
    // `-- …` and MySQL's `# …` (not PostgreSQL's `#>`, `#>>`, `#-` operators) run to the end of the line.
    if ((ch === '-' && text[i + 1] === '-') || (ch === '#' && !/[>-]/.test(text[i + 1] ?? ''))) {
      while (i < n && text[i] !== '\n') {
        if (text[i] === SLOT) kinds.push('other');
        i++;
      }
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < n && !(text[i] === '*' && text[i + 1] === '/')) {
        if (text[i] === SLOT) kinds.push('other');
        i++;
      }
      i += 2;
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

/**
 * True when the text already holds a `?` or `$n` anywhere (even inside a literal, where some drivers
 * still substitute): adding a values list would then bind the wrong things.
 */
export function hasPlaceholders(text: string): boolean {
  return /\?|\$\d/.test(text);
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
  return SQL_ESCAPERS.some((e) => fromModule(ref, e.modules) && last !== undefined && e.names.includes(last));
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
    if ((ch === '-' && text[i + 1] === '-') || (ch === '#' && !/[>-]/.test(text[i + 1] ?? ''))) {
      while (i < n && text[i] !== '\n') {
        if (text[i] === SLOT) positions.push('literal');
        i++;
      }
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < n && !(text[i] === '*' && text[i + 1] === '/')) {
        if (text[i] === SLOT) positions.push('literal');
        i++;
      }
      i += 2;
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
